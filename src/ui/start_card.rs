//! The card over the results on a first launch: the window opened on the bundled sample by
//! itself, and a finance lead should know that before reading its figures as their own.

use super::app::ShorelineApp;
use crate::app::{FileAction, Template};

/// Draws the card while the document is the untouched start-up sample and the user has not
/// closed it.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    if !app.state.shows_sample_card() {
        return;
    }
    let name = app.state.model().name.clone();
    egui::Frame::group(ui.style()).fill(ui.visuals().faint_bg_color).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new("This is a sample model").strong());
        ui.add(
            egui::Label::new(format!(
                "“{name}” is bundled with Shoreline to show how a model reads; its figures are \
                 illustrations, not yours. Start your own from File › New (a blank model or a \
                 template for your process), or open a model file."
            ))
            .wrap(),
        );
        ui.horizontal_wrapped(|ui| {
            if ui.button("New blank model").clicked() {
                app.state.request(FileAction::New(Template::Blank));
            }
            if ui.button("Open a file…").on_hover_text("Ctrl+O").clicked() {
                app.state.request(FileAction::Open(None));
            }
            if ui.button("Keep exploring the sample").on_hover_text("Close this card for good").clicked() {
                app.state.dismiss_sample_card();
            }
        });
    });
    ui.add_space(6.0);
}
