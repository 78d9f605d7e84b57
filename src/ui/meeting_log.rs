//! The meeting log window: every change tried during the presentation, with each option's NPV
//! and savings before and after, copyable as TSV for the follow-up email.

use egui::RichText;

use super::app::ShorelineApp;
use crate::app::meeting::{MeetingChange, to_tsv};
use crate::format;

/// Draws the window while it is open (L while presenting, or the command palette).
pub fn show(ctx: &egui::Context, app: &mut ShorelineApp) {
    if !app.show_meeting_log {
        return;
    }
    let Some(meeting) = &app.state.meeting else {
        app.show_meeting_log = false;
        return;
    };
    let currency = app.state.model().currency.clone();
    let mut open = true;
    let mut copied = false;
    egui::Window::new("Meeting log")
        .open(&mut open)
        .default_width(640.0)
        .max_height(ctx.content_rect().height() * 0.7)
        .show(ctx, |ui| {
            let changes = &meeting.log.changes;
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{} change(s) tried on {}", changes.len(), meeting.log.date));
                copied = ui
                    .add_enabled(!changes.is_empty(), egui::Button::new("Copy as TSV"))
                    .on_hover_text("One row per change and option: paste into a spreadsheet or an email")
                    .clicked();
            });
            match &meeting.file {
                Some(path) => ui.weak(format!("Saved beside the model as {}", path.display())),
                None => ui.weak("The model has no file yet: this log is kept in the window (Copy as TSV keeps it)."),
            };
            ui.separator();
            if changes.is_empty() {
                ui.label("Nothing changed yet. Move a pinned slider or pick a scenario (1–9) while presenting.");
            }
            egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
                for change in changes.iter().rev() {
                    entry(ui, change, &currency);
                    ui.add_space(6.0);
                }
            });
        });
    if copied {
        ctx.copy_text(to_tsv(&meeting.log));
        app.state.notice(crate::app::NoticeKind::Info, "The meeting log is on the clipboard (tab-separated).");
    }
    if !open {
        app.show_meeting_log = false;
    }
}

fn entry(ui: &mut egui::Ui, change: &MeetingChange, currency: &str) {
    let what = if change.old.is_empty() && change.new.is_empty() {
        format!("{}  {}", change.time, change.what)
    } else {
        format!("{}  {}: {} › {}", change.time, change.what, change.old, change.new)
    };
    ui.add(egui::Label::new(RichText::new(what).strong()).wrap());
    for (before, after) in change.before.iter().zip(&change.after) {
        let pct = |p: Option<f64>| format::or_dash(p, format::percent);
        ui.label(format!(
            "    {}: NPV {} › {} · savings {} › {}",
            before.name,
            format::compact_money(before.npv, currency),
            format::compact_money(after.npv, currency),
            pct(before.savings_pct),
            pct(after.savings_pct)
        ));
    }
}
