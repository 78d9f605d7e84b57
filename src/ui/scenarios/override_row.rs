//! One override of a scenario: which input, how it is written (a new value, a change in
//! percent, a factor), and its value — a new value in the same estimate editor as the model
//! editor's, a change with what it comes to.

use crate::model::inputs::InputInfo;
use crate::model::units::value_with_unit;
use crate::model::{Change, Model, Override, OverrideForm, OverrideValue};
use crate::ui::editor::{Ed, estimate_field};

/// What the row asks of its list.
pub(super) enum Outcome {
    /// Nothing discrete (a value may have been dragged or typed: grouped by widget).
    None,
    /// A discrete change (another input or form): its own undo step.
    Step,
    /// Remove this override.
    Remove,
}

/// Draws override `k` (at `path`, `scenarios[s].overrides[k]`) of the model `model`.
pub(super) fn show(
    ui: &mut egui::Ui,
    ed: &Ed,
    model: &Model,
    all_inputs: &[InputInfo],
    path: &str,
    k: usize,
    o: &mut Override,
) -> Outcome {
    let name = format!("Override {}", k + 1);
    let mut outcome = Outcome::None;
    ui.horizontal_wrapped(|ui| {
        let before = o.input.clone();
        input_menu(ui, &name, all_inputs, &mut o.input);
        if o.input != before {
            // A new input starts from its own current value.
            if let Some(input) = all_inputs.iter().find(|x| x.path == o.input) {
                o.value = OverrideValue::Set(input.estimate);
            }
            outcome = Outcome::Step;
        }
        let base = all_inputs.iter().find(|x| x.path == o.input).map(|x| x.estimate);
        let mut form = o.value.form();
        egui::ComboBox::from_id_salt((&name, "how"))
            .selected_text(form.label())
            .width(110.0)
            .show_ui(ui, |ui| {
                for f in OverrideForm::ALL {
                    ui.selectable_value(&mut form, f, f.label());
                }
            })
            .response
            .accessible_name(format!("{name} how"))
            .on_hover_text("A new value, or a change from the base model's value that follows later edits of it");
        if form != o.value.form()
            && let Some(base) = base
        {
            o.value = o.value.switched(form, &base);
            outcome = Outcome::Step;
        }
        if ui.button("Remove").on_hover_text(format!("Remove {name}")).clicked() {
            outcome = Outcome::Remove;
        }
    });
    let Some(input) = all_inputs.iter().find(|x| x.path == o.input) else {
        ui.colored_label(ui.visuals().error_fg_color, "this input does not exist");
        return outcome;
    };
    match &mut o.value {
        OverrideValue::Set(estimate) => {
            estimate_field(ui, ed, &format!("{path}.value"), "Value", format!("{name} value"), input.kind, estimate);
        }
        OverrideValue::Change(change) => {
            ed.field(ui, &format!("{path}.change"), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(12.0);
                    let field = match change {
                        Change::Percent(p) => egui::DragValue::new(p).speed(0.5).suffix(" %").max_decimals(2),
                        Change::Times(k) => egui::DragValue::new(k).speed(0.01).prefix("×").max_decimals(4),
                    };
                    ui.add(field).accessible_name(format!("{name} change"));
                    let resolved = OverrideValue::Change(*change).applied_to(&input.estimate).base();
                    let base = input.estimate.base();
                    ui.weak(format!(
                        "{} becomes {}",
                        value_with_unit(model, &o.input, base),
                        value_with_unit(model, &o.input, resolved)
                    ));
                });
            });
        }
    }
    outcome
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
