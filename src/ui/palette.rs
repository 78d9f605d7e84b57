//! The shared palette (`crate::palette`) as egui colours, and how the window fades them. Each colour is of middle lightness and
//! clear saturation so that it reads on egui's dark panels and on its light ones alike: no
//! near-black, no near-white, no pale yellow.

use egui::Color32;

use crate::palette::{self as shared, Rgb};

/// An RGB colour of the shared palette as egui draws it.
pub const fn c(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// In-house: warm orange, the cost the finance lead already pays.
pub const IN_HOUSE: Color32 = c(shared::IN_HOUSE);

/// The colour of option `index`.
pub fn option(index: usize) -> Color32 {
    c(shared::option(index))
}

/// Vendor fees.
pub const FEES: Color32 = c(shared::FEES);
/// Retained in-house cost (vendor management and the like).
pub const RETAINED: Color32 = c(shared::RETAINED);
/// Parallel running: in-house cost still paid during the transition.
pub const PARALLEL: Color32 = c(shared::PARALLEL);
/// A figure that calls for care but not alarm (a real but minority chance of a loss).
pub const CAUTION: Color32 = c(shared::CAUTION);
/// Hidden costs.
pub const HIDDEN: Color32 = c(shared::HIDDEN);
/// Fixed cost (paid whatever the volume).
pub const FIXED: Color32 = c(shared::FIXED);
/// Step-fixed cost: in-house staff sized for the peak, fixed within a year, stepping with volume.
pub const STEP_FIXED: Color32 = c(shared::STEP_FIXED);
/// Variable cost (follows the volume).
pub const VARIABLE: Color32 = c(shared::VARIABLE);
/// Savings, money saved.
pub const SAVINGS_POSITIVE: Color32 = c(shared::SAVINGS_POSITIVE);
/// Savings below zero, money lost.
pub const SAVINGS_NEGATIVE: Color32 = c(shared::SAVINGS_NEGATIVE);
/// A loss among the draws.
pub const LOSS: Color32 = c(shared::LOSS);
/// A gain among the draws.
pub const GAIN: Color32 = c(shared::GAIN);
/// The P10 end of a tornado bar (and "low" elsewhere).
pub const LOW: Color32 = c(shared::LOW);
/// The P90 end of a tornado bar.
pub const HIGH: Color32 = c(shared::HIGH);

/// Series colour `i` (spider inputs, scenarios), cycled.
pub fn series(i: usize) -> Color32 {
    c(shared::SERIES[i % shared::SERIES.len()])
}

/// The colour of a hidden-cost category.
pub fn category(category: crate::model::HiddenCategory) -> Color32 {
    c(shared::CATEGORIES[category as usize % shared::CATEGORIES.len()])
}

/// The colour of a savings figure by its sign.
pub fn savings(x: f64) -> Color32 {
    if x < 0.0 { SAVINGS_NEGATIVE } else { SAVINGS_POSITIVE }
}

/// Markers and reference lines (zero, today's volume): the theme's own text colour, faded, so the
/// marker recedes behind the data in both themes.
pub fn reference(visuals: &egui::Visuals) -> Color32 {
    visuals.text_color().gamma_multiply(0.6)
}

/// Opacity of a chart drawn from stale results: still legible, clearly not current.
pub const STALE_OPACITY: f32 = 0.4;

/// A colour for stale results (for painting outside a dimmed [`egui::Ui`]).
pub fn dimmed(color: Color32, stale: bool) -> Color32 {
    if stale { color.gamma_multiply(STALE_OPACITY) } else { color }
}

/// Options that are not in focus stay legible but step back. Not lower: on a light background
/// a translucent line fades to a pastel that is hard to see.
pub fn unfocused(color: Color32) -> Color32 {
    color.gamma_multiply(0.75)
}

/// Translucent fill of a bar drawn under lines, so the lines stay on top visually.
pub fn bar_fill(color: Color32) -> Color32 {
    color.gamma_multiply(0.8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_colours_cycle_and_differ() {
        assert_eq!(option(0), option(shared::OPTIONS.len()));
        assert_ne!(option(0), option(1));
        assert_ne!(option(0), IN_HOUSE);
    }

    #[test]
    fn dimming_only_applies_to_stale_results() {
        assert_eq!(dimmed(IN_HOUSE, false), IN_HOUSE);
        assert!(dimmed(IN_HOUSE, true).a() < IN_HOUSE.a());
    }
}
