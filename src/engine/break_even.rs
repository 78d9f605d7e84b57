//! Break-even volume (contract §3): the monthly volume at which an option costs what in-house
//! costs, in steady state at year-0 prices. This is where fixed cost turns variable.
//!
//! The search computes the two cost curves hundreds of times per option. Each cost is a sum
//! whose first terms depend on the staff number alone; the bisection, inside a bracket where
//! the staff number barely changes, reuses that part of the sum rather than recomputing it.
//! Every cost is still the same sum added in the same order, so the same number to the bit.

use super::plan::{Fees, Hidden, Line, OptionPlan, Plan};
use super::project::{ceil_star, fees, line_basis};
use crate::model::{Behavior, HiddenCategory};

/// Number of grid intervals between 0 and 10 × the base volume.
const GRID_STEPS: usize = 1000;
/// Bisection steps inside the first bracketing interval.
const BISECTIONS: usize = 60;

/// Steady-state monthly in-house cost at volume `volume` (year-0 prices, every line whatever
/// its window, staff = ceil*(volume / units per FTE)).
pub fn in_house_cost_at(plan: &Plan, v: &[f64], volume: f64) -> f64 {
    InHouseCurve::new(plan, v).cost_at(volume)
}

/// Steady-state monthly cost of option `option` at volume `volume` (§3 `break_even_volume`).
pub fn option_cost_at(plan: &Plan, option: usize, v: &[f64], volume: f64) -> f64 {
    OptionCurve::new(plan, &plan.options[option], v).cost_at(volume)
}

/// A steady-state cost curve: `cost_at(volume)` = `rest(head(staff(volume)), …)`, where the
/// head is the part of the cost that depends on the staff number alone.
trait Curve {
    /// The staff-only part of the cost.
    type Head: Copy;
    /// Staff at `volume`.
    fn staff(&self, volume: f64) -> f64;
    /// The staff-only part of the cost with `fte` staff.
    fn head(&self, fte: f64) -> Self::Head;
    /// The cost at `volume` with `fte` staff, given the head for `fte`.
    fn rest(&self, head: Self::Head, fte: f64, volume: f64) -> f64;

    fn cost_at(&self, volume: f64) -> f64 {
        let fte = self.staff(volume);
        self.rest(self.head(fte), fte, volume)
    }
}

/// `amount × per month × basis` of a cost line, as §2 computes it.
fn line_cost(v: &[f64], l: &Line, fte: f64, volume: f64) -> f64 {
    v[l.amount.0] * l.per_month * line_basis(l.behavior, fte, volume)
}

/// The in-house cost curve of [`in_house_cost_at`].
struct InHouseCurve<'a> {
    units_per_fte: f64,
    lines: &'a [Line],
    /// The leading lines that do not depend on the volume (all but `PerUnit` ones).
    staff_lines: usize,
    v: &'a [f64],
}

impl<'a> InHouseCurve<'a> {
    fn new(plan: &'a Plan, v: &'a [f64]) -> Self {
        let lines = &plan.in_house;
        let staff_lines = lines.iter().take_while(|l| l.behavior != Behavior::PerUnit).count();
        Self { units_per_fte: v[plan.units_per_fte.0], lines, staff_lines, v }
    }
}

impl Curve for InHouseCurve<'_> {
    type Head = f64;

    fn staff(&self, volume: f64) -> f64 {
        ceil_star(volume / self.units_per_fte)
    }

    fn head(&self, fte: f64) -> f64 {
        // The volume is not read by these lines.
        self.lines[..self.staff_lines].iter().map(|l| line_cost(self.v, l, fte, 0.0)).sum()
    }

    fn rest(&self, head: f64, fte: f64, volume: f64) -> f64 {
        // Continues the sum the head started: the same additions in the same order.
        self.lines[self.staff_lines..].iter().fold(head, |sum, l| sum + line_cost(self.v, l, fte, volume))
    }
}

/// The option cost curve of [`option_cost_at`].
struct OptionCurve<'a> {
    /// Units per vendor FTE: in-house units per FTE × productivity.
    units_per_fte: f64,
    fees: &'a Fees,
    /// True when the fees depend on the staff number alone (per FTE, per hour, fixed).
    staff_fees: bool,
    minimum: f64,
    fx: f64,
    retained: &'a [Line],
    /// The leading retained lines that do not depend on the volume.
    staff_retained: usize,
    hidden: &'a [(HiddenCategory, Hidden)],
    /// The leading hidden costs that do not depend on the volume.
    staff_hidden: usize,
    v: &'a [f64],
}

