//! Fixed against variable cost, drawn from its description (`chart::build`, `FixedVariable`):
//! in-house and each option's total split into fixed, step-fixed (in-house staff sized for the
//! peak) and variable, and each one's fixed share in words.

use egui::Ui;
use egui_plot::HoverPosition;

use super::ChartInput;
use super::common::{self, PLOT_HEIGHT};
use super::render::{self, MarkerLabels, View};
use crate::chart::ChartKind;
use crate::chart::build::build;
use crate::format::compact_money;

/// Draws the fixed-against-variable chart.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let chart = match build(ChartKind::FixedVariable, &input.chart_data()) {
        Ok(chart) => chart,
        Err(why) => {
            ui.label(why.to_string());
            return;
        }
    };
    let currency = input.model.currency.clone();
    common::chart_frame(ui, input, ChartKind::FixedVariable, &chart.caption, |ui| {
        // The legend above the plot: bars fill it from the left, where an in-plot legend would sit.
        render::legend_row(ui, &chart);
        let hover = move |pos: &HoverPosition| match pos {
            HoverPosition::NearDataPoint { plot_name, position, .. } => {
                Some(format!("{plot_name}: up to {}", compact_money(position.y, &currency)))
            }
            HoverPosition::Elsewhere { .. } => None,
        };
        let view = View {
            id: "fixed_variable",
            height: PLOT_HEIGHT,
            legend: None,
            hover: Some(Box::new(hover)),
            marker_labels: MarkerLabels::InPlot,
        };
        render::plot(ui, &chart, view);
        // The shares in words: readable where the axis drops names for lack of room, and by a
        // screen reader, which cannot read the plot.
        render::notes(ui, &chart);
    });
}
