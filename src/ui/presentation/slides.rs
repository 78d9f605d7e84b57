//! One slide: a quiet counter line, then the chart or view filling the screen. Charts are the
//! tabs' own chart functions, drawn taller.

use egui::{RichText, Ui};

use super::super::app::ShorelineApp;
use super::super::charts::{self, ChartInput, common};
use super::super::{monte_carlo, palette, scenarios, sensitivity};
use crate::app::AppState;
use crate::format::{self, headline};
use crate::model::labels::Labeller;
use crate::model::presentation::SlideKind;

/// Room under a slide's chart for its caption and legend.
const BELOW_CHART: f32 = 120.0;

/// Draws slide `kind`, number `index` of `count`.
pub(super) fn draw(ui: &mut Ui, app: &mut ShorelineApp, kind: SlideKind, index: usize, count: usize) {
    counter(ui, &app.state, kind, index, count);
    if ChartInput::of_state(&app.state).is_none() {
        ui.heading("No results: the model has errors. Press Esc and fix them under Problems.");
        return;
    }
    let height = (ui.available_height() - BELOW_CHART).max(160.0);
    // Both ways: a wide table (the rate card at 1024 × 768 and 175 %) scrolls rather than being cut.
    egui::ScrollArea::both().id_salt(("slide", index)).auto_shrink([false, false]).show(ui, |ui| {
        common::with_plot_height(ui, height, |ui| content(ui, app, kind));
    });
}

/// "3 / 12 · Cumulative savings · scenario Volume drop", and the keys, at the top right.
fn counter(ui: &mut Ui, state: &AppState, kind: SlideKind, index: usize, count: usize) {
    let scenario = state.scenario.and_then(|s| state.model().scenarios.get(s)).map(|s| s.name.as_str());
    let text = format!(
        "{} / {count}  ·  {}  ·  {}  ·  arrow keys move · O option · 0–9 scenario · S sliders · R reset · B blank · P presenter view · Esc leaves",
        index + 1,
        kind.label(),
        scenario.map_or_else(|| "base model".to_owned(), |s| format!("scenario {s}")),
    );
    let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(row, egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.add(egui::Label::new(RichText::new(text).weak()).truncate());
    });
}

fn content(ui: &mut Ui, app: &mut ShorelineApp, kind: SlideKind) {
    match kind {
        SlideKind::Tornado => return tornado(ui, app),
        SlideKind::Histogram | SlideKind::Fan => return monte_carlo_slide(ui, &app.state, kind),
        SlideKind::Scenarios => return scenario_comparison(ui, app),
        _ => {}
    }
    let Some(input) = ChartInput::of_state(&app.state) else { return };
    match kind {
        SlideKind::Title => title(ui, &input),
        SlideKind::Kpis => key_figures(ui, &input),
        SlideKind::MonthlyCost => charts::monthly_cost::show(ui, &input),
        SlideKind::Cumulative => charts::cumulative::show(ui, &input),
        SlideKind::Volume => charts::volume::show(ui, &input),
        SlideKind::Locations => charts::locations::show(ui, &input),
        SlideKind::RateCard => charts::rate_card::show(ui, &input),
        SlideKind::FixedVariable => charts::fixed_variable::show(ui, &input),
        SlideKind::Tornado | SlideKind::Histogram | SlideKind::Fan | SlideKind::Scenarios => {}
    }
}

fn heading(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).size(24.0).strong()).wrap());
    ui.add_space(6.0);
}

fn title(ui: &mut Ui, input: &ChartInput) {
    ui.add_space(ui.available_height() * 0.15);
    ui.vertical_centered(|ui| {
        ui.add(egui::Label::new(RichText::new(&input.model.name).size(40.0).strong()).wrap());
        ui.add_space(6.0);
        ui.weak(jiff::ZonedDateTime::now().strftime("%-d %B %Y").to_string());
        ui.add_space(12.0);
        ui.add(egui::Label::new(RichText::new(headline(input.model, input.evaluation)).size(26.0)).wrap());
        ui.add_space(12.0);
        let options = input.evaluation.options.len();
        ui.weak(format!(
            "{} option(s) against today's in-house cost · {} months · {}",
            options, input.model.horizon_months, input.model.currency
        ));
    });
}

fn tornado(ui: &mut Ui, app: &mut ShorelineApp) {
    let AppState { analysis, sensitivity, scenario, option, .. } = &mut app.state;
    let Some(results) = analysis.results.as_ref() else { return };
    sensitivity.refresh(results, *scenario, *option);
    let Some(sens) = sensitivity.sensitivity() else { return };
    heading(ui, &format!("What moves the NPV of {} most", common::one_line(&sens.option)));
    ui.label(format!(
        "Base NPV {} · each uncertain input at its P10 and its P90",
        format::compact_money(sens.base_npv, &results.model.currency)
    ));
    ui.add_space(8.0);
    // A click on a row would reveal the input in the editor, which is hidden while presenting.
    let _ = sensitivity::tornado::show(ui, sens, &results.plan, &results.model.currency, None);
}

