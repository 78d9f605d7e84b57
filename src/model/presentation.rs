//! How the model is presented (F5), saved with it: which slides in what order with their
//! speaker notes, and the inputs pinned as large sliders. Every field is optional in the file: a
//! model without a `presentation` shows [`SlideKind::STANDARD`] and pins nothing.

use serde::{Deserialize, Serialize};

use super::{Distribution, Estimate, ValueKind};

/// At most this many inputs are pinned: a strip of sliders that still reads from the back row.
pub const MAX_PINNED: usize = 8;

/// What one slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideKind {
    /// The model's name, the date and the headline sentence.
    Title,
    /// The KPI cards of every option.
    Kpis,
    /// Monthly cost, in-house against each option.
    MonthlyCost,
    /// Cumulative savings with payback.
    Cumulative,
    /// Cost against volume with the in-house staff steps and the break-even.
    Volume,
    /// Onshore, nearshore and offshore side by side.
    Locations,
    /// Labour rates side by side.
    RateCard,
    /// Fixed, step-fixed and variable cost.
    FixedVariable,
    /// The tornado of the option in focus.
    Tornado,
    /// The Monte Carlo NPV histogram.
    Histogram,
    /// The Monte Carlo fan of cumulative savings.
    Fan,
    /// Every scenario side by side.
    Scenarios,
}

impl SlideKind {
    /// Every kind of slide, in the standard order.
    pub const ALL: [Self; 12] = [
        Self::Title,
        Self::Kpis,
        Self::MonthlyCost,
        Self::Cumulative,
        Self::Volume,
        Self::Locations,
        Self::RateCard,
        Self::FixedVariable,
        Self::Tornado,
        Self::Histogram,
        Self::Fan,
        Self::Scenarios,
    ];

    /// The deck of a model that chooses none: every slide.
    pub const STANDARD: [Self; 12] = Self::ALL;

    /// The slide's name in the editor and the presenter view.
    pub fn label(self) -> &'static str {
        match self {
            Self::Title => "Title and headline",
            Self::Kpis => "Key figures",
            Self::MonthlyCost => "Monthly cost",
            Self::Cumulative => "Cumulative savings",
            Self::Volume => "Cost against volume",
            Self::Locations => "Locations",
            Self::RateCard => "Rate card",
            Self::FixedVariable => "Fixed and variable cost",
            Self::Tornado => "Tornado",
            Self::Histogram => "Monte Carlo: NPV histogram",
            Self::Fan => "Monte Carlo: savings fan",
            Self::Scenarios => "Scenario comparison",
        }
    }
}

/// One slide of the deck.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    /// What it shows.
    pub kind: SlideKind,
    /// What the presenter wants to say, shown only in the presenter view.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Slide {
    /// A slide of `kind` without notes.
    pub fn new(kind: SlideKind) -> Self {
        Self { kind, notes: String::new() }
    }
}

/// An input shown as a large slider while presenting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinnedInput {
    /// The input's path (`options[1].pricing.rate`).
    pub input: String,
    /// The slider's lowest value; absent: see [`PinnedInput::range`].
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::bare")]
    pub low: Option<f64>,
    /// The slider's highest value.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::bare")]
    pub high: Option<f64>,
}

impl PinnedInput {
    /// A pin of `input` over the default range.
    pub fn new(input: impl Into<String>) -> Self {
        Self { input: input.into(), low: None, high: None }
    }

    /// The slider's range for an input whose baseline is `estimate`: the range written in the
    /// file; else a distribution's own range (P1 to P99 for the unbounded ones); else ±50 % of
    /// the base (a base of 0 gets 0 to 1 of its unit, or −10 to +10 points for a rate). The range
    /// is kept inside the input's valid values and always holds the base.
    pub fn range(&self, estimate: &Estimate, kind: ValueKind) -> (f64, f64) {
        let base = estimate.base();
        let (mut low, mut high) = match estimate.distribution() {
            Some(Distribution::Uniform { low, high })
            | Some(Distribution::Triangular { low, high, .. })
            | Some(Distribution::Pert { low, high, .. }) => (*low, *high),
            Some(d) => (d.quantile(0.01), d.quantile(0.99)),
            None if base == 0.0 && kind.is_percentage() => (-0.1, 0.1),
            None if base == 0.0 => (0.0, 1.0),
            None => (base - 0.5 * base.abs(), base + 0.5 * base.abs()),
        };
        low = self.low.unwrap_or(low);
        high = self.high.unwrap_or(high);
        let (lo, hi) = kind.bounds();
        low = low.clamp(lo, hi).min(base);
        high = high.clamp(lo, hi).max(base);
        if high <= low {
            high = low + 1.0;
        }
        (low, high)
    }
}

/// The deck and the pinned inputs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    /// The slides in order; empty: [`SlideKind::STANDARD`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slides: Vec<Slide>,
    /// The inputs pinned as sliders, at most [`MAX_PINNED`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pinned: Vec<PinnedInput>,
}

impl Presentation {
    /// True when nothing is chosen (the field is then left out of the file).
    pub fn is_empty(&self) -> bool {
        self.slides.is_empty() && self.pinned.is_empty()
    }

    /// The slides to show: the chosen ones, or the standard deck. The scenario comparison is
    /// left out of a model without scenarios (it would compare the base model with itself).
    pub fn deck(&self, has_scenarios: bool) -> Vec<Slide> {
        let chosen = if self.slides.is_empty() {
            SlideKind::STANDARD.iter().map(|&k| Slide::new(k)).collect()
        } else {
            self.slides.clone()
        };
        chosen.into_iter().filter(|s| has_scenarios || s.kind != SlideKind::Scenarios).collect()
    }

    /// The slides as the editor lists them: the chosen ones, or the standard deck to start from.
    pub fn slides_or_standard(&self) -> Vec<Slide> {
        if self.slides.is_empty() {
            SlideKind::STANDARD.iter().map(|&k| Slide::new(k)).collect()
        } else {
            self.slides.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_slides_over_half_its_value_either_way() {
        let pin = PinnedInput::new("options[0].pricing.rate");
        assert_eq!(pin.range(&Estimate::Fixed(12.0), ValueKind::Money), (6.0, 18.0));
    }

    #[test]
    fn a_distribution_slides_over_its_own_range() {
        let pin = PinnedInput::new("x");
        let e = Estimate::Uncertain(Distribution::Pert { low: 9.0, mode: 11.0, high: 14.0 });
        assert_eq!(pin.range(&e, ValueKind::Money), (9.0, 14.0));
    }

    #[test]
    fn a_written_range_wins_but_stays_valid_and_holds_the_base() {
        let pin = PinnedInput { input: "x".into(), low: Some(-5.0), high: Some(3.0) };
        // Money cannot be negative, and the base (4) must be reachable.
        assert_eq!(pin.range(&Estimate::Fixed(4.0), ValueKind::Money), (0.0, 4.0));
    }

    #[test]
    fn a_zero_rate_slides_ten_points_either_way() {
        let pin = PinnedInput::new("workload.annual_growth");
        assert_eq!(pin.range(&Estimate::Fixed(0.0), ValueKind::Growth), (-0.1, 0.1));
    }

    #[test]
    fn the_standard_deck_leaves_out_scenarios_when_there_are_none() {
        let p = Presentation::default();
        assert_eq!(p.deck(true).len(), SlideKind::ALL.len());
        assert!(p.deck(false).iter().all(|s| s.kind != SlideKind::Scenarios));
        assert!(p.is_empty());
    }
}
