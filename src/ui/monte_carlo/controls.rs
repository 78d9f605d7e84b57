//! The simulation's settings (samples, seed, method: saved in the model, undoable) and the
//! run's state: a progress bar with Cancel, "Run again", and what is going on in words.

use crate::app::simulation::{DEBOUNCE, Status, method_label};
use crate::format;
use crate::model::{MAX_SAMPLES, Method};
use crate::ui::app::ShorelineApp;

/// Draws the controls.
pub(super) fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let mut settings = app.state.model().simulation;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Samples");
        ui.add(egui::DragValue::new(&mut settings.samples).range(1..=MAX_SAMPLES).speed(100.0))
            .labelled_by(label.id)
            .on_hover_text("Draws per run (1 to 1,000,000). Saved in the model.");
        let label = ui.label("Seed");
        ui.add(egui::DragValue::new(&mut settings.seed).speed(1.0))
            .labelled_by(label.id)
            .on_hover_text("The same seed gives the same numbers, here and in `shoreline simulate`.");
        let label = ui.label("Method");
        egui::ComboBox::from_id_salt("monte_carlo_method")
            .selected_text(method_label(settings.method))
            .show_ui(ui, |ui| {
                for method in [Method::Random, Method::LatinHypercube] {
                    ui.selectable_value(&mut settings.method, method, method_label(method));
                }
            })
            .response
            .labelled_by(label.id);
    });
    if settings != app.state.model().simulation {
        let mut edited = app.state.model().clone();
        edited.simulation = settings;
        // One undo step per widget burst, like the editor.
        app.intents.push(crate::ui::intent::Intent::Edit(Box::new(edited)));
    }
    ui.horizontal_wrapped(|ui| {
        let status = app.state.simulation.status();
        match &status {
            Status::Running { done, total, quick } => {
                let fraction = *done as f32 / (*total).max(1) as f32;
                let kind = if *quick { "Quick preview" } else { "Simulating" };
                let text = format!(
                    "{kind}: {} of {} draws",
                    format::thousands(*done as f64),
                    format::thousands(*total as f64)
                );
                ui.add(egui::ProgressBar::new(fraction).desired_width(320.0).text(text));
                if ui.button("Cancel").clicked() {
                    app.state.simulation.cancel();
                }
            }
            Status::Waiting => {
                ui.label(format!("Re-running {} ms after your last edit…", DEBOUNCE.as_millis()));
            }
            Status::Idle => {
                ui.label("Up to date.");
            }
            Status::Cancelled => {
                ui.colored_label(ui.visuals().warn_fg_color, "Cancelled. The charts show the last finished run.");
            }
            Status::Failed(reason) => {
                ui.colored_label(ui.visuals().error_fg_color, reason);
            }
        }
        if !matches!(status, Status::Running { .. }) && ui.button("Run again").clicked() {
            app.state.simulation.run_again();
            ui.ctx().request_repaint();
        }
    });
}
