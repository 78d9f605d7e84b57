//! Hidden-cost headroom: NPV as every hidden cost is multiplied by 0 … 3, the break-even
//! multiplier marked; beside it, the option's hidden costs by category as a stacked bar.

use egui::Color32;
use egui_plot::{HLine, Line, Plot, PlotPoints, Points, Text, VLine};

use super::CHART_HEIGHT;
use crate::engine::Evaluation;
use crate::engine::sensitivity::{HIDDEN_MULTIPLIERS, Sensitivity};
use crate::format;
use crate::model::HiddenCategory;

/// Colours of the hidden-cost categories, in the enumeration's order (cycled).
const CATEGORY_COLORS: [Color32; 12] = [
    Color32::from_rgb(86, 142, 207),
    Color32::from_rgb(231, 140, 62),
    Color32::from_rgb(92, 176, 104),
    Color32::from_rgb(207, 86, 96),
    Color32::from_rgb(150, 116, 201),
    Color32::from_rgb(160, 120, 90),
    Color32::from_rgb(222, 122, 184),
    Color32::from_rgb(128, 128, 128),
    Color32::from_rgb(190, 190, 70),
    Color32::from_rgb(70, 190, 200),
    Color32::from_rgb(120, 160, 60),
    Color32::from_rgb(200, 160, 40),
];

/// Draws the headroom curve and the hidden costs by category, side by side.
pub(super) fn show(ui: &mut egui::Ui, sens: &Sensitivity, evaluation: &Evaluation, option: usize, currency: &str) {
    let Some(result) = evaluation.options.get(option) else { return };
    let break_even = result.hidden_multiplier_at_break_even;
    match break_even {
        Some(k) => ui.label(format!("Break-even at {k:.2}× today's hidden costs")),
        None if result.hidden_total <= 0.0 => ui.label("This option has no hidden costs to scale."),
        None if sens.base_npv <= 0.0 => ui.label("The NPV is negative even without hidden costs."),
        None => ui.label("No multiplier of the hidden costs brings the NPV to 0."),
    };
    ui.horizontal_top(|ui| {
        let width = ui.available_width();
        let down = egui::Layout::top_down(egui::Align::Min);
        ui.allocate_ui_with_layout(egui::vec2(width * 0.6, CHART_HEIGHT), down, |ui| {
            curve(ui, sens, break_even, currency);
        });
        ui.allocate_ui_with_layout(egui::vec2(width * 0.38, CHART_HEIGHT), down, |ui| {
            categories(ui, evaluation, option, currency);
        });
    });
}

fn curve(ui: &mut egui::Ui, sens: &Sensitivity, break_even: Option<f64>, currency: &str) {
    let text = ui.visuals().text_color();
    let mark = ui.visuals().warn_fg_color;
    Plot::new("sensitivity_headroom")
        .height(CHART_HEIGHT)
        .x_axis_label("hidden costs × k")
        .y_axis_label(format!("NPV ({currency})"))
        .x_axis_formatter(|m, _| format!("{}×", m.value))
        .y_axis_formatter(|m, _| crate::ui::sensitivity::tick(m.value))
        .include_y(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.hline(HLine::new("", 0.0).color(text.gamma_multiply(0.6)).width(1.0));
            let points: PlotPoints<'_> =
                HIDDEN_MULTIPLIERS.iter().zip(&sens.hidden_curve).map(|(k, npv)| [*k, *npv]).collect();
            plot.line(Line::new("NPV", points).width(2.5).color(super::HIGH));
            plot.points(Points::new("today (1×)", vec![[1.0, sens.base_npv]]).radius(5.0).color(text));
            if let Some(k) = break_even {
                plot.vline(VLine::new("break-even", k).color(mark).width(2.0));
                let y = sens.hidden_curve.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                plot.text(
                    Text::new("break-even label", [k, y].into(), format!(" break-even {k:.2}×"))
                        .color(mark)
                        .anchor(egui::Align2::LEFT_TOP),
                );
            }
        });
}

/// The option's hidden costs as one stacked column, each category labelled with its total;
/// credits (negative, e.g. SLA credits) listed under it since they reduce the total.
fn categories(ui: &mut egui::Ui, evaluation: &Evaluation, option: usize, currency: &str) {
    let Some(result) = evaluation.options.get(option) else { return };
    let costs: Vec<(HiddenCategory, f64)> =
        result.hidden_by_category.iter().filter(|(_, v)| **v > 0.0).map(|(c, v)| (*c, *v)).collect();
    let credits: Vec<(HiddenCategory, f64)> =
        result.hidden_by_category.iter().filter(|(_, v)| **v < 0.0).map(|(c, v)| (*c, *v)).collect();
    ui.label(format!("By category, {} in all", format::compact_money(result.hidden_total, currency)));
    let total: f64 = costs.iter().map(|(_, v)| v).sum();
    if total <= 0.0 {
        ui.weak("None.");
        return;
    }
    let height = CHART_HEIGHT - 40.0;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let column = egui::Rect::from_min_size(rect.min, egui::vec2(36.0, height));
    let font = egui::FontId::proportional(11.5);
    let text = ui.visuals().text_color();
    let mut y = column.bottom();
    let mut last_label = f32::INFINITY;
    for (category, value) in &costs {
        let h = (*value / total) as f32 * height;
        let color = CATEGORY_COLORS[*category as usize % CATEGORY_COLORS.len()];
        let segment = egui::Rect::from_min_max(egui::pos2(column.left(), y - h), egui::pos2(column.right(), y));
        painter.rect_filled(segment.shrink2(egui::vec2(0.0, 0.5)), 0.0, color);
        // Labels beside their segment, pushed up so small segments never overlap.
        let label_y = segment.center().y.min(last_label - 14.0);
        if label_y > rect.top() + 6.0 {
            let label = format!("{}  {}", category.label(), format::compact(*value));
            painter.line_segment(
                [egui::pos2(column.right(), segment.center().y), egui::pos2(column.right() + 8.0, label_y)],
                egui::Stroke::new(1.0, color),
            );
            painter.text(
                egui::pos2(column.right() + 10.0, label_y),
                egui::Align2::LEFT_CENTER,
                label,
                font.clone(),
                text,
            );
            last_label = label_y;
        }
        y -= h;
    }
    for (category, value) in credits {
        ui.weak(format!("{} {} (reduces the total)", category.label(), format::compact(value)));
    }
}
