//! The deterministic projection (contract §2): month by month, in-house and every option.
//! Buffers are reused between calls, so Monte Carlo draws allocate nothing.

use super::plan::{Fees, Hidden, Line, OptionPlan, Plan};
use crate::model::{Behavior, HiddenCategory, Staffing};

/// `ceil(x − 1e-9)`: 12.0000000001 staff round to 12, not 13.
pub fn ceil_star(x: f64) -> f64 {
    (x - 1e-9).ceil()
}

/// `(1 + rate)^year`, the escalation factor of a plan year.
fn escalate(rate: f64, year: usize) -> f64 {
    (1.0 + rate).powi(year as i32)
}

/// The monthly series of one option.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionSeries {
    /// Vendor staff.
    pub fte: Vec<f64>,
    /// Units of work handled by the vendor.
    pub units: Vec<f64>,
    /// Fees in the model currency, after the minimum and fx.
    pub fees: Vec<f64>,
    /// Retained in-house lines.
    pub retained: Vec<f64>,
    /// In-house cost still paid while running in parallel.
    pub parallel: Vec<f64>,
    /// Hidden costs.
    pub hidden: Vec<f64>,
    /// Total cost of the option.
    pub cost: Vec<f64>,
    /// In-house cost minus the option's cost.
    pub savings: Vec<f64>,
    /// The fixed part of `cost` (§2, fixed vs variable).
    pub fixed: Vec<f64>,
    /// Fees before the minimum, in the model currency.
    pub raw_fees: Vec<f64>,
    /// Total of each hidden cost over the horizon, in the option's hidden-cost order.
    pub hidden_items: Vec<f64>,
}

/// The monthly series of in-house and every option.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    /// Units of work per month.
    pub volume: Vec<f64>,
    /// In-house staff.
    pub fte: Vec<f64>,
    /// In-house cost.
    pub cost: Vec<f64>,
    /// The fixed part of the in-house cost.
    pub fixed: Vec<f64>,
    /// Every option, in model order.
    pub options: Vec<OptionSeries>,
}

impl Projection {
    /// Runs §2 for `values` (one per plan input) with every hidden cost multiplied by
    /// `hidden_multiplier` (1 for the model as written), reusing this projection's buffers.
    pub fn run(&mut self, plan: &Plan, values: &[f64], hidden_multiplier: f64) {
        let h = plan.horizon;
        resize(&mut self.volume, h);
        resize(&mut self.fte, h);
        resize(&mut self.cost, h);
        resize(&mut self.fixed, h);
        self.in_house(plan, values);
        self.options.resize_with(plan.options.len(), OptionSeries::default);
        for (option, series) in plan.options.iter().zip(&mut self.options) {
            series.run(plan, option, values, hidden_multiplier, &self.volume, &self.fte, &self.cost);
        }
    }

    /// A new projection of `values`.
    pub fn new(plan: &Plan, values: &[f64]) -> Self {
        let mut p = Self::default();
        p.run(plan, values, 1.0);
        p
    }

    fn in_house(&mut self, plan: &Plan, v: &[f64]) {
        let h = plan.horizon;
        let (v0, growth, per_fte) = (v[plan.volume.0], v[plan.growth.0], v[plan.units_per_fte.0]);
        for t in 0..h {
            self.volume[t] = v0 * (1.0 + growth).powf(t as f64 / 12.0) * plan.season[t % 12];
            self.fte[t] = ceil_star(self.volume[t] / per_fte);
        }
        let sized_to_peak = plan.staffing == Staffing::SizedToPeak;
        if sized_to_peak {
            for year in self.fte.chunks_mut(12) {
                let peak = year.iter().copied().fold(0.0, f64::max);
                year.fill(peak);
            }
        }
        self.cost.fill(0.0);
        self.fixed.fill(0.0);
        for line in &plan.in_house {
            for t in line.start..line.end.min(h) {
                let amount = line_cost(line, v, t, self.fte[t], self.volume[t]);
                self.cost[t] += amount;
                let fixed = match line.behavior {
                    Behavior::Fixed => true,
                    Behavior::PerFte | Behavior::Step { .. } => sized_to_peak,
                    Behavior::PerUnit => false,
                };
                if fixed {
                    self.fixed[t] += amount;
                }
            }
        }
    }
}

