//! The deterministic projection (contract §2): month by month, in-house and every option.
//! Buffers are reused between calls, so sensitivity probes allocate nothing. (Monte Carlo
//! evaluates many draws at once with `engine::batch`, to the same bits.)

use std::ops::Range;

use super::plan::{Fees, Hidden, Line, OptionPlan, Plan};
use crate::model::{Behavior, HiddenCategory, Staffing};

/// `ceil(x − 1e-9)`: 12.0000000001 staff round to 12, not 13.
#[inline(always)]
pub fn ceil_star(x: f64) -> f64 {
    ceil(x - 1e-9)
}

/// `x.ceil()`, bit for bit (the sign of a zero included), without a call and without a
/// branch: the x86-64 baseline has no rounding instruction, so `f64::ceil` is a libm call, and
/// staff numbers take one or two per month per option. Written with plain arithmetic and
/// selects, so the compiler vectorises it over Monte Carlo's lanes.
#[inline(always)]
fn ceil(x: f64) -> f64 {
    // Adding and subtracting 2^52 rounds a magnitude below 2^52 to the nearest integer (the
    // sum's last bit is worth 1); beyond 2^52, x is already an integer (or NaN or infinite)
    // and comes back unchanged.
    const TWO_POW_52: f64 = 4_503_599_627_370_496.0;
    let magnitude = x.abs();
    let nearest = ((magnitude + TWO_POW_52) - TWO_POW_52).copysign(x);
    let up = if nearest < x { nearest + 1.0 } else { nearest };
    // ceil(−0.5) is −0.0: the result has x's sign (a positive x gives a positive one anyway).
    if magnitude < TWO_POW_52 { up.copysign(x) } else { x }
}

/// `(1 + rate)^year`, the escalation factor of a plan year.
pub(crate) fn escalate(rate: f64, year: usize) -> f64 {
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
    /// What `volume` and `fte` were last computed from (see [`VolumeKey`]).
    volume_key: Option<VolumeKey>,
}

/// Everything the volume and in-house staff series depend on. Sensitivity probes and Monte
/// Carlo draws mostly leave these inputs alone, and the series cost a `powf` per month, so a
/// run whose key matches the previous one reuses them (bit for bit the same numbers).
#[derive(Clone, Copy, Debug, PartialEq)]
struct VolumeKey {
    horizon: usize,
    season: [u64; 12],
    staffing: Staffing,
    volume: u64,
    growth: u64,
    units_per_fte: u64,
}

impl VolumeKey {
    fn of(plan: &Plan, v: &[f64]) -> Self {
        // Compared by bits: a NaN input never matches, so it is recomputed (and stays NaN).
        Self {
            horizon: plan.horizon,
            season: plan.season.map(f64::to_bits),
            staffing: plan.staffing,
            volume: v[plan.volume.0].to_bits(),
            growth: v[plan.growth.0].to_bits(),
            units_per_fte: v[plan.units_per_fte.0].to_bits(),
        }
    }
}

impl Projection {
    /// Runs §2 for `values` (one per plan input) with every hidden cost multiplied by
    /// `hidden_multiplier` (1 for the model as written), reusing this projection's buffers.
    pub fn run(&mut self, plan: &Plan, values: &[f64], hidden_multiplier: f64) {
        self.run_options(plan, values, hidden_multiplier, 0..plan.options.len());
    }

    /// Like [`Self::run`], but projects only option `option` (the others' series are left as
    /// they were): sensitivity looks at one option at a time.
    pub fn run_option(&mut self, plan: &Plan, values: &[f64], hidden_multiplier: f64, option: usize) {
        self.run_options(plan, values, hidden_multiplier, option..option + 1);
    }

