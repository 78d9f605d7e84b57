//! What the overview charts share: each option's line in its colour, the option in focus
//! standing out and drawn last (on top), months at the end of their month.

use super::{ChartData, one_line};
use crate::chart::{Emphasis, Series, Shape};
use crate::palette;

/// The options' indices in drawing order: the option in focus last, so that it is drawn over
/// the others.
pub(super) fn focused_last(data: &ChartData) -> Vec<usize> {
    let focus = data.focused();
    let count = data.evaluation.options.len();
    (0..count).filter(|&i| Some(i) != focus).chain(focus).collect()
}

/// How strongly option `i` is drawn.
pub(super) fn emphasis(data: &ChartData, i: usize) -> Emphasis {
    if data.focused() == Some(i) { Emphasis::Focused } else { Emphasis::Muted }
}

/// A monthly series as points: month `t` at `x = t + 1`.
pub(super) fn by_month(series: &[f64]) -> Vec<[f64; 2]> {
    series.iter().enumerate().map(|(t, &y)| [(t + 1) as f64, y]).collect()
}

/// Option `i`'s line through `points`, named and coloured as the option.
pub(super) fn option_line(data: &ChartData, i: usize, points: Vec<[f64; 2]>) -> Series {
    let name = data.evaluation.options.get(i).map(|o| one_line(&o.name)).unwrap_or_default();
    Series {
        name,
        color: palette::option(i),
        emphasis: emphasis(data, i),
        shape: Shape::Line { points, dashed: false },
    }
}

/// The in-house line through `points`.
pub(super) fn in_house_line(points: Vec<[f64; 2]>) -> Series {
    Series {
        name: "In-house".to_owned(),
        color: palette::IN_HOUSE,
        emphasis: Emphasis::Normal,
        shape: Shape::Line { points, dashed: false },
    }
}
