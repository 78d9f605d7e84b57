//! The pinned inputs as a strip of large sliders: each shows its value and what moving it alone
//! does to the focused option's NPV against the start of the presentation; above them, where
//! the headline figures stand now against that start. A slider's drag is one undoable edit.

use egui::{RichText, Ui};

use super::super::app::ShorelineApp;
use super::super::charts::common;
use super::super::intent::Intent;
use crate::app::retarget::with_base;
use crate::engine::Evaluation;
use crate::format;
use crate::model::inputs::{InputInfo, input, set_input};
use crate::model::presentation::{MAX_PINNED, PinnedInput};
use crate::model::units::value_with_unit;
use crate::model::{Estimate, Model};

/// The narrowest a slider's cell gets before the strip takes another row.
const CELL_WIDTH: f32 = 250.0;

/// True when the model pins an input that exists.
pub(super) fn any(app: &ShorelineApp) -> bool {
    let model = app.state.model();
    model.presentation.pinned.iter().any(|p| input(model, &p.input).is_ok())
}

/// The pins shown: the first [`MAX_PINNED`] that name an input, each once.
fn shown(model: &Model) -> Vec<(PinnedInput, InputInfo)> {
    let mut out: Vec<(PinnedInput, InputInfo)> = Vec::new();
    for pin in &model.presentation.pinned {
        if out.len() == MAX_PINNED || out.iter().any(|(p, _)| p.input == pin.input) {
            continue;
        }
        if let Ok(info) = input(model, &pin.input) {
            out.push((pin.clone(), info));
        }
    }
    out
}

/// Draws the strip; edits go to the document as one undo step per drag.
pub(super) fn strip(ui: &mut Ui, app: &mut ShorelineApp) {
    let model = app.state.model().clone();
    let pins = shown(&model);
    let baseline = app.state.meeting.as_ref().map_or(&model, |m| &m.started_with).clone();
    let option = app.state.option;
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("What if").strong());
        let wide = ui.available_width() > 900.0;
        ui.label(now_against_start(app, wide));
        if ui
            .button("Reset")
            .on_hover_text("Put every pinned input back as it was when the presentation began (R)")
            .clicked()
        {
            app.state.reset_pinned();
        }
    });
    let effects = effects(ui, &baseline, app.state.scenario, option, &pins);
    let per_row = ((ui.available_width() / CELL_WIDTH).floor() as usize).clamp(1, pins.len().max(1));
    let cell = ui.available_width() / per_row as f32 - ui.spacing().item_spacing.x;
    let mut edit: Option<(String, Estimate)> = None;
    for (row, chunk) in pins.chunks(per_row).enumerate() {
        // Top-aligned: a label that wraps never pushes its neighbours' sliders down.
        ui.horizontal_top(|ui| {
            for (k, (pin, info)) in chunk.iter().enumerate() {
                let effect = effects.get(row * per_row + k).copied().flatten();
                ui.allocate_ui(egui::vec2(cell, 0.0), |ui| {
                    ui.set_width(cell);
                    ui.vertical(|ui| {
                        if let Some(changed) = slider(ui, &model, &baseline, pin, info, effect, cell) {
                            edit = Some(changed);
                        }
                    });
                });
            }
        });
    }
    ui.add_space(4.0);
    if let Some((path, value)) = edit {
        let mut draft = model;
        if set_input(&mut draft, &path, value).is_ok() {
            app.intents.push(Intent::Edit(Box::new(draft)));
        }
    }
}

