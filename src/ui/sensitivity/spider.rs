//! The spider chart: NPV as each uncertain input moves from −30 % to +30 % of its base value,
//! every other input at base. Steep lines are the inputs the answer hangs on.

use egui_plot::{HLine, Line, Plot, PlotPoints};

use super::{CHART_HEIGHT, swatches};
use crate::engine::sensitivity::{SPIDER_FACTORS, Sensitivity};
use crate::format;
use crate::ui::palette::series;

/// Lines drawn at most (the steepest, in tornado order); the rest would only add noise.
const MAX_LINES: usize = 8;

/// Draws the spider chart.
pub(super) fn show(ui: &mut egui::Ui, sens: &Sensitivity, currency: &str) {
    let lines: Vec<_> = sens
        .spider
        .iter()
        .zip(&sens.tornado)
        .filter(|(_, bar)| super::tornado::moves(bar, sens.base_npv))
        .map(|(line, _)| line)
        .collect();
    if lines.is_empty() {
        ui.label("No uncertain inputs.");
        return;
    }
    let axis = ui.visuals().text_color().gamma_multiply(0.6);
    let currency_y = currency.to_owned();
    Plot::new("sensitivity_spider")
        .height(CHART_HEIGHT)
        .x_axis_label("change from base")
        .y_axis_label(format!("NPV ({currency})"))
        .x_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::X))
        .x_axis_formatter(crate::ui::charts::axes::signed_percent)
        .y_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::Y))
        .y_axis_formatter(crate::ui::charts::axes::compact)
        .label_formatter(move |pos| {
            let p = match pos {
                egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                    return Some(format!(
                        "{plot_name}\n{:+.0} %: NPV {}",
                        position.x,
                        format::compact_money(position.y, &currency_y)
                    ));
                }
                egui_plot::HoverPosition::Elsewhere { position } => position,
            };
            Some(format!("{:+.0} %, NPV {}", p.x, format::compact(p.y)))
        })
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.hline(HLine::new("", 0.0).color(axis).width(1.0));
            for (k, line) in lines.iter().take(MAX_LINES).enumerate() {
                let points: PlotPoints<'_> =
                    SPIDER_FACTORS.iter().zip(&line.npv).map(|(f, npv)| [(f - 1.0) * 100.0, *npv]).collect();
                plot.line(Line::new(line.label.clone(), points).width(2.0).color(series(k)));
            }
        });
    let legend: Vec<_> = lines.iter().take(MAX_LINES).enumerate().map(|(k, l)| (series(k), l.label.clone())).collect();
    swatches(ui, &legend);
    if lines.len() > MAX_LINES {
        ui.weak(format!("The {MAX_LINES} inputs with the largest swing; the tornado lists all {}.", lines.len()));
    }
}
