//! The status bar: validity of the model at a glance, and the latest message.

use super::app::ShorelineApp;
use super::central::Tab;
use super::commands::UiCommand;
use super::intent::Intent;
use crate::app::NoticeKind;

/// Draws the status bar.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let problems = &app.state.analysis.problems;
            let (errors, warnings) = (problems.errors().count(), problems.warnings().count());
            let summary = match (errors, warnings) {
                (0, 0) => egui::RichText::new("Model valid").color(ui.visuals().weak_text_color()),
                (0, w) => egui::RichText::new(format!("{w} warning(s)")).color(ui.visuals().warn_fg_color),
                (e, w) => {
                    egui::RichText::new(format!("{e} error(s), {w} warning(s)")).color(ui.visuals().error_fg_color)
                }
            };
            if ui.link(summary).on_hover_text("Show the problems list").clicked() {
                app.intents.push(Intent::Run(UiCommand::ShowTab(Tab::Problems)));
            }
            ui.separator();
            // A model that has no file was never saved, however clean it is: "Saved" would lie.
            let saved = if app.state.doc.is_dirty() {
                "Unsaved changes"
            } else if app.state.doc.path().is_none() {
                "Not saved yet"
            } else {
                "Saved"
            };
            ui.label(saved);
            if let Some(notice) = app.state.notices.last().cloned() {
                ui.separator();
                let text = match notice.kind {
                    NoticeKind::Info => egui::RichText::new(&notice.text),
                    NoticeKind::Error => egui::RichText::new(&notice.text).color(ui.visuals().error_fg_color),
                };
                // An error is shown in full, with its own Dismiss, above the charts.
                if notice.kind == NoticeKind::Info
                    && ui.small_button("Dismiss").on_hover_text("Dismiss messages").clicked()
                {
                    app.state.notices.clear();
                }
                ui.add(egui::Label::new(text).truncate()).on_hover_text(&notice.text);
            }
        });
    });
}
