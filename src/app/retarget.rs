//! Moving an estimate to a new base value while keeping its spread: what goal seek's "Apply"
//! writes, so an uncertain input stays uncertain (and stays in the tornado and Monte Carlo).

use crate::model::{Distribution, Estimate, ValueKind};

/// `estimate` with base value `value`: a number becomes `value`; a distribution is shifted (a
/// log-normal scaled) so its base is `value` with the same spread. When the moved distribution
/// would leave the input's valid range, the plain number is used instead.
pub fn with_base(estimate: &Estimate, value: f64, kind: ValueKind) -> Estimate {
    let Some(d) = estimate.distribution() else { return Estimate::Fixed(value) };
    let shift = value - d.base();
    let moved = match *d {
        Distribution::Uniform { low, high } => Distribution::Uniform { low: low + shift, high: high + shift },
        Distribution::Triangular { low, mode, high } => {
            Distribution::Triangular { low: low + shift, mode: mode + shift, high: high + shift }
        }
        Distribution::Pert { low, mode, high } => {
            Distribution::Pert { low: low + shift, mode: mode + shift, high: high + shift }
        }
        Distribution::Normal { sd, .. } => Distribution::Normal { mean: value, sd },
        Distribution::LogNormal { p5, p95 } => {
            if value <= 0.0 {
                return Estimate::Fixed(value);
            }
            let scale = value / d.base();
            Distribution::LogNormal { p5: p5 * scale, p95: p95 * scale }
        }
    };
    let (lo, hi) = kind.bounds();
    // A normal's tails always leave a bounded range; its mean is what must stay inside.
    let inside = match moved {
        Distribution::Normal { mean, .. } => (lo..=hi).contains(&mean),
        _ => moved.parameters().iter().all(|(_, v)| (lo..=hi).contains(v)),
    };
    if inside { Estimate::Uncertain(moved) } else { Estimate::Fixed(value) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pert_keeps_its_spread_around_the_new_base() {
        let e = Estimate::Uncertain(Distribution::Pert { low: 9.5, mode: 11.0, high: 14.0 });
        let moved = with_base(&e, 10.0, ValueKind::Money);
        assert_eq!(moved, Estimate::Uncertain(Distribution::Pert { low: 8.5, mode: 10.0, high: 13.0 }));
        assert!((moved.base() - 10.0).abs() < 1e-12);
    }

    #[test]
    fn a_lognormal_is_scaled_and_a_number_is_replaced() {
        let e = Estimate::Uncertain(Distribution::LogNormal { p5: 3000.0, p95: 12000.0 });
        assert!((with_base(&e, 3000.0, ValueKind::Money).base() - 3000.0).abs() < 1e-9);
        assert_eq!(with_base(&Estimate::Fixed(3.0), 5.0, ValueKind::Money), Estimate::Fixed(5.0));
    }

    #[test]
    fn a_distribution_pushed_out_of_range_becomes_a_number() {
        let e = Estimate::Uncertain(Distribution::Uniform { low: 1.0, high: 5.0 });
        assert_eq!(with_base(&e, 0.5, ValueKind::Money), Estimate::Fixed(0.5));
    }
}