fn monte_carlo_slide(ui: &mut Ui, state: &AppState, kind: SlideKind) {
    let Some(results) = state.analysis.results.as_ref() else { return };
    let Some(finished) = state.simulation.latest() else {
        heading(ui, kind.label());
        ui.label("The simulation is running…");
        return;
    };
    let Some(sim) = finished.result.options.get(state.option) else { return };
    let currency = &results.model.currency;
    let dim = if state.simulation.is_current() { 1.0 } else { 0.45 };
    let name = common::one_line(&sim.name);
    let npv = |v| format::compact_money(v, currency);
    let summary = format!(
        "{} chance of a loss · NPV P10 {} · P50 {} · P90 {} · {} draws",
        format::percent(sim.prob_loss),
        npv(sim.npv.p10),
        npv(sim.npv.p50),
        npv(sim.npv.p90),
        format::thousands(finished.result.samples as f64)
    );
    let data = crate::chart::build::ChartData {
        model: &results.model,
        plan: &results.plan,
        evaluation: &results.evaluation,
        option: state.option,
        sensitivity: None,
        simulation: Some(&finished.result),
        scenarios: None,
    };
    if kind == SlideKind::Histogram {
        heading(ui, &format!("How sure are we? NPV of {name} across the draws"));
        ui.label(summary);
        monte_carlo::histogram::show(ui, &data, dim);
    } else {
        heading(ui, &format!("Cumulative savings of {name}: the P10–P90 range"));
        ui.label(summary);
        monte_carlo::fan::show(ui, &data, dim);
    }
}

fn scenario_comparison(ui: &mut Ui, app: &mut ShorelineApp) {
    heading(ui, "Scenarios side by side");
    let state = &mut app.state;
    let model = state.doc.model().clone();
    let valid = !state.analysis.problems.has_errors();
    let rows = state.comparison.refresh(&model, state.doc.revision(), valid);
    let labels = Labeller::new(&model);
    scenarios::compare::show(ui, rows, &model, &labels, state.scenario);
}

/// The key figures as one table, an option a column: read across the room where cards of every
/// option would not fit on one screen (three cards at 1024 × 768 and 175 % would scroll).
fn key_figures(ui: &mut Ui, input: &ChartInput) {
    heading(ui, "Key figures");
    let currency = input.model.currency.as_str();
    let unit = input.model.workload.unit.as_str();
    let options = &input.evaluation.options;
    // Smaller type on a narrow screen, so three options still fit across it.
    let size = if ui.available_width() < 720.0 { 16.0 } else { 20.0 };
    let column = ((ui.available_width() - 8.0 * size) / options.len().max(1) as f32 - 16.0).max(80.0);
    egui::Grid::new("slide_key_figures").striped(true).spacing([16.0, 10.0]).show(ui, |ui| {
        ui.label("");
        for (i, o) in options.iter().enumerate() {
            let name = RichText::new(common::one_line(&o.name)).size(size).strong();
            let name = if i == input.option { name.underline() } else { name };
            ui.vertical(|ui| {
                ui.set_max_width(column);
                ui.add(egui::Label::new(name).wrap());
            });
        }
        ui.end_row();
        type Figure<'a> = (&'a str, Box<dyn Fn(&crate::engine::OptionResult) -> (String, Option<egui::Color32>) + 'a>);
        let rows: [Figure<'_>; 6] = [
            (
                "Savings",
                Box::new(|o| {
                    (format::or_dash(o.savings_pct, format::percent), Some(palette::savings(o.savings_total)))
                }),
            ),
            ("Total saved", Box::new(|o| (format::compact_money(o.savings_total, currency), None))),
            ("NPV", Box::new(|o| (format::compact_money(o.npv, currency), Some(palette::savings(o.npv))))),
            ("IRR", Box::new(|o| (format::irr(o.irr), None))),
            ("Payback", Box::new(|o| (format::or_dash(o.payback_months, format::months), None))),
            (
                "Break-even",
                Box::new(|o| (format::break_even(o, |v| format!("{} {unit}/mo", format::thousands(v))), None)),
            ),
        ];
        for (name, figure) in rows {
            ui.label(RichText::new(name).size(size));
            for o in options {
                let (text, color) = figure(o);
                let text = RichText::new(text).size(size);
                ui.label(match color {
                    Some(c) => text.color(c),
                    None => text,
                });
            }
            ui.end_row();
        }
    });
}
