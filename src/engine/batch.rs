//! Monte Carlo's projection (contract §2, savings and NPV only): [`LANES`] draws evaluated
//! together, month by month, with the draws as the innermost loop.
//!
//! [`Projection`](super::Projection) follows one value vector through the months. A draw's
//! arithmetic per month is a handful of multiplications wrapped in decisions (pricing form,
//! line behaviour, hidden-cost kind, plan year) that are the same for every draw. Here each
//! decision is taken once per batch, and the arithmetic then runs over all lanes in plain
//! loops the compiler vectorises; what does not depend on a lane's draw (an input no draw
//! changes, a volume series no draw moves) is computed once. Every lane evaluates exactly the
//! projection's expressions in the projection's order, so its savings and NPV are bit for bit
//! those of [`Projection::run`](super::Projection::run) with the lane's values
//! (`tests/batch_projection.rs`).

use super::plan::{Fees, Hidden, Line, Plan, Slot};
use super::project::{Growth, ceil_star, escalate, line_basis};
use crate::model::{Behavior, Staffing};

/// Draws evaluated together. 64 lanes keep a month's row (512 bytes) a few cache lines long
/// and the whole working set of a 36-month model in L2, while amortising each decision.
pub const LANES: usize = 64;

/// One value per lane.
pub type Lanes = [f64; LANES];

/// The working state of a batch: the value of every input in every lane, and the series.
#[derive(Clone, Debug)]
pub struct Batch {
    /// Per input slot, its value in each lane.
    values: Vec<Lanes>,
    /// Per input slot: whether its lanes may hold different values. An input that does not
    /// vary holds its base value in every lane, and work on it alone is done once.
    varies: Vec<bool>,
    /// Whether `volume` and `in_house_fte` are up to date with inputs that do not vary.
    volume_ready: bool,
    /// Per month: units of work.
    volume: Vec<Lanes>,
    /// Per month: in-house staff.
    in_house_fte: Vec<Lanes>,
    /// Per month: in-house cost.
    in_house_cost: Vec<Lanes>,
    /// Per month, of the option being projected: vendor staff, units, fees, retained and
    /// hidden costs.
    vendor_fte: Vec<Lanes>,
    units: Vec<Lanes>,
    fees: Vec<Lanes>,
    retained: Vec<Lanes>,
    hidden: Vec<Lanes>,
    /// Per option, per month: savings.
    savings: Vec<Vec<Lanes>>,
    /// Per month: the discount factor in each lane (see [`super::finance::DiscountChain`]).
    discount: Vec<Lanes>,
    /// The discount rate `discount` was computed for, when every lane has the same.
    discount_rate: Option<u64>,
}

impl Batch {
    /// A batch of `plan` with every input at its base value in every lane.
    pub fn new(plan: &Plan) -> Self {
        let h = plan.horizon;
        let series = || vec![[0.0; LANES]; h];
        Self {
            values: plan.inputs.iter().map(|i| [i.estimate.base(); LANES]).collect(),
            varies: vec![false; plan.inputs.len()],
            volume_ready: false,
            volume: series(),
            in_house_fte: series(),
            in_house_cost: series(),
            vendor_fte: series(),
            units: series(),
            fees: series(),
            retained: series(),
            hidden: series(),
            savings: vec![series(); plan.options.len()],
            discount: series(),
            discount_rate: None,
        }
    }

    /// The lanes of input `slot`, to set each draw's value. From the first call on, the input
    /// is treated as varying between lanes.
    pub fn lanes_mut(&mut self, slot: Slot) -> &mut Lanes {
        self.varies[slot.0] = true;
        &mut self.values[slot.0]
    }

    /// Projects every lane: afterwards [`Self::savings`] and [`Self::npv`] hold its results.
    pub fn run(&mut self, plan: &Plan) {
        self.in_house(plan);
        for option in 0..plan.options.len() {
            self.option(plan, option);
        }
        self.discount_factors(plan);
    }

    /// The savings of option `option` per month, one value per lane.
    pub fn savings(&self, option: usize) -> &[Lanes] {
        &self.savings[option]
    }

    /// The NPV of option `option` in each lane, summed like [`super::finance::npv`].
    pub fn npv(&self, option: usize) -> Lanes {
        let mut total = [0.0; LANES];
        for (savings, factors) in self.savings[option].iter().zip(&self.discount) {
            for ((total, s), f) in total.iter_mut().zip(savings).zip(factors) {
                *total += s * f;
            }
        }
        total
    }

