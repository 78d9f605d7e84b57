//! The fan chart, drawn from its description (`chart::build`, `McFan`): the P10–P90 band of
//! cumulative savings month by month, its median, and the line with every input at base.

use egui_plot::{Corner, HoverPosition};

use super::CHART_HEIGHT;
use crate::chart::ChartKind;
use crate::chart::build::{ChartData, build};
use crate::format;
use crate::ui::charts::render::{self, MarkerLabels, View};

/// Draws the fan chart of the focused option; `dim` fades it when the result is out of date.
pub(crate) fn show(ui: &mut egui::Ui, data: &ChartData, dim: f32) {
    let chart = match build(ChartKind::McFan, data) {
        Ok(chart) => chart,
        Err(why) => {
            ui.label(why.to_string());
            return;
        }
    };
    let (currency, option) = (data.model.currency.clone(), data.focused());
    let simulation = data.simulation;
    let hover = move |pos: &HoverPosition| {
        let p = match pos {
            HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => position,
        };
        let sim = simulation?.options.get(option?)?;
        let t = crate::ui::charts::common::month_at(p.x, sim.cumulative_bands.p50.len())?;
        let b = &sim.cumulative_bands;
        let money = |x: f64| format::compact_money(x, &currency);
        Some(format!(
            "After month {}\nP10 {} · P50 {} · P90 {}",
            t + 1,
            money(b.p10[t]),
            money(b.p50[t]),
            money(b.p90[t])
        ))
    };
    ui.scope(|ui| {
        ui.multiply_opacity(dim);
        let view = View {
            id: "monte_carlo_fan",
            height: CHART_HEIGHT,
            legend: Some(Corner::LeftTop),
            hover: Some(Box::new(hover)),
            marker_labels: MarkerLabels::Legend,
        };
        render::plot(ui, &chart, view);
    });
}
