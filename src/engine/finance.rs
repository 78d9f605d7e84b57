//! Discounting, IRR, payback and percentiles (contract §3, §6).

/// Monthly discount factors `(1 + annual_rate)^(−(t+1)/12)` for `months` months.
pub fn discount_factors(annual_rate: f64, months: usize) -> Vec<f64> {
    (0..months).map(|t| (1.0 + annual_rate).powf(-((t + 1) as f64) / 12.0)).collect()
}

/// Σ flows_t · factors_t.
pub fn present_value(flows: &[f64], factors: &[f64]) -> f64 {
    flows.iter().zip(factors).map(|(f, d)| f * d).sum()
}

/// The NPV of monthly flows at an annual rate, discounting month t by (t+1)/12 years.
pub fn npv(flows: &[f64], annual_rate: f64) -> f64 {
    let step = (1.0 + annual_rate).powf(-1.0 / 12.0);
    let mut factor = 1.0;
    let mut total = 0.0;
    for f in flows {
        factor *= step;
        total += f * factor;
    }
    total
}

/// The discount factors [`npv`] uses, kept between calls: Monte Carlo discounts every option
/// of every draw, mostly at the same rate, and [`npv`] spends a `powf` on each.
#[derive(Clone, Debug, Default)]
pub struct DiscountChain {
    /// The annual rate `factors` were computed for, by bits (`None` before the first call).
    rate: Option<u64>,
    factors: Vec<f64>,
}

impl DiscountChain {
    /// The factor of each of `months` months at `annual_rate`, computed as [`npv`] computes
    /// them (the same step multiplied in month by month), so the same bits.
    pub fn factors(&mut self, annual_rate: f64, months: usize) -> &[f64] {
        if self.rate != Some(annual_rate.to_bits()) || self.factors.len() != months {
            let step = (1.0 + annual_rate).powf(-1.0 / 12.0);
            let mut factor = 1.0;
            self.factors.clear();
            self.factors.extend((0..months).map(|_| {
                factor *= step;
                factor
            }));
            self.rate = Some(annual_rate.to_bits());
        }
        &self.factors
    }

    /// Σ flows_t · factors_t summed like [`npv`] (from 0.0, in month order): with
    /// [`Self::factors`], bit for bit [`npv`].
    pub fn present_value(flows: &[f64], factors: &[f64]) -> f64 {
        let mut total = 0.0;
        for (f, factor) in flows.iter().zip(factors) {
            total += f * factor;
        }
        total
    }
}

/// Levels of the bisection [`irr`] decides per pass over the flows.
const IRR_DEPTH: usize = 2;
/// Rates whose NPV one pass computes: every midpoint the next `IRR_DEPTH` levels may ask for.
const IRR_LANES: usize = (1 << IRR_DEPTH) - 1;
/// The most bisection levels [`irr`] takes (it stops sooner, when the bracket cannot shrink).
const IRR_LEVELS: usize = 200;

/// The internal rate of return as an annual rate: the root of the NPV found by bisection of
/// the annual rate on (−0.99, 100). `None` when the flows never change sign or the NPV has the
/// same sign at both ends of the bracket.
///
/// Each bisection step waits on the sign of one NPV, a chain of dependent multiplications, so
/// steps one after another leave the processor mostly idle. Every midpoint the next few steps
/// can ask for is known before any of their signs, so one pass computes the NPV at all of them
/// together (independent chains, side by side) and then takes those steps: the same steps, with
/// the same NPVs ([`npv`]'s arithmetic in each lane), as one step at a time.
pub fn irr(flows: &[f64]) -> Option<f64> {
    let has_gain = flows.iter().any(|&f| f > 0.0);
    let has_loss = flows.iter().any(|&f| f < 0.0);
    if !(has_gain && has_loss) {
        return None;
    }
    let (mut lo, mut hi) = (-0.99_f64, 100.0_f64);
    let [f_lo, f_hi] = npv_at_rates(flows, [lo, hi]);
    if !(f_lo.is_finite() && f_hi.is_finite()) || f_lo.signum() == f_hi.signum() {
        return None;
    }
    let mut level = 0;
    while level < IRR_LEVELS {
        // The midpoints of the next levels as a tree: node i bisects its bracket, node 2i + 1
        // the lower half of it and node 2i + 2 the upper half.
        let mut brackets = [(lo, hi); IRR_LANES];
        let mut mids = [0.0; IRR_LANES];
        for i in 0..IRR_LANES {
            let (a, b) = brackets[i];
            let mid = 0.5 * (a + b);
            mids[i] = mid;
            if 2 * i + 2 < IRR_LANES {
                brackets[2 * i + 1] = (a, mid);
                brackets[2 * i + 2] = (mid, b);
            }
        }
        let npvs = npv_at_rates(flows, mids);
        let mut node = 0;
        while node < IRR_LANES && level < IRR_LEVELS {
            let mid = mids[node];
            if mid <= lo || mid >= hi {
                return Some(0.5 * (lo + hi));
            }
            let f_mid = npvs[node];
            if f_mid == 0.0 {
                return Some(mid);
            }
            if f_mid.signum() == f_lo.signum() {
                lo = mid;
                node = 2 * node + 2;
            } else {
                hi = mid;
                node = 2 * node + 1;
            }
            level += 1;
        }
    }
    Some(0.5 * (lo + hi))
}

