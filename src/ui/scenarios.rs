//! The Scenarios tab: create, rename, delete and edit scenarios (overrides of any input, picked
//! from the same input menus as elsewhere), and the side-by-side comparison of every scenario ×
//! option. Every change is one undoable command.

mod compare;
mod estimate;

use super::app::ShorelineApp;
use crate::app::Command;
use crate::model::inputs::{InputInfo, inputs};
use crate::model::{Model, Override, Scenario};

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
        edit = editor(ui, &model, &all_inputs, &mut selected);
        ui.add_space(12.0);
        ui.heading("Compare");
        let valid = !app.state.analysis.problems.has_errors();
        let rows = app.state.comparison.refresh(&model, app.state.doc.revision(), valid);
        compare::show(ui, rows, &model, app.state.scenario);
    });
    ui.ctx().data_mut(|d| d.insert_temp(selected_id(), selected));
    match edit {
        Some(Edit::Step(scenarios)) => app.state.apply(Command::SetScenarios(scenarios)),
        Some(Edit::Burst(scenarios)) => {
            let mut edited = model;
            edited.scenarios = scenarios;
            let group = ui.ctx().dragged_id().or_else(|| ui.ctx().memory(|m| m.focused())).map(|id| id.value());
            app.state.apply(Command::Replace { model: Box::new(edited), group });
        }
        None => {}
    }
}

fn editor(ui: &mut egui::Ui, model: &Model, all_inputs: &[InputInfo], selected: &mut usize) -> Option<Edit> {
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
    let mut step = false;
    ui.scope(|ui| {
        if scenario.overrides.is_empty() {
            ui.weak("No overrides: this scenario is the base model.");
        }
        let mut remove = None;
        for (i, o) in scenario.overrides.iter_mut().enumerate() {
            ui.push_id(i, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let name = format!("Override {}", i + 1);
                    let before = o.input.clone();
                    input_menu(ui, &name, all_inputs, &mut o.input);
                    if o.input != before {
                        // A new input starts from its own current value.
                        o.value = all_inputs.iter().find(|x| x.path == o.input).map_or(o.value, |x| x.estimate);
                        step = true;
                    }
                    let kind = all_inputs.iter().find(|x| x.path == o.input).map(|x| x.kind);
                    match kind {
                        Some(kind) => estimate::show(ui, &name, &mut o.value, kind),
                        None => {
                            ui.colored_label(ui.visuals().error_fg_color, "this input does not exist");
                        }
                    }
                    if ui.button("Remove").on_hover_text(format!("Remove {name}")).clicked() {
                        remove = Some(i);
                    }
                });
            });
            ui.separator();
        }
        if let Some(i) = remove {
            scenario.overrides.remove(i);
            step = true;
        }
        if ui.button("Add override").clicked() {
            let taken: Vec<&str> = scenario.overrides.iter().map(|o| o.input.as_str()).collect();
            let first = all_inputs.iter().find(|i| !taken.contains(&i.path.as_str())).or(all_inputs.first());
            if let Some(input) = first {
                scenario.overrides.push(Override { input: input.path.clone(), value: input.estimate });
                step = true;
            }
        }
    });
    if scenarios == model.scenarios {
        None
    } else if step {
        Some(Edit::Step(scenarios))
    } else {
        Some(Edit::Burst(scenarios))
    }
}

fn input_menu(ui: &mut egui::Ui, name: &str, all_inputs: &[InputInfo], path: &mut String) {
    let current = all_inputs.iter().find(|i| i.path == *path).map_or_else(|| path.clone(), |i| i.label.clone());
    let label = ui.label(format!("{name}:"));
    egui::ComboBox::from_id_salt((name, "input"))
        .selected_text(current)
        .width(240.0)
        .show_ui(ui, |ui| {
            for input in all_inputs {
                ui.selectable_value(path, input.path.clone(), &input.label);
            }
        })
        .response
        .labelled_by(label.id);
}
