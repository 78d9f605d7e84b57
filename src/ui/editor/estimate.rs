//! The estimate widget, used for every real-valued input: a number, or a distribution with its
//! parameters and a tiny preview of its shape.

use std::sync::Arc;

use egui::{DragValue, Rect, Response, Sense, Ui, pos2, vec2};

use super::common::{Ed, row};
use crate::model::{Distribution, Estimate, EstimateForm, ValueKind};

/// Draws the estimate at `path` with the visible label `short`; `label` and `kind` are used
/// when the model's input list does not know the path yet.
pub(crate) fn estimate(
    ui: &mut Ui,
    ed: &Ed,
    path: &str,
    short: &str,
    label: String,
    kind: ValueKind,
    value: &mut Estimate,
) {
    let (name, kind) = ed.input(path, label, kind);
    ed.field(ui, path, |ui| {
        row(ui, short, |ui| {
            let current = EstimateForm::of(value);
            let mut chosen = current;
            egui::ComboBox::from_id_salt("form")
                .selected_text(current.label())
                .width(86.0)
                .show_ui(ui, |ui| {
                    for form in EstimateForm::ALL {
                        ui.selectable_value(&mut chosen, form, form.label());
                    }
                })
                .response
                .accessible_name(format!("{name} › form"));
            if chosen != current {
                *value = value.with_form(chosen, kind);
            }
            match value {
                Estimate::Fixed(x) => {
                    number(ui, x, kind, &ed.currency, &name);
                }
                Estimate::Uncertain(d) => {
                    preview(ui, path, d, kind, &ed.currency);
                }
            }
        });
        if let Estimate::Uncertain(d) = value {
            let names: Vec<&str> = d.parameters().iter().map(|(n, _)| *n).collect();
            ui.horizontal_wrapped(|ui| {
                ui.add_space(12.0);
                for (param, x) in names.into_iter().zip(d.parameters_mut()) {
                    // A parameter's name and field wrap together, never apart.
                    ui.horizontal(|ui| {
                        ui.label(param);
                        number(ui, x, kind, &ed.currency, &format!("{name} › {param}"));
                    });
                }
            });
        }
    });
}

/// A number field: percentages show as 5 % for 0.05, money with its currency.
pub(crate) fn number(ui: &mut Ui, x: &mut f64, kind: ValueKind, currency: &str, name: &str) -> Response {
    let magnitude = x.abs().max(1.0);
    let field = if kind.is_percentage() {
        DragValue::new(x)
            .speed(0.0005)
            .custom_formatter(|v, _| plain(v * 100.0, 2))
            .custom_parser(|s| parse(s).map(|v| v / 100.0))
            .suffix(" %")
    } else {
        let field =
            DragValue::new(x).speed(magnitude * 0.005).custom_formatter(|v, _| plain(v, 4)).custom_parser(parse);
        if kind == ValueKind::Money { field.suffix(format!(" {currency}")) } else { field }
    };
    ui.add(field).accessible_name(name)
}