    fn run_options(&mut self, plan: &Plan, values: &[f64], hidden_multiplier: f64, which: Range<usize>) {
        let h = plan.horizon;
        resize(&mut self.cost, h);
        resize(&mut self.fixed, h);
        self.in_house(plan, values);
        self.options.resize_with(plan.options.len(), OptionSeries::default);
        let basis = InHouseSeries { volume: &self.volume, fte: &self.fte, cost: &self.cost };
        for (option, series) in plan.options[which.clone()].iter().zip(&mut self.options[which]) {
            series.run(plan, option, values, hidden_multiplier, basis);
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
        let key = VolumeKey::of(plan, v);
        if self.volume_key != Some(key) || self.volume.len() != h || self.fte.len() != h {
            self.volume_and_staff(plan, v);
            self.volume_key = Some(key);
        }
        let sized_to_peak = plan.staffing == Staffing::SizedToPeak;
        let is_fixed = |behavior| match behavior {
            Behavior::Fixed => true,
            Behavior::PerFte | Behavior::Step { .. } => sized_to_peak,
            Behavior::PerUnit => false,
        };
        add_lines(&plan.in_house, v, (&self.fte, &self.volume), is_fixed, &mut self.cost, &mut self.fixed);
    }

    fn volume_and_staff(&mut self, plan: &Plan, v: &[f64]) {
        let h = plan.horizon;
        resize(&mut self.volume, h);
        resize(&mut self.fte, h);
        let (v0, growth, per_fte) = (v[plan.volume.0], v[plan.growth.0], v[plan.units_per_fte.0]);
        let mut growth = Growth::new(growth);
        for t in 0..h {
            self.volume[t] = v0 * growth.factor() * plan.season[t % 12];
            self.fte[t] = ceil_star(self.volume[t] / per_fte);
            growth.next_month(t);
        }
        if plan.staffing == Staffing::SizedToPeak {
            for year in self.fte.chunks_mut(12) {
                let peak = year.iter().copied().fold(0.0, f64::max);
                year.fill(peak);
            }
        }
    }
}

/// The volume growth factor `(1 + g)^(t/12)` month after month, as `(1 + g)^y · r^m` for month
/// `m` of plan year `y` with `r = (1 + g)^(1/12)`: one `powf` per series instead of one per
/// month (they were a tenth of a Monte Carlo draw), each power a running product. Within a
/// few ulps of `powf(t/12)`, and the same bits wherever it is computed this way.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Growth {
    annual: f64,
    monthly: f64,
    year: f64,
    month: f64,
}

impl Growth {
    /// The factors of annual growth `growth`, from month 0.
    pub(crate) fn new(growth: f64) -> Self {
        let annual = 1.0 + growth;
        Self { annual, monthly: annual.powf(1.0 / 12.0), year: 1.0, month: 1.0 }
    }

    /// The factor of the current month.
    pub(crate) fn factor(&self) -> f64 {
        self.year * self.month
    }

    /// Moves on from month `t` to month `t + 1`.
    pub(crate) fn next_month(&mut self, t: usize) {
        if (t + 1).is_multiple_of(12) {
            self.year *= self.annual;
            self.month = 1.0;
        } else {
            self.month *= self.monthly;
        }
    }
}

/// The in-house series an option is measured against.
#[derive(Clone, Copy)]
struct InHouseSeries<'a> {
    volume: &'a [f64],
    fte: &'a [f64],
    cost: &'a [f64],
}

/// `len` zeros, reusing the buffer: a plain fill (a memset) when it already has that length,
/// as it does from the second run on, rather than `clear` + `resize`, which pushes zero by zero.
fn resize(buffer: &mut Vec<f64>, len: usize) {
    if buffer.len() == len {
        buffer.fill(0.0);
    } else {
        buffer.clear();
        buffer.resize(len, 0.0);
    }
}

/// Calls `f(months, rate)` for each plan year's months in which a line applies, `rate` being
/// its escalated monthly amount `amount · per_month · (1 + escalation)^y(t)`: the same
/// expression, so the same bits, as computing it every month, but one `powi` per year instead
/// of one per month. (Year by year rather than "when the year changes": LLVM treats `powi` as
/// free of side effects and turns such a branch into a select, calling it every month anyway.)
fn each_year(line: &Line, v: &[f64], horizon: usize, mut f: impl FnMut(Range<usize>, f64)) {
    let amount = v[line.amount.0] * line.per_month;
    let escalation = v[line.escalation.0];
    let end = line.end.min(horizon);
    let mut t = line.start;
    while t < end {
        let year = t / 12;
        let year_end = ((year + 1) * 12).min(end);
        f(t..year_end, amount * escalate(escalation, year));
        t = year_end;
    }
}

