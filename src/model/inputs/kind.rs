//! The valid range of each kind of input (§1).

/// The valid range of an input: sampled, swung or goal-sought values are clamped to it (§1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// Money, prices and rates: ≥ 0.
    Money,
    /// Volumes, hours and unit counts: ≥ 0.
    Quantity,
    /// Strictly positive factors (units per FTE, productivity, fx rate): ≥ 1e-9.
    Positive,
    /// Growth, escalation, fx change, discount rate: ≥ −0.99.
    Growth,
    /// A share in [0, 1] (outcome rate, percentage of fees, band).
    Share,
    /// An SLA credit as a share of fees: in [−1, 0].
    Credit,
    /// Learning-curve dip: in [0, 0.99].
    Dip,
}

impl ValueKind {
    /// The smallest and largest valid value.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Self::Money | Self::Quantity => (0.0, f64::INFINITY),
            Self::Positive => (1e-9, f64::INFINITY),
            Self::Growth => (-0.99, f64::INFINITY),
            Self::Share => (0.0, 1.0),
            Self::Credit => (-1.0, 0.0),
            Self::Dip => (0.0, 0.99),
        }
    }

    /// `x` clamped to the valid range.
    pub fn clamp(self, x: f64) -> f64 {
        let (lo, hi) = self.bounds();
        x.clamp(lo, hi)
    }

    /// True when values read best as percentages.
    pub fn is_percentage(self) -> bool {
        matches!(self, Self::Growth | Self::Share | Self::Credit | Self::Dip)
    }
}
