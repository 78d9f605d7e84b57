//! Estimates: a real-valued input that is either a plain number or a distribution (contract §1).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `z` of the 10th/90th percentile of the standard normal, as the contract writes it.
pub const Z_P90: f64 = 1.281_551_565_5;
/// `z` of the 95th percentile of the standard normal, as the contract writes it.
pub const Z_P95: f64 = 1.644_853_627_0;

/// A real-valued input: a bare number, or a distribution whose base value is used for the
/// deterministic evaluation and whose spread drives sensitivity and Monte Carlo.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Estimate {
    /// A plain number, written bare in the file (`650.0`).
    Fixed(f64),
    /// An uncertain value, written as a distribution (`Pert(low: 9.5, mode: 11.0, high: 14.0)`).
    Uncertain(Distribution),
}

/// The distributions an estimate can take, with the field names of the file format.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Distribution {
    /// Every value between `low` and `high` equally likely.
    Uniform {
        /// Smallest value.
        low: f64,
        /// Largest value.
        high: f64,
    },
    /// Triangular density from `low` up to `mode` and down to `high`.
    Triangular {
        /// Smallest value.
        low: f64,
        /// Most likely value.
        mode: f64,
        /// Largest value.
        high: f64,
    },
    /// Beta-PERT (λ = 4): like the triangular, with thinner tails.
    Pert {
        /// Smallest value.
        low: f64,
        /// Most likely value.
        mode: f64,
        /// Largest value.
        high: f64,
    },
    /// Normal (Gaussian) distribution.
    Normal {
        /// Mean and base value.
        mean: f64,
        /// Standard deviation.
        sd: f64,
    },
    /// Log-normal distribution given by its 5th and 95th percentiles.
    LogNormal {
        /// 5th percentile.
        p5: f64,
        /// 95th percentile.
        p95: f64,
    },
}

/// The names of the distribution forms, in menu order.
pub const DISTRIBUTION_NAMES: [&str; 5] = ["Uniform", "Triangular", "Pert", "Normal", "LogNormal"];

impl Default for Estimate {
    fn default() -> Self {
        Self::Fixed(0.0)
    }
}

impl From<f64> for Estimate {
    fn from(value: f64) -> Self {
        Self::Fixed(value)
    }
}

impl Estimate {
    /// The value used by the deterministic evaluation (§1 table, "base value").
    pub fn base(&self) -> f64 {
        match self {
            Self::Fixed(x) => *x,
            Self::Uncertain(d) => d.base(),
        }
    }

    /// Every number of the estimate times `k` (k > 0): the same estimate in another unit, a
    /// distribution keeping its shape (a price per hour made a price per FTE-month).
    pub fn scaled(&self, k: f64) -> Self {
        let mut e = *self;
        match &mut e {
            Self::Fixed(x) => *x *= k,
            Self::Uncertain(d) => d.parameters_mut().into_iter().for_each(|x| *x *= k),
        }
        e
    }

    /// The distribution, when the estimate is uncertain.
    pub fn distribution(&self) -> Option<&Distribution> {
        match self {
            Self::Fixed(_) => None,
            Self::Uncertain(d) => Some(d),
        }
    }

    /// True when the estimate is a distribution (it appears in the tornado and Monte Carlo).
    pub fn is_uncertain(&self) -> bool {
        matches!(self, Self::Uncertain(_))
    }

    /// Every number the estimate holds, for NaN/infinity checks.
    pub fn numbers(&self) -> Vec<f64> {
        match self {
            Self::Fixed(x) => vec![*x],
            Self::Uncertain(d) => d.parameters().iter().map(|(_, v)| *v).collect(),
        }
    }
}

