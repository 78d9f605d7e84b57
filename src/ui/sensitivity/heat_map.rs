//! Two inputs at once: NPV over a grid of any two inputs (chosen from menus), a diverging colour
//! scale centred on 0 with its legend, the break-even line (NPV = 0) traced through the grid by
//! marching squares, and today's values marked.

use egui::{Color32, Sense, Stroke, pos2, vec2};
use egui_plot::{Heatmap, Legend, Line, Plot, PlotPoint, Points};

use super::input_value;
use crate::engine::Plan;
use crate::engine::sensitivity::{HeatMap, Sensitivity};
use crate::format;

const HEIGHT: f32 = 360.0;
use crate::ui::palette::{GAIN, LOSS};

fn memory_id() -> egui::Id {
    egui::Id::unique("sensitivity_heat_map_pair")
}

/// The two input paths of the heat map: the user's last choice, or the two inputs with the
/// largest swing, or the first two inputs.
pub(super) fn pair(ui: &egui::Ui, plan: &Plan, sens: &Sensitivity) -> (String, String) {
    let chosen: Option<(String, String)> = ui.ctx().data(|d| d.get_temp(memory_id()));
    if let Some((x, y)) = chosen
        && plan.slot_of(&x).is_some()
        && plan.slot_of(&y).is_some()
    {
        return (x, y);
    }
    let mut defaults =
        sens.tornado.iter().map(|b| b.path.clone()).chain(plan.inputs.iter().map(|i| i.site.to_string()));
    let x = defaults.next().unwrap_or_default();
    let y = defaults.find(|p| *p != x).unwrap_or_else(|| x.clone());
    (x, y)
}

/// Draws the input menus, the heat map and its colour legend.
pub(super) fn show(ui: &mut egui::Ui, plan: &Plan, map: Option<(&str, &str, &HeatMap)>, option: usize, currency: &str) {
    let Some((x_path, y_path, map)) = map else {
        ui.label("Choose two inputs.");
        return;
    };
    let (Some(xs), Some(ys)) = (plan.slot_of(x_path), plan.slot_of(y_path)) else { return };
    let (x_input, y_input) = (&plan.inputs[xs.0], &plan.inputs[ys.0]);
    let (mut new_x, mut new_y) = (x_path.to_owned(), y_path.to_owned());
    ui.horizontal_wrapped(|ui| {
        input_menu(ui, "Across (x)", "heat_x", plan, &mut new_x);
        ui.add_space(12.0);
        input_menu(ui, "Up (y)", "heat_y", plan, &mut new_y);
    });
    if new_x != x_path || new_y != y_path {
        ui.ctx().data_mut(|d| d.insert_temp(memory_id(), (new_x, new_y)));
        ui.ctx().request_repaint();
    }
    let max_abs = map.npv.iter().fold(0.0_f64, |m, v| m.max(v.abs())).max(1e-9);
    let neutral = if ui.visuals().dark_mode { Color32::from_gray(48) } else { Color32::from_gray(245) };
    let color = move |v: f64| -> Color32 {
        let t = (v.abs() / max_abs).clamp(0.0, 1.0).powf(0.7) as f32;
        neutral.lerp_to_gamma(if v < 0.0 { LOSS } else { GAIN }, t)
    };
    let (nx, ny) = (map.x.len(), map.y.len());
    let step = |v: &[f64]| if v.len() > 1 { v[1] - v[0] } else { 1.0 };
    let (dx, dy) = (step(&map.x), step(&map.y));
    let contour = break_even_segments(map);
    let base = [plan.inputs[xs.0].estimate.base(), plan.inputs[ys.0].estimate.base()];
    let line_color = ui.visuals().strong_text_color();
    let (xk, yk) = (x_input.kind, y_input.kind);
    let (x_label, y_label) = (plan.input_label(xs), plan.input_label(ys));
    let cur = currency.to_owned();
    let hover = move |p: &PlotPoint| -> String {
        let col = (((p.x - map.x[0]) / dx).round().max(0.0) as usize).min(nx - 1);
        let row = (((p.y - map.y[0]) / dy).round().max(0.0) as usize).min(ny - 1);
        format!(
            "{x_label}: {}\n{y_label}: {}\nNPV {}",
            input_value(xk, map.x[col]),
            input_value(yk, map.y[row]),
            format::compact_money(map.npv[row * nx + col], &cur)
        )
    };
    Plot::new(("sensitivity_heat_map", option))
        .height(HEIGHT)
        .legend(Legend::default().position(egui_plot::Corner::RightTop).background_alpha(0.85))
        .x_axis_label(crate::ui::charts::axes::fit_title(&plan.input_label(xs), ui.available_width() - 80.0))
        .y_axis_label(crate::ui::charts::axes::fit_title(&plan.input_label(ys), HEIGHT - 40.0))
        .x_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::X))
        .x_axis_formatter(move |m, _| input_value(xk, m.value))
        .y_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::Y))
        .y_axis_formatter(move |m, _| input_value(yk, m.value))
        .label_formatter(move |pos| {
            let p = match pos {
                egui_plot::HoverPosition::NearDataPoint { position, .. } => position,
                egui_plot::HoverPosition::Elsewhere { position } => position,
            };
            Some(hover(p))
        })
        .allow_scroll(false)
        .show_grid(false)
        .show(ui, |plot| {
            let tiles = Heatmap::new(map.npv.clone(), nx)
                .show_labels(false)
                .custom_mapping(Box::new(color))
                .at(PlotPoint::new(map.x[0] - dx / 2.0, map.y[0] - dy / 2.0))
                .tile_size(dx as f32, dy as f32);
            plot.heatmap(tiles);
            for segment in contour {
                plot.line(Line::new("break-even (NPV = 0)", segment.to_vec()).color(line_color).width(2.5));
            }
            plot.points(Points::new("today's values", vec![base]).radius(5.0).color(line_color).filled(false));
        });
    scale_legend(ui, -max_abs, max_abs, &color, currency);
}

