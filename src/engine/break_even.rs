//! Break-even volume (contract §3): the monthly volume at which an option costs what in-house
//! costs, in steady state at year-0 prices. This is where fixed cost turns variable.

use super::plan::{Hidden, OptionPlan, Plan};
use super::project::{ceil_star, fees, line_basis};

/// Number of grid intervals between 0 and 10 × the base volume.
const GRID_STEPS: usize = 1000;
/// Bisection steps inside the first bracketing interval.
const BISECTIONS: usize = 60;

/// Steady-state monthly in-house cost at volume `volume` (year-0 prices, every line whatever
/// its window, staff = ceil*(volume / units per FTE)).
pub fn in_house_cost_at(plan: &Plan, v: &[f64], volume: f64) -> f64 {
    let fte = ceil_star(volume / v[plan.units_per_fte.0]);
    plan.in_house.iter().map(|l| v[l.amount.0] * l.per_month * line_basis(l.behavior, fte, volume)).sum()
}

/// Steady-state monthly cost of option `option` at volume `volume` (§3 `break_even_volume`).
pub fn option_cost_at(plan: &Plan, option: usize, v: &[f64], volume: f64) -> f64 {
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

/// The break-even volume of option `option`, or `None` when the option's and in-house cost
/// curves do not cross between 0 and 10 × the base volume.
pub fn break_even_volume(plan: &Plan, option: usize, v: &[f64]) -> Option<f64> {
    let base_volume = v[plan.volume.0];
    let gap = |volume: f64| option_cost_at(plan, option, v, volume) - in_house_cost_at(plan, v, volume);
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
            return Some(bisect(&gap, previous, current));
        }
        previous = current;
    }
    None
}

fn bisect(f: &impl Fn(f64) -> f64, mut lo: (f64, f64), mut hi: (f64, f64)) -> f64 {
    for _ in 0..BISECTIONS {
        let x = 0.5 * (lo.0 + hi.0);
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