    /// Whether the volume or the in-house staff may differ between lanes.
    fn staff_varies(&self, plan: &Plan) -> bool {
        [plan.volume, plan.growth, plan.units_per_fte].iter().any(|s| self.varies[s.0])
    }

    fn in_house(&mut self, plan: &Plan) {
        let staff_varies = self.staff_varies(plan);
        if staff_varies || !self.volume_ready {
            self.volume_and_staff(plan);
            self.volume_ready = true;
        }
        zero(&mut self.in_house_cost);
        let basis = Basis { fte: &self.in_house_fte, units: &self.volume, varies: staff_varies };
        add_lines(&plan.in_house, &self.values, &self.varies, basis, &mut self.in_house_cost);
    }

    fn volume_and_staff(&mut self, plan: &Plan) {
        let (v0, growth, per_fte) =
            (&self.values[plan.volume.0], &self.values[plan.growth.0], &self.values[plan.units_per_fte.0]);
        let mut growths = [Growth::new(growth[0]); LANES];
        if self.varies[plan.growth.0] {
            for (lane, &g) in growths.iter_mut().zip(growth) {
                *lane = Growth::new(g);
            }
        }
        for (t, (volume, fte)) in self.volume.iter_mut().zip(&mut self.in_house_fte).enumerate() {
            let season = plan.season[t % 12];
            for l in 0..LANES {
                volume[l] = v0[l] * growths[l].factor() * season;
                fte[l] = ceil_star(volume[l] / per_fte[l]);
                growths[l].next_month(t);
            }
        }
        if plan.staffing == Staffing::SizedToPeak {
            for year in self.in_house_fte.chunks_mut(12) {
                let mut peak = [0.0; LANES];
                for month in year.iter() {
                    for (peak, fte) in peak.iter_mut().zip(month) {
                        *peak = f64::max(*peak, *fte);
                    }
                }
                year.fill(peak);
            }
        }
    }

    fn option(&mut self, plan: &Plan, o: usize) {
        let option = &plan.options[o];
        let (v, varies) = (&self.values, &self.varies);
        let (per_fte, productivity) = (&v[plan.units_per_fte.0], &v[option.productivity.0]);
        let minimum = &v[option.minimum.0];
        let ramp = option.ramp_months as f64;
        let staff_varies = self.staff_varies(plan);
        let dip_varies = option.learning.is_some_and(|(dip, _)| varies[dip.0]);
        // Vendor staff is the same in every lane unless a draw moves what it depends on; then
        // it is computed once (its divisions and roundings are most of a month's work).
        let vendor_fte_varies = staff_varies || varies[option.productivity.0] || dip_varies;
        let (mut escalation, mut fx) = ([1.0; LANES], [1.0; LANES]);
        for t in 0..plan.horizon {
            let year = t / 12;
            if t.is_multiple_of(12) {
                let rate = option.rate_escalation.0;
                map(&mut escalation, &v[rate], varies[rate], |r| escalate(r, year));
                if let Some((rate, change)) = option.fx {
                    map(&mut fx, &v[change.0], varies[change.0], |c| escalate(c, year));
                    for (fx, rate) in fx.iter_mut().zip(&v[rate.0]) {
                        *fx *= rate;
                    }
                }
            }
            let share = if option.ramp_months == 0 { 1.0 } else { ((t + 1) as f64 / ramp).min(1.0) };
            // The learning factor is 1 − dip · k(t) in every lane.
            let learning = option
                .learning
                .filter(|&(_, months)| months > 0)
                .map(|(dip, months)| (dip, (1.0 - t as f64 / f64::from(months)).max(0.0)));
            let (volume, units, fte) = (&self.volume[t], &mut self.units[t], &mut self.vendor_fte[t]);
            let mut learning_lanes = [1.0; LANES];
            if let Some((dip, k)) = learning {
                for (learning, dip) in learning_lanes.iter_mut().zip(&v[dip.0]) {
                    *learning = 1.0 - dip * k;
                }
            }
            if vendor_fte_varies {
                for l in 0..LANES {
                    units[l] = share * volume[l];
                    fte[l] = ceil_star(units[l] / (per_fte[l] * productivity[l] * learning_lanes[l]));
                }
            } else {
                let lane_units = share * volume[0];
                *units = [lane_units; LANES];
                *fte = [ceil_star(lane_units / (per_fte[0] * productivity[0] * learning_lanes[0])); LANES];
            }
            let fees = &mut self.fees[t];
            vendor_fees(&option.fees, v, &escalation, fte, units, fees);
            for ((fees, minimum), fx) in fees.iter_mut().zip(minimum).zip(&fx) {
                *fees = fees.max(*minimum) * fx;
            }
        }
        zero(&mut self.retained);
        let basis = Basis { fte: &self.vendor_fte, units: &self.units, varies: vendor_fte_varies };
        add_lines(&option.retained, v, varies, basis, &mut self.retained);
        zero(&mut self.hidden);
        let displaced_at = option.parallel_months.min(plan.horizon.saturating_sub(1));
        for (_, hidden) in &option.hidden {
            match *hidden {
                Hidden::OneTime { amount, month } if month < plan.horizon => add(&mut self.hidden[month], &v[amount.0]),
                Hidden::OneTime { .. } => {}
                Hidden::Monthly { amount, from, to } => {
                    for month in self.hidden.iter_mut().take(to).skip(from) {
                        add(month, &v[amount.0]);
                    }
                }
                Hidden::PercentOfFees { pct } => add_products(&mut self.hidden, &v[pct.0], &self.fees),
                Hidden::PerUnit { amount } => add_products(&mut self.hidden, &v[amount.0], &self.units),
                Hidden::PerDisplacedFte { amount } if plan.horizon > 0 => {
                    let (hidden, fte) = (&mut self.hidden[displaced_at], &self.in_house_fte[displaced_at]);
                    for ((hidden, amount), fte) in hidden.iter_mut().zip(&v[amount.0]).zip(fte) {
                        *hidden += amount * fte;
                    }
                }
                Hidden::PerDisplacedFte { .. } => {}
            }
        }
        let parallel = option.parallel_months.min(plan.horizon);
        let parts = self.fees.iter().zip(&self.retained).zip(&self.hidden).zip(&self.in_house_cost);
        for (t, (savings, (((fees, retained), hidden), in_house))) in self.savings[o].iter_mut().zip(parts).enumerate()
        {
            // The projection adds the parallel running cost, 0.0 after the parallel months,
            // at this place in the sum: so does this, for the same bits.
            let running = t < parallel;
            for l in 0..LANES {
                let parallel = if running { in_house[l] } else { 0.0 };
                savings[l] = in_house[l] - (fees[l] + retained[l] + parallel + hidden[l]);
            }
        }
    }

