//! Monthly cost: in-house against every option, and what the focused option's cost is made of.

use egui::Ui;
use egui_plot::HoverPosition;

use super::ChartInput;
use super::common::{self, PLOT_HEIGHT};
use super::render::{self, MarkerLabels, View};
use crate::chart::ChartKind;
use crate::chart::build::build;
use crate::engine::OptionResult;
use crate::format::compact_money;

/// The components of an option's monthly cost, bottom of the stack first, as the hover lists them.
fn components(o: &OptionResult) -> [(&'static str, &[f64]); 4] {
    [("Fees", &o.fees), ("Retained", &o.retained), ("Parallel running", &o.parallel), ("Hidden", &o.hidden)]
}

/// Draws the monthly cost chart from its description (`chart::build`, `MonthlyCost`).
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let chart = match build(ChartKind::MonthlyCost, &input.chart_data()) {
        Ok(chart) => chart,
        Err(why) => {
            ui.label(why.to_string());
            return;
        }
    };
    let horizon = input.evaluation.in_house.cost.len();
    common::chart_frame(ui, input, ChartKind::MonthlyCost, &chart.caption, |ui| {
        // Named in a row above the plot, not in its legend: the bars fill the plot and an in-plot
        // legend would cover them.
        render::legend_row(ui, &chart);
        let view = View {
            id: "monthly_cost",
            height: PLOT_HEIGHT,
            legend: None,
            hover: Some(Box::new(move |pos| hover(input, pos, horizon))),
            marker_labels: MarkerLabels::InPlot,
        };
        render::plot(ui, &chart, view);
        render::notes(ui, &chart);
    });
}

/// The tooltip: every cost of the month under the pointer, the focused option's components too.
fn hover(input: &ChartInput, pos: &HoverPosition, horizon: usize) -> Option<String> {
    let position = match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => position,
    };
    let t = common::month_at(position.x, horizon)?;
    let currency = input.model.currency.as_str();
    let at = |series: &[f64]| series.get(t).copied().unwrap_or(0.0);
    let mut text =
        format!("Month {}\nIn-house: {}", t + 1, compact_money(at(&input.evaluation.in_house.cost), currency));
    for o in &input.evaluation.options {
        text.push_str(&format!("\n{}: {}", common::one_line(&o.name), compact_money(at(&o.cost), currency)));
    }
    if let Some(o) = common::focused(input) {
        for (name, series) in components(o) {
            if at(series) != 0.0 {
                text.push_str(&format!("\n  {name}: {}", compact_money(at(series), currency)));
            }
        }
    }
    Some(text)
}