/// The staff-only part of an option's cost.
#[derive(Clone, Copy)]
struct OptionHead {
    /// The charged fees, when they depend on the staff number alone (unused otherwise).
    charged: f64,
    /// The sum of the leading retained lines.
    retained: f64,
    /// The sum of the leading hidden costs.
    hidden: f64,
}

impl<'a> OptionCurve<'a> {
    fn new(plan: &'a Plan, o: &'a OptionPlan, v: &'a [f64]) -> Self {
        let staff_fees = matches!(o.fees, Fees::PerFte { .. } | Fees::PerHour { .. } | Fees::FixedFee { .. });
        let staff_hidden = o
            .hidden
            .iter()
            .take_while(|(_, h)| match h {
                Hidden::PerUnit { .. } => false,
                Hidden::PercentOfFees { .. } => staff_fees,
                Hidden::OneTime { .. } | Hidden::Monthly { .. } | Hidden::PerDisplacedFte { .. } => true,
            })
            .count();
        Self {
            units_per_fte: v[plan.units_per_fte.0] * v[o.productivity.0],
            fees: &o.fees,
            staff_fees,
            minimum: v[o.minimum.0],
            fx: o.fx.map_or(1.0, |(rate, _)| v[rate.0]),
            retained: &o.retained,
            staff_retained: o.retained.iter().take_while(|l| l.behavior != Behavior::PerUnit).count(),
            hidden: &o.hidden,
            staff_hidden,
            v,
        }
    }

    /// Fees with the minimum, in the model currency.
    fn charged(&self, fte: f64, volume: f64) -> f64 {
        let (raw, _) = fees(self.fees, self.v, 1.0, fte, volume);
        raw.max(self.minimum) * self.fx
    }

    fn hidden_cost(&self, hidden: &Hidden, charged: f64, volume: f64) -> f64 {
        let v = self.v;
        match *hidden {
            Hidden::Monthly { amount, .. } => v[amount.0],
            Hidden::PercentOfFees { pct } => v[pct.0] * charged,
            Hidden::PerUnit { amount } => v[amount.0] * volume,
            Hidden::OneTime { .. } | Hidden::PerDisplacedFte { .. } => 0.0,
        }
    }
}

impl Curve for OptionCurve<'_> {
    type Head = OptionHead;

    fn staff(&self, volume: f64) -> f64 {
        ceil_star(volume / self.units_per_fte)
    }

    fn head(&self, fte: f64) -> OptionHead {
        // The volume is not read by the staff-only fees, lines and hidden costs.
        let charged = if self.staff_fees { self.charged(fte, 0.0) } else { f64::NAN };
        let retained = self.retained[..self.staff_retained].iter().map(|l| line_cost(self.v, l, fte, 0.0)).sum();
        let hidden = self.hidden[..self.staff_hidden].iter().map(|(_, h)| self.hidden_cost(h, charged, 0.0)).sum();
        OptionHead { charged, retained, hidden }
    }

    fn rest(&self, head: OptionHead, fte: f64, volume: f64) -> f64 {
        let charged = if self.staff_fees { head.charged } else { self.charged(fte, volume) };
        let retained = self.retained[self.staff_retained..]
            .iter()
            .fold(head.retained, |sum, l| sum + line_cost(self.v, l, fte, volume));
        let hidden = self.hidden[self.staff_hidden..]
            .iter()
            .fold(head.hidden, |sum, (_, h)| sum + self.hidden_cost(h, charged, volume));
        charged + retained + hidden
    }
}

/// A curve's head at the staff numbers of a bracket's two ends. Staff grow with the volume,
/// so inside the bracket they are one of these two, or in between (and the head is computed).
struct EndHeads<H> {
    lo: (u64, H),
    hi: (u64, H),
}

impl<H: Copy> EndHeads<H> {
    fn new<C: Curve<Head = H>>(curve: &C, lo: f64, hi: f64) -> Self {
        let (lo, hi) = (curve.staff(lo), curve.staff(hi));
        Self { lo: (lo.to_bits(), curve.head(lo)), hi: (hi.to_bits(), curve.head(hi)) }
    }