fn resize(buffer: &mut Vec<f64>, len: usize) {
    buffer.clear();
    buffer.resize(len, 0.0);
}

/// A cost line's amount in month `t` on the basis (fte, volume).
pub(crate) fn line_cost(line: &Line, v: &[f64], t: usize, fte: f64, volume: f64) -> f64 {
    let amount = v[line.amount.0] * line.per_month * escalate(v[line.escalation.0], t / 12);
    amount * line_basis(line.behavior, fte, volume)
}

/// What a line's monthly amount is multiplied by.
pub(crate) fn line_basis(behavior: Behavior, fte: f64, volume: f64) -> f64 {
    match behavior {
        Behavior::Fixed => 1.0,
        Behavior::PerFte => fte,
        Behavior::PerUnit => volume,
        Behavior::Step { per } => ceil_star(fte / per),
    }
}

/// Fees in the pricing currency for `fte` vendor staff and `units` vendor units, with every
/// money amount multiplied by `escalation`; returns (fees, fixed part).
pub(crate) fn fees(fees: &Fees, v: &[f64], escalation: f64, fte: f64, units: f64) -> (f64, f64) {
    match fees {
        Fees::PerFte { rate } => (v[rate.0] * escalation * fte, 0.0),
        Fees::PerHour { rate, hours } => (v[rate.0] * escalation * v[hours.0] * fte, 0.0),
        Fees::PerUnit { price } => (v[price.0] * escalation * units, 0.0),
        Fees::FixedFee { monthly } => {
            let fee = v[monthly.0] * escalation;
            (fee, fee)
        }
        Fees::Tiered { tiers } => {
            let (mut total, mut floor) = (0.0, 0.0);
            for &(up_to, price) in tiers {
                if units <= floor {
                    break;
                }
                total += (units.min(up_to) - floor) * v[price.0] * escalation;
                floor = up_to;
            }
            (total, 0.0)
        }
        Fees::PerOutcome { price, outcome_rate } => (v[price.0] * escalation * v[outcome_rate.0] * units, 0.0),
        Fees::Anchored { baseline_units, baseline_fee, band, arc, rrc } => {
            let (b, band) = (v[baseline_units.0], v[band.0]);
            let base_fee = v[baseline_fee.0] * escalation;
            let above = (units - b * (1.0 + band)).max(0.0);
            let below = (b * (1.0 - band) - units).max(0.0);
            let fee = base_fee + v[arc.0] * escalation * above - v[rrc.0] * escalation * below;
            (fee, base_fee)
        }
    }
}

