//! A [`Chart`] as an SVG image for documents, slides and print: white background, dark text, the
//! title and caption on top, the legend under them (never over the data), the plot with its
//! grid, ticks and markers, and the notes underneath. Written by hand, no chart library.
//!
//! The output is deterministic (fixed decimals, no hash-map order, ids derived from the chart),
//! so the same chart gives the same bytes. Every text from a model file is escaped and stripped
//! of control characters: a name is always text, never markup.

use std::fmt::Write as _;

use super::{Chart, MarkerAxis, Scale, Tone};
use crate::palette::{self, Rgb};
pub use layout::ROW;
use layout::{CAPTION, Layout, LegendEntry, MIN_PLOT, PAD, SMALL, Swatch, TITLE, clean, text_width, truncate};
use series::{draw_series, line_style};

/// The size of the image in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
}

impl Default for Size {
    /// 960 × 540: a 16:9 slide, half of full HD.
    fn default() -> Self {
        Self { width: 960, height: 540 }
    }
}

impl Size {
    /// The default width, and a height tall enough that the chart's rows never squeeze.
    pub fn for_chart(chart: &Chart) -> Self {
        Self::fitting(chart, Self::default().width)
    }

    /// `width` wide (at least 320), 16:9 or taller where the chart needs it: a category axis
    /// upward (a tornado of many inputs) gets [`ROW`] pixels per row, and the plot never gets
    /// shorter than 200 pixels however many lines the legend and notes take.
    pub fn fitting(chart: &Chart, width: u32) -> Self {
        let width = width.max(320);
        let base = width * 9 / 16;
        let layout = Layout::new(chart, Self { width, height: base });
        let rows = match &chart.y.scale {
            Scale::Categories(names) => names.len() as f64 * ROW,
            _ => 0.0,
        };
        let needed = (layout.frame + rows.max(MIN_PLOT)).ceil();
        Self { width, height: base.max(needed.min(f64::from(u16::MAX)) as u32) }
    }
}

const INK: &str = "#222222";
const SOFT_INK: &str = "#555555";
const GRID: &str = "#e4e4e4";
const AXIS: &str = "#9a9a9a";
/// Markers without a colour of their own (zero lines, today's volume).
const NEUTRAL: Rgb = Rgb(0x80, 0x80, 0x80);
const FONT: &str = "Ubuntu, 'DejaVu Sans', sans-serif";

/// `write!` into a `String`, which cannot fail.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{ let _ = write!($out, $($arg)*); }};
}

mod layout;
mod series;

/// The chart as an SVG document `size` big.
pub fn write(chart: &Chart, size: Size) -> String {
    let l = Layout::new(chart, size);
    let id = format!("shoreline-{}-{:016x}", chart.kind.name(), fnv(&format!("{chart:?}{size:?}")));
    let mut out = String::with_capacity(16 * 1024);
    w!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT}\">\n",
        size.width,
        size.height
    );
    w!(out, "<title id=\"{id}-title\">{}</title>\n", text(&chart.title));
    w!(out, "<desc id=\"{id}-desc\">{}</desc>\n", text(&chart.caption));
    w!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (y, line) in &l.title {
        w!(out, "<text x=\"{}\" y=\"{}\" font-size=\"{TITLE}\" fill=\"{INK}\">{}</text>\n", n(PAD), n(*y), text(line));
    }
    for (y, line) in &l.caption {
        let (x, s) = (n(PAD), text(line));
        w!(out, "<text x=\"{x}\" y=\"{}\" font-size=\"{CAPTION}\" fill=\"{SOFT_INK}\">{s}</text>\n", n(*y));
    }
    for entry in &l.legend {
        legend_entry(&mut out, entry);
    }
    grid_and_axes(&mut out, &l);
    w!(out, "<clipPath id=\"{id}-clip\"><rect x=\"{}\" y=\"{}\" ", n(l.left - 2.0), n(l.top - 2.0));
    w!(out, "width=\"{}\" height=\"{}\"/></clipPath>\n", n(l.right - l.left + 4.0), n(l.bottom - l.top + 4.0));
    w!(out, "<g clip-path=\"url(#{id}-clip)\">\n");
    for series in &chart.series {
        draw_series(&mut out, series, &l);
    }
    markers(&mut out, chart, &l);
    out.push_str("</g>\n");
    marker_labels(&mut out, chart, &l);
    for (y, line, tone) in &l.notes {
        // The palette's red and amber are made for dark and light screens; darkened, they read
        // as text on white paper too.
        let color = match tone {
            Tone::Plain => INK.to_owned(),
            Tone::Bad => darker(palette::SAVINGS_NEGATIVE, 0.85).hex(),
            Tone::Caution => darker(palette::CAUTION, 0.62).hex(),
        };
        let (x, s) = (n(PAD), text(line));
        w!(out, "<text x=\"{x}\" y=\"{}\" font-size=\"{CAPTION}\" fill=\"{color}\">{s}</text>\n", n(*y));
    }
    out.push_str("</svg>\n");
    out
}