    fn cost_at<C: Curve<Head = H>>(&self, curve: &C, volume: f64) -> f64 {
        let fte = curve.staff(volume);
        // The head is a function of `fte` alone: equal bits, equal head.
        let head = match fte.to_bits() {
            bits if bits == self.lo.0 => self.lo.1,
            bits if bits == self.hi.0 => self.hi.1,
            _ => curve.head(fte),
        };
        curve.rest(head, fte, volume)
    }
}

/// The break-even volume of option `option`, or `None` when the option's and in-house cost
/// curves do not cross between 0 and 10 × the base volume.
pub fn break_even_volume(plan: &Plan, option: usize, v: &[f64]) -> Option<f64> {
    BreakEven::new(plan, v).volume(option)
}

/// Why an option has no break-even volume: which side is cheaper at every volume searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoBreakEven {
    /// The option costs less than in-house at every volume from 0 to 10 × the base volume.
    VendorCheaperAtEveryVolume,
    /// In-house costs less than the option at every volume from 0 to 10 × the base volume.
    InHouseCheaperAtEveryVolume,
}

/// Why `option` has no break-even volume (call when [`break_even_volume`] is `None`): the two
/// curves do not cross, so the sign of the gap at the base volume holds at every volume.
pub fn no_break_even_reason(plan: &Plan, option: usize, v: &[f64]) -> NoBreakEven {
    let volume = v[plan.volume.0].max(0.0);
    if option_cost_at(plan, option, v, volume) < in_house_cost_at(plan, v, volume) {
        NoBreakEven::VendorCheaperAtEveryVolume
    } else {
        NoBreakEven::InHouseCheaperAtEveryVolume
    }
}

/// The break-even volumes of one evaluation's options. The options share the in-house cost at
/// the grid points, computed once, up to the furthest point an option's search has reached.
pub(crate) struct BreakEven<'a> {
    plan: &'a Plan,
    v: &'a [f64],
    in_house: InHouseCurve<'a>,
    /// In-house cost at grid points 0, 1, …: the grid is scanned from 0.
    in_house_grid: Vec<f64>,
}

impl<'a> BreakEven<'a> {
    pub(crate) fn new(plan: &'a Plan, v: &'a [f64]) -> Self {
        let in_house_grid = Vec::with_capacity(GRID_STEPS + 1);
        Self { plan, v, in_house: InHouseCurve::new(plan, v), in_house_grid }
    }

    /// The in-house cost at grid point `i` at volume `x`; `i` is at most one past the points
    /// computed so far, as a scan from 0 asks.
    fn in_house_at_grid(&mut self, i: usize, x: f64) -> f64 {
        match self.in_house_grid.get(i) {
            Some(&cost) => cost,
            None => {
                let cost = self.in_house.cost_at(x);
                self.in_house_grid.push(cost);
                cost
            }
        }
    }

    /// [`break_even_volume`] of option `option`: the first grid interval where the gap
    /// changes sign or hits 0, then bisection, with every gap computed as the definition
    /// computes it.
    pub(crate) fn volume(&mut self, option: usize) -> Option<f64> {
        let base_volume = self.v[self.plan.volume.0];
        let curve = OptionCurve::new(self.plan, &self.plan.options[option], self.v);
        let at = |i: usize| i as f64 * base_volume / 100.0;
        let mut grid_gap = |i: usize| {
            let x = at(i);
            (x, curve.cost_at(x) - self.in_house_at_grid(i, x))
        };
        let mut previous = grid_gap(0);
        if previous.1 == 0.0 {
            return Some(previous.0);
        }
        for i in 1..=GRID_STEPS {
            let current = grid_gap(i);
            if current.1 == 0.0 {
                return Some(current.0);
            }
            if current.1.signum() != previous.1.signum() {
                let (lo, hi) = (previous.0, current.0);
                let (option_heads, in_house_heads) =
                    (EndHeads::new(&curve, lo, hi), EndHeads::new(&self.in_house, lo, hi));
                let gap = |x: f64| option_heads.cost_at(&curve, x) - in_house_heads.cost_at(&self.in_house, x);
                return Some(bisect(&gap, previous, current));
            }
            previous = current;
        }
        None
    }
}

