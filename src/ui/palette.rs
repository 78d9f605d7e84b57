//! Every colour the charts and cards use, in one place. Each colour is of middle lightness and
//! clear saturation so that it reads on egui's dark panels and on its light ones alike: no
//! near-black, no near-white, no pale yellow.

use egui::Color32;

/// In-house: warm orange, the cost the finance lead already pays.
pub const IN_HOUSE: Color32 = Color32::from_rgb(0xE0, 0x7B, 0x39);

/// One colour per option, cycled when there are more options than colours.
const OPTIONS: [Color32; 6] = [
    Color32::from_rgb(0x3E, 0x8E, 0xDE), // blue
    Color32::from_rgb(0x22, 0xA8, 0x8E), // teal
    Color32::from_rgb(0xA3, 0x6B, 0xE0), // violet
    Color32::from_rgb(0xD4, 0x54, 0x9A), // magenta
    Color32::from_rgb(0x8F, 0xA7, 0x3A), // olive
    Color32::from_rgb(0x3F, 0xB4, 0xD4), // cyan
];

/// The colour of option `index`.
pub fn option(index: usize) -> Color32 {
    OPTIONS[index % OPTIONS.len()]
}

/// Vendor fees. The four components are muted so that they never pass for an option's line drawn
/// over them.
pub const FEES: Color32 = Color32::from_rgb(0x80, 0x90, 0xA8);
/// Retained in-house cost (vendor management and the like).
pub const RETAINED: Color32 = Color32::from_rgb(0x9C, 0x89, 0xB8);
/// Parallel running: in-house cost still paid during the transition.
pub const PARALLEL: Color32 = Color32::from_rgb(0xD9, 0xA4, 0x41);
/// A figure that calls for care but not alarm (a real but minority chance of a loss).
pub const CAUTION: Color32 = Color32::from_rgb(0xD9, 0xA4, 0x41);
/// Hidden costs.
pub const HIDDEN: Color32 = Color32::from_rgb(0xC8, 0x64, 0x5B);

/// Fixed cost (paid whatever the volume).
pub const FIXED: Color32 = Color32::from_rgb(0x7A, 0x86, 0x94);
/// Step-fixed cost: in-house staff sized for the peak, fixed within a year, stepping with volume.
pub const STEP_FIXED: Color32 = Color32::from_rgb(0xA8, 0x9A, 0x6E);
/// Variable cost (follows the volume).
pub const VARIABLE: Color32 = Color32::from_rgb(0x4F, 0xB3, 0xBF);

/// Savings, money saved.
pub const SAVINGS_POSITIVE: Color32 = Color32::from_rgb(0x2E, 0x9D, 0x5B);
/// Savings below zero, money lost.
pub const SAVINGS_NEGATIVE: Color32 = Color32::from_rgb(0xD6, 0x45, 0x45);

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
        assert_eq!(option(0), option(OPTIONS.len()));
        assert_ne!(option(0), option(1));
        assert_ne!(option(0), IN_HOUSE);
    }

    #[test]
    fn dimming_only_applies_to_stale_results() {
        assert_eq!(dimmed(IN_HOUSE, false), IN_HOUSE);
        assert!(dimmed(IN_HOUSE, true).a() < IN_HOUSE.a());
    }
}
