//! Goal seek: "what offshore rate gives 25 % savings?". Pick an input, the metric (NPV or
//! savings %) and a target; Find shows the value, or the engine's reason why no value in the
//! input's range reaches the target; Apply writes it through one undoable command.

use crate::app::{Command, NoticeKind, retarget};
use crate::engine::sensitivity::{Metric, goal_seek};
use crate::format;
use crate::model::OverrideValue;
use crate::model::inputs::{InputSite, input};
use crate::model::units::value_with_unit;
use crate::ui::app::ShorelineApp;

/// The dialog's state, kept in egui's memory between frames.
#[derive(Clone, Debug, Default)]
struct Dialog {
    open: bool,
    path: String,
    /// Savings % (true) or NPV (false).
    savings: bool,
    /// In percent for savings, in money for the NPV.
    target: f64,
    outcome: Option<Result<(f64, f64), String>>,
    /// What the user typed to narrow the input list.
    filter: String,
}

/// Which group of the input list an input belongs to: the focused option's own inputs first,
/// then those every option shares (workload, in-house, discount rate), then the other options'.
fn group(site: &InputSite, option: usize) -> u8 {
    match site {
        InputSite::Option { option: o, .. } if *o == option => 0,
        InputSite::Option { .. } => 2,
        _ => 1,
    }
}

fn memory_id() -> egui::Id {
    egui::Id::unique("goal_seek_dialog")
}

/// Shows the dialog when open; `open_now` opens it (the tab's "Goal seek…" button).
pub(super) fn show(ui: &mut egui::Ui, app: &mut ShorelineApp, open_now: bool) {
    let ctx = ui.ctx().clone();
    let mut dialog: Dialog = ctx.data(|d| d.get_temp(memory_id())).unwrap_or_default();
    let Some(results) = app.state.analysis.results.as_ref() else { return };
    let plan = &results.plan;
    let option = app.state.option;
    if open_now {
        let rate = format!("options[{option}].pricing.rate");
        if plan.slot_of(&dialog.path).is_none() {
            dialog.path = if plan.slot_of(&rate).is_some() {
                rate
            } else {
                plan.inputs.first().map(|i| i.site.to_string()).unwrap_or_default()
            };
            dialog.savings = true;
            dialog.target = 25.0;
        }
        dialog.open = true;
        dialog.outcome = None;
    }
    if !dialog.open {
        return;
    }
    let currency = results.model.currency.clone();
    let option_name = plan.option_names.get(option).cloned().unwrap_or_default();
    let mut apply = None;
    let before = (dialog.path.clone(), dialog.savings, dialog.target);
    let modal = egui::Modal::new(memory_id().with("modal")).show(&ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Goal seek");
        ui.label(format!("Which value of one input makes {option_name} reach a target?"));
        ui.add_space(6.0);
        egui::Grid::new("goal_seek_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            let label = ui.label("Input");
            let current = plan.slot_of(&dialog.path).map(|s| plan.input_label(s)).unwrap_or_default();
            egui::ComboBox::from_id_salt("goal_seek_input")
                .selected_text(current)
                .width(320.0)
                .height(420.0)
                .show_ui(ui, |ui| {
                    let filter = dialog.filter.to_lowercase();
                    let mut inputs: Vec<(u8, String, String)> = plan
                        .inputs
                        .iter()
                        .map(|i| (group(&i.site, option), i.site.to_string(), i.site.label(plan)))
                        .filter(|(_, path, label)| {
                            filter.is_empty() || label.to_lowercase().contains(&filter) || path.contains(&filter)
                        })
                        .collect();
                    inputs.sort_by_key(|(g, ..)| *g);
                    let mut shown = None;
                    for (g, path, label) in inputs {
                        if shown != Some(g) {
                            let heading = match g {
                                0 => option_name.clone(),
                                1 => "Shared by every option".to_owned(),
                                _ => "Other options".to_owned(),
                            };
                            ui.add_space(if shown.is_some() { 6.0 } else { 0.0 });
                            ui.weak(heading);
                            shown = Some(g);
                        }
                        ui.selectable_value(&mut dialog.path, path, label);
                    }
                    if shown.is_none() {
                        ui.weak(format!("No input matches “{}”", dialog.filter));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Filter");
            ui.add(
                egui::TextEdit::singleline(&mut dialog.filter)
                    .hint_text("type to narrow the list")
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label("Metric");
            ui.horizontal(|ui| {
                if ui.radio(dialog.savings, "Savings %").clicked() && !dialog.savings {
                    dialog.savings = true;
                    dialog.target = 25.0;
                }
                if ui.radio(!dialog.savings, "NPV").clicked() && dialog.savings {
                    dialog.savings = false;
                    dialog.target = 0.0;
                }
            });
            ui.end_row();
            let label = ui.label("Target");
            let field = if dialog.savings {
                egui::DragValue::new(&mut dialog.target).speed(0.1).suffix(" %").max_decimals(2)
            } else {
                egui::DragValue::new(&mut dialog.target).speed(1000.0).prefix(format!("{currency} "))
            };
            ui.add(field).labelled_by(label.id);
            ui.end_row();
        });
        ui.add_space(6.0);
        let metric = if dialog.savings { Metric::SavingsPct } else { Metric::Npv };
        let target = if dialog.savings { dialog.target / 100.0 } else { dialog.target };
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button("Find").clicked() {
                dialog.outcome = Some(
                    goal_seek(plan, option, &dialog.path, metric, target)
                        .map(|g| (g.value, g.achieved))
                        .map_err(|e| e.to_string()),
                );
            }
            if ui.button("Close").clicked() {
                close = true;
            }
        });
        match &dialog.outcome {
            Some(Ok((value, achieved))) => {
                // With its currency and unit, exact enough to act on: "USD 31.23 per hour".
                let value_text = value_with_unit(&results.model, &dialog.path, *value);
                let achieved_text = if dialog.savings {
                    format::percent(*achieved)
                } else {
                    format::compact_money(*achieved, &currency)
                };
                let metric_name = if dialog.savings { "savings of" } else { "an NPV of" };
                let input_label = plan.slot_of(&dialog.path).map(|s| plan.input_label(s)).unwrap_or_default();
                ui.label(format!("{input_label} ="));
                ui.label(
                    egui::RichText::new(format!("{value_text} gives {metric_name} {achieved_text}"))
                        .size(18.0)
                        .strong(),
                );
                ui.weak(format!("exact value: {value}"));
                let spread = input(&results.model, &dialog.path).ok().and_then(|i| i.estimate.distribution().copied());
                if let Some(d) = spread {
                    ui.add(
                        egui::Label::new(format!(
                            "This input is a {} distribution: Apply moves its base value to this and keeps its \
                             spread, so it stays in the tornado and Monte Carlo.",
                            d.name()
                        ))
                        .wrap(),
                    );
                }
                if ui.button("Apply").on_hover_text("Set the input to this value (Undo restores it)").clicked() {
                    apply = Some(*value);
                    close = true;
                }
            }
            Some(Err(reason)) => {
                ui.colored_label(ui.visuals().warn_fg_color, reason);
            }
            None => {}
        }
        close
    });
    if (dialog.path.clone(), dialog.savings, dialog.target) != before {
        dialog.outcome = None; // A result is only shown for the question it answers.
    }
    if modal.inner || modal.should_close() {
        dialog.open = false;
    }
    let path = dialog.path.clone();
    ctx.data_mut(|d| d.insert_temp(memory_id(), dialog));
    if let Some(value) = apply {
        apply_value(app, &path, value);
    }
}