/// [`npv`] at each of `N` rates, in one pass over the flows: each lane does [`npv`]'s
/// arithmetic in [`npv`]'s order, so each result is [`npv`]'s to the bit.
fn npv_at_rates<const N: usize>(flows: &[f64], rates: [f64; N]) -> [f64; N] {
    let steps = rates.map(|rate| (1.0 + rate).powf(-1.0 / 12.0));
    let mut factors = [1.0; N];
    let mut totals = [0.0; N];
    for f in flows {
        for k in 0..N {
            factors[k] *= steps[k];
            totals[k] += f * factors[k];
        }
    }
    totals
}

/// The least k ≥ 1 such that the cumulative savings through month k−1 and every later month
/// are ≥ 0; `None` when the cumulative is negative at the horizon.
pub fn payback_months(cumulative: &[f64]) -> Option<u32> {
    let last_negative = cumulative.iter().rposition(|&c| c < 0.0);
    match last_negative {
        None if cumulative.is_empty() => None,
        None => Some(1),
        Some(i) if i + 1 == cumulative.len() => None,
        Some(i) => u32::try_from(i + 2).ok(),
    }
}

/// Running sum.
pub fn cumulative(flows: &[f64]) -> Vec<f64> {
    flows
        .iter()
        .scan(0.0, |sum, f| {
            *sum += f;
            Some(*sum)
        })
        .collect()
}

/// The `p` quantile (0..=1) of sorted data, interpolating linearly between order statistics.
pub fn percentile_sorted(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let Quantile { below, above, weight } = Quantile::of(p, n);
            Quantile::between(sorted[below], sorted[above], weight)
        }
    }
}

/// Where the `p` quantile (0..=1) of `n` ≥ 1 sorted values lies: between the order statistics
/// `below` and `above`, `weight` of the way to the upper one. Every percentile of a sample
/// (summaries, monthly bands) is placed this way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Quantile {
    /// The order statistic at or below the quantile.
    pub below: usize,
    /// The next one (the last one when `below` is).
    pub above: usize,
    /// How far from `below` to `above` the quantile lies, in [0, 1).
    pub weight: f64,
}

impl Quantile {
    /// The position of the `p` quantile among `n` ≥ 1 values.
    pub(crate) fn of(p: f64, n: usize) -> Self {
        let rank = p.clamp(0.0, 1.0) * (n - 1) as f64;
        let below = rank.floor() as usize;
        Self { below, above: (below + 1).min(n - 1), weight: rank - below as f64 }
    }

    /// The quantile from the values of its two order statistics: `a + (b − a)·w` (not
    /// `a·(1−w) + b·w`), exact when a = b, so percentiles of equal values stay equal and ordered.
    pub(crate) fn between(lower: f64, upper: f64, weight: f64) -> f64 {
        lower + (upper - lower) * weight
    }
}

/// The percentiles `ps` (ascending) of `data`, each exactly what [`percentile_sorted`] gives
/// on the sorted data, found by selection instead of a sort (`data` is reordered): after the
/// order statistic of one percentile is selected, the next, higher one lies in the part after
/// it, so each selection searches less than the one before.
pub fn percentiles<const N: usize>(data: &mut [f64], ps: [f64; N]) -> [f64; N] {
    let n = data.len();
    let mut from = 0;
    ps.map(|p| match n {
        0 => f64::NAN,
        1 => data[0],
        n => {
            let Quantile { below, weight, .. } = Quantile::of(p, n);
            // Ascending `ps` put `below` at or after the previous one.
            let below = below.max(from);
            let (_, &mut lower, after) = data[from..].select_nth_unstable_by(below - from, f64::total_cmp);
            // The next order statistic is the least value after the selected one.
            let upper = after.iter().copied().min_by(f64::total_cmp).unwrap_or(lower);
            from = below;
            Quantile::between(lower, upper, weight)
        }
    })
}

/// `numerator / denominator`, or `None` when the denominator is 0 (§3).
pub fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0).then(|| numerator / denominator)
}

#[cfg(test)]
mod tests {
    use proptest::collection::vec;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn npv_discounts_month_t_by_t_plus_one_twelfths() {
        let flows = [100.0, 100.0];
        let expected = 100.0 / 1.1_f64.powf(1.0 / 12.0) + 100.0 / 1.1_f64.powf(2.0 / 12.0);
        assert!((npv(&flows, 0.1) - expected).abs() < 1e-9);
    }

    #[test]
    fn irr_of_a_one_year_loan_is_its_rate() {
        let mut flows = vec![0.0; 13];
        flows[0] = -1000.0;
        flows[12] = 1100.0;
        let r = irr(&flows).expect("sign change");
        assert!((r - 0.1).abs() < 1e-9, "{r}");
    }

