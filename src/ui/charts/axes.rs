//! Axis scales every chart shares: where the ticks go and how they read.
//!
//! egui_plot's default grid steps by powers of ten and paints a tick label only when labels are
//! at least 60 points apart (x) or 20 (y) and the text fits. A money axis spanning 6.2–7.8 M then
//! keeps the single "7 M" (the 0.1 M step is too dense, the 1 M step has one mark), a month axis
//! only "0". These spacers pick 1-2-5 steps (1-3-6-12 for months) from the plot's size in points,
//! so every axis shows a readable scale at any zoom and size, and the labels print as many
//! decimals as the step needs ("6.2 M", "6.25 M"), never the same label twice.

use std::ops::RangeInclusive;

use egui_plot::{GridInput, GridMark};

use crate::chart::ticks::compact_tick;
use crate::chart::ticks::{decimals_for, month_step, nice_step};

/// A grid spacer, as `Plot::x_grid_spacer` takes it.
pub(crate) type GridSpacer = Box<dyn Fn(GridInput) -> Vec<GridMark>>;

/// A tick formatter, as `Plot::x_axis_formatter` takes it.
pub(crate) type Formatter = Box<dyn Fn(GridMark, &RangeInclusive<f64>) -> String>;

/// Which way an axis runs: the room a label needs along it differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The horizontal axis: labels are wide.
    X,
    /// The vertical axis: labels are one line high.
    Y,
}

impl Direction {
    /// Points between labelled ticks, at least: inside egui_plot's fade-in range (60–80 on x,
    /// 20–30 on y) a label is drawn faint, below it not at all.
    fn label_spacing(self) -> f64 {
        match self {
            Self::X => 70.0,
            Self::Y => 42.0,
        }
    }
}

/// egui_plot computes `base_step_size` as the data span of this many points.
const EGUI_PLOT_MIN_GRID_SPACING: f64 = 8.0;

/// The labelled step for an axis of `input` running in `direction`.
fn labelled_step(input: &GridInput, direction: Direction, multiples: &[f64]) -> f64 {
    let points_per_unit = EGUI_PLOT_MIN_GRID_SPACING / input.base_step_size.max(f64::MIN_POSITIVE);
    nice_step(direction.label_spacing() / points_per_unit, multiples)
}

/// Grid of 1, 2 or 5 × 10ⁿ steps, labelled every ~70 points (x) or ~42 points (y).
pub(crate) fn nice_grid(direction: Direction) -> GridSpacer {
    Box::new(move |input: GridInput| {
        let step = labelled_step(&input, direction, &[1.0, 2.0, 5.0, 10.0]);
        egui_plot::uniform_grid_spacer(move |_| [step / 5.0, step, step * 10.0])(input)
    })
}

/// Grid of whole months: 1, 2, 3, 6, 12, 24, … months between labels.
pub(crate) fn month_grid() -> GridSpacer {
    Box::new(|input: GridInput| {
        let raw = labelled_step(&input, Direction::X, &[1.0, 2.0, 5.0, 10.0]);
        let step = month_step(raw);
        let minor = if step >= 12.0 { step / 4.0 } else { 1.0 };
        egui_plot::uniform_grid_spacer(move |_| [minor, step, step * 4.0])(input)
    })
}

/// A tick of a money or count axis.
pub(crate) fn compact(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    compact_tick(mark.value, mark.step_size)
}

/// A tick of a percentage axis whose values are already in percent (`12.5` → "12.5 %").
pub(crate) fn percent(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    format!("{:.*} %", decimals_for(mark.step_size, 1.0), mark.value)
}

/// A tick of a change axis in percent, signed ("−20 %", "0 %", "+20 %").
pub(crate) fn signed_percent(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    if mark.value.abs() < mark.step_size * 1e-6 {
        return "0 %".to_owned();
    }
    format!("{:+.*} %", decimals_for(mark.step_size, 1.0), mark.value)
}

/// A tick of a multiplier axis ("0.5×", "2×").
pub(crate) fn multiple(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    format!("{:.*}×", decimals_for(mark.step_size, 1.0), mark.value)
}

/// A month tick: whole months only (month 1 is the first month of the horizon).
pub(crate) fn month(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    if mark.value >= 0.0 && mark.value.fract() == 0.0 { format!("{}", mark.value) } else { String::new() }
}

