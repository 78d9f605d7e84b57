//! The NPV histogram, drawn from its description (`chart::build`, `McHistogram`): 40 bins, losses
//! in red, P10 / P50 / P90 (dashed) and the mean (solid).

use egui_plot::{Corner, HoverPosition};

use super::CHART_HEIGHT;
use crate::chart::ChartKind;
use crate::chart::build::{ChartData, build};
use crate::format;
use crate::ui::charts::render::{self, MarkerLabels, View};

/// Draws the histogram of the focused option; `dim` fades it when the result is out of date.
pub(crate) fn show(ui: &mut egui::Ui, data: &ChartData, dim: f32) {
    let chart = match build(ChartKind::McHistogram, data) {
        Ok(chart) => chart,
        Err(why) => {
            ui.label(why.to_string());
            return;
        }
    };
    let currency = data.model.currency.clone();
    let hover = move |pos: &HoverPosition| {
        let p = match pos {
            HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => position,
        };
        Some(format!("NPV {}\n{:.1} % of draws", format::compact_money(p.x, &currency), p.y.max(0.0)))
    };
    ui.scope(|ui| {
        ui.multiply_opacity(dim);
        let view = View {
            id: "monte_carlo_histogram",
            height: CHART_HEIGHT,
            legend: Some(Corner::LeftTop),
            hover: Some(Box::new(hover)),
            marker_labels: MarkerLabels::Legend,
        };
        render::plot(ui, &chart, view);
    });
}