fn legend_entry(out: &mut String, e: &LegendEntry) {
    let (color, mid) = (e.color.hex(), e.y - 4.0);
    match e.kind {
        Swatch::Line { dashed } => {
            let (width, opacity) = line_style(e.emphasis);
            w!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" ", n(e.x), n(mid), n(e.x + 16.0), n(mid));
            w!(out, "stroke=\"{color}\" stroke-width=\"{}\" stroke-opacity=\"{}\"", n(width), n(opacity));
            out.push_str(if dashed { " stroke-dasharray=\"4 3\"/>\n" } else { "/>\n" });
        }
        Swatch::Fill { opacity } => {
            w!(out, "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"12\" ", n(e.x + 1.0), n(mid - 6.0));
            w!(out, "fill=\"{color}\" fill-opacity=\"{}\"/>\n", n(opacity));
        }
        Swatch::Dot => w!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{color}\"/>\n", n(e.x + 8.0), n(mid)),
    }
    let (x, y, s) = (n(e.x + 22.0), n(e.y), text(&e.name));
    w!(out, "<text x=\"{x}\" y=\"{y}\" font-size=\"{SMALL}\" fill=\"{INK}\">{s}</text>\n");
}

fn grid_and_axes(out: &mut String, l: &Layout) {
    let (left, right, top, bottom) = (n(l.left), n(l.right), n(l.top), n(l.bottom));
    w!(out, "<g stroke=\"{GRID}\" stroke-width=\"1\">\n");
    for &(v, _) in l.x.ticks.iter().filter(|_| !l.x.categories) {
        let x = n(l.px(v));
        w!(out, "<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{bottom}\"/>\n");
    }
    for &(v, _) in l.y.ticks.iter().filter(|_| !l.y.categories) {
        let y = n(l.py(v));
        w!(out, "<line x1=\"{left}\" y1=\"{y}\" x2=\"{right}\" y2=\"{y}\"/>\n");
    }
    out.push_str("</g>\n");
    w!(out, "<path d=\"M{left} {top}V{bottom}H{right}\" fill=\"none\" stroke=\"{AXIS}\" stroke-width=\"1\"/>\n");
    w!(out, "<g font-size=\"{SMALL}\" fill=\"{SOFT_INK}\" text-anchor=\"middle\">\n");
    for (v, label) in &l.x.ticks {
        w!(out, "<text x=\"{}\" y=\"{}\">{}</text>\n", n(l.px(*v)), n(l.bottom + SMALL + 4.0), text(label));
    }
    out.push_str("</g>\n");
    w!(out, "<g font-size=\"{SMALL}\" fill=\"{SOFT_INK}\" text-anchor=\"end\">\n");
    for (v, label) in &l.y.ticks {
        w!(out, "<text x=\"{}\" y=\"{}\">{}</text>\n", n(l.left - 6.0), n(l.py(*v) + 4.0), text(label));
    }
    out.push_str("</g>\n");
    if let Some((y, label)) = &l.x_title {
        let (x, s) = (n((l.left + l.right) / 2.0), text(label));
        w!(
            out,
            "<text x=\"{x}\" y=\"{}\" font-size=\"{CAPTION}\" fill=\"{INK}\" text-anchor=\"middle\">{s}</text>\n",
            n(*y)
        );
    }
    if let Some(label) = &l.y_title {
        let label = truncate(label, l.bottom - l.top, CAPTION);
        let (x, y) = (n(PAD + CAPTION), n((l.top + l.bottom) / 2.0));
        w!(out, "<text transform=\"translate({x} {y}) rotate(-90)\" font-size=\"{CAPTION}\" fill=\"{INK}\" ");
        w!(out, "text-anchor=\"middle\">{}</text>\n", text(&label));
    }
}

