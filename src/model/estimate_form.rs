//! The forms an estimate can take — a plain number or one of the distributions — and the one
//! rule for changing an estimate's form, which every editor uses: the base value is kept, a
//! number becomes a distribution spread around it, a distribution keeps its spread.

use super::inputs::ValueKind;
use super::{Distribution, Estimate};

/// The spread (± share of the base) a plain number gets when it becomes a distribution.
const DEFAULT_SPREAD: f64 = 0.2;

/// The form of an estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EstimateForm {
    /// A plain number.
    Fixed,
    /// `Uniform(low, high)`.
    Uniform,
    /// `Triangular(low, mode, high)`.
    Triangular,
    /// `Pert(low, mode, high)`.
    Pert,
    /// `Normal(mean, sd)`.
    Normal,
    /// `LogNormal(p5, p95)`.
    LogNormal,
}

impl EstimateForm {
    /// Every form, in menu order.
    pub const ALL: [Self; 6] =
        [Self::Fixed, Self::Uniform, Self::Triangular, Self::Pert, Self::Normal, Self::LogNormal];

    /// The form's name, as the file writes a distribution ("Fixed" for a plain number).
    pub fn label(self) -> &'static str {
        match self {
            Self::Fixed => "Fixed",
            Self::Uniform => "Uniform",
            Self::Triangular => "Triangular",
            Self::Pert => "Pert",
            Self::Normal => "Normal",
            Self::LogNormal => "LogNormal",
        }
    }

    /// The form of `estimate`.
    pub fn of(estimate: &Estimate) -> Self {
        match estimate {
            Estimate::Fixed(_) => Self::Fixed,
            Estimate::Uncertain(Distribution::Uniform { .. }) => Self::Uniform,
            Estimate::Uncertain(Distribution::Triangular { .. }) => Self::Triangular,
            Estimate::Uncertain(Distribution::Pert { .. }) => Self::Pert,
            Estimate::Uncertain(Distribution::Normal { .. }) => Self::Normal,
            Estimate::Uncertain(Distribution::LogNormal { .. }) => Self::LogNormal,
        }
    }
}

impl Estimate {
    /// This estimate in the form `form`, keeping its base value: a number becomes a
    /// distribution around it, a distribution becomes its base, and a distribution of another
    /// form keeps its spread (triangular and PERT share their three points exactly). A zero
    /// percentage (a growth of 0 %) is spread by ±2 points, not ±100 %.
    pub fn with_form(&self, form: EstimateForm, kind: ValueKind) -> Estimate {
        let base = self.base();
        let spread = match self {
            Estimate::Fixed(_) => DEFAULT_SPREAD,
            Estimate::Uncertain(d) => spread_of(d),
        };
        match (self, form) {
            (_, EstimateForm::Fixed) => Estimate::Fixed(base),
            (
                Estimate::Uncertain(
                    Distribution::Triangular { low, mode, high } | Distribution::Pert { low, mode, high },
                ),
                EstimateForm::Triangular | EstimateForm::Pert,
            ) => {
                let (low, mode, high) = (*low, *mode, *high);
                Estimate::Uncertain(if form == EstimateForm::Pert {
                    Distribution::Pert { low, mode, high }
                } else {
                    Distribution::Triangular { low, mode, high }
                })
            }
            _ => match Distribution::around(form.label(), base, spread) {
                // `around` spreads a zero base by ±1, which for a percentage is ±100 %: too wide.
                Some(mut d) if base == 0.0 && kind.is_percentage() && form != EstimateForm::LogNormal => {
                    for p in d.parameters_mut() {
                        *p *= 0.02;
                    }
                    Estimate::Uncertain(d)
                }
                Some(d) => Estimate::Uncertain(d),
                None => *self,
            },
        }
    }
}

/// The half-width of a distribution as a share of its base, as `Distribution::around` reads it.
fn spread_of(d: &Distribution) -> f64 {
    let half = match *d {
        Distribution::Uniform { low, high }
        | Distribution::Triangular { low, high, .. }
        | Distribution::Pert { low, high, .. } => 0.5 * (high - low),
        Distribution::Normal { sd, .. } => 2.0 * sd,
        Distribution::LogNormal { p5, p95 } => 0.5 * (p95 - p5),
    };
    let base = d.base().abs();
    if base > 0.0 && half.is_finite() && half > 0.0 { half / base } else { DEFAULT_SPREAD }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_forms_keeps_the_base() {
        let n = Estimate::Fixed(11.0);
        let pert = n.with_form(EstimateForm::Pert, ValueKind::Money);
        assert_eq!(pert.base(), 11.0);
        assert_eq!(pert.with_form(EstimateForm::Fixed, ValueKind::Money), n);
        let tri = pert.with_form(EstimateForm::Triangular, ValueKind::Money);
        assert_eq!(tri.numbers(), pert.numbers());
        let normal = tri.with_form(EstimateForm::Normal, ValueKind::Money);
        assert!((normal.base() - 11.0).abs() < 1e-12);
    }

    #[test]
    fn a_zero_growth_made_uncertain_spreads_by_points_not_by_a_hundred_percent() {
        let growth = Estimate::Fixed(0.0).with_form(EstimateForm::Uniform, ValueKind::Growth);
        assert_eq!(growth.numbers(), vec![-0.02, 0.02]);
    }

    #[test]
    fn every_form_is_named_as_the_file_writes_it() {
        for form in EstimateForm::ALL {
            let e = Estimate::Fixed(5.0).with_form(form, ValueKind::Money);
            assert_eq!(EstimateForm::of(&e), form);
            if let Some(d) = e.distribution() {
                assert_eq!(d.name(), form.label());
            }
        }
    }
}
