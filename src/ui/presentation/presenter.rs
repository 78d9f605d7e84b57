//! The presenter view: the slide alone in a second native window for the audience (drag it to
//! the projector; F11 there makes it full screen), and on the laptop the current and next slide,
//! the speaker notes, the pinned sliders and a clock.

use egui::{RichText, Ui};

use super::super::app::ShorelineApp;
use super::super::commands;
use super::slides;

fn audience_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("shoreline_audience")
}

/// Draws the console here and the audience window beside it.
pub(super) fn show(ui: &mut Ui, app: &mut ShorelineApp) {
    let ctx = ui.ctx().clone();
    let builder = egui::ViewportBuilder::default()
        .with_title("Shoreline — audience (drag to the projector, F11 for full screen)")
        .with_inner_size([1280.0, 720.0]);
    ctx.show_viewport_immediate(audience_id(), builder, |ui, _class| {
        let audience = ui.ctx().clone();
        // Keys pressed while the audience window has focus move the slides too.
        commands::handle_shortcuts(&audience, app);
        if audience.input(|i| i.key_pressed(egui::Key::F11)) {
            let full = audience.input(|i| i.viewport().fullscreen.unwrap_or(false));
            audience.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
        }
        super::audience(ui, app, false);
        if audience.input(|i| i.viewport().close_requested())
            && let Some(show) = &mut app.slides
        {
            show.presenter_view = false;
        }
    });
    console(ui, app);
}

fn console(ui: &mut Ui, app: &mut ShorelineApp) {
    let Some(show) = app.slides else { return };
    let deck = super::deck(app);
    let index = show.index.min(deck.len().saturating_sub(1));
    if super::pinned::any(app) {
        egui::Panel::bottom("presenter_pins").show(ui, |ui| super::pinned::strip(ui, app));
        super::super::intent::apply(ui.ctx(), app);
    }
    egui::Panel::right("presenter_notes").resizable(true).default_size(ui.available_width() * 0.38).show(ui, |ui| {
        clock(ui, show.started);
        ui.separator();
        ui.label(RichText::new("Notes").strong());
        let notes = deck.get(index).map(|s| s.notes.as_str()).unwrap_or_default();
        let text = if notes.is_empty() {
            "No notes for this slide (add them in the editor, under Presentation)."
        } else {
            notes
        };
        egui::ScrollArea::vertical().id_salt("presenter_notes_text").max_height(ui.available_height() * 0.5).show(
            ui,
            |ui| {
                ui.add(egui::Label::new(RichText::new(text).size(20.0)).wrap());
            },
        );
        ui.separator();
        match deck.get(index + 1) {
            Some(next) => {
                ui.label(RichText::new(format!("Next: {}", next.kind.label())).strong());
                let height = (ui.available_height() - 60.0).max(120.0);
                ui.push_id("next_slide", |ui| {
                    super::super::charts::common::with_plot_height(ui, height, |ui| {
                        ui.scope(|ui| {
                            ui.multiply_opacity(0.8);
                            slides::draw(ui, app, next.kind, index + 1, deck.len());
                        });
                    });
                });
            }
            None => {
                ui.label(RichText::new("This is the last slide.").strong());
            }
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Presenter view").strong());
            ui.weak("The audience sees this slide in the other window · P closes it");
        });
        if let Some(slide) = deck.get(index) {
            ui.push_id("current_slide", |ui| slides::draw(ui, app, slide.kind, index, deck.len()));
        }
    });
}

/// The time of day and the time since the presentation began, to the minute (one repaint a
/// minute keeps it right; an idle window does nothing else).
fn clock(ui: &mut Ui, started: std::time::Instant) {
    let now = jiff::ZonedDateTime::now();
    let minutes = started.elapsed().as_secs() / 60;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(now.strftime("%H:%M").to_string()).size(36.0).strong());
        ui.label(RichText::new(format!("{minutes} min since the start")).size(18.0));
    });
    let into_minute = now.strftime("%S").to_string().parse::<u64>().unwrap_or(0);
    ui.ctx().request_repaint_after(std::time::Duration::from_secs(60 - into_minute.min(59)));
}
