//! Hidden-cost headroom: NPV as every hidden cost is multiplied by 0 … 3, the break-even
//! multiplier marked; beside it, each option's hidden costs by category as a stacked bar.

use egui::Color32;
use egui_plot::{Bar, BarChart, HLine, Legend, Line, Plot, PlotPoints, Points, Text, VLine};

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
        ui.allocate_ui(egui::vec2(width * 0.62, CHART_HEIGHT), |ui| curve(ui, sens, break_even, currency));
        ui.allocate_ui(egui::vec2(width * 0.36, CHART_HEIGHT), |ui| categories(ui, evaluation, option));
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
        .y_axis_formatter(|m, _| format::compact(m.value))
        .include_y(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.hline(HLine::new("NPV = 0", 0.0).color(text.gamma_multiply(0.6)).width(1.0));
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

fn categories(ui: &mut egui::Ui, evaluation: &Evaluation, option: usize) {
    let mut used: Vec<HiddenCategory> =
        evaluation.options.iter().flat_map(|o| o.hidden_by_category.keys().copied()).collect();
    used.sort();
    used.dedup();
    let names: Vec<String> = evaluation.options.iter().map(|o| o.name.clone()).collect();
    // Positive costs stack up from 0, credits (negative) stack down from 0.
    let mut up = vec![0.0; names.len()];
    let mut down = vec![0.0; names.len()];
    let charts: Vec<BarChart> = used
        .iter()
        .map(|&category| {
            let color = CATEGORY_COLORS[category as usize % CATEGORY_COLORS.len()];
            let bars = evaluation
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let v = o.hidden_by_category.get(&category).copied().unwrap_or(0.0);
                    let stack = if v >= 0.0 { &mut up[i] } else { &mut down[i] };
                    let bar = Bar::new(i as f64, v).base_offset(*stack).width(0.6).name(category.label());
                    *stack += v;
                    let bar = if i == option { bar } else { bar.fill(color.gamma_multiply(0.45)) };
                    bar.stroke(egui::Stroke::NONE)
                })
                .collect();
            BarChart::new(category.label(), bars).color(color)
        })
        .collect();
    Plot::new("sensitivity_hidden_categories")
        .height(CHART_HEIGHT)
        .legend(Legend::default().position(egui_plot::Corner::RightTop).background_alpha(0.8))
        .y_axis_formatter(|m, _| format::compact(m.value))
        .x_axis_formatter(move |m, _| {
            let i = m.value.round();
            if (m.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_axis_label("hidden costs by category (option in focus bright)")
        .include_y(0.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}
