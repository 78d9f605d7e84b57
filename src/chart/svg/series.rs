//! The data of an SVG chart: lines, steps, bars, bands and points, each by its emphasis.
//! A non-finite value is skipped, and breaks a line there.

use std::fmt::Write as _;

use super::layout::Layout;
use super::n;
use crate::chart::{Emphasis, Series, Shape};

/// Stroke width and opacity of a line by its emphasis.
pub(super) fn line_style(emphasis: Emphasis) -> (f64, f64) {
    match emphasis {
        Emphasis::Focused => (3.0, 1.0),
        Emphasis::Normal => (2.0, 1.0),
        Emphasis::Muted => (1.5, 0.5),
    }
}

pub(super) fn bar_opacity(emphasis: Emphasis) -> f64 {
    match emphasis {
        Emphasis::Focused => 1.0,
        Emphasis::Normal => 0.9,
        Emphasis::Muted => 0.45,
    }
}

/// The runs of consecutive finite points: a non-finite value breaks the line there.
fn runs(l: &Layout, points: &[[f64; 2]]) -> Vec<Vec<(f64, f64)>> {
    let mut runs = vec![Vec::new()];
    for &p in points {
        match l.point(p) {
            Some(xy) => {
                if let Some(run) = runs.last_mut() {
                    run.push(xy);
                }
            }
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

fn coords(run: &[(f64, f64)]) -> String {
    run.iter().map(|&(x, y)| format!("{},{}", n(x), n(y))).collect::<Vec<_>>().join(" ")
}

pub(super) fn draw_series(out: &mut String, s: &Series, l: &Layout) {
    let color = s.color.hex();
    let (width, opacity) = line_style(s.emphasis);
    let stroke =
        format!("fill=\"none\" stroke=\"{color}\" stroke-width=\"{}\" stroke-opacity=\"{}\"", n(width), n(opacity));
    match &s.shape {
        Shape::Line { points, dashed } => {
            let zero = l.py(0.0);
            for run in runs(l, points) {
                if s.emphasis == Emphasis::Focused && zero.is_finite() {
                    let (first, last) = (run[0].0, run[run.len() - 1].0);
                    let (a, b, z) = (n(last), n(first), n(zero));
                    w!(
                        out,
                        "<polygon points=\"{} {a},{z} {b},{z}\" fill=\"{color}\" fill-opacity=\"0.15\"/>\n",
                        coords(&run)
                    );
                }
                let dash = if *dashed { " stroke-dasharray=\"7 5\"" } else { "" };
                w!(out, "<polyline points=\"{}\" {stroke}{dash} stroke-linejoin=\"round\"/>\n", coords(&run));
            }
        }
        Shape::Steps { points } => {
            for run in runs(l, points) {
                let mut d = format!("M{} {}", n(run[0].0), n(run[0].1));
                for pair in run.windows(2) {
                    w!(d, "H{}V{}", n(pair[1].0), n(pair[1].1));
                }
                w!(out, "<path d=\"{d}\" {stroke}/>\n");
            }
        }
        Shape::Bars { bars, horizontal } => {
            w!(
                out,
                "<g fill=\"{color}\" fill-opacity=\"{}\" stroke=\"#ffffff\" stroke-width=\"0.5\">\n",
                n(bar_opacity(s.emphasis))
            );
            for b in bars {
                let (base, value) = ([b.at - b.width / 2.0, b.at + b.width / 2.0], [b.from, b.to]);
                let (xs, ys) = if *horizontal { (value, base) } else { (base, value) };
                let (x0, x1, y0, y1) = (l.px(xs[0]), l.px(xs[1]), l.py(ys[0]), l.py(ys[1]));
                if [x0, x1, y0, y1].iter().all(|v| v.is_finite()) {
                    let (x, y) = (n(x0.min(x1)), n(y0.min(y1)));
                    w!(
                        out,
                        "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\"/>\n",
                        n((x1 - x0).abs()),
                        n((y1 - y0).abs())
                    );
                }
            }
            out.push_str("</g>\n");
        }
        Shape::Band { x, low, high } => {
            let upper: Vec<[f64; 2]> = x
                .iter()
                .zip(low.iter().zip(high))
                .map(|(&x, (&lo, &hi))| if lo.is_finite() { [x, hi] } else { [x, f64::NAN] })
                .collect();
            let lower: Vec<[f64; 2]> = x
                .iter()
                .zip(low.iter().zip(high))
                .map(|(&x, (&lo, &hi))| if hi.is_finite() { [x, lo] } else { [x, f64::NAN] })
                .collect();
            let fill = if s.emphasis == Emphasis::Muted { 0.15 } else { 0.28 };
            for (top, bottom) in runs(l, &upper).into_iter().zip(runs(l, &lower)) {
                let back: Vec<(f64, f64)> = bottom.into_iter().rev().collect();
                w!(
                    out,
                    "<polygon points=\"{} {}\" fill=\"{color}\" fill-opacity=\"{}\"/>\n",
                    coords(&top),
                    coords(&back),
                    n(fill)
                );
            }
        }
        Shape::Points { points } => {
            let r = if s.emphasis == Emphasis::Focused { 4.5 } else { 3.5 };
            w!(out, "<g fill=\"{color}\" fill-opacity=\"{}\">\n", n(opacity));
            for (x, y) in points.iter().filter_map(|&p| l.point(p)) {
                w!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>\n", n(x), n(y), n(r));
            }
            out.push_str("</g>\n");
        }
    }
}
