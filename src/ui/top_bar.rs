//! The top bar: file menu, undo/redo, scenario and option pickers, theme, zoom, presentation.
//!
//! The bar fits any window at any zoom: the view controls are laid out first at the right, the
//! pickers take the room left between them and the menus, and when that room is too small (a
//! small window, projector zoom) they move to a second row. Long names are cut with "…" inside
//! the pickers (the whole name on hover), never drawn over their neighbours.

use super::app::ShorelineApp;
use super::commands::{self, UiCommand};
use super::zoom;
use crate::app::{FileAction, Template};
use crate::model::samples::SAMPLES;

/// The narrowest a picker's box may get before the pickers move to their own row.
const PICKER_MIN: f32 = 120.0;
/// The widest a picker's box gets: long option names are cut, not allowed to push the bar.
const PICKER_MAX: f32 = 280.0;
/// Room for the "Scenario" / "Option" captions and the spacing around them.
const CAPTIONS: f32 = 150.0;

/// Draws the top bar.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        let mut pickers_fit = true;
        egui::MenuBar::new().ui(ui, |ui| {
            file_menu(ui, app);
            ui.separator();
            commands::small_button(ui, app, UiCommand::Undo, "Undo");
            commands::small_button(ui, app, UiCommand::Redo, "Redo");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                view_controls(ui, app);
                let room = ui.available_width();
                pickers_fit = room >= CAPTIONS + 2.0 * PICKER_MIN;
                if pickers_fit {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.separator();
                        pickers(ui, app, room);
                    });
                }
            });
        });
        if !pickers_fit {
            ui.horizontal(|ui| {
                let room = ui.available_width();
                pickers(ui, app, room);
            });
        }
    });
}

/// The scenario and option pickers in `room` points of width.
fn pickers(ui: &mut egui::Ui, app: &mut ShorelineApp, room: f32) {
    let width = ((room - CAPTIONS) / 2.0).clamp(PICKER_MIN.min(room / 3.0), PICKER_MAX);
    scenario_picker(ui, app, width);
    option_picker(ui, app, width);
}

fn file_menu(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    ui.menu_button("File", |ui| {
        ui.menu_button("New", |ui| {
            commands::button(ui, app, UiCommand::New);
            ui.separator();
            for (i, sample) in SAMPLES.iter().enumerate() {
                if ui.button(format!("From sample: {}", sample.title)).clicked() {
                    app.state.request(FileAction::New(Template::Sample(i)));
                }
            }
        });
        commands::button(ui, app, UiCommand::Open);
        let state = &mut app.state;
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
        commands::button(ui, app, UiCommand::Save);
        commands::button(ui, app, UiCommand::SaveAs);
        ui.separator();
        ui.menu_button("Export", |ui| {
            commands::button(ui, app, UiCommand::ExportReport);
            commands::button(ui, app, UiCommand::ExportWorkbook);
            commands::button(ui, app, UiCommand::ExportCsv);
            ui.menu_button("Chart as image", |ui| {
                for chart in crate::chart::ChartKind::ALL {
                    ui.menu_button(chart.title(), |ui| {
                        crate::ui::charts::export_menu(ui, app, chart);
                    });
                }
            });
        });
        commands::button(ui, app, UiCommand::CompareWithFile);
        ui.separator();
        commands::button(ui, app, UiCommand::Palette);
        ui.separator();
        commands::button(ui, app, UiCommand::Quit);
    });
}

/// A picker's box width: as wide as its longest choice needs, up to `most`, so short names do
/// not leave a wide empty box.
fn fitted(ui: &egui::Ui, choices: impl IntoIterator<Item = impl Into<String>>, most: f32) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let widest = choices
        .into_iter()
        .map(|c| ui.ctx().fonts_mut(|f| f.layout_no_wrap(c.into(), font.clone(), egui::Color32::WHITE).size().x))
        .fold(0.0, f32::max);
    // Room for the drop-down arrow and the button's inner margins.
    let arrow = ui.spacing().icon_width + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x;
    (widest + arrow).clamp(PICKER_MIN.min(most), most)
}

fn scenario_picker(ui: &mut egui::Ui, app: &mut ShorelineApp, width: f32) {
    let state = &mut app.state;
    let names: Vec<String> = state.model().scenarios.iter().map(|s| s.name.clone()).collect();
    let current = state.scenario.and_then(|i| names.get(i)).cloned().unwrap_or_else(|| "Base model".to_owned());
    let width = fitted(ui, names.iter().map(String::as_str).chain(["Base model"]), width);
    let label = ui.label("Scenario");
    egui::ComboBox::from_id_salt("scenario_picker")
        .width(width)
        .truncate()
        .selected_text(current.clone())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.scenario, None, "Base model");
            for (i, name) in names.iter().enumerate() {
                ui.selectable_value(&mut state.scenario, Some(i), name);
            }
        })
        .response
        .on_hover_text(current)
        .labelled_by(label.id);
}

fn option_picker(ui: &mut egui::Ui, app: &mut ShorelineApp, width: f32) {
    let state = &mut app.state;
    let options: Vec<String> =
        state.model().options.iter().map(|o| format!("{} · {}", o.shore.label(), o.name)).collect();
    let current = options.get(state.option).cloned().unwrap_or_default();
    let width = fitted(ui, options.iter().map(String::as_str), width);
    let label = ui.label("Option");
    egui::ComboBox::from_id_salt("option_picker")
        .width(width)
        .truncate()
        .selected_text(current.clone())
        .show_ui(ui, |ui| {
            for (i, name) in options.iter().enumerate() {
                ui.selectable_value(&mut state.option, i, name);
            }
        })
        .response
        .on_hover_text(current)
        .labelled_by(label.id);
}

fn view_controls(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let ctx = ui.ctx().clone();
    commands::small_button(ui, app, UiCommand::Present, "Present");
    commands::small_button(ui, app, UiCommand::ZoomIn, "+");
    ui.label(zoom::label(ctx.zoom_factor())).on_hover_text(UiCommand::ZoomReset.hover_text(&ctx));
    commands::small_button(ui, app, UiCommand::ZoomOut, "−");
    let theme_label = if app.state.settings.dark { "Light theme" } else { "Dark theme" };
    commands::small_button(ui, app, UiCommand::ToggleTheme, theme_label);
}