/// `BISECTIONS` bisection steps of `f` on the bracket (`lo`, `hi`), each end given with `f`
/// there (never 0), returning the midpoint of the final bracket.
fn bisect(f: &impl Fn(f64) -> f64, mut lo: (f64, f64), mut hi: (f64, f64)) -> f64 {
    for _ in 0..BISECTIONS {
        let x = 0.5 * (lo.0 + hi.0);
        // Once the ends are adjacent numbers, the midpoint is one of them, `f` there is the
        // value already known (`f` is pure), and the step moves nothing: every remaining step
        // would leave the same bracket, so the answer is the same without them. (Not when
        // `f(lo)` is NaN: a NaN never compares equal, so each step would still move `hi`.)
        if (x == lo.0 || x == hi.0) && !lo.1.is_nan() {
            break;
        }
        let y = f(x);
        if y == 0.0 {
            return x;
        }
        if y.signum() == lo.1.signum() {
            lo = (x, y);
        } else {
            hi = (x, y);
        }
    }
    0.5 * (lo.0 + hi.0)
}

#[cfg(test)]
mod tests {
    use proptest::collection::vec;
    use proptest::prelude::*;

    use super::*;
    use crate::model::Model;
    use crate::model::generate::large_model;
    use crate::model::samples::{SAMPLES, load_sample};

    // The definition as it was first written (§3), term by term: the oracle the search above
    // must match to the bit.

    fn reference_in_house(plan: &Plan, v: &[f64], volume: f64) -> f64 {
        let fte = ceil_star(volume / v[plan.units_per_fte.0]);
        plan.in_house.iter().map(|l| v[l.amount.0] * l.per_month * line_basis(l.behavior, fte, volume)).sum()
    }

    fn reference_option(plan: &Plan, option: usize, v: &[f64], volume: f64) -> f64 {
        let o: &OptionPlan = &plan.options[option];
        let fte = ceil_star(volume / (v[plan.units_per_fte.0] * v[o.productivity.0]));
        let (raw, _) = fees(&o.fees, v, 1.0, fte, volume);
        let fx = o.fx.map_or(1.0, |(rate, _)| v[rate.0]);
        let charged = raw.max(v[o.minimum.0]) * fx;
        let retained: f64 =
            o.retained.iter().map(|l| v[l.amount.0] * l.per_month * line_basis(l.behavior, fte, volume)).sum();
        let hidden: f64 = o
            .hidden
            .iter()
            .map(|(_, h)| match *h {
                Hidden::Monthly { amount, .. } => v[amount.0],
                Hidden::PercentOfFees { pct } => v[pct.0] * charged,
                Hidden::PerUnit { amount } => v[amount.0] * volume,
                Hidden::OneTime { .. } | Hidden::PerDisplacedFte { .. } => 0.0,
            })
            .sum();
        charged + retained + hidden
    }

    fn reference_break_even(plan: &Plan, option: usize, v: &[f64]) -> Option<f64> {
        let base_volume = v[plan.volume.0];
        let gap = |volume: f64| reference_option(plan, option, v, volume) - reference_in_house(plan, v, volume);
        let at = |i: usize| i as f64 * base_volume / 100.0;
        let mut previous = (at(0), gap(at(0)));
        if previous.1 == 0.0 {
            return Some(previous.0);
        }
        for i in 1..=GRID_STEPS {
            let current = (at(i), gap(at(i)));
            if current.1 == 0.0 {
                return Some(current.0);
            }
            if current.1.signum() != previous.1.signum() {
                let (mut lo, mut hi) = (previous, current);
                for _ in 0..BISECTIONS {
                    let x = 0.5 * (lo.0 + hi.0);
                    let y = gap(x);
                    if y == 0.0 {
                        return Some(x);
                    }
                    if y.signum() == lo.1.signum() {
                        lo = (x, y);
                    } else {
                        hi = (x, y);
                    }
                }
                return Some(0.5 * (lo.0 + hi.0));
            }
            previous = current;
        }
        None
    }

