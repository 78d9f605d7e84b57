//! Zoom of the whole window in fixed steps, as a browser zooms: 10 % steps around 100 %, and
//! 175 % (the usual projector setting) among them. The − / + buttons and Ctrl − / Ctrl + (and
//! Ctrl 0 for 100 %; their keys are in `ui::commands`) use the same steps; egui's own keyboard zoom, which only knows 10 % steps,
//! is switched off.

use egui::Context;

/// Every zoom factor the steps visit, ascending.
pub const STEPS: [f32; 20] =
    [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.75, 1.8, 1.9, 2.0, 2.25, 2.5, 3.0];

/// The smallest zoom.
pub const MIN: f32 = STEPS[0];
/// The largest zoom.
pub const MAX: f32 = STEPS[STEPS.len() - 1];

/// Tolerance when comparing a zoom factor with a step (factors go through f32 arithmetic).
const SAME: f32 = 0.005;

/// The next step above `zoom` (or `zoom` itself at the top).
pub fn step_in(zoom: f32) -> f32 {
    STEPS.iter().copied().find(|&s| s > zoom + SAME).unwrap_or(MAX)
}

/// The next step below `zoom` (or `zoom` itself at the bottom).
pub fn step_out(zoom: f32) -> f32 {
    STEPS.iter().rev().copied().find(|&s| s < zoom - SAME).unwrap_or(MIN)
}

/// "175 %".
pub fn label(zoom: f32) -> String {
    format!("{:.0} %", zoom * 100.0)
}

/// Takes keyboard zoom over from egui, whose own steps skip 175 %: call once, at start.
pub fn take_over_keys(ctx: &Context) {
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_in_from_100_percent_reaches_175_percent_in_eight_steps() {
        let mut zoom = 1.0;
        for _ in 0..8 {
            zoom = step_in(zoom);
        }
        assert_eq!(label(zoom), "175 %");
    }

    #[test]
    fn steps_stop_at_the_ends_and_a_factor_between_steps_goes_to_the_next_one() {
        assert_eq!(step_in(MAX), MAX);
        assert_eq!(step_out(MIN), MIN);
        assert_eq!(step_in(1.72), 1.75);
        assert_eq!(step_out(1.72), 1.7);
        assert_eq!(step_out(1.75), 1.7);
        assert_eq!(step_in(1.0000001), 1.1);
    }
}