impl Distribution {
    /// The form's name as written in the file (`"Pert"`).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Uniform { .. } => "Uniform",
            Self::Triangular { .. } => "Triangular",
            Self::Pert { .. } => "Pert",
            Self::Normal { .. } => "Normal",
            Self::LogNormal { .. } => "LogNormal",
        }
    }

    /// The parameters with their file names, in file order.
    pub fn parameters(&self) -> Vec<(&'static str, f64)> {
        match *self {
            Self::Uniform { low, high } => vec![("low", low), ("high", high)],
            Self::Triangular { low, mode, high } | Self::Pert { low, mode, high } => {
                vec![("low", low), ("mode", mode), ("high", high)]
            }
            Self::Normal { mean, sd } => vec![("mean", mean), ("sd", sd)],
            Self::LogNormal { p5, p95 } => vec![("p5", p5), ("p95", p95)],
        }
    }

    /// Mutable access to the parameters, in the order of [`Self::parameters`].
    pub fn parameters_mut(&mut self) -> Vec<&mut f64> {
        match self {
            Self::Uniform { low, high } => vec![low, high],
            Self::Triangular { low, mode, high } | Self::Pert { low, mode, high } => {
                vec![low, mode, high]
            }
            Self::Normal { mean, sd } => vec![mean, sd],
            Self::LogNormal { p5, p95 } => vec![p5, p95],
        }
    }

    /// A distribution of the named form centred on `base`, spread ±`spread` (a share of |base|).
    /// Used when the user turns a plain number into a distribution.
    pub fn around(name: &str, base: f64, spread: f64) -> Option<Self> {
        let width = if base == 0.0 { 1.0 } else { base.abs() * spread };
        let (low, high) = (base - width, base + width);
        Some(match name {
            "Uniform" => Self::Uniform { low, high },
            "Triangular" => Self::Triangular { low, mode: base, high },
            "Pert" => Self::Pert { low, mode: base, high },
            "Normal" => Self::Normal { mean: base, sd: width / 2.0 },
            "LogNormal" => {
                let median = if base > 0.0 { base } else { 1.0 };
                let factor = 1.0 + spread.max(0.01);
                Self::LogNormal { p5: median / factor, p95: median * factor }
            }
            _ => return None,
        })
    }

    /// The base value (§1): midpoint, mode, mean or median.
    pub fn base(&self) -> f64 {
        match *self {
            Self::Uniform { low, high } => 0.5 * (low + high),
            Self::Triangular { mode, .. } | Self::Pert { mode, .. } => mode,
            Self::Normal { mean, .. } => mean,
            Self::LogNormal { p5, p95 } => (p5 * p95).sqrt(),
        }
    }

    /// The 10th percentile (§1 table).
    pub fn p10(&self) -> f64 {
        self.tail_percentile(false)
    }

    /// The 90th percentile (§1 table).
    pub fn p90(&self) -> f64 {
        self.tail_percentile(true)
    }

    fn tail_percentile(&self, upper: bool) -> f64 {
        let z = if upper { Z_P90 } else { -Z_P90 };
        match *self {
            Self::Normal { mean, sd } => mean + z * sd,
            Self::LogNormal { p5, p95 } => {
                let (mu, sigma) = lognormal_parameters(p5, p95);
                (mu + z * sigma).exp()
            }
            _ => self.quantile(if upper { 0.9 } else { 0.1 }),
        }
    }

    /// The inverse CDF at probability `u` in (0, 1), computed exactly (PERT by bisection on
    /// the regularised incomplete beta function). Monte Carlo uses [`crate::engine`]'s
    /// tabulated sampler for PERT instead, which is as accurate and far faster.
    pub fn quantile(&self, u: f64) -> f64 {
        match *self {
            Self::Uniform { low, high } => low + u * (high - low),
            Self::Triangular { low, mode, high } => triangular_quantile(low, mode, high, u),
            Self::Pert { low, mode, high } => {
                let (a, b) = pert_shape(low, mode, high);
                low + (high - low) * beta_quantile(a, b, u)
            }
            Self::Normal { mean, sd } => mean + sd * standard_normal_quantile(u),
            Self::LogNormal { p5, p95 } => {
                let (mu, sigma) = lognormal_parameters(p5, p95);
                (mu + sigma * standard_normal_quantile(u)).exp()
            }
        }
    }
}

/// Inverse CDF of the triangular distribution.
pub fn triangular_quantile(low: f64, mode: f64, high: f64, u: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return low;
    }
    let split = (mode - low) / width;
    if u < split { low + (u * width * (mode - low)).sqrt() } else { high - ((1.0 - u) * width * (high - mode)).sqrt() }
}

/// The Beta shape parameters (α, β) of a PERT distribution with λ = 4. A mode outside
/// [low, high] (an invalid model, still being typed) is pulled inside, so α, β ≥ 1.
pub fn pert_shape(low: f64, mode: f64, high: f64) -> (f64, f64) {
    let width = high - low;
    if width.is_nan() || width <= 0.0 {
        return (1.0, 1.0);
    }
    let mode = mode.clamp(low, high);
    (1.0 + 4.0 * (mode - low) / width, 1.0 + 4.0 * (high - mode) / width)
}

/// μ and σ of the log-normal whose 5th and 95th percentiles are `p5` and `p95`.
pub fn lognormal_parameters(p5: f64, p95: f64) -> (f64, f64) {
    let (l5, l95) = (p5.ln(), p95.ln());
    (0.5 * (l5 + l95), (l95 - l5) / (2.0 * Z_P95))
}

/// Φ⁻¹(u) of the standard normal.
pub fn standard_normal_quantile(u: f64) -> f64 {
    std::f64::consts::SQRT_2 * statrs::function::erf::erf_inv(2.0 * u - 1.0)
}