/// Writes `value` as the input's new base value: into the selected scenario's override when it
/// has one for this input (else the scenario would hide the change), otherwise into the model.
fn apply_value(app: &mut ShorelineApp, path: &str, value: f64) {
    let state = &mut app.state;
    let Some(results) = state.analysis.results.as_ref() else { return };
    let Ok(current) = input(&results.model, path) else { return };
    let estimate = retarget::with_base(&current.estimate, value, current.kind);
    let label = current.label.clone();
    let shown = value_with_unit(&results.model, path, value);
    let kept = match (current.estimate.distribution(), estimate.distribution()) {
        (Some(d), Some(_)) => format!(" (its {} distribution moved, its spread kept)", d.name()),
        (Some(d), None) => format!(" (as a plain number: its {} distribution would leave the valid range)", d.name()),
        _ => String::new(),
    };
    // The input in the base model, which a relative override changes.
    let current_in_base = input(state.model(), path).map_or(current.estimate, |i| i.estimate);
    let mut scenarios = state.model().scenarios.clone();
    let overridden = state
        .scenario
        .and_then(|s| scenarios.get_mut(s))
        .and_then(|s| s.overrides.iter_mut().find(|o| o.input == path));
    let command = match overridden {
        Some(o) => {
            // An override keeps its form: a relative one becomes the change that gives the value.
            o.value = OverrideValue::Set(estimate).switched(o.value.form(), &current_in_base);
            Command::SetScenarios(scenarios)
        }
        None => Command::SetInput { path: path.to_owned(), value: estimate },
    };
    app.intents.push(crate::ui::intent::Intent::Step(command));
    app.state.notice(NoticeKind::Info, format!("Goal seek set {label} to {shown}{kept}. Undo (Ctrl+Z) restores it."));
}