impl OptionSeries {
    #[allow(clippy::too_many_arguments)] // the in-house series it is measured against
    fn run(
        &mut self,
        plan: &Plan,
        option: &OptionPlan,
        v: &[f64],
        hidden_multiplier: f64,
        volume: &[f64],
        in_house_fte: &[f64],
        in_house_cost: &[f64],
    ) {
        let h = plan.horizon;
        for buffer in [
            &mut self.fte,
            &mut self.units,
            &mut self.fees,
            &mut self.retained,
            &mut self.parallel,
            &mut self.hidden,
            &mut self.cost,
            &mut self.savings,
            &mut self.fixed,
            &mut self.raw_fees,
        ] {
            resize(buffer, h);
        }
        resize(&mut self.hidden_items, option.hidden.len());
        let per_fte = v[plan.units_per_fte.0];
        let productivity = v[option.productivity.0];
        let minimum = v[option.minimum.0];
        let rate_escalation = v[option.rate_escalation.0];
        let ramp = option.ramp_months as f64;
        for t in 0..h {
            let year = t / 12;
            let share = if option.ramp_months == 0 { 1.0 } else { ((t + 1) as f64 / ramp).min(1.0) };
            let learning = match option.learning {
                Some((dip, months)) if months > 0 => 1.0 - v[dip.0] * (1.0 - t as f64 / f64::from(months)).max(0.0),
                _ => 1.0,
            };
            let units = share * volume[t];
            let fte = ceil_star(units / (per_fte * productivity * learning));
            let (raw, fixed_fee) = fees(&option.fees, v, escalate(rate_escalation, year), fte, units);
            let charged = raw.max(minimum);
            let fx = option.fx.map_or(1.0, |(rate, change)| v[rate.0] * escalate(v[change.0], year));
            let fees = charged * fx;
            let mut fixed = (fixed_fee + (charged - raw)) * fx;
            let mut retained = 0.0;
            for line in &option.retained {
                if (line.start..line.end).contains(&t) {
                    let amount = line_cost(line, v, t, fte, units);
                    retained += amount;
                    if line.behavior == Behavior::Fixed {
                        fixed += amount;
                    }
                }
            }
            let parallel = if t < option.parallel_months { in_house_cost[t] } else { 0.0 };
            fixed += parallel;
            self.fte[t] = fte;
            self.units[t] = units;
            self.raw_fees[t] = raw * fx;
            self.fees[t] = fees;
            self.retained[t] = retained;
            self.parallel[t] = parallel;
            self.fixed[t] = fixed;
        }
        let displaced_at = option.parallel_months.min(h.saturating_sub(1));
        for (item, (_, hidden)) in option.hidden.iter().enumerate() {
            let mut item_total = 0.0;
            let mut add = |t: usize, amount: f64, fixed: bool, series: &mut Self| {
                let amount = amount * hidden_multiplier;
                series.hidden[t] += amount;
                if fixed {
                    series.fixed[t] += amount;
                }
                item_total += amount;
            };
            match *hidden {
                Hidden::OneTime { amount, month } if month < h => add(month, v[amount.0], true, self),
                Hidden::OneTime { .. } => {}
                Hidden::Monthly { amount, from, to } => {
                    for t in from..to.min(h) {
                        add(t, v[amount.0], true, self);
                    }
                }
                Hidden::PercentOfFees { pct } => {
                    for t in 0..h {
                        add(t, v[pct.0] * self.fees[t], false, self);
                    }
                }
                Hidden::PerUnit { amount } => {
                    for t in 0..h {
                        add(t, v[amount.0] * self.units[t], false, self);
                    }
                }
                Hidden::PerDisplacedFte { amount } if h > 0 => {
                    add(displaced_at, v[amount.0] * in_house_fte[displaced_at], true, self);
                }
                Hidden::PerDisplacedFte { .. } => {}
            }
            self.hidden_items[item] = item_total;
        }
        for (t, in_house) in in_house_cost.iter().enumerate().take(h) {
            self.cost[t] = self.fees[t] + self.retained[t] + self.parallel[t] + self.hidden[t];
            self.savings[t] = in_house - self.cost[t];
        }
    }

    /// Σ hidden cost per category, for the categories option `option` of `plan` uses.
    pub fn hidden_by_category(&self, plan: &Plan, option: usize) -> Vec<(HiddenCategory, f64)> {
        let mut out: Vec<(HiddenCategory, f64)> = Vec::new();
        let categories = plan.options[option].hidden.iter().map(|(c, _)| c);
        for (category, total) in categories.zip(&self.hidden_items) {
            match out.iter_mut().find(|(c, _)| c == category) {
                Some((_, sum)) => *sum += total,
                None => out.push((*category, *total)),
            }
        }
        out.sort_by_key(|(c, _)| *c);
        out
    }
}