fn input_menu(ui: &mut egui::Ui, label: &str, salt: &str, plan: &Plan, path: &mut String) {
    let label = ui.label(label);
    let current = plan.slot_of(path).map(|s| plan.input_label(s)).unwrap_or_default();
    egui::ComboBox::from_id_salt(salt)
        .selected_text(current)
        .width(260.0)
        .show_ui(ui, |ui| {
            for input in &plan.inputs {
                let label = input.site.label(plan);
                let text = if input.estimate.is_uncertain() { format!("{label} (uncertain)") } else { label };
                ui.selectable_value(path, input.site.to_string(), text);
            }
        })
        .response
        .labelled_by(label.id);
}

/// The colour scale: a gradient strip with its ends and 0 written under it.
fn scale_legend(ui: &mut egui::Ui, lo: f64, hi: f64, color: &dyn Fn(f64) -> Color32, currency: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("NPV ({currency})"));
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width().min(420.0), 30.0), Sense::hover());
        let strip = egui::Rect::from_min_size(rect.min, vec2(rect.width(), 12.0));
        let painter = ui.painter_at(rect);
        let steps = 64;
        for i in 0..steps {
            let t = i as f64 / (steps - 1) as f64;
            let x0 = strip.left() + strip.width() * i as f32 / steps as f32;
            let r = egui::Rect::from_min_max(
                pos2(x0, strip.top()),
                pos2(x0 + strip.width() / steps as f32 + 0.5, strip.bottom()),
            );
            painter.rect_filled(r, 0.0, color(lo + (hi - lo) * t));
        }
        painter.rect_stroke(strip, 0.0, Stroke::new(1.0, ui.visuals().weak_text_color()), egui::StrokeKind::Outside);
        let font = egui::FontId::proportional(11.0);
        let text = ui.visuals().text_color();
        let y = strip.bottom() + 2.0;
        painter.text(pos2(strip.left(), y), egui::Align2::LEFT_TOP, format::compact(lo), font.clone(), text);
        painter.text(pos2(strip.center().x, y), egui::Align2::CENTER_TOP, "0 (break-even)", font.clone(), text);
        painter.text(pos2(strip.right(), y), egui::Align2::RIGHT_TOP, format::compact(hi), font, text);
    });
}

/// Segments of the NPV = 0 line through the grid (marching squares, linear interpolation along
/// each cell edge whose ends differ in sign).
pub(crate) fn break_even_segments(map: &HeatMap) -> Vec<[[f64; 2]; 2]> {
    let (nx, ny) = (map.x.len(), map.y.len());
    let at = |c: usize, r: usize| map.npv[r * nx + c];
    let point = |(c0, r0): (usize, usize), (c1, r1): (usize, usize)| -> Option<[f64; 2]> {
        let (a, b) = (at(c0, r0), at(c1, r1));
        if (a < 0.0) == (b < 0.0) {
            return None;
        }
        let t = if a == b { 0.5 } else { a / (a - b) };
        Some([map.x[c0] + t * (map.x[c1] - map.x[c0]), map.y[r0] + t * (map.y[r1] - map.y[r0])])
    };
    let mut segments = Vec::new();
    for r in 0..ny.saturating_sub(1) {
        for c in 0..nx.saturating_sub(1) {
            let edges = [
                ((c, r), (c + 1, r)),
                ((c + 1, r), (c + 1, r + 1)),
                ((c, r + 1), (c + 1, r + 1)),
                ((c, r), (c, r + 1)),
            ];
            let crossings: Vec<[f64; 2]> = edges.iter().filter_map(|&(a, b)| point(a, b)).collect();
            // Two crossings: one segment; four (a saddle): two segments, paired in edge order.
            for pair in crossings.chunks_exact(2) {
                segments.push([pair[0], pair[1]]);
            }
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_break_even_line_crosses_where_the_sign_changes() {
        // NPV = x − 1 over x, y in {0, 1, 2}: the line is x = 1, vertical.
        let xs = vec![0.0, 1.5, 3.0];
        let map = HeatMap {
            x: xs.clone(),
            y: vec![0.0, 1.0, 2.0],
            npv: (0..3).flat_map(|_| xs.iter().map(|x| x - 1.0)).collect(),
        };
        let segments = break_even_segments(&map);
        assert_eq!(segments.len(), 2);
        for s in segments {
            assert!((s[0][0] - 1.0).abs() < 1e-12 && (s[1][0] - 1.0).abs() < 1e-12);
        }
    }
}