    #[test]
    fn an_option_without_a_break_even_says_which_side_is_cheaper_everywhere() {
        let model = crate::model::samples::contract_example();
        // A site lease of a billion a month: no vendor price reaches in-house at any volume.
        let mut vendor_cheaper = model.clone();
        let lease = vendor_cheaper.in_house.costs.iter_mut().find(|c| c.name == "Site lease").expect("lease");
        lease.amount = crate::model::Estimate::Fixed(1e9);
        // A minimum fee of a billion a month: the vendor never gets down to in-house.
        let mut in_house_cheaper = model;
        in_house_cheaper.options[0].minimum_monthly = crate::model::Estimate::Fixed(1e9);
        for (m, expected) in [
            (vendor_cheaper, NoBreakEven::VendorCheaperAtEveryVolume),
            (in_house_cheaper, NoBreakEven::InHouseCheaperAtEveryVolume),
        ] {
            let plan = Plan::new(&m);
            let v = plan.base_values();
            assert_eq!(break_even_volume(&plan, 0, &v), None, "no crossing when {expected:?}");
            assert_eq!(no_break_even_reason(&plan, 0, &v), expected);
            let evaluation = crate::engine::Evaluation::of_plan(&plan, &v);
            assert_eq!(evaluation.options[0].no_break_even, Some(expected), "the evaluation carries the reason");
        }
    }

    fn models() -> Vec<Model> {
        let mut models: Vec<Model> = SAMPLES.iter().map(|s| load_sample(s).expect("the sample loads")).collect();
        models.push(crate::model::samples::contract_example());
        models.push(large_model(36, 4, 30));
        models
    }

    fn bits(x: Option<f64>) -> Option<u64> {
        x.map(f64::to_bits)
    }

    /// Every option's break-even volume, the options sharing one search as an evaluation does,
    /// equals the definition's, and so do the costs at a spread of volumes.
    fn check(plan: &Plan, v: &[f64]) -> Result<(), TestCaseError> {
        let mut search = BreakEven::new(plan, v);
        for option in 0..plan.option_count() {
            let expected = reference_break_even(plan, option, v);
            prop_assert_eq!(bits(search.volume(option)), bits(expected), "option {}: {:?}", option, expected);
            prop_assert_eq!(bits(break_even_volume(plan, option, v)), bits(expected));
            for k in 0..40 {
                let volume = f64::from(k) * v[plan.volume.0] * 0.137;
                let (got, want) = (option_cost_at(plan, option, v, volume), reference_option(plan, option, v, volume));
                prop_assert_eq!(got.to_bits(), want.to_bits(), "option {} at {}", option, volume);
            }
        }
        for k in 0..40 {
            let volume = f64::from(k) * v[plan.volume.0] * 0.137;
            prop_assert_eq!(in_house_cost_at(plan, v, volume).to_bits(), reference_in_house(plan, v, volume).to_bits());
        }
        Ok(())
    }

    #[test]
    fn break_even_equals_the_definition_on_every_sample_at_base_values() {
        for model in models().iter().chain([&large_model(120, 8, 200)]) {
            let plan = Plan::new(model);
            check(&plan, &plan.base_values()).expect("same break-even");
        }
    }

    #[test]
    fn break_even_equals_the_definition_with_an_input_at_an_extreme() {
        // Zero, huge, infinite and NaN values: the grid, the bracket and the bisection's early
        // stop must still agree with the definition (including on NaN gaps).
        let plan = Plan::new(&models()[0]);
        let base = plan.base_values();
        for slot in 0..base.len() {
            for x in [0.0, 1e300, f64::INFINITY, f64::NAN] {
                let mut v = base.clone();
                v[slot] = x;
                check(&plan, &v).expect("same break-even");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Perturbed values, as sensitivity and goal seek give: every input scaled by its own
        /// factor, and the volume over a wide range so the crossing moves across the grid.
        #[test]
        fn break_even_equals_the_definition_at_perturbed_values(
            model in 0..7_usize,
            factors in vec(0.3..1.7_f64, 64),
            volume in prop_oneof![0.01..0.5_f64, 0.5..2.0_f64, 2.0..40.0_f64],
        ) {
            let models = models();
            let plan = Plan::new(&models[model % models.len()]);
            let mut v: Vec<f64> = plan.base_values().iter().enumerate().map(|(i, x)| {
                plan.inputs[i].kind.clamp(x * factors[i % factors.len()])
            }).collect();
            v[plan.volume.0] *= volume;
            check(&plan, &v)?;
        }
    }
}
