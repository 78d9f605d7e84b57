//! The top bar: file menu, undo/redo, scenario and option pickers, theme, zoom, presentation.

use super::app::ShorelineApp;
use crate::app::{Command, FileAction, Template};
use crate::model::samples::SAMPLES;

/// Zoom steps of the − / + buttons.
const ZOOM_STEP: f32 = 0.1;

/// Draws the top bar.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            file_menu(ui, app);
            ui.separator();
            let state = &mut app.state;
            if ui.add_enabled(state.doc.can_undo(), egui::Button::new("Undo")).on_hover_text("Ctrl+Z").clicked() {
                state.apply(Command::Undo);
            }
            if ui.add_enabled(state.doc.can_redo(), egui::Button::new("Redo")).on_hover_text("Ctrl+Shift+Z").clicked() {
                state.apply(Command::Redo);
            }
            ui.separator();
            scenario_picker(ui, app);
            option_picker(ui, app);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| view_controls(ui, app));
        });
    });
}

fn file_menu(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    ui.menu_button("File", |ui| {
        let state = &mut app.state;
        ui.menu_button("New", |ui| {
            if ui.button("Blank model").clicked() {
                state.request(FileAction::New(Template::Blank));
            }
            ui.separator();
            for (i, sample) in SAMPLES.iter().enumerate() {
                if ui.button(format!("From sample: {}", sample.title)).clicked() {
                    state.request(FileAction::New(Template::Sample(i)));
                }
            }
        });
        if ui.button("Open…  (Ctrl+O)").clicked() {
            state.request(FileAction::Open(None));
        }
        ui.menu_button("Open recent", |ui| {
            if state.settings.recent.is_empty() {
                ui.label("No recent files");
            }
            for path in state.settings.recent.clone() {
                if ui.button(path.display().to_string()).clicked() {
                    state.request(FileAction::Open(Some(path)));
                }
            }
        });
        ui.separator();
        if ui.button("Save  (Ctrl+S)").clicked() {
            state.save();
        }
        if ui.button("Save as…  (Ctrl+Shift+S)").clicked() {
            state.save_as();
        }
        ui.separator();
        if ui.button("Quit").clicked() {
            state.request(FileAction::Quit);
        }
    });
}

fn scenario_picker(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let state = &mut app.state;
    let names: Vec<String> = state.model().scenarios.iter().map(|s| s.name.clone()).collect();
    let current = state.scenario.and_then(|i| names.get(i)).cloned().unwrap_or_else(|| "Base model".to_owned());
    let label = ui.label("Scenario");
    egui::ComboBox::from_id_salt("scenario_picker")
        .selected_text(current)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.scenario, None, "Base model");
            for (i, name) in names.iter().enumerate() {
                ui.selectable_value(&mut state.scenario, Some(i), name);
            }
        })
        .response
        .labelled_by(label.id);
}

fn option_picker(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let state = &mut app.state;
    let options: Vec<String> =
        state.model().options.iter().map(|o| format!("{} · {}", o.shore.label(), o.name)).collect();
    let current = options.get(state.option).cloned().unwrap_or_default();
    let label = ui.label("Option");
    egui::ComboBox::from_id_salt("option_picker")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (i, name) in options.iter().enumerate() {
                ui.selectable_value(&mut state.option, i, name);
            }
        })
        .response
        .labelled_by(label.id);
}

fn view_controls(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let ctx = ui.ctx().clone();
    let present_label = if app.present { "Exit presentation" } else { "Present" };
    if ui.button(present_label).on_hover_text("F11: charts full screen, editor hidden").clicked() {
        app.present = !app.present;
    }
    if ui.button("+").on_hover_text("Zoom in (Ctrl +)").clicked() {
        ctx.set_zoom_factor((ctx.zoom_factor() + ZOOM_STEP).min(3.0));
    }
    ui.label(format!("{:.0} %", ctx.zoom_factor() * 100.0));
    if ui.button("−").on_hover_text("Zoom out (Ctrl −)").clicked() {
        ctx.set_zoom_factor((ctx.zoom_factor() - ZOOM_STEP).max(0.5));
    }
    let dark = app.state.settings.dark;
    let theme_label = if dark { "Light theme" } else { "Dark theme" };
    if ui.button(theme_label).on_hover_text("Switch between dark and light themes").clicked() {
        app.state.set_preferences(!dark, ctx.zoom_factor());
    }
}
