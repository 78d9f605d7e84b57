//! Where everything of an SVG chart goes: the title, caption and legend wrapped to the width,
//! the plot's edges, the axes' ranges and ticks, the notes. Text widths are estimated from the
//! character count (the writer has no font at hand), generously, so that text never overflows.

use super::Size;
use super::series::bar_opacity;
use crate::chart::{Chart, Emphasis, Scale, Shape, Tone, ticks};
use crate::palette::Rgb;

/// Pixels per category row of a horizontal bar chart.
pub const ROW: f64 = 26.0;
/// The shortest plot, however many lines the legend and notes take.
pub(super) const MIN_PLOT: f64 = 200.0;
pub(super) const PAD: f64 = 16.0;
pub(super) const TITLE: f64 = 20.0;
pub(super) const CAPTION: f64 = 13.0;
pub(super) const SMALL: f64 = 12.0;
/// Average advance of a character in em, a little generous: layout estimates text widths
/// without the font, and too wide only costs a little room.
const EM_WIDTH: f64 = 0.56;

/// Where everything goes: computed once from the chart and the size.
pub(super) struct Layout {
    pub(super) title: Vec<(f64, String)>,
    pub(super) caption: Vec<(f64, String)>,
    pub(super) legend: Vec<LegendEntry>,
    pub(super) notes: Vec<(f64, String, Tone)>,
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) top: f64,
    pub(super) bottom: f64,
    /// The height everything but the plot takes: the image's height less the plot's, had the
    /// image room enough.
    pub(super) frame: f64,
    pub(super) x: AxisLayout,
    pub(super) y: AxisLayout,
    pub(super) x_title: Option<(f64, String)>,
    pub(super) y_title: Option<String>,
}

/// One axis: its shown range and its labelled ticks.
pub(super) struct AxisLayout {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) ticks: Vec<(f64, String)>,
    pub(super) categories: bool,
}

pub(super) struct LegendEntry {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) name: String,
    pub(super) color: Rgb,
    pub(super) emphasis: Emphasis,
    pub(super) kind: Swatch,
}

#[derive(Clone, Copy)]
pub(super) enum Swatch {
    Line { dashed: bool },
    Fill { opacity: f64 },
    Dot,
}

impl Layout {
    pub(super) fn new(chart: &Chart, size: Size) -> Self {
        let (width, height) = (f64::from(size.width), f64::from(size.height));
        let inner = width - 2.0 * PAD;
        let mut y = PAD;
        let mut title = Vec::new();
        for line in wrap(&chart.title, inner, TITLE) {
            title.push((y + TITLE, line));
            y += TITLE * 1.3;
        }
        let mut caption = Vec::new();
        for line in wrap(&chart.caption, inner, CAPTION) {
            caption.push((y + CAPTION + 2.0, line));
            y += CAPTION * 1.4;
        }
        y += 8.0;
        let (legend, legend_height) = legend(chart, y, inner);
        let top = y + legend_height + 10.0;

        let mut notes = Vec::new();
        for note in &chart.notes {
            for line in wrap(&note.text, inner, CAPTION) {
                notes.push((0.0, line, note.tone));
            }
        }
        let notes_height = if notes.is_empty() { 0.0 } else { notes.len() as f64 * CAPTION * 1.4 + 8.0 };
        for (i, note) in notes.iter_mut().enumerate() {
            note.0 = height - PAD - notes_height + 8.0 + CAPTION + i as f64 * CAPTION * 1.4;
        }
        let x_title_height = if clean(&chart.x.label).is_empty() { 0.0 } else { CAPTION * 1.6 };
        let under = PAD + notes_height + x_title_height + SMALL * 1.6;
        let frame = top + under;
        let bottom = (height - under).max(top + 1.0);
        let x_title = (x_title_height > 0.0).then(|| (bottom + SMALL * 1.6 + CAPTION, clean(&chart.x.label)));

        let (x_range, y_range) = chart.bounds();
        let y_axis = AxisLayout::new(&chart.y.scale, y_range, ((bottom - top) / 40.0).round() as usize);
        let y_title = Some(clean(&chart.y.label)).filter(|s| !s.is_empty());
        let widest = y_axis.ticks.iter().map(|(_, s)| text_width(s, SMALL)).fold(0.0, f64::max);
        let y_labels = widest.min(width * 0.35);
        let left = PAD + if y_title.is_some() { CAPTION * 1.6 } else { 0.0 } + y_labels + 8.0;
        let right = (width - PAD - 8.0).max(left + 1.0);
        let mut x_axis = AxisLayout::new(&chart.x.scale, x_range, ((right - left) / 80.0).round() as usize);
        let mut y_axis = y_axis;
        for (_, label) in &mut y_axis.ticks {
            *label = truncate(label, y_labels, SMALL);
        }
        if let Scale::Categories(names) = &chart.x.scale {
            let slot = (right - left) / names.len().max(1) as f64 - 6.0;
            for (_, label) in &mut x_axis.ticks {
                *label = truncate(label, slot, SMALL);
            }
        }
        Self { title, caption, legend, notes, left, right, top, bottom, frame, x: x_axis, y: y_axis, x_title, y_title }
    }

