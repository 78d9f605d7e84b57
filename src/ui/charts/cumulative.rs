//! Cumulative savings: when each option has paid back what it cost to move.

use egui::Ui;
use egui_plot::{Corner, HoverPosition};

use super::ChartInput;
use super::common::{self, PLOT_HEIGHT};
use super::render::{self, MarkerLabels, View};
use crate::chart::ChartKind;
use crate::chart::build::build;
use crate::format::compact_money;

/// Draws the cumulative savings chart from its description (`chart::build`, `Cumulative`).
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let chart = match build(ChartKind::Cumulative, &input.chart_data()) {
        Ok(chart) => chart,
        Err(why) => {
            ui.label(why.to_string());
            return;
        }
    };
    let horizon = input.evaluation.in_house.cost.len();
    common::chart_frame(ui, input, ChartKind::Cumulative, &chart.caption, |ui| {
        let view = View {
            id: "cumulative_savings",
            height: PLOT_HEIGHT,
            legend: Some(Corner::RightBottom),
            hover: Some(Box::new(move |pos| hover(input, pos, horizon))),
            marker_labels: MarkerLabels::InPlot,
        };
        render::plot(ui, &chart, view);
        render::notes(ui, &chart);
    });
}

fn hover(input: &ChartInput, pos: &HoverPosition, horizon: usize) -> Option<String> {
    let position = match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => position,
    };
    let t = common::month_at(position.x, horizon)?;
    let currency = input.model.currency.as_str();
    let mut text = format!("After month {}", t + 1);
    for o in &input.evaluation.options {
        let y = o.cumulative_savings.get(t).copied().unwrap_or(0.0);
        text.push_str(&format!("\n{}: {}", common::one_line(&o.name), compact_money(y, currency)));
    }
    Some(text)
}
