//! The Sensitivity tab: how the NPV of the option in focus moves with each input. Every chart
//! reads the cached results of [`crate::app::sensitivity_cache`]; none runs the engine per frame.

mod goal_seek;
mod headroom;
mod heat_map;
mod spider;
pub(crate) mod tornado;

use crate::chart::ChartKind;

use super::app::ShorelineApp;
use crate::app::AppState;
use crate::format;
use crate::model::ValueKind;

pub(crate) use crate::ui::palette::{HIGH, LOW};
/// Chart height of the smaller charts.
const CHART_HEIGHT: f32 = 260.0;

/// A value of an input as people read it: a percentage for rates and shares, else compact.
pub(crate) fn input_value(kind: ValueKind, x: f64) -> String {
    if kind.is_percentage() { format::percent(x) } else { format::compact(x) }
}

/// Draws the Sensitivity tab.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let mut reveal = None;
    let AppState { analysis, sensitivity, focus_path, scenario, option, .. } = &mut app.state;
    let Some(results) = analysis.results.as_ref() else {
        ui.label("No results yet: fix the problems listed under Problems.");
        return;
    };
    let (scenario, option) = (*scenario, *option);
    let currency = results.model.currency.clone();
    sensitivity.refresh(results, scenario, option);
    let Some(sens) = sensitivity.sensitivity() else { return };
    let option_name = sens.option.clone();
    let (x, y) = heat_map::pair(ui, &results.plan, sens);
    // The grid costs ~1,000 evaluations: during a drag it waits for the drag to end, so the
    // frame stays short; the tornado, spider and headroom (cheap) follow the drag.
    let dragging = ui.ctx().dragged_id().is_some();
    if !dragging || sensitivity.heat_map().is_none() {
        sensitivity.refresh_heat_map(results, scenario, option, &x, &y);
    }
    let heat_current = sensitivity.heat_map_is_current(results, scenario, option);
    let sensitivity = &*sensitivity;
    let Some(sens) = sensitivity.sensitivity() else { return };

    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("Sensitivity of the NPV — {option_name}"));
        ui.label(format!("base NPV {}", format::compact_money(sens.base_npv, &currency)));
    });
    let goal_button = ui.button("Goal seek…").on_hover_text("Find the value of one input that reaches a target");
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        exportable(ui, ChartKind::Tornado, |ui| {
            section(
                ui,
                "Tornado: NPV with each uncertain input at its P10 and P90, largest swing first",
                ChartKind::Tornado,
            );
            if let Some(path) = tornado::show(ui, sens, &results.plan, &currency, focus_path.as_deref()) {
                reveal = Some(path);
            }
        });
        ui.add_space(12.0);
        crate::ui::charts::common::side_by_side(ui, 2, 360.0, |ui, i| {
            if i == 0 {
                exportable(ui, ChartKind::Spider, |ui| {
                    section(ui, "Spider: NPV as each input moves −30 % … +30 % from its base", ChartKind::Spider);
                    let data = crate::chart::build::ChartData {
                        model: &results.model,
                        plan: &results.plan,
                        evaluation: &results.evaluation,
                        option,
                        sensitivity: Some(sens),
                        simulation: None,
                        scenarios: None,
                    };
                    spider::show(ui, &data);
                });
            } else {
                exportable(ui, ChartKind::Headroom, |ui| {
                    section(ui, &headroom::title(), ChartKind::Headroom);
                    headroom::show(ui, sens, &results.evaluation, option, &currency);
                });
            }
        });
        ui.add_space(12.0);
        ui.add_space(4.0);
        ui.label(egui::RichText::new("Two inputs at once: NPV over a grid, with the break-even line").strong());
        if !heat_current {
            ui.weak("Updates when you let go.");
        }
        heat_map::show(ui, &results.plan, sensitivity.heat_map(), option, &currency);
    });
    if let Some(path) = reveal {
        app.intents.push(crate::ui::intent::Intent::Reveal(path));
    }
    goal_seek::show(ui, app, goal_button.clicked());
}

/// A chart's title with its export menu.
pub(crate) fn section(ui: &mut egui::Ui, title: &str, kind: ChartKind) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(title).strong());
        crate::ui::charts::menu_button(ui, kind);
    });
}

/// Draws a chart that a right-click exports.
pub(crate) fn exportable(ui: &mut egui::Ui, kind: ChartKind, add: impl FnOnce(&mut egui::Ui)) {
    let rect = ui.vertical(add).response.rect;
    crate::ui::charts::context_menu(ui, rect, kind);
}

/// A plot of cumulative savings against months, as the fan chart and the scenario comparison
/// draw it: month axis, money axis in compact ticks, no scroll-zoom (the page scrolls instead).
pub(crate) fn cumulative_savings_plot(id: &str, height: f32, currency: &str) -> egui_plot::Plot<'static> {
    egui_plot::Plot::new(id)
        .height(height)
        .x_axis_label("month")
        .y_axis_label(format!("cumulative savings ({currency})"))
        .x_grid_spacer(crate::ui::charts::axes::month_grid())
        .x_axis_formatter(crate::ui::charts::axes::month)
        .y_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::Y))
        .y_axis_formatter(crate::ui::charts::axes::compact)
        .allow_scroll(false)
}

/// The zero line of a savings chart, in the text colour at half strength.
pub(crate) fn zero_line(plot: &mut egui_plot::PlotUi<'_>, text: egui::Color32) {
    plot.hline(egui_plot::HLine::new("", 0.0).color(text.gamma_multiply(0.5)).width(1.0));
}
