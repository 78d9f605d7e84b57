//! A model compiled for fast, repeated evaluation: its structure, with every real-valued input
//! replaced by a slot in a flat vector of values. Sensitivity and Monte Carlo evaluate the same
//! plan with different value vectors, without touching the model.

use crate::model::inputs::{ValueKind, inputs_mut};
use crate::model::{Behavior, CostLine, Estimate, HiddenCategory, HiddenCostKind, Model, Period, Pricing, Staffing};

/// Index of an input in a value vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot(pub usize);

/// One real-valued input of a compiled model.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanInput {
    /// Path in the file (§4).
    pub path: String,
    /// Label in the user's words.
    pub label: String,
    /// Valid range.
    pub kind: ValueKind,
    /// The estimate as the model holds it.
    pub estimate: Estimate,
}

/// A cost line, compiled.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub behavior: Behavior,
    /// 1/12 for annual amounts, 1 for monthly ones.
    pub per_month: f64,
    pub amount: Slot,
    pub escalation: Slot,
    pub start: usize,
    pub end: usize,
}

/// Pricing, compiled.
#[derive(Clone, Debug)]
pub(crate) enum Fees {
    PerFte { rate: Slot },
    PerHour { rate: Slot, hours: Slot },
    PerUnit { price: Slot },
    FixedFee { monthly: Slot },
    Tiered { tiers: Vec<(f64, Slot)> },
    PerOutcome { price: Slot, outcome_rate: Slot },
    Anchored { baseline_units: Slot, baseline_fee: Slot, band: Slot, arc: Slot, rrc: Slot },
}

/// A hidden cost, compiled.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Hidden {
    OneTime { amount: Slot, month: usize },
    Monthly { amount: Slot, from: usize, to: usize },
    PercentOfFees { pct: Slot },
    PerUnit { amount: Slot },
    PerDisplacedFte { amount: Slot },
}

/// An outsourcing option, compiled.
#[derive(Clone, Debug)]
pub(crate) struct OptionPlan {
    pub fees: Fees,
    pub productivity: Slot,
    pub learning: Option<(Slot, u32)>,
    pub minimum: Slot,
    pub rate_escalation: Slot,
    pub fx: Option<(Slot, Slot)>,
    pub ramp_months: u32,
    pub parallel_months: usize,
    pub retained: Vec<Line>,
    pub hidden: Vec<(HiddenCategory, Hidden)>,
}

/// A compiled model.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Every real-valued input, in file order; slot `i` is `inputs[i]`.
    pub inputs: Vec<PlanInput>,
    /// Option names, in order.
    pub option_names: Vec<String>,
    pub(crate) horizon: usize,
    /// Seasonality factor of each month of the year, indexed from the model's first month.
    pub(crate) season: [f64; 12],
    pub(crate) discount_rate: Slot,
    pub(crate) volume: Slot,
    pub(crate) growth: Slot,
    pub(crate) units_per_fte: Slot,
    pub(crate) staffing: Staffing,
    pub(crate) in_house: Vec<Line>,
    pub(crate) options: Vec<OptionPlan>,
}

impl Plan {
    /// Compiles a model. The model should be valid (see [`crate::model::validate`]); an invalid
    /// one still compiles and evaluates to whatever its numbers give.
    pub fn new(model: &Model) -> Self {
        // Number the inputs by putting each one's slot index in its place in a copy of the
        // model: the structure below then reads its slots straight from the copy, so the
        // numbering can never drift from the paths of `model::inputs`.
        let mut numbered = model.clone();
        let inputs: Vec<PlanInput> = inputs_mut(&mut numbered)
            .into_iter()
            .enumerate()
            .map(|(i, input)| {
                let original = *input.estimate;
                *input.estimate = Estimate::Fixed(i as f64);
                PlanInput { path: input.path, label: input.label, kind: input.kind, estimate: original }
            })
            .collect();
        let horizon = model.horizon_months as usize;
        let mut season = [1.0; 12];
        if numbered.workload.seasonality.len() == 12 {
            let first = (model.start_month.clamp(1, 12) - 1) as usize;
            for (k, factor) in season.iter_mut().enumerate() {
                *factor = numbered.workload.seasonality[(first + k) % 12];
            }
        }
        let lines = |lines: &[CostLine]| lines.iter().map(|l| line(l, horizon)).collect();
        Self {
            inputs,
            option_names: model.options.iter().map(|o| o.name.clone()).collect(),
            horizon,
            season,
            discount_rate: slot(&numbered.discount_rate),
            volume: slot(&numbered.workload.monthly_volume),
            growth: slot(&numbered.workload.annual_growth),
            units_per_fte: slot(&numbered.in_house.units_per_fte_month),
            staffing: numbered.in_house.staffing,
            in_house: lines(&numbered.in_house.costs),
            options: numbered
                .options
                .iter()
                .map(|o| OptionPlan {
                    fees: fees(&o.pricing),
                    productivity: slot(&o.productivity),
                    learning: o.learning.as_ref().map(|l| (slot(&l.initial_dip), l.months)),
                    minimum: slot(&o.minimum_monthly),
                    rate_escalation: slot(&o.rate_escalation),
                    fx: o.fx.as_ref().map(|fx| (slot(&fx.rate), slot(&fx.annual_change))),
                    ramp_months: o.transition.ramp_months,
                    parallel_months: o.transition.parallel_months as usize,
                    retained: lines(&o.retained),
                    hidden: o.hidden.iter().map(|h| (h.category, hidden(&h.cost, horizon))).collect(),
                })
                .collect(),
        }
    }