    /// The discount factors of each lane, recomputed only when a lane's rate may have changed.
    fn discount_factors(&mut self, plan: &Plan) {
        let slot = plan.discount_rate.0;
        let rates = &self.values[slot];
        if !self.varies[slot] && self.discount_rate == Some(rates[0].to_bits()) {
            return;
        }
        let mut step = [0.0; LANES];
        map(&mut step, rates, self.varies[slot], |r| (1.0 + r).powf(-1.0 / 12.0));
        let mut factor = [1.0; LANES];
        for month in &mut self.discount {
            for ((factor, step), out) in factor.iter_mut().zip(&step).zip(month.iter_mut()) {
                *factor *= step;
                *out = *factor;
            }
        }
        self.discount_rate = (!self.varies[slot]).then(|| rates[0].to_bits());
    }
}

/// The fees before the minimum in each lane, written into `out`: the projection's `fees`
/// with the pricing form matched once for all lanes rather than once per lane (which made a
/// draw half as fast again). Each arm is that function's expression, operand for operand; the
/// equality test with the projection covers every pricing form through the samples.
fn vendor_fees(fees: &Fees, v: &[Lanes], escalation: &Lanes, fte: &Lanes, units: &Lanes, out: &mut Lanes) {
    let lanes = out.iter_mut().zip(escalation).zip(fte.iter().zip(units)).enumerate();
    match fees {
        Fees::PerFte { rate } => {
            lanes.for_each(|(l, ((out, escalation), (fte, _)))| *out = v[rate.0][l] * escalation * fte);
        }
        Fees::PerHour { rate, hours } => {
            lanes.for_each(|(l, ((out, escalation), (fte, _)))| *out = v[rate.0][l] * escalation * v[hours.0][l] * fte)
        }
        Fees::PerUnit { price } => {
            lanes.for_each(|(l, ((out, escalation), (_, units)))| *out = v[price.0][l] * escalation * units);
        }
        Fees::FixedFee { monthly } => lanes.for_each(|(l, ((out, escalation), _))| *out = v[monthly.0][l] * escalation),
        Fees::Tiered { tiers } => lanes.for_each(|(l, ((out, escalation), (_, &units)))| {
            let (mut total, mut floor) = (0.0, 0.0);
            for &(up_to, price) in tiers {
                if units <= floor {
                    break;
                }
                total += (units.min(up_to) - floor) * v[price.0][l] * escalation;
                floor = up_to;
            }
            *out = total;
        }),
        Fees::PerOutcome { price, outcome_rate } => lanes.for_each(|(l, ((out, escalation), (_, units)))| {
            *out = v[price.0][l] * escalation * v[outcome_rate.0][l] * units;
        }),
        Fees::Anchored { baseline_units, baseline_fee, band, arc, rrc } => {
            lanes.for_each(|(l, ((out, escalation), (_, &units)))| {
                let (b, band) = (v[baseline_units.0][l], v[band.0][l]);
                let base_fee = v[baseline_fee.0][l] * escalation;
                let above = (units - b * (1.0 + band)).max(0.0);
                let below = (b * (1.0 - band) - units).max(0.0);
                *out = base_fee + v[arc.0][l] * escalation * above - v[rrc.0][l] * escalation * below;
            })
        }
    }
}