/// One pin: its label, the slider over its range, its value and its effect.
fn slider(
    ui: &mut Ui,
    model: &Model,
    baseline: &Model,
    pin: &PinnedInput,
    info: &InputInfo,
    effect: Option<f64>,
    width: f32,
) -> Option<(String, Estimate)> {
    // The range is the baseline's, so it stays put while the value moves.
    let start = input(baseline, &pin.input).map_or(info.estimate, |b| b.estimate);
    let (low, high) = pin.range(&start, info.kind);
    let mut value = info.estimate.base();
    let text = value_with_unit(model, &pin.input, value);
    let from = value_with_unit(model, &pin.input, start.base());
    let effect = effect.map_or_else(String::new, |d| format!(" · NPV {}", signed_money(d, &model.currency)));
    let moved = (value - start.base()).abs() > f64::EPSILON * value.abs().max(1.0);
    let line = if moved { format!("{text} (was {from}){effect}") } else { text };
    // Two lines a pin: its name (strong) and value on one, then the slider — the strip leaves
    // the chart its room. The whole text is the tooltip when it is cut.
    let style = ui.style();
    let font = egui::TextStyle::Body.resolve(style);
    let mut job = egui::text::LayoutJob::default();
    let strong = egui::TextFormat::simple(font.clone(), ui.visuals().strong_text_color());
    job.append(&format!("{}: ", info.label), 0.0, strong);
    job.append(&line, 0.0, egui::TextFormat::simple(font, ui.visuals().text_color()));
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    ui.add(egui::Label::new(job)).on_hover_text(format!("{}: {line}", info.label));
    ui.spacing_mut().slider_width = (width - 16.0).max(80.0);
    let response = ui.add(egui::Slider::new(&mut value, low..=high).show_value(false)).accessible_name(&info.label);
    response.changed().then(|| (pin.input.clone(), with_base(&info.estimate, value, info.kind)))
}

/// "+USD 1.2 M" / "−USD 310 k".
fn signed_money(value: f64, currency: &str) -> String {
    let sign = if value >= 0.0 { "+" } else { "−" };
    format!("{sign}{}", format::compact_money(value.abs(), currency))
}

/// Every option's NPV now, with its change since the presentation began; the option in focus
/// first, with its savings.
fn now_against_start(app: &ShorelineApp, wide: bool) -> String {
    let Some(results) = app.state.analysis.results.as_ref() else { return String::new() };
    let currency = &results.model.currency;
    let baseline = app.state.meeting.as_ref().map(|m| m.baseline.as_slice()).unwrap_or_default();
    let focus = app.state.option;
    let mut order: Vec<usize> = (0..results.evaluation.options.len()).collect();
    order.sort_by_key(|&i| i != focus);
    // A narrow screen has room for the option in focus only.
    let room = if wide { order.len() } else { 1 };
    let parts: Vec<String> = order
        .into_iter()
        .take(room)
        .map(|i| {
            let now = &results.evaluation.options[i];
            let mut text = format!("{}: NPV {}", common::one_line(&now.name), format::compact_money(now.npv, currency));
            if let Some(start) = baseline.iter().find(|b| b.name == now.name).filter(|b| b.npv != now.npv) {
                text.push_str(&format!(" ({})", signed_money(now.npv - start.npv, currency)));
            }
            if i == focus {
                text.push_str(&format!(", savings {}", format::or_dash(now.savings_pct, format::percent)));
            }
            text
        })
        .collect();
    parts.join("  ·  ")
}

/// What each pin alone does to the focused option's NPV: the baseline with only that input at
/// its current value, against the baseline. A few evaluations (~40 µs each), remembered for the
/// document state so an idle frame computes none.
fn effects(
    ui: &Ui,
    baseline: &Model,
    scenario: Option<usize>,
    option: usize,
    pins: &[(PinnedInput, InputInfo)],
) -> Vec<Option<f64>> {
    let key = egui::Id::unique("pinned_effects");
    let stamp = (format!("{:?}", pins.iter().map(|(_, i)| i.estimate).collect::<Vec<_>>()), scenario, option);
    if let Some((s, e)) = ui.data(|d| d.get_temp::<((String, Option<usize>, usize), Vec<Option<f64>>)>(key))
        && s == stamp
    {
        return e;
    }
    let npv = |m: &Model| {
        let m = scenario.map_or_else(|| Ok(m.clone()), |s| m.with_scenario(s)).ok()?;
        Evaluation::of_model(&m).options.get(option).map(|o| o.npv)
    };
    let base = npv(baseline);
    let out: Vec<Option<f64>> = pins
        .iter()
        .map(|(pin, info)| {
            let start = input(baseline, &pin.input).ok()?.estimate;
            if start == info.estimate {
                return None;
            }
            let mut alone = baseline.clone();
            set_input(&mut alone, &pin.input, info.estimate).ok()?;
            Some(npv(&alone)? - base?)
        })
        .collect();
    ui.data_mut(|d| d.insert_temp(key, (stamp, out.clone())));
    out
}