    #[test]
    fn irr_is_null_without_a_sign_change() {
        assert_eq!(irr(&[1.0, 2.0]), None);
        assert_eq!(irr(&[-1.0, -2.0]), None);
        assert_eq!(irr(&[0.0, 0.0]), None);
    }

    #[test]
    fn payback_is_the_first_month_after_which_the_cumulative_stays_non_negative() {
        assert_eq!(payback_months(&[-5.0, -1.0, 2.0, 3.0]), Some(3));
        assert_eq!(payback_months(&[1.0, 2.0]), Some(1));
        assert_eq!(payback_months(&[-1.0, 2.0, -1.0, 5.0]), Some(4));
        assert_eq!(payback_months(&[1.0, -2.0]), None);
        assert_eq!(payback_months(&[]), None);
    }

    #[test]
    fn percentiles_interpolate_between_order_statistics() {
        let data = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile_sorted(&data, 0.5), 2.5);
        assert_eq!(percentile_sorted(&data, 0.0), 1.0);
        assert_eq!(percentile_sorted(&data, 1.0), 4.0);
        assert!((percentile_sorted(&data, 0.1) - 1.3).abs() < 1e-12);
    }

    #[test]
    fn percentiles_by_selection_are_the_percentiles_of_the_sorted_data() {
        let ps = [0.0, 0.05, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 0.95, 1.0];
        let datasets: Vec<Vec<f64>> = vec![
            vec![],
            vec![7.0],
            vec![2.0, -1.0],
            vec![3.0; 10],
            (0..1000).map(|i| f64::from(i % 7) - 3.0).collect(),
            (0..100_003).map(|i| ((f64::from(i) * 0.618_033_988_7).fract() - 0.4) * 1e6).collect(),
            (0..999).map(|i| (f64::from(i) + 1.0).ln() * if i % 2 == 0 { 1.0 } else { -1e3 }).collect(),
        ];
        for data in datasets {
            let mut sorted = data.clone();
            sorted.sort_by(f64::total_cmp);
            let expected = ps.map(|p| percentile_sorted(&sorted, p).to_bits());
            let mut shuffled = data.clone();
            assert_eq!(percentiles(&mut shuffled, ps).map(f64::to_bits), expected, "{} values", data.len());
        }
    }

    /// [`irr`] as the contract words it, one bisection step and one NPV at a time: the oracle
    /// the batched search must match to the bit.
    fn reference_irr(flows: &[f64]) -> Option<f64> {
        let has_gain = flows.iter().any(|&f| f > 0.0);
        let has_loss = flows.iter().any(|&f| f < 0.0);
        if !(has_gain && has_loss) {
            return None;
        }
        let (mut lo, mut hi) = (-0.99_f64, 100.0_f64);
        let (f_lo, f_hi) = (npv(flows, lo), npv(flows, hi));
        if !(f_lo.is_finite() && f_hi.is_finite()) || f_lo.signum() == f_hi.signum() {
            return None;
        }
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if mid <= lo || mid >= hi {
                break;
            }
            let f_mid = npv(flows, mid);
            if f_mid == 0.0 {
                return Some(mid);
            }
            if f_mid.signum() == f_lo.signum() {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(0.5 * (lo + hi))
    }

    fn same_irr(flows: &[f64]) -> Result<(), TestCaseError> {
        let (got, want) = (irr(flows), reference_irr(flows));
        prop_assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{:?} vs {:?} for {:?}", got, want, flows);
        Ok(())
    }

    #[test]
    fn irr_is_the_one_step_bisection_on_edge_cases() {
        // A root at a rate of 0, zero months, an infinite, a NaN and huge flows, a single
        // month, several roots.
        let cases: [&[f64]; 7] = [
            &[-1.0, 1.0],
            &[0.0, -5.0, 0.0, 7.0],
            &[-1.0, f64::INFINITY],
            &[-1.0, f64::NAN, 2.0],
            &[-1e300, 1e300, 1e300],
            &[5.0],
            &[-1.0, 3.0, -3.0, 1.0],
        ];
        for flows in cases {
            same_irr(flows).expect("same IRR");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Savings-like flows (costs first, then gains) and arbitrary ones with several sign
        /// changes (several roots: the bisection's path picks one, and so must the batch's).
        #[test]
        fn irr_is_the_one_step_bisection(
            head in vec(-1e6..0.0_f64, 0..12),
            tail in vec(prop_oneof![3 => -2e5..1e6_f64, 1 => Just(0.0)], 1..60),
            wild in vec(prop_oneof![3 => -1e6..1e6_f64, 1 => Just(0.0), 1 => -1e-3..1e-3_f64], 1..40),
        ) {
            let savings: Vec<f64> = head.iter().chain(&tail).copied().collect();
            same_irr(&savings)?;
            same_irr(&wild)?;
        }
    }
}