/// `out[l] = f(x[l])`, computing `f` once when `x` holds the same value in every lane.
fn map(out: &mut Lanes, x: &Lanes, varies: bool, f: impl Fn(f64) -> f64) {
    if varies {
        for (out, &x) in out.iter_mut().zip(x) {
            *out = f(x);
        }
    } else {
        *out = [f(x[0]); LANES];
    }
}

fn zero(series: &mut [Lanes]) {
    series.fill([0.0; LANES]);
}

fn add(month: &mut Lanes, amount: &Lanes) {
    for (sum, amount) in month.iter_mut().zip(amount) {
        *sum += amount;
    }
}

/// `sum += factor · basis`, lane by lane.
fn add_product(sum: &mut Lanes, factor: &Lanes, basis: &Lanes) {
    for ((sum, factor), basis) in sum.iter_mut().zip(factor).zip(basis) {
        *sum += factor * basis;
    }
}

/// `series[t] += factor · basis[t]` for every month.
fn add_products(series: &mut [Lanes], factor: &Lanes, basis: &[Lanes]) {
    for (month, basis) in series.iter_mut().zip(basis) {
        add_product(month, factor, basis);
    }
}

/// What cost lines are multiplied by, per month: staff and units of work.
#[derive(Clone, Copy)]
struct Basis<'a> {
    fte: &'a [Lanes],
    units: &'a [Lanes],
    /// Whether they may differ between lanes.
    varies: bool,
}

/// Adds cost lines into `into`, month by month within each line as the projection's
/// `each_year` does: the escalated monthly rate once a plan year, then rate × basis.
fn add_lines(lines: &[Line], v: &[Lanes], varies: &[bool], basis: Basis<'_>, into: &mut [Lanes]) {
    let Basis { fte, units, .. } = basis;
    let horizon = into.len();
    let (mut amount, mut rate) = ([0.0; LANES], [0.0; LANES]);
    for line in lines {
        let end = line.end.min(horizon);
        if line.start >= end {
            continue;
        }
        map(&mut amount, &v[line.amount.0], varies[line.amount.0], |a| a * line.per_month);
        let (escalation, escalation_varies) = (&v[line.escalation.0], varies[line.escalation.0]);
        let mut t = line.start;
        while t < end {
            let year = t / 12;
            let year_end = ((year + 1) * 12).min(end);
            map(&mut rate, escalation, escalation_varies, |e| escalate(e, year));
            for (rate, amount) in rate.iter_mut().zip(&amount) {
                *rate *= amount;
            }
            let months = into[t..year_end].iter_mut().zip(&fte[t..year_end]).zip(&units[t..year_end]);
            if !basis.varies && !varies[line.amount.0] && !escalation_varies {
                // The same amount in every lane: computed once, as the projection does.
                months.for_each(|((sum, fte), units)| {
                    add(sum, &[rate[0] * line_basis(line.behavior, fte[0], units[0]); LANES])
                });
                t = year_end;
                continue;
            }
            // One loop per behaviour, each the projection's `rate · line_basis(…)` written out
            // (a fixed line's basis is 1.0, and rate · 1.0 is rate).
            match line.behavior {
                Behavior::Fixed => months.for_each(|((sum, _), _)| add(sum, &rate)),
                Behavior::PerFte => months.for_each(|((sum, fte), _)| add_product(sum, &rate, fte)),
                Behavior::PerUnit => months.for_each(|((sum, _), units)| add_product(sum, &rate, units)),
                Behavior::Step { per } => months.for_each(|((sum, fte), _)| {
                    for ((sum, rate), fte) in sum.iter_mut().zip(&rate).zip(fte) {
                        *sum += rate * ceil_star(fte / per);
                    }
                }),
            }
            t = year_end;
        }
    }
}