fn markers(out: &mut String, chart: &Chart, l: &Layout) {
    for m in chart.markers.iter().filter(|m| m.at.is_finite()) {
        let color = m.color.unwrap_or(NEUTRAL).hex();
        let (x1, y1, x2, y2) = match m.axis {
            MarkerAxis::X => (l.px(m.at), l.top, l.px(m.at), l.bottom),
            MarkerAxis::Y => (l.left, l.py(m.at), l.right, l.py(m.at)),
        };
        let dash = if m.dashed { " stroke-dasharray=\"5 4\"" } else { "" };
        w!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" ", n(x1), n(y1), n(x2), n(y2));
        w!(out, "stroke=\"{color}\" stroke-width=\"1.5\"{dash}/>\n");
    }
}

/// Marker labels, inside the plot and kept inside it; labels of vertical lines are staggered
/// so that close markers (P10, P50, P90) do not write over each other.
fn marker_labels(out: &mut String, chart: &Chart, l: &Layout) {
    let room = (l.right - l.left - 12.0).max(0.0);
    let mut stagger = 0usize;
    for m in chart.markers.iter().filter(|m| m.at.is_finite()) {
        let label = truncate(&clean(&m.label), room, SMALL);
        if label.is_empty() {
            continue;
        }
        let color = darker(m.color.unwrap_or(NEUTRAL), 0.7).hex();
        let wide = text_width(&label, SMALL);
        let (x, y) = match m.axis {
            MarkerAxis::X => {
                let at = l.px(m.at);
                let x = if at + 4.0 + wide <= l.right - 4.0 { at + 4.0 } else { at - 4.0 - wide };
                let y = l.top + SMALL + 2.0 + (stagger % 4) as f64 * (SMALL + 4.0);
                stagger += 1;
                (x, y)
            }
            MarkerAxis::Y => {
                let at = l.py(m.at);
                let y = if at - 5.0 - SMALL < l.top { at + SMALL + 3.0 } else { at - 5.0 };
                (l.right - 6.0 - wide, y)
            }
        };
        let x = x.clamp(l.left + 4.0, (l.right - 4.0 - wide).max(l.left + 4.0));
        let y = y.clamp(l.top + SMALL, (l.bottom - 4.0).max(l.top + SMALL));
        // A white halo keeps the label legible where it crosses bars and lines.
        w!(out, "<text x=\"{}\" y=\"{}\" font-size=\"{SMALL}\" fill=\"{color}\" stroke=\"#ffffff\" ", n(x), n(y));
        w!(out, "stroke-width=\"3\" paint-order=\"stroke\">{}</text>\n", text(&label));
    }
}

/// A coordinate with two decimals, `-0.00` written `0.00`, and far-off values held to a range
/// that any SVG reader takes (they are outside the clipped plot anyway).
fn n(v: f64) -> String {
    let s = format!("{:.2}", v.clamp(-1e6, 1e6));
    if s == "-0.00" { "0.00".to_owned() } else { s }
}

/// `s` as XML text or attribute value: cleaned (on one line), and `& < > " '` escaped.
fn text(s: &str) -> String {
    crate::format::xml_escape(&clean(s))
}

fn darker(c: Rgb, f: f64) -> Rgb {
    let scale = |v: u8| (f64::from(v) * f).round().clamp(0.0, 255.0) as u8;
    Rgb(scale(c.0), scale(c.1), scale(c.2))
}