    /// The horizontal pixel of `v`; computed on halves so that no finite range overflows.
    pub(super) fn px(&self, v: f64) -> f64 {
        self.left + (v / 2.0 - self.x.lo / 2.0) / (self.x.hi / 2.0 - self.x.lo / 2.0) * (self.right - self.left)
    }

    pub(super) fn py(&self, v: f64) -> f64 {
        self.bottom - (v / 2.0 - self.y.lo / 2.0) / (self.y.hi / 2.0 - self.y.lo / 2.0) * (self.bottom - self.top)
    }

    pub(super) fn point(&self, [x, y]: [f64; 2]) -> Option<(f64, f64)> {
        let (px, py) = (self.px(x), self.py(y));
        (px.is_finite() && py.is_finite()).then_some((px, py))
    }
}

impl AxisLayout {
    pub(super) fn new(scale: &Scale, [lo, hi]: [f64; 2], target: usize) -> Self {
        let categories = matches!(scale, Scale::Categories(_));
        // A value axis gets a little room beyond the data, except at zero, where bars stand.
        let pad = if categories || matches!(scale, Scale::Month) { 0.0 } else { (hi / 2.0 - lo / 2.0) * 0.08 };
        let lo = if lo == 0.0 { lo } else { lo - pad };
        let hi = if hi == 0.0 { hi } else { hi + pad };
        let (marks, step) = ticks::ticks(scale, lo, hi, target.clamp(2, 12));
        let ticks = marks
            .into_iter()
            .map(|v| (v, ticks::label(scale, v, step)))
            .filter(|(_, label)| !label.is_empty())
            .map(|(v, label)| (v, clean(&label)))
            .collect();
        Self { lo, hi, ticks, categories }
    }
}

/// The legend's entries placed in rows from `top`, wrapping within `inner`; and its height.
fn legend(chart: &Chart, top: f64, inner: f64) -> (Vec<LegendEntry>, f64) {
    let mut entries = Vec::new();
    let (mut x, mut row) = (0.0, 0usize);
    for series in chart.legend() {
        let name = truncate(&clean(&series.name), inner - 24.0, SMALL);
        let wide = 22.0 + text_width(&name, SMALL);
        if x > 0.0 && x + wide > inner {
            x = 0.0;
            row += 1;
        }
        let kind = match &series.shape {
            Shape::Line { dashed, .. } => Swatch::Line { dashed: *dashed },
            Shape::Steps { .. } => Swatch::Line { dashed: false },
            Shape::Bars { .. } => Swatch::Fill { opacity: bar_opacity(series.emphasis) },
            Shape::Band { .. } => Swatch::Fill { opacity: 0.3 },
            Shape::Points { .. } => Swatch::Dot,
        };
        let y = top + row as f64 * 20.0 + SMALL;
        entries.push(LegendEntry { x: PAD + x, y, name, color: series.color, emphasis: series.emphasis, kind });
        x += wide + 16.0;
    }
    let height = if entries.is_empty() { 0.0 } else { (row + 1) as f64 * 20.0 };
    (entries, height)
}

/// `s` on one line: line breaks and tabs become spaces, other control characters and the two
/// characters XML forbids are dropped.
pub(super) fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            '\u{FFFE}' | '\u{FFFF}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

pub(super) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * EM_WIDTH
}

/// `s` cut with an ellipsis to fit `width` pixels.
pub(super) fn truncate(s: &str, width: f64, size: f64) -> String {
    let fits = (width / (size * EM_WIDTH)).floor().max(1.0) as usize;
    if s.chars().count() <= fits { s.to_owned() } else { s.chars().take(fits - 1).chain(['…']).collect() }
}

/// `s` cleaned and broken into lines of at most `width` pixels, at spaces where it can.
pub(super) fn wrap(s: &str, width: f64, size: f64) -> Vec<String> {
    let fits = (width / (size * EM_WIDTH)).floor().max(8.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in clean(s).split(' ').filter(|w| !w.is_empty()) {
        let chars: Vec<char> = word.chars().collect();
        for piece in chars.chunks(fits) {
            let piece: String = piece.iter().collect();
            let length = line.chars().count();
            if length > 0 && length + 1 + piece.chars().count() > fits {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&piece);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
