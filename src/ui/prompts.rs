//! Modal questions: unsaved changes, a file changed on disk, a typed path when no file dialog
//! exists, restoring work after a crash, and keeping the changes made during a presentation.

use super::app::ShorelineApp;
use crate::app::dialogs::DialogKind;
use crate::app::{ExternalChangeAnswer, FileAction, Question, UnsavedAnswer};

/// Shows whichever question is pending.
pub fn show(ctx: &egui::Context, app: &mut ShorelineApp) {
    match &app.state.question {
        Some(Question::Recovery(_)) => recovery(ctx, app),
        Some(Question::Unsaved(_)) => unsaved(ctx, app),
        Some(Question::ChangedOnDisk(_)) => external_change(ctx, app),
        Some(Question::Path(_)) => path_prompt(ctx, app),
        Some(Question::KeepPresentationChanges) => keep_presentation_changes(ctx, app),
        None => {}
    }
}

fn keep_presentation_changes(ctx: &egui::Context, app: &mut ShorelineApp) {
    let tried = app.state.meeting.as_ref().map_or(0, |m| m.log.changes.len());
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("keep_presentation_changes")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("Keep the changes made during the presentation?");
        ui.add(
            egui::Label::new(format!(
                "The model was changed while presenting ({tried} change(s) in the meeting log). Keep them, \
                 or go back to the model as it was when the presentation began. The meeting log keeps \
                 what was tried either way."
            ))
            .wrap(),
        );
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Keep the changes").clicked() {
                answer = Some(true);
            }
            if ui
                .button("Revert to the model before the presentation")
                .on_hover_text("One edit: Ctrl+Z brings the presentation's changes back")
                .clicked()
            {
                answer = Some(false);
            }
        });
    });
    // Closing the question without an answer keeps the model as it is: nothing is lost.
    if modal.should_close() && answer.is_none() {
        answer = Some(true);
    }
    if let Some(keep) = answer {
        app.state.answer_keep_changes(keep);
    }
}

fn external_change(ctx: &egui::Context, app: &mut ShorelineApp) {
    let file = app.state.doc.path().map(|p| p.display().to_string()).unwrap_or_default();
    let mut answer: Option<Option<ExternalChangeAnswer>> = None;
    let modal = egui::Modal::new(egui::Id::unique("external_change_prompt")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("The file changed on disk");
        ui.add(
            egui::Label::new(format!(
                "{file} was changed (or removed) by someone else since you opened or saved it. Saving now \
                 would replace their version with yours."
            ))
            .wrap(),
        );
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Reload theirs")
                .on_hover_text("Open the file as it is now; your changes are dropped")
                .clicked()
            {
                answer = Some(Some(ExternalChangeAnswer::Reload));
            }
            if ui.button("Save mine as…").on_hover_text("Keep both: save your version to another file").clicked() {
                answer = Some(Some(ExternalChangeAnswer::SaveAs));
            }
            if ui.button("Overwrite").on_hover_text("Replace their version with yours").clicked() {
                answer = Some(Some(ExternalChangeAnswer::Overwrite));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(None);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(None);
    }
    if let Some(answer) = answer {
        app.state.answer_external_change(answer);
    }
}

fn unsaved(ctx: &egui::Context, app: &mut ShorelineApp) {
    let verb = match app.state.question {
        Some(Question::Unsaved(FileAction::Quit)) => "closing",
        Some(Question::Unsaved(FileAction::Open(_))) => "opening another file",
        _ => "starting a new model",
    };
    let name = app.state.model().name.clone();
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved_prompt")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Save changes?");
        ui.label(format!("“{name}” has unsaved changes. Save them before {verb}?"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button("Discard").clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(UnsavedAnswer::Cancel);
    }
    if let Some(answer) = answer {
        app.state.answer_unsaved(answer);
    }
}

fn path_prompt(ctx: &egui::Context, app: &mut ShorelineApp) {
    let Some(Question::Path(prompt)) = app.state.question.as_mut() else { return };
    let (title, action) = match prompt.kind {
        DialogKind::Open => ("Open a model file".to_owned(), "Open"),
        DialogKind::SaveAs => ("Save the model as".to_owned(), "Save"),
        DialogKind::Compare => ("Compare the open model with a file".to_owned(), "Compare"),
        DialogKind::Export(kind) => (format!("Export: {}", kind.filter_name()), "Export"),
    };
    let mut answer: Option<Option<String>> = None;
    let modal = egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(title.as_str());
        ui.label("No file dialog is available on this desktop (no portal or zenity). Type the file's full path:");
        let label = ui.label("Path");
        let edit = ui.add(egui::TextEdit::singleline(&mut prompt.text).desired_width(520.0)).labelled_by(label.id);
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(action).clicked() || entered {
                answer = Some(Some(prompt.text.clone()));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(None);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(None);
    }
    if let Some(answer) = answer {
        app.state.answer_path(answer);
    }
}

fn recovery(ctx: &egui::Context, app: &mut ShorelineApp) {
    let Some(Question::Recovery(found)) = app.state.question.as_ref() else { return };
    let origin =
        found.path.as_ref().map_or_else(|| "a model that was never saved".to_owned(), |p| p.display().to_string());
    let name = found.model.name.clone();
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("recovery_prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("Restore unsaved work?");
        ui.label(format!(
            "Shoreline did not close cleanly last time. Unsaved changes to “{name}” ({origin}) were kept."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                answer = Some(true);
            }
            if ui.button("Discard them").clicked() {
                answer = Some(false);
            }
        });
    });
    if let Some(restore) = answer {
        app.state.answer_recovery(restore);
    }
}