/// `55000.0` → "55,000", `0.12` → "0.12": at most `decimals` decimals, no trailing zeros.
pub fn plain(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let text = format!("{:.*}", decimals, x.abs());
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    let (int, frac) = text.split_once('.').map_or((text, ""), |(i, f)| (i, f));
    let mut out = String::new();
    if x < 0.0 && text.chars().any(|c| c != '0' && c != '.') {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Reads a typed number, forgiving group separators, spaces, a currency code and a % sign.
pub fn parse(text: &str) -> Option<f64> {
    let cleaned: String =
        text.chars().filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')).collect();
    cleaned.parse().ok()
}

const BINS: usize = 20;
const DRAWS: usize = 120;

/// A ~80×24 histogram of the distribution, from its quantiles at evenly spaced probabilities.
fn preview(ui: &mut Ui, path: &str, d: &Distribution, kind: ValueKind, currency: &str) -> Response {
    let (rect, response) = ui.allocate_exact_size(vec2(80.0, 24.0), Sense::hover());
    // PERT quantiles bisect the incomplete beta: computed once per parameter change, not per frame.
    let id = egui::Id::unique(("shoreline-preview", path));
    let cached: Option<(Distribution, Arc<Vec<f32>>)> = ui.ctx().data_mut(|m| m.get_temp(id));
    let bars = match cached {
        Some((seen, bars)) if seen == *d => bars,
        _ => {
            let bars = Arc::new(histogram(d));
            ui.ctx().data_mut(|m| m.insert_temp(id, (*d, Arc::clone(&bars))));
            bars
        }
    };
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let color = visuals.selection.stroke.color;
    let top = bars.iter().copied().fold(0.0_f32, f32::max);
    if top <= 0.0 {
        let weak = egui::TextStyle::Small.resolve(ui.style());
        painter.text(rect.center(), egui::Align2::CENTER_CENTER, "invalid", weak, visuals.weak_text_color());
    } else {
        let width = rect.width() / bars.len() as f32;
        for (i, &h) in bars.iter().enumerate() {
            let x = rect.left() + i as f32 * width;
            let height = (rect.height() - 2.0) * h / top;
            let bar = Rect::from_min_max(pos2(x + 0.5, rect.bottom() - height), pos2(x + width - 0.5, rect.bottom()));
            painter.rect_filled(bar, 0.0, color);
        }
    }
    let show = |v: f64| {
        if kind.is_percentage() {
            format!("{} %", plain(v * 100.0, 2))
        } else if kind == ValueKind::Money {
            format!("{} {currency}", plain(v, 2))
        } else {
            plain(v, 3)
        }
    };
    if well_formed(d) {
        response.on_hover_text(format!("P10 {} · base {} · P90 {}", show(d.p10()), show(d.base()), show(d.p90())))
    } else {
        response.on_hover_text("Not a valid distribution yet")
    }
}

/// True when the distribution's quantiles are defined: PERT's beta panics on a mode outside
/// [low, high], and the user passes through such states while typing.
fn well_formed(d: &Distribution) -> bool {
    let finite = d.parameters().iter().all(|(_, v)| v.is_finite());
    finite
        && match *d {
            Distribution::Uniform { low, high } => low < high,
            Distribution::Triangular { low, mode, high } | Distribution::Pert { low, mode, high } => {
                low <= mode && mode <= high && low < high
            }
            Distribution::Normal { sd, .. } => sd > 0.0,
            Distribution::LogNormal { p5, p95 } => p5 > 0.0 && p5 < p95,
        }
}

/// Bar heights over the central 98 % of the distribution; empty when it is not well formed.
fn histogram(d: &Distribution) -> Vec<f32> {
    if !well_formed(d) {
        return Vec::new();
    }
    let (lo, hi) = (d.quantile(0.01), d.quantile(0.99));
    if !(lo.is_finite() && hi.is_finite() && hi > lo) {
        return Vec::new();
    }
    let mut bars = vec![0.0_f32; BINS];
    for i in 0..DRAWS {
        let u = 0.01 + 0.98 * (i as f64 + 0.5) / DRAWS as f64;
        let q = d.quantile(u);
        if q.is_finite() {
            let bin = ((q - lo) / (hi - lo) * BINS as f64).floor().clamp(0.0, (BINS - 1) as f64) as usize;
            bars[bin] += 1.0;
        }
    }
    bars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(plain(55000.0, 4), "55,000");
        assert_eq!(plain(0.12, 4), "0.12");
        assert_eq!(plain(0.05 * 100.0, 2), "5");
        assert_eq!(plain(-1234.5, 2), "-1,234.5");
        assert_eq!(parse("USD 55,000"), Some(55000.0));
        assert_eq!(parse("5 %"), Some(5.0));
    }

    #[test]
    fn a_histogram_has_its_mass_where_the_density_is() {
        let bars = histogram(&Distribution::Pert { low: 0.0, mode: 5.0, high: 10.0 });
        assert_eq!(bars.len(), BINS);
        assert!(bars[BINS / 2] > bars[0]);
        assert!(histogram(&Distribution::Uniform { low: 2.0, high: 1.0 }).is_empty());
        assert!(histogram(&Distribution::Pert { low: 0.02, mode: 0.04, high: 0.03 }).is_empty());
    }
}