/// The regularised incomplete beta function I_x(a, b), clamped to [0, 1] outside (0, 1).
pub fn beta_cdf(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else if x >= 1.0 {
        1.0
    } else {
        // statrs panics on shapes ≤ 0; they cannot come from `pert_shape`, but never panic here.
        statrs::function::beta::checked_beta_reg(a, b, x).unwrap_or(f64::NAN)
    }
}

/// Inverse of the Beta(a, b) CDF by bisection, to full double precision.
pub fn beta_quantile(a: f64, b: f64, u: f64) -> f64 {
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if beta_cdf(a, b, mid) < u {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

impl Serialize for Estimate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Fixed(x) => serializer.serialize_f64(*x),
            Self::Uncertain(d) => d.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Estimate {
    /// RON's `deserialize_any` drops the name of a struct-like enum variant, so `Pert(..)` and
    /// `Triangular(..)` (same fields) could not be told apart, and `#[serde(untagged)]` loses
    /// the precise error. Instead the estimate's source text is captured and parsed as a number
    /// or, failing that, as a [`Distribution`], whose errors name the bad field.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let raw: Box<ron::value::RawValue> = Deserialize::deserialize(deserializer)?;
        let text = raw.get_ron().trim();
        let starts_like_number =
            text.chars().next().is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'))
                || text.starts_with("NaN")
                || text.starts_with("inf");
        if starts_like_number {
            ron::from_str::<f64>(text)
                .map(Self::Fixed)
                .map_err(|e| D::Error::custom(format!("expected a number or a distribution: {}", e.code)))
        } else {
            ron::from_str::<Distribution>(text)
                .map(Self::Uncertain)
                .map_err(|e| D::Error::custom(format!("in estimate `{}`: {}", shorten(text), e.code)))
        }
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_values_follow_the_contract_table() {
        let d = Distribution::Uniform { low: 2.0, high: 4.0 };
        assert_eq!(d.base(), 3.0);
        let d = Distribution::LogNormal { p5: 3000.0, p95: 9000.0 };
        assert!((d.base() - 5196.152422706632).abs() < 1e-9);
    }

    #[test]
    fn percentiles_follow_the_contract_table() {
        let u = Distribution::Uniform { low: 0.03, high: 0.06 };
        assert!((u.p10() - 0.033).abs() < 1e-15);
        assert!((u.p90() - 0.057).abs() < 1e-15);
        let n = Distribution::Normal { mean: 5.0, sd: 1.0 };
        assert!((n.p10() - (5.0 - Z_P90)).abs() < 1e-15);
        let t = Distribution::Triangular { low: 0.0, mode: 0.0, high: 1.0 };
        // F(x) = 1 - (1-x)^2 = 0.1  =>  x = 1 - sqrt(0.9)
        assert!((t.p10() - (1.0 - 0.9_f64.sqrt())).abs() < 1e-12);
        // A symmetric PERT has its median at the mode.
        let p = Distribution::Pert { low: 0.0, mode: 5.0, high: 10.0 };
        assert!((p.quantile(0.5) - 5.0).abs() < 1e-9);
        assert!((beta_cdf(3.0, 3.0, p.p10() / 10.0) - 0.1).abs() < 1e-12);
    }

    #[test]
    fn an_invalid_pert_still_has_quantiles() {
        let p = Distribution::Pert { low: 10.0, mode: 2.0, high: 12.0 };
        assert!(p.p10().is_finite() && p.p90().is_finite());
        let p = Distribution::Pert { low: 10.0, mode: 10.0, high: 5.0 };
        assert!(p.p10().is_finite() && p.p90().is_finite());
    }

    #[test]
    fn estimates_round_trip_through_ron() {
        for text in ["650.0", "Pert(low:9.5,mode:11.0,high:14.0)", "Triangular(low:1.0,mode:2.0,high:3.0)"] {
            let e: Estimate = ron::from_str(text).expect("parses");
            let again: Estimate = ron::from_str(&ron::to_string(&e).expect("writes")).expect("reparses");
            assert_eq!(e, again);
        }
        let e: Estimate = ron::from_str("12").expect("integer accepted");
        assert_eq!(e, Estimate::Fixed(12.0));
        let e: Estimate = ron::from_str("Pert(low: 1, mode: 2, high: 3)").expect("integers accepted");
        assert_eq!(e, Estimate::Uncertain(Distribution::Pert { low: 1.0, mode: 2.0, high: 3.0 }));
    }

    #[test]
    fn a_misspelt_field_is_named() {
        let err = ron::from_str::<Estimate>("Pert(low: 1.0, mdoe: 2.0, high: 3.0)").expect_err("must fail");
        assert!(err.to_string().contains("mdoe"), "{err}");
    }
}
