//! The results of a model (contract §3), as plain data shared by the window and the command line.

use std::collections::BTreeMap;

use serde::Serialize;

use super::break_even::{BreakEven, NoBreakEven, no_break_even_reason};
use super::finance::{cumulative, discount_factors, irr, payback_months, present_value, ratio};
use super::plan::Plan;
use super::project::{OptionSeries, Projection, in_house_step_fixed};
use super::rate_card::{RateCard, rate_card};
use crate::model::{HiddenCategory, Model};

/// In-house results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InHouseResult {
    /// Units of work per month.
    pub volume: Vec<f64>,
    /// Staff per month.
    pub fte: Vec<f64>,
    /// Cost per month.
    pub cost: Vec<f64>,
    /// Σ cost.
    pub total: f64,
    /// The fixed part of the total.
    pub fixed_total: f64,
    /// The part of `fixed_total` that is staff sized for the peak: fixed within a plan year,
    /// stepping with volume across years (not in the contract; 0 under `Flexible` staffing).
    pub step_fixed_total: f64,
    /// The variable part of the total.
    pub variable_total: f64,
    /// Total / Σ volume; `None` when there is no volume.
    pub cost_per_unit: Option<f64>,
}

/// The results of one option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionResult {
    /// The option's name.
    pub name: String,
    /// Σ option cost.
    pub total: f64,
    /// Σ savings (in-house minus option).
    pub savings_total: f64,
    /// Savings as a share of the in-house total.
    pub savings_pct: Option<f64>,
    /// Net present value of the savings.
    pub npv: f64,
    /// Internal rate of return of the savings, annual.
    pub irr: Option<f64>,
    /// Months until the cumulative savings turn non-negative for good.
    pub payback_months: Option<u32>,
    /// Total / Σ in-house volume.
    pub cost_per_unit: Option<f64>,
    /// The fixed part of the total (§2).
    pub fixed_total: f64,
    /// The variable part of the total.
    pub variable_total: f64,
    /// Σ hidden costs.
    pub hidden_total: f64,
    /// Σ hidden costs per category the option uses.
    pub hidden_by_category: BTreeMap<HiddenCategory, f64>,
    /// Hidden total / Σ fees.
    pub hidden_pct_of_fees: Option<f64>,
    /// The factor by which every hidden cost can grow before the NPV is 0.
    pub hidden_multiplier_at_break_even: Option<f64>,
    /// The monthly volume at which the option costs what in-house costs (steady state).
    pub break_even_volume: Option<f64>,
    /// When there is no break-even volume, which side is cheaper at every volume. Not in the
    /// JSON, where `break_even_volume: null` stays the contract's answer.
    #[serde(skip)]
    pub no_break_even: Option<NoBreakEven>,
    /// Vendor staff per month.
    pub fte: Vec<f64>,
    /// Fees per month (model currency).
    pub fees: Vec<f64>,
    /// Retained in-house cost per month.
    pub retained: Vec<f64>,
    /// Parallel running cost per month.
    pub parallel: Vec<f64>,
    /// Hidden cost per month.
    pub hidden: Vec<f64>,
    /// Option cost per month.
    pub cost: Vec<f64>,
    /// Savings per month.
    pub savings: Vec<f64>,
    /// Cumulative savings per month.
    pub cumulative_savings: Vec<f64>,
}

/// Every result of a model: in-house and each option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// In-house.
    pub in_house: InHouseResult,
    /// Each option, in model order.
    pub options: Vec<OptionResult>,
    /// Labour rates side by side, by plan year (not in the contract; see [`rate_card`]).
    pub rate_card: RateCard,
}

impl Evaluation {
    /// Evaluates a model at its base values.
    pub fn of_model(model: &Model) -> Self {
        let plan = Plan::new(model);
        Self::of_plan(&plan, &plan.base_values())
    }

    /// Evaluates a compiled model with the given input values.
    pub fn of_plan(plan: &Plan, values: &[f64]) -> Self {
        let projection = Projection::new(plan, values);
        let factors = discount_factors(plan.discount_rate(values), plan.horizon());
        let in_house_total: f64 = projection.cost.iter().sum();
        let in_house_fixed: f64 = projection.fixed.iter().sum();
        let volume_total: f64 = projection.volume.iter().sum();
        let mut break_even = BreakEven::new(plan, values);
        let rate_card = rate_card(plan, values, &projection);
        let step_fixed = in_house_step_fixed(plan, values, &projection);
        // The projection's series move into the results rather than being copied.
        let Projection { volume, fte, cost, options, .. } = projection;
        let options = options
            .into_iter()
            .enumerate()
            .map(|(i, series)| {
                let crossing = break_even.volume(i).ok_or_else(|| no_break_even_reason(plan, i, values));
                option_result(plan, i, series, &factors, in_house_total, volume_total, crossing)
            })
            .collect();
        Self {
            in_house: InHouseResult {
                total: in_house_total,
                fixed_total: in_house_fixed,
                step_fixed_total: step_fixed,
                variable_total: in_house_total - in_house_fixed,
                cost_per_unit: ratio(in_house_total, volume_total),
                volume,
                fte,
                cost,
            },
            options,
            rate_card,
        }
    }
}

fn option_result(
    plan: &Plan,
    index: usize,
    s: OptionSeries,
    factors: &[f64],
    in_house_total: f64,
    volume_total: f64,
    break_even: Result<f64, NoBreakEven>,
) -> OptionResult {
    let total: f64 = s.cost.iter().sum();
    let fixed_total: f64 = s.fixed.iter().sum();
    let savings_total: f64 = s.savings.iter().sum();
    let hidden_total: f64 = s.hidden.iter().sum();
    let fees_total: f64 = s.fees.iter().sum();
    let npv = present_value(&s.savings, factors);
    let hidden_pv = present_value(&s.hidden, factors);
    let npv_without_hidden = npv + hidden_pv;
    let cumulative_savings = cumulative(&s.savings);
    OptionResult {
        name: plan.option_names[index].clone(),
        total,
        savings_total,
        savings_pct: ratio(savings_total, in_house_total),
        npv,
        irr: irr(&s.savings),
        payback_months: payback_months(&cumulative_savings),
        cost_per_unit: ratio(total, volume_total),
        fixed_total,
        variable_total: total - fixed_total,
        hidden_total,
        hidden_by_category: s.hidden_by_category(plan, index).into_iter().collect(),
        hidden_pct_of_fees: ratio(hidden_total, fees_total),
        hidden_multiplier_at_break_even: (hidden_pv > 0.0 && npv_without_hidden > 0.0)
            .then(|| npv_without_hidden / hidden_pv),
        break_even_volume: break_even.ok(),
        no_break_even: break_even.err(),
        fte: s.fte,
        fees: s.fees,
        retained: s.retained,
        parallel: s.parallel,
        hidden: s.hidden,
        cost: s.cost,
        savings: s.savings,
        cumulative_savings,
    }
}