    /// Number of months.
    pub fn horizon(&self) -> usize {
        self.horizon
    }

    /// Number of options.
    pub fn option_count(&self) -> usize {
        self.options.len()
    }

    /// The base value of every input (§1: the deterministic evaluation).
    pub fn base_values(&self) -> Vec<f64> {
        self.inputs.iter().map(|i| i.estimate.base()).collect()
    }

    /// The slot of the input at `path`.
    pub fn slot_of(&self, path: &str) -> Option<Slot> {
        self.inputs.iter().position(|i| i.path == path).map(Slot)
    }

    /// The annual discount rate among `values`.
    pub fn discount_rate(&self, values: &[f64]) -> f64 {
        values[self.discount_rate.0]
    }
}

fn slot(numbered: &Estimate) -> Slot {
    // Plan::new wrote the slot index into every estimate of the numbered copy.
    Slot(numbered.base() as usize)
}

fn line(l: &CostLine, horizon: usize) -> Line {
    Line {
        behavior: l.behavior,
        per_month: if l.period == Period::Year { 1.0 / 12.0 } else { 1.0 },
        amount: slot(&l.amount),
        escalation: slot(&l.escalation),
        start: l.start_month as usize,
        end: l.end_month.map_or(horizon, |e| (e as usize).min(horizon)),
    }
}

fn fees(p: &Pricing) -> Fees {
    match p {
        Pricing::PerFte { rate } => Fees::PerFte { rate: slot(rate) },
        Pricing::PerHour { rate, hours_per_fte } => Fees::PerHour { rate: slot(rate), hours: slot(hours_per_fte) },
        Pricing::PerUnit { price } => Fees::PerUnit { price: slot(price) },
        Pricing::FixedFee { monthly } => Fees::FixedFee { monthly: slot(monthly) },
        Pricing::Tiered { tiers } => {
            Fees::Tiered { tiers: tiers.iter().map(|t| (t.up_to.unwrap_or(f64::INFINITY), slot(&t.price))).collect() }
        }
        Pricing::PerOutcome { price, outcome_rate } => {
            Fees::PerOutcome { price: slot(price), outcome_rate: slot(outcome_rate) }
        }
        Pricing::Anchored { baseline_units, baseline_fee, band, arc, rrc } => Fees::Anchored {
            baseline_units: slot(baseline_units),
            baseline_fee: slot(baseline_fee),
            band: slot(band),
            arc: slot(arc),
            rrc: slot(rrc),
        },
    }
}

fn hidden(h: &HiddenCostKind, horizon: usize) -> Hidden {
    match h {
        HiddenCostKind::OneTime { amount, month } => Hidden::OneTime { amount: slot(amount), month: *month as usize },
        HiddenCostKind::Monthly { amount, from, to } => Hidden::Monthly {
            amount: slot(amount),
            from: *from as usize,
            to: to.map_or(horizon, |t| (t as usize).min(horizon)),
        },
        HiddenCostKind::PercentOfFees { pct } => Hidden::PercentOfFees { pct: slot(pct) },
        HiddenCostKind::PerUnit { amount } => Hidden::PerUnit { amount: slot(amount) },
        HiddenCostKind::PerDisplacedFte { amount } => Hidden::PerDisplacedFte { amount: slot(amount) },
    }
}
