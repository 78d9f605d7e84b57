//! The spider chart, drawn from its description (`chart::build`, `Spider`): NPV as each uncertain
//! input moves from −30 % to +30 % of its base value, every other input at base. Steep lines are
//! the inputs the answer hangs on.

use egui_plot::HoverPosition;

use super::CHART_HEIGHT;
use crate::chart::ChartKind;
use crate::chart::build::{ChartData, build};
use crate::format;
use crate::ui::charts::render::{self, MarkerLabels, View};

/// Draws the spider chart of the focused option.
pub(super) fn show(ui: &mut egui::Ui, data: &ChartData) {
    let chart = match build(ChartKind::Spider, data) {
        Ok(chart) => chart,
        Err(why) => {
            ui.label(why.to_string());
            return;
        }
    };
    let currency = data.model.currency.clone();
    let hover = move |pos: &HoverPosition| match pos {
        HoverPosition::NearDataPoint { plot_name, position, .. } => {
            Some(format!("{plot_name}\n{:+.0} %: NPV {}", position.x, format::compact_money(position.y, &currency)))
        }
        HoverPosition::Elsewhere { position } => {
            Some(format!("{:+.0} %, NPV {}", position.x, format::compact(position.y)))
        }
    };
    // The legend goes under the plot: inside it, it would hide the lines it names.
    let view = View {
        id: "sensitivity_spider",
        height: CHART_HEIGHT,
        legend: None,
        hover: Some(Box::new(hover)),
        marker_labels: MarkerLabels::InPlot,
    };
    render::plot(ui, &chart, view);
    render::legend_row(ui, &chart);
    render::notes(ui, &chart);
}
