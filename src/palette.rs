//! Every colour of Shoreline's charts, once, as plain RGB: the window (through `ui::palette`)
//! and the exported images and reports (`export`) draw with the same colours. Each colour is of
//! middle lightness and clear saturation, so it reads on dark and light backgrounds and on paper.

/// A colour as red, green, blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, as SVG and CSS write it.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// In-house: warm orange, the cost the finance lead already pays.
pub const IN_HOUSE: Rgb = Rgb(0xE0, 0x7B, 0x39);

/// One colour per option, cycled when there are more options than colours.
pub const OPTIONS: [Rgb; 6] = [
    Rgb(0x3E, 0x8E, 0xDE), // blue
    Rgb(0x22, 0xA8, 0x8E), // teal
    Rgb(0xA3, 0x6B, 0xE0), // violet
    Rgb(0xD4, 0x54, 0x9A), // magenta
    Rgb(0x8F, 0xA7, 0x3A), // olive
    Rgb(0x3F, 0xB4, 0xD4), // cyan
];

/// The colour of option `index`.
pub fn option(index: usize) -> Rgb {
    OPTIONS[index % OPTIONS.len()]
}

/// Vendor fees (the four cost components are muted so they never pass for an option's line).
pub const FEES: Rgb = Rgb(0x80, 0x90, 0xA8);
/// Retained in-house cost.
pub const RETAINED: Rgb = Rgb(0x9C, 0x89, 0xB8);
/// Parallel running.
pub const PARALLEL: Rgb = Rgb(0xD9, 0xA4, 0x41);
/// A figure that calls for care but not alarm.
pub const CAUTION: Rgb = Rgb(0xD9, 0xA4, 0x41);
/// Hidden costs.
pub const HIDDEN: Rgb = Rgb(0xC8, 0x64, 0x5B);
/// Fixed cost.
pub const FIXED: Rgb = Rgb(0x7A, 0x86, 0x94);
/// Step-fixed cost: in-house staff sized for the peak.
pub const STEP_FIXED: Rgb = Rgb(0xA8, 0x9A, 0x6E);
/// Variable cost.
pub const VARIABLE: Rgb = Rgb(0x4F, 0xB3, 0xBF);
/// Money saved.
pub const SAVINGS_POSITIVE: Rgb = Rgb(0x2E, 0x9D, 0x5B);
/// Money lost.
pub const SAVINGS_NEGATIVE: Rgb = Rgb(0xD6, 0x45, 0x45);
/// A loss among the draws (histogram bars below 0, the heat map's losing side).
pub const LOSS: Rgb = Rgb(214, 90, 72);
/// A gain among the draws.
pub const GAIN: Rgb = Rgb(66, 150, 110);
/// The P10 end of a tornado bar (and "low" elsewhere).
pub const LOW: Rgb = Rgb(222, 110, 75);
/// The P90 end of a tornado bar, and the Monte Carlo band.
pub const HIGH: Rgb = Rgb(70, 150, 205);
/// Series of a chart that are neither options nor cost parts (spider inputs, scenarios), cycled.
pub const SERIES: [Rgb; 8] = [
    Rgb(86, 142, 207),
    Rgb(231, 140, 62),
    Rgb(92, 176, 104),
    Rgb(207, 86, 96),
    Rgb(150, 116, 201),
    Rgb(190, 150, 60),
    Rgb(222, 122, 184),
    Rgb(70, 180, 190),
];
/// The hidden-cost categories, in the enumeration's order.
pub const CATEGORIES: [Rgb; 12] = [
    Rgb(86, 142, 207),
    Rgb(231, 140, 62),
    Rgb(92, 176, 104),
    Rgb(207, 86, 96),
    Rgb(150, 116, 201),
    Rgb(160, 120, 90),
    Rgb(222, 122, 184),
    Rgb(128, 128, 128),
    Rgb(190, 190, 70),
    Rgb(70, 190, 200),
    Rgb(120, 160, 60),
    Rgb(200, 160, 40),
];

/// The colour of a savings figure by its sign.
pub fn savings(x: f64) -> Rgb {
    if x < 0.0 { SAVINGS_NEGATIVE } else { SAVINGS_POSITIVE }
}
