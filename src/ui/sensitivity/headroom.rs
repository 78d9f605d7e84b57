//! Hidden-cost headroom: NPV as every hidden cost is multiplied by 0 … 3, the break-even
//! multiplier marked; beside it, the option's hidden costs by category as a stacked bar.

use egui::Color32;
use egui_plot::{HLine, Line, Plot, PlotPoints, Points, Text, VLine};

use super::CHART_HEIGHT;
use crate::engine::Evaluation;
use crate::engine::sensitivity::{HIDDEN_MULTIPLIERS, Sensitivity};
use crate::format;
use crate::model::HiddenCategory;

fn category_color(category: HiddenCategory) -> Color32 {
    crate::ui::palette::category(category)
}

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
    let width = ui.available_width();
    if width < CURVE_AND_CATEGORIES_WIDTH {
        curve(ui, sens, break_even, currency);
        categories(ui, evaluation, option, currency);
        return;
    }
    ui.horizontal_top(|ui| {
        let down = egui::Layout::top_down(egui::Align::Min);
        ui.allocate_ui_with_layout(egui::vec2(width * 0.6, CHART_HEIGHT), down, |ui| {
            curve(ui, sens, break_even, currency);
        });
        ui.allocate_ui_with_layout(egui::vec2(width * 0.38, CHART_HEIGHT), down, |ui| {
            categories(ui, evaluation, option, currency);
        });
    });
}

/// Below this width the categories go under the curve instead of beside it.
const CURVE_AND_CATEGORIES_WIDTH: f32 = 560.0;

/// The chart's title, with the multipliers the curve really spans.
pub(super) fn title() -> String {
    let first = HIDDEN_MULTIPLIERS.first().copied().unwrap_or(0.0);
    let last = HIDDEN_MULTIPLIERS.last().copied().unwrap_or(1.0);
    format!("Hidden-cost headroom: NPV as every hidden cost is scaled {first} … {last}×")
}

fn curve(ui: &mut egui::Ui, sens: &Sensitivity, break_even: Option<f64>, currency: &str) {
    let last_multiplier = HIDDEN_MULTIPLIERS.last().copied().unwrap_or(1.0);
    let text = ui.visuals().text_color();
    let mark = ui.visuals().warn_fg_color;
    Plot::new("sensitivity_headroom")
        .height(CHART_HEIGHT)
        .x_axis_label("hidden costs × k")
        .y_axis_label(format!("NPV ({currency})"))
        .x_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::X))
        .x_axis_formatter(crate::ui::charts::axes::multiple)
        .y_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::Y))
        .y_axis_formatter(crate::ui::charts::axes::compact)
        .include_y(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.hline(HLine::new("", 0.0).color(text.gamma_multiply(0.6)).width(1.0));
            let points: PlotPoints<'_> =
                HIDDEN_MULTIPLIERS.iter().zip(&sens.hidden_curve).map(|(k, npv)| [*k, *npv]).collect();
            plot.line(Line::new("NPV", points).width(2.5).color(super::HIGH));
            plot.points(Points::new("today (1×)", vec![[1.0, sens.base_npv]]).radius(5.0).color(text));
            // The axis spans the curve only (as the title says): a break-even beyond it is
            // written under the chart rather than stretching the axis far past the data.
            if let Some(k) = break_even.filter(|k| *k <= last_multiplier) {
                plot.vline(VLine::new("break-even", k).color(mark).width(2.0));
                let y = sens.hidden_curve.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                plot.text(
                    Text::new("break-even label", [k, y].into(), format!(" break-even {k:.2}×")).color(mark).anchor(
                        if k > 0.6 * last_multiplier { egui::Align2::RIGHT_TOP } else { egui::Align2::LEFT_TOP },
                    ),
                );
            }
        });
    if let Some(k) = break_even.filter(|k| *k > last_multiplier) {
        ui.weak(format!("Break-even at {k:.2}×: beyond the {last_multiplier}× the chart shows."));
    }
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
    // One stacked column and, beside it, a list of the categories top to bottom as stacked:
    // list rows wrap in a narrow panel, where text painted beside the column was cut off.
    ui.horizontal_top(|ui| {
        let height = (CHART_HEIGHT - 60.0).max(18.0 * costs.len() as f32);
        let (column, _) = ui.allocate_exact_size(egui::vec2(36.0, height), egui::Sense::hover());
        let painter = ui.painter_at(column);
        let mut y = column.bottom();
        for (category, value) in &costs {
            let h = (*value / total) as f32 * height;
            let segment = egui::Rect::from_min_max(egui::pos2(column.left(), y - h), egui::pos2(column.right(), y));
            painter.rect_filled(segment.shrink2(egui::vec2(0.0, 0.5)), 0.0, category_color(*category));
            y -= h;
        }
        ui.vertical(|ui| {
            for (category, value) in costs.iter().rev() {
                ui.horizontal_wrapped(|ui| {
                    let (swatch, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(swatch, 2.0, category_color(*category));
                    ui.label(egui::RichText::new(format!("{} {}", category.label(), format::compact(*value))).small());
                });
            }
        });
    });
    for (category, value) in credits {
        ui.weak(format!("{} {} (reduces the total)", category.label(), format::compact(value)));
    }
}
