//! Every chart's export menu: save as PNG or SVG, or copy as an image. It opens from the small
//! button beside the chart's heading and from a right-click anywhere on the chart. Charts draw
//! from their results alone, without the app: a choice is left for the window in the frame's
//! memory, and [`take_request`] hands it to the command registry at the end of the frame.

use egui::{Id, Pos2, Rect, Ui};

use crate::app::ImageFormat;
use crate::chart::ChartKind;
use crate::ui::app::ShorelineApp;
use crate::ui::commands::{self, UiCommand};

/// The entries of a chart's export menu, in order, with their short labels.
fn entries(kind: ChartKind) -> [(UiCommand, &'static str); 3] {
    [
        (UiCommand::SaveChart(kind, ImageFormat::Png), "Save as PNG…"),
        (UiCommand::SaveChart(kind, ImageFormat::Svg), "Save as SVG…"),
        (UiCommand::CopyChart(kind), "Copy image"),
    ]
}

fn request_id() -> Id {
    Id::unique("chart_export_request")
}

/// Leaves `command` for the window to run at the end of the frame.
fn request(ui: &Ui, command: UiCommand) {
    ui.ctx().data_mut(|d| d.insert_temp(request_id(), command));
}

/// The export a chart asked for this frame, if any (taken: it runs once).
pub(crate) fn take_request(ctx: &egui::Context) -> Option<UiCommand> {
    ctx.data_mut(|d| {
        let command = d.get_temp::<UiCommand>(request_id());
        d.remove::<UiCommand>(request_id());
        command
    })
}

/// Draws the entries; true when one was chosen.
fn items(ui: &mut Ui, kind: ChartKind) -> bool {
    let mut chosen = false;
    for (command, label) in entries(kind) {
        if ui.button(label).on_hover_text(command.tooltip()).clicked() {
            request(ui, command);
            chosen = true;
        }
    }
    chosen
}

/// The small menu button beside a chart's heading.
pub(crate) fn menu_button(ui: &mut Ui, kind: ChartKind) {
    let response = ui.menu_button("Export chart", |ui| {
        if items(ui, kind) {
            ui.close();
        }
    });
    response.response.on_hover_text("Save this chart as an image, or copy it (also a right-click on the chart)");
}

/// Opens the export menu where the chart at `rect` is right-clicked, and draws it while open.
pub(crate) fn context_menu(ui: &mut Ui, rect: Rect, kind: ChartKind) {
    let id = Id::unique(("chart_context_menu", kind));
    let ctx = ui.ctx().clone();
    let opened_now = ui.input(|i| i.pointer.secondary_clicked()) && ui.rect_contains_pointer(rect);
    if opened_now && let Some(pos) = ui.input(|i| i.pointer.interact_pos()) {
        ctx.data_mut(|d| d.insert_temp(id, pos));
    }
    let Some(pos) = ctx.data(|d| d.get_temp::<Pos2>(id)) else { return };
    let area = egui::Area::new(id).order(egui::Order::Foreground).fixed_pos(pos).show(&ctx, |ui| {
        egui::Frame::menu(ui.style()).show(ui, |ui| {
            ui.set_min_width(140.0);
            ui.weak(kind.title());
            items(ui, kind)
        })
    });
    let chosen = area.inner.inner;
    let clicked_elsewhere = !opened_now && ui.input(|i| i.pointer.any_pressed()) && !area.response.contains_pointer();
    if chosen || clicked_elsewhere || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        ctx.data_mut(|d| d.remove_temp::<Pos2>(id));
    }
}

/// The export entries of chart `kind` in a menu of the window (File ▸ Export ▸ Chart as image).
pub(crate) fn export_menu(ui: &mut Ui, app: &mut ShorelineApp, kind: ChartKind) {
    for (command, label) in entries(kind) {
        commands::button_labelled(ui, app, command, label);
    }
}
