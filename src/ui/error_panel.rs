//! The latest error, in full, above the tabs' content: a file that cannot be opened or saved
//! says why in wrapped text a user can read to the end (and copy), where the status bar can
//! show only its first words.

use super::app::ShorelineApp;
use crate::app::NoticeKind;

/// Draws the latest message when it is an error, with Copy and Dismiss.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let Some(notice) = app.state.notices.last().filter(|n| n.kind == NoticeKind::Error).cloned() else {
        return;
    };
    let color = ui.visuals().error_fg_color;
    egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.5, color)).inner_margin(8).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(egui::Label::new(egui::RichText::new(&notice.text).color(color)).wrap());
        ui.horizontal(|ui| {
            if ui.button("Copy message").clicked() {
                ui.ctx().copy_text(notice.text.clone());
            }
            if ui.button("Dismiss").on_hover_text("Dismiss messages").clicked() {
                app.state.notices.clear();
            }
        });
    });
    ui.add_space(4.0);
}