/// FNV-1a: a stable hash (unlike `std`'s, which may change between releases) for the ids.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Axis, Bar, ChartKind, Emphasis, Marker, Note, Series, Shape};

    fn chart(series: Vec<Series>) -> Chart {
        Chart {
            kind: ChartKind::Cumulative,
            title: "Cumulative savings".into(),
            caption: "Above zero, it has paid for itself.".into(),
            x: Axis::new("Month", Scale::Month).including(0.0),
            y: Axis::new("USD", Scale::Money { currency: "USD".into() }),
            series,
            markers: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn line(name: &str, points: Vec<[f64; 2]>) -> Series {
        let shape = Shape::Line { points, dashed: false };
        Series { name: name.into(), color: palette::option(0), emphasis: Emphasis::Normal, shape }
    }

    #[test]
    fn a_non_finite_value_breaks_the_line_and_is_never_written() {
        let image =
            write(&chart(vec![line("A", vec![[0.0, 1.0], [1.0, f64::NAN], [2.0, 3.0], [3.0, 4.0]])]), Size::default());
        assert_eq!(image.matches("<polyline").count(), 2, "{image}");
        assert!(!image.contains("NaN") && !image.contains("inf"));
    }

    #[test]
    fn the_data_is_clipped_to_the_plot() {
        let image = write(&chart(vec![line("A", vec![[0.0, 1.0], [2.0, 3.0]])]), Size::default());
        let clip = image.find("<clipPath").expect("a clip path");
        let group = image.find("clip-path=\"url(#").expect("a clipped group");
        assert!(clip < group && group < image.find("<polyline").expect("the line"));
    }

    #[test]
    fn a_tornado_of_many_rows_grows_taller_and_a_plain_chart_keeps_16_by_9() {
        let names = (0..30).map(|i| format!("Input {i}")).collect();
        let bars = (0..30).map(|i| Bar { at: f64::from(i), from: 0.0, to: 1.0, width: 0.6 }).collect();
        let mut tornado = chart(vec![Series {
            name: String::new(),
            color: palette::LOW,
            emphasis: Emphasis::Normal,
            shape: Shape::Bars { bars, horizontal: true },
        }]);
        tornado.y = Axis::new("", Scale::Categories(names));
        let size = Size::for_chart(&tornado);
        assert!(f64::from(size.height) > 30.0 * ROW, "{size:?}");
        assert_eq!(Size::for_chart(&chart(Vec::new())), Size::default());
    }

    #[test]
    fn the_legend_wraps_and_stays_above_the_plot() {
        let series = (0..12).map(|i| line(&format!("A fairly long option name {i}"), vec![[0.0, 1.0]])).collect();
        let layout = Layout::new(&chart(series), Size::default());
        let rows: Vec<f64> = layout.legend.iter().map(|e| e.y).collect();
        assert!(rows.iter().any(|&y| y > rows[0]), "one row for twelve long names");
        assert!(rows.iter().all(|&y| y < layout.top), "the legend runs into the plot");
        assert!(layout.legend.iter().all(|e| e.x + text_width(&e.name, SMALL) < 960.0));
    }

    #[test]
    fn markers_without_a_colour_are_grey_and_notes_take_their_tone() {
        let mut c = chart(vec![line("A", vec![[0.0, -1.0], [2.0, 3.0]])]);
        c.markers.push(Marker { axis: MarkerAxis::Y, at: 0.0, label: "zero".into(), color: None, dashed: true });
        c.notes.push(Note { text: "No payback".into(), tone: Tone::Bad });
        let image = write(&c, Size::default());
        assert!(image.contains("stroke=\"#808080\" stroke-width=\"1.5\" stroke-dasharray"), "{image}");
        let bad = darker(palette::SAVINGS_NEGATIVE, 0.85).hex();
        assert!(image.contains(&format!("fill=\"{bad}\">No payback</text>")), "{image}");
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(text("a<b>&\"c'\u{1b}[0m\u{0}"), "a&lt;b&gt;&amp;&quot;c&#39;[0m");
        assert_eq!(clean(" two\nlines\t"), "two lines");
    }

    #[test]
    fn long_text_wraps_at_spaces_and_is_cut_with_an_ellipsis() {
        let lines = layout::wrap("one two three four five six seven eight nine ten", 100.0, 12.0);
        assert!(lines.len() > 1 && lines.iter().all(|l| text_width(l, 12.0) <= 100.0), "{lines:?}");
        assert_eq!(lines.join(" "), "one two three four five six seven eight nine ten");
        assert_eq!(truncate("abcdefghijklmnopqrstuvwxyz", 34.0, 12.0), "abcd…");
    }

    #[test]
    fn coordinates_have_two_decimals_and_no_negative_zero() {
        assert_eq!(n(-0.001), "0.00");
        assert_eq!(n(12.345_6), "12.35");
        assert_eq!(n(1e300), "1000000.00");
    }
}
