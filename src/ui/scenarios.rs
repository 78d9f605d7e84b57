//! The Scenarios tab: create, rename, delete and edit scenarios (overrides of any input, picked
//! from the same input menus as elsewhere), and the side-by-side comparison of every scenario ×
//! option. Every change is one undoable command.

pub(crate) mod compare;
mod override_row;

use super::app::ShorelineApp;
use super::editor::{Ed, Labels};
use super::intent::Intent;
use crate::app::Command;
use crate::model::inputs::{InputInfo, inputs};
use crate::model::labels::Labeller;
use crate::model::{Model, OverrideValue, Problems, Scenario};

fn selected_id() -> egui::Id {
    egui::Id::unique("scenarios_selected")
}

/// What the user did this frame; applied after drawing.
enum Edit {
    /// A discrete change (add, delete): its own undo step.
    Step(Vec<Scenario>),
    /// A continuous change (typing a name, dragging a value): grouped by widget.
    Burst(Vec<Scenario>),
}

/// Draws the Scenarios tab.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let model = app.state.model().clone();
    let all_inputs = inputs(&model);
    let mut selected: usize = ui.ctx().data(|d| d.get_temp(selected_id())).unwrap_or(0);
    let mut edit = None;
    egui::ScrollArea::vertical().id_salt("scenarios_tab").auto_shrink([false, false]).show(ui, |ui| {
        ui.heading("Scenarios");
        ui.label("A scenario is the model with some inputs replaced. Pick one in the top bar to see it everywhere.");
        let problems = app.state.analysis.problems.clone();
        edit = editor(ui, &model, &all_inputs, &problems, &mut selected);
        ui.add_space(12.0);
        let valid = !app.state.analysis.problems.has_errors();
        let rows = app.state.comparison.refresh(&model, app.state.doc.revision(), valid);
        let labels = Labeller::with_inputs(&model, &all_inputs);
        crate::ui::sensitivity::exportable(ui, crate::chart::ChartKind::Scenarios, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading("Compare");
                crate::ui::charts::menu_button(ui, crate::chart::ChartKind::Scenarios);
            });
            compare::show(ui, rows, &model, &labels, app.state.scenario);
        });
    });
    ui.ctx().data_mut(|d| d.insert_temp(selected_id(), selected));
    match edit {
        Some(Edit::Step(scenarios)) => app.intents.push(Intent::Step(Command::SetScenarios(scenarios))),
        Some(Edit::Burst(scenarios)) => {
            let mut edited = model;
            edited.scenarios = scenarios;
            app.intents.push(Intent::Edit(Box::new(edited)));
        }
        None => {}
    }
}

fn editor(
    ui: &mut egui::Ui,
    model: &Model,
    all_inputs: &[InputInfo],
    problems: &Problems,
    selected: &mut usize,
) -> Option<Edit> {
    let mut scenarios = model.scenarios.clone();
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add scenario").clicked() {
            let name = (1..).map(|n| format!("Scenario {n}")).find(|n| !scenarios.iter().any(|s| s.name == *n));
            scenarios.push(Scenario { name: name.unwrap_or_default(), overrides: Vec::new() });
            *selected = scenarios.len() - 1;
        }
        let can_delete = *selected < scenarios.len();
        if ui.add_enabled(can_delete, egui::Button::new("Delete scenario")).clicked() {
            scenarios.remove(*selected);
            *selected = selected.saturating_sub(1);
        }
    });
    if scenarios.len() != model.scenarios.len() {
        return Some(Edit::Step(scenarios));
    }
    if scenarios.is_empty() {
        ui.weak("No scenarios yet.");
        return None;
    }
    ui.horizontal_wrapped(|ui| {
        for (i, s) in scenarios.iter().enumerate() {
            ui.selectable_value(selected, i, &s.name);
        }
    });
    *selected = (*selected).min(scenarios.len() - 1);
    ui.separator();
    let scenario = &mut scenarios[*selected];
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Scenario name");
        ui.text_edit_singleline(&mut scenario.name).labelled_by(label.id);
    });
    let labels = Labels::from_inputs(all_inputs);
    let ed = Ed::new(ui, problems, None, model, &labels);
    let s = *selected;
    let scenario = &mut scenarios[s];
    let mut step = false;
    if scenario.overrides.is_empty() {
        ui.weak("No overrides: this scenario is the base model.");
    }
    let mut remove = None;
    for (k, o) in scenario.overrides.iter_mut().enumerate() {
        let path = format!("scenarios[{s}].overrides[{k}]");
        ui.push_id(k, |ui| match override_row::show(ui, &ed, model, all_inputs, &path, k, o) {
            override_row::Outcome::Step => step = true,
            override_row::Outcome::Remove => remove = Some(k),
            override_row::Outcome::None => {}
        });
        ui.separator();
    }
    if let Some(k) = remove {
        scenario.overrides.remove(k);
        step = true;
    }
    if ui.button("Add override").clicked() {
        let taken: Vec<&str> = scenario.overrides.iter().map(|o| o.input.as_str()).collect();
        let first = all_inputs.iter().find(|i| !taken.contains(&i.path.as_str())).or(all_inputs.first());
        if let Some(input) = first {
            scenario
                .overrides
                .push(crate::model::Override { input: input.path.clone(), value: OverrideValue::Set(input.estimate) });
            step = true;
        }
    }
    if scenarios == model.scenarios {
        None
    } else if step {
        Some(Edit::Step(scenarios))
    } else {
        Some(Edit::Burst(scenarios))
    }
}
