//! The Presentation section: which slides the presentation (F5) shows and in what order, each
//! slide's speaker notes, and the inputs pinned as large sliders (up to 8), with their range.

use egui::{DragValue, RichText, Ui};

use super::common::{Ed, ListAction, apply, item_buttons, row};
use crate::model::Model;
use crate::model::inputs::{InputInfo, inputs};
use crate::model::presentation::Presentation;
use crate::model::presentation::{MAX_PINNED, PinnedInput, Slide, SlideKind};
use crate::model::units::value_with_unit;

/// The Presentation section.
pub(crate) fn show(ui: &mut Ui, ed: &Ed, model: &mut Model) {
    ed.section(ui, "Presentation", "presentation", &["presentation"], false, |ui| {
        ui.add(
            egui::Label::new(
                RichText::new("F5 presents these slides full screen; the pinned inputs are sliders on every slide.")
                    .weak(),
            )
            .wrap(),
        );
        slides(ui, ed, &mut model.presentation);
        ui.add_space(6.0);
        let all = inputs(model);
        pins(ui, ed, model, &all);
    });
}

fn slides(ui: &mut Ui, ed: &Ed, presentation: &mut Presentation) {
    ui.label(RichText::new("Slides").strong());
    let standard = presentation.slides.is_empty();
    let mut list = presentation.slides_or_standard();
    let mut action = None;
    let len = list.len();
    for (i, slide) in list.iter_mut().enumerate() {
        let path = format!("presentation.slides[{i}]");
        ed.field(ui, &path, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}. {}", i + 1, slide.kind.label()));
                if let Some(a) = item_buttons(ui, &format!("Slide {}", i + 1), i, len) {
                    action = Some(a);
                }
            });
        });
        ed.field(ui, &format!("{path}.notes"), |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut slide.notes)
                    .hint_text("Speaker notes (presenter view only)")
                    .desired_rows(1)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(format!("Slide {} › notes", i + 1));
        });
    }
    // Duplicating a slide repeats its chart, which no one asks for: a duplicate is only its notes.
    if let Some(a) = action.filter(|a| !matches!(a, ListAction::Duplicate(_))) {
        apply(&mut list, a);
    }
    ui.horizontal_wrapped(|ui| {
        let missing: Vec<SlideKind> =
            SlideKind::ALL.into_iter().filter(|k| !list.iter().any(|s| s.kind == *k)).collect();
        ui.add_enabled_ui(!missing.is_empty(), |ui| {
            egui::ComboBox::from_id_salt("add_slide")
                .selected_text("Add a slide")
                .show_ui(ui, |ui| {
                    for kind in missing {
                        if ui.selectable_label(false, kind.label()).clicked() {
                            list.push(Slide::new(kind));
                        }
                    }
                })
                .response
                .accessible_name("Add a slide");
        });
        let reset = ui
            .add_enabled(!standard, egui::Button::new("Every slide"))
            .on_hover_text("Show every slide in the standard order (keeps no notes)");
        if reset.clicked() {
            list.clear();
        }
    });
    // The standard deck stays unwritten (the file stays as it was) until it is changed.
    let standard_list: Vec<Slide> = SlideKind::STANDARD.iter().map(|&k| Slide::new(k)).collect();
    presentation.slides = if list == standard_list { Vec::new() } else { list };
}

fn pins(ui: &mut Ui, ed: &Ed, model: &mut Model, all: &[InputInfo]) {
    ui.label(RichText::new(format!("Pinned inputs (up to {MAX_PINNED})")).strong());
    let pinned = model.presentation.pinned.clone();
    if pinned.is_empty() {
        ui.weak("None yet: pin the inputs the room will ask about (a rate, the volume, a hidden cost).");
    }
    let mut list = pinned.clone();
    let mut action = None;
    for (i, pin) in list.iter_mut().enumerate() {
        let path = format!("presentation.pinned[{i}]");
        let info = all.iter().find(|x| x.path == pin.input);
        let name = info.map_or_else(|| pin.input.clone(), |x| x.label.clone());
        ed.field(ui, &path, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(&name);
                if let Some(a) = item_buttons(ui, &format!("Pin {}", i + 1), i, pinned.len()) {
                    action = Some(a);
                }
            });
        });
        let Some(info) = info else { continue };
        let (low, high) = pin.range(&info.estimate, info.kind);
        for (field, end, auto) in [("low", low, &mut pin.low), ("high", high, &mut pin.high)] {
            ed.field(ui, &format!("{path}.{field}"), |ui| {
                let label = if field == "low" { "Slider from" } else { "Slider to" };
                row(ui, label, |ui| {
                    let mut set = auto.is_some();
                    let text = if set { "set" } else { "automatic" };
                    if ui.checkbox(&mut set, text).accessible_name(format!("{name} › {label} set")).changed() {
                        *auto = set.then_some(end);
                    }
                    if let Some(value) = auto {
                        let scale = if info.kind.is_percentage() { 100.0 } else { 1.0 };
                        let mut shown = *value * scale;
                        let speed = (end.abs() * scale * 0.01).max(0.01);
                        if ui
                            .add(DragValue::new(&mut shown).speed(speed))
                            .accessible_name(format!("{name} › {label}"))
                            .changed()
                        {
                            *value = shown / scale;
                        }
                    } else {
                        ui.weak(value_with_unit(model, &pin.input, end));
                    }
                });
            });
        }
    }
    if let Some(a) = action.filter(|a| !matches!(a, ListAction::Duplicate(_))) {
        apply(&mut list, a);
    }
    add_pin(ui, &mut list, all);
    model.presentation.pinned = list;
}

/// "Pin an input": every input not pinned yet, filtered by typing, grouped as the file lists them.
fn add_pin(ui: &mut Ui, list: &mut Vec<PinnedInput>, all: &[InputInfo]) {
    let full = list.len() >= MAX_PINNED;
    let filter_id = egui::Id::unique("pin_filter");
    let mut filter: String = ui.data(|d| d.get_temp(filter_id)).unwrap_or_default();
    let text = if full { "8 pinned: remove one first" } else { "Pin an input" };
    ui.add_enabled_ui(!full, |ui| {
        egui::ComboBox::from_id_salt("pin_input")
            .selected_text(text)
            .height(360.0)
            .show_ui(ui, |ui| {
                ui.add(egui::TextEdit::singleline(&mut filter).hint_text("type to filter"))
                    .accessible_name("Filter the inputs to pin");
                let needle = filter.to_lowercase();
                let mut chosen = None;
                for info in all.iter().filter(|x| !list.iter().any(|p| p.input == x.path)) {
                    if !needle.is_empty() && !info.label.to_lowercase().contains(&needle) {
                        continue;
                    }
                    if ui.selectable_label(false, &info.label).clicked() {
                        chosen = Some(info.path.clone());
                    }
                }
                if let Some(path) = chosen {
                    list.push(PinnedInput::new(path));
                }
            })
            .response
            .accessible_name(text);
    });
    ui.data_mut(|d| d.insert_temp(filter_id, filter));
}