/// An axis title that fits `length` points: an input's label ("In-house › Agent wages +
/// benefits › amount") keeps its last parts when the whole would run past the axis and over the
/// controls beside it, with "…" for what was left out (the hover says it all).
pub(crate) fn fit_title(title: &str, length: f32) -> String {
    // Body text averages about half its size in width; 14 points at 100 %.
    let max_chars = ((length / 7.5).floor() as usize).max(8);
    if title.chars().count() <= max_chars {
        return title.to_owned();
    }
    let parts: Vec<&str> = title.split(" › ").collect();
    let mut kept = String::new();
    for part in parts.iter().rev() {
        let candidate = if kept.is_empty() { (*part).to_owned() } else { format!("{part} › {kept}") };
        if candidate.chars().count() + 2 > max_chars {
            break;
        }
        kept = candidate;
    }
    if kept.is_empty() {
        let tail: String = title.chars().rev().take(max_chars - 1).collect::<Vec<_>>().into_iter().rev().collect();
        return format!("…{tail}");
    }
    format!("… {kept}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labelled marks of a spacer over `bounds` on an axis `points` long.
    fn labels(spacer: &GridSpacer, bounds: (f64, f64), points: f64, format: fn(f64, f64) -> String) -> Vec<String> {
        let base_step_size = (bounds.1 - bounds.0) / points * EGUI_PLOT_MIN_GRID_SPACING;
        let marks = spacer(GridInput { bounds, base_step_size });
        let per_point = points / (bounds.1 - bounds.0);
        // As egui_plot does: only steps at least ~60 points apart get a label.
        marks.iter().filter(|m| m.step_size * per_point >= 60.0).map(|m| format(m.value, m.step_size)).collect()
    }

    #[test]
    fn a_narrow_money_axis_shows_several_distinct_labels() {
        // The Monte Carlo histogram of a 6.2–7.8 M NPV spread in a 300-point plot.
        let shown = labels(&nice_grid(Direction::X), (6.2e6, 7.8e6), 300.0, compact_tick);
        assert!(shown.len() >= 3, "{shown:?}");
        let mut unique = shown.clone();
        unique.dedup();
        assert_eq!(unique, shown, "no label is repeated");
        assert!(shown.contains(&"6.5 M".to_owned()) || shown.contains(&"6.4 M".to_owned()), "{shown:?}");
    }

    #[test]
    fn a_month_axis_is_labelled_in_whole_months_across_the_horizon() {
        let shown = labels(&month_grid(), (0.0, 36.0), 400.0, |v, _| format!("{v}"));
        assert!(shown.len() >= 3, "{shown:?}");
        assert!(shown.iter().all(|l| l.parse::<f64>().is_ok_and(|v| v.fract() == 0.0)), "{shown:?}");
        assert!(shown.contains(&"12".to_owned()) && shown.contains(&"24".to_owned()), "{shown:?}");
    }

    #[test]
    fn a_long_axis_title_keeps_its_last_parts() {
        let title = "Manila offshore partner › Knowledge transfer › amount";
        assert_eq!(fit_title(title, 600.0), title);
        let short = fit_title(title, 200.0);
        assert!(short.chars().count() <= 26, "{short}");
        assert!(short.ends_with("amount") && short.starts_with('…'), "{short}");
        assert!(fit_title("Averyveryverylongsinglewordwithoutanyseparators", 100.0).starts_with('…'));
    }

    #[test]
    fn the_spider_axis_reads_as_signed_changes() {
        let mark = |value, step_size| GridMark { value, step_size };
        assert_eq!(signed_percent(mark(-20.0, 10.0), &(0.0..=1.0)), "-20 %");
        assert_eq!(signed_percent(mark(0.0, 10.0), &(0.0..=1.0)), "0 %");
        assert_eq!(signed_percent(mark(30.0, 10.0), &(0.0..=1.0)), "+30 %");
        assert_eq!(multiple(mark(1.5, 0.5), &(0.0..=1.0)), "1.5×");
        assert_eq!(multiple(mark(12.0, 2.0), &(0.0..=1.0)), "12×");
        assert_eq!(percent(mark(7.0, 1.0), &(0.0..=1.0)), "7 %");
    }
}
