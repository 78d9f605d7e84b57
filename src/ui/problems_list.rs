//! The problems list: every validation error and warning with its field; clicking one reveals
//! the field in the editor.

use super::app::ShorelineApp;
use super::intent::Intent;
use crate::model::Severity;

/// Draws the list.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let problems = app.state.analysis.problems.0.clone();
    if problems.is_empty() {
        ui.label("No problems: the model is valid.");
        return;
    }
    egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
        egui::Grid::new("problems_grid").striped(true).num_columns(4).show(ui, |ui| {
            for problem in &problems {
                let (icon, color) = match problem.severity {
                    Severity::Error => ("Error", ui.visuals().error_fg_color),
                    Severity::Warning => ("Warning", ui.visuals().warn_fg_color),
                };
                ui.colored_label(color, icon);
                // The field as the user names it; the path, what a text editor would search for,
                // second and quieter.
                let name = if problem.label.is_empty() { &problem.path } else { &problem.label };
                if ui.link(name).on_hover_text("Show this field in the editor").clicked() {
                    app.intents.push(Intent::Reveal(problem.path.clone()));
                }
                ui.add(egui::Label::new(&problem.message).wrap());
                ui.weak(&problem.path);
                ui.end_row();
            }
        });
    });
}
