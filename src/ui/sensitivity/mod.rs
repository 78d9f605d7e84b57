//! The Sensitivity tab: how the NPV of the option in focus moves with each input. Every chart
//! reads the cached results of [`crate::app::sensitivity_cache`]; none runs the engine per frame.

mod goal_seek;
mod headroom;
mod heat_map;
mod spider;
mod tornado;

use egui::Color32;

use super::app::ShorelineApp;
use crate::app::AppState;
use crate::format;
use crate::model::ValueKind;

/// The P10 end of a tornado bar (and "low" elsewhere).
pub(crate) const LOW: Color32 = Color32::from_rgb(222, 110, 75);
/// The P90 end of a tornado bar.
pub(crate) const HIGH: Color32 = Color32::from_rgb(70, 150, 205);
/// Chart height of the smaller charts.
const CHART_HEIGHT: f32 = 260.0;

/// What the user asked for while the tab was drawn, done after drawing.
enum Action {
    Focus(String),
}

/// A value of an input as people read it: a percentage for rates and shares, else compact.
pub(crate) fn input_value(kind: ValueKind, x: f64) -> String {
    if kind.is_percentage() { format::percent(x) } else { format::compact(x) }
}

/// Draws the Sensitivity tab.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let mut actions = Vec::new();
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
    sensitivity.refresh_heat_map(results, scenario, option, &x, &y);
    let sensitivity = &*sensitivity;
    let Some(sens) = sensitivity.sensitivity() else { return };

    ui.horizontal(|ui| {
        ui.heading(format!("Sensitivity of the NPV — {option_name}"));
        ui.label(format!("base NPV {}", format::compact_money(sens.base_npv, &currency)));
    });
    let goal_button = ui.button("Goal seek…").on_hover_text("Find the value of one input that reaches a target");
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        section(ui, "Tornado: NPV with each uncertain input at its P10 and P90, largest swing first");
        if let Some(path) = tornado::show(ui, sens, &results.plan, &currency, focus_path.as_deref()) {
            actions.push(Action::Focus(path));
        }
        ui.add_space(12.0);
        ui.columns(2, |columns| {
            section(&mut columns[0], "Spider: NPV as each input moves −30 % … +30 % from its base");
            spider::show(&mut columns[0], sens, &currency);
            section(&mut columns[1], "Hidden-cost headroom: NPV as every hidden cost is scaled 0 … 3×");
            headroom::show(&mut columns[1], sens, &results.evaluation, option, &currency);
        });
        ui.add_space(12.0);
        section(ui, "Two inputs at once: NPV over a grid, with the break-even line");
        heat_map::show(ui, &results.plan, sensitivity.heat_map(), option, &currency);
    });
    for action in actions {
        match action {
            Action::Focus(path) => app.state.focus_path = Some(path),
        }
    }
    goal_seek::show(ui, app, goal_button.clicked());
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(title).strong());
}