/// Adds `lines` into `sum`, line by line (into each month in line order, as month by month
/// would), each line's escalated rate computed once a year, times its basis from `basis`
/// (staff, units). The lines whose behaviour `is_fixed` says is fixed are added into `fixed` too.
fn add_lines(
    lines: &[Line],
    v: &[f64],
    basis: (&[f64], &[f64]),
    is_fixed: impl Fn(Behavior) -> bool,
    sum: &mut [f64],
    fixed: &mut [f64],
) {
    let (fte, units) = basis;
    for line in lines {
        let line_is_fixed = is_fixed(line.behavior);
        each_year(line, v, sum.len(), |months, rate| {
            let basis = fte[months.clone()].iter().zip(&units[months.clone()]);
            if line_is_fixed {
                let sums = sum[months.clone()].iter_mut().zip(&mut fixed[months]);
                for ((sum, fixed), (&fte, &units)) in sums.zip(basis) {
                    let amount = rate * line_basis(line.behavior, fte, units);
                    *sum += amount;
                    *fixed += amount;
                }
            } else {
                for (sum, (&fte, &units)) in sum[months].iter_mut().zip(basis) {
                    *sum += rate * line_basis(line.behavior, fte, units);
                }
            }
        });
    }
}

/// The in-house staff cost that §2 counts as fixed because staff are sized for the peak: Σ the
/// `PerFte` and `Step` lines over the horizon under `SizedToPeak`, else 0. It is fixed within a
/// plan year but steps with the volume from year to year ("step-fixed"), which the fixed and
/// variable chart shows apart from the truly fixed cost.
pub(crate) fn in_house_step_fixed(plan: &Plan, values: &[f64], projection: &Projection) -> f64 {
    if plan.staffing != Staffing::SizedToPeak {
        return 0.0;
    }
    let mut total = 0.0;
    for line in plan.in_house.iter().filter(|l| matches!(l.behavior, Behavior::PerFte | Behavior::Step { .. })) {
        each_year(line, values, plan.horizon, |months, rate| {
            for (&fte, &volume) in projection.fte[months.clone()].iter().zip(&projection.volume[months]) {
                total += rate * line_basis(line.behavior, fte, volume);
            }
        });
    }
    total
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
    fn run(
        &mut self,
        plan: &Plan,
        option: &OptionPlan,
        v: &[f64],
        hidden_multiplier: f64,
        in_house: InHouseSeries<'_>,
    ) {
        let h = plan.horizon;
        for buffer in [&mut self.fte, &mut self.units, &mut self.fees, &mut self.retained, &mut self.parallel] {
            resize(buffer, h);
        }
        for buffer in [&mut self.hidden, &mut self.cost, &mut self.savings, &mut self.fixed, &mut self.raw_fees] {
            resize(buffer, h);
        }
        resize(&mut self.hidden_items, option.hidden.len());
        let per_fte = v[plan.units_per_fte.0];
        let productivity = v[option.productivity.0];
        let minimum = v[option.minimum.0];
        let rate_escalation = v[option.rate_escalation.0];
        let ramp = option.ramp_months as f64;
        // The price escalation and fx factors change once a plan year: computed then.
        let (mut escalation, mut fx) = (1.0, 1.0);
        for (t, &volume) in in_house.volume.iter().enumerate().take(h) {
            let year = t / 12;
            if t.is_multiple_of(12) {
                escalation = escalate(rate_escalation, year);
                fx = option.fx.map_or(1.0, |(rate, change)| v[rate.0] * escalate(v[change.0], year));
            }
            let share = if option.ramp_months == 0 { 1.0 } else { ((t + 1) as f64 / ramp).min(1.0) };
            let learning = match option.learning {
                Some((dip, months)) if months > 0 => 1.0 - v[dip.0] * (1.0 - t as f64 / f64::from(months)).max(0.0),
                _ => 1.0,
            };
            let units = share * volume;
            let fte = ceil_star(units / (per_fte * productivity * learning));
            let (raw, fixed_fee) = fees(&option.fees, v, escalation, fte, units);
            let charged = raw.max(minimum);
            self.fte[t] = fte;
            self.units[t] = units;
            self.fees[t] = charged * fx;
            self.raw_fees[t] = raw * fx;
            self.fixed[t] = (fixed_fee + (charged - raw)) * fx;
        }
        let is_fixed = |behavior| behavior == Behavior::Fixed;
        add_lines(&option.retained, v, (&self.fte, &self.units), is_fixed, &mut self.retained, &mut self.fixed);
        let parallel = option.parallel_months.min(h);
        self.parallel[..parallel].copy_from_slice(&in_house.cost[..parallel]);
        for (fixed, in_house) in self.fixed[..parallel].iter_mut().zip(in_house.cost) {
            *fixed += in_house;
        }
        let displaced_at = option.parallel_months.min(h.saturating_sub(1));
        for (item, (_, hidden)) in option.hidden.iter().enumerate() {
            let mut item_total = 0.0;
            // A fixed hidden cost in month t.
            let add = |t: usize, amount: f64, series: &mut Self| {
                let amount = amount * hidden_multiplier;
                series.hidden[t] += amount;
                series.fixed[t] += amount;
                amount
            };
            match *hidden {
                Hidden::OneTime { amount, month } if month < h => item_total += add(month, v[amount.0], self),
                Hidden::OneTime { .. } => {}
                Hidden::Monthly { amount, from, to } => {
                    for t in from..to.min(h) {
                        item_total += add(t, v[amount.0], self);
                    }
                }
                // The two per-month kinds as plain loops over the series (no bounds checks,
                // no closure per month): the same products, summed in the same order.
                Hidden::PercentOfFees { pct } => {
                    let pct = v[pct.0];
                    for (hidden, &fees) in self.hidden.iter_mut().zip(&self.fees) {
                        let amount = pct * fees * hidden_multiplier;
                        *hidden += amount;
                        item_total += amount;
                    }
                }
                Hidden::PerUnit { amount } => {
                    let per_unit = v[amount.0];
                    for (hidden, &units) in self.hidden.iter_mut().zip(&self.units) {
                        let amount = per_unit * units * hidden_multiplier;
                        *hidden += amount;
                        item_total += amount;
                    }
                }
                Hidden::PerDisplacedFte { amount } if h > 0 => {
                    item_total += add(displaced_at, v[amount.0] * in_house.fte[displaced_at], self);
                }
                Hidden::PerDisplacedFte { .. } => {}
            }
            self.hidden_items[item] = item_total;
        }
        let parts = self.fees.iter().zip(&self.retained).zip(&self.parallel).zip(&self.hidden).zip(in_house.cost);
        for ((cost, savings), ((((fees, retained), parallel), hidden), in_house)) in
            self.cost.iter_mut().zip(&mut self.savings).zip(parts)
        {
            *cost = fees + retained + parallel + hidden;
            *savings = in_house - *cost;
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

#[cfg(test)]
mod tests {
    use super::ceil;

    #[test]
    fn ceil_matches_the_standard_library_bit_for_bit() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            -1.0,
            1.0 - 1e-9,
            -1e-9,
            12.000_000_000_1,
            119.999_999_999,
            4_503_599_627_370_495.5,
            -4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
        ];
        values.extend((0..10_000).map(|i| (f64::from(i) - 5000.0) * 0.0137));
        for x in values {
            assert_eq!(ceil(x).to_bits(), x.ceil().to_bits(), "{x}");
        }
        assert!(ceil(f64::NAN).is_nan());
    }
}
