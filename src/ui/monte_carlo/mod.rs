//! The Monte Carlo tab: the background run's controls and progress, the probability of a loss,
//! the NPV histogram and the fan chart of cumulative savings, and every option on the same draws:
//! the chance each is the cheapest and their NPV distributions overlaid. Results come from
//! [`crate::app::simulation`]; a result of an older model is shown dimmed and labelled.

mod all_options;
mod controls;
pub(crate) mod fan;
pub(crate) mod histogram;

use egui::{Color32, RichText};

use super::app::ShorelineApp;
use crate::app::simulation::method_label;
use crate::format;

pub(crate) use crate::ui::palette::{GAIN, LOSS};
/// Chart height.
const CHART_HEIGHT: f32 = 300.0;

/// Draws the Monte Carlo tab.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    if app.state.analysis.results.is_none() {
        ui.label("No results yet: fix the problems listed under Problems.");
        return;
    }
    controls::show(ui, app);
    ui.separator();
    let state = &app.state;
    let Some(results) = state.analysis.results.as_ref() else { return };
    let Some(finished) = state.simulation.latest() else {
        ui.label("The first simulation is running…");
        return;
    };
    let current = state.simulation.is_current();
    let option = state.option;
    let Some(sim) = finished.result.options.get(option) else { return };
    let currency = &results.model.currency;
    let settings = finished.key.engine_settings();
    let what = format!(
        "{} draws · seed {} · {} · {:.0} ms{}",
        format::thousands(finished.result.samples as f64),
        settings.seed,
        method_label(settings.method),
        finished.result.elapsed_ms,
        if finished.key.quick { " · quick preview while you drag" } else { "" }
    );
    if current {
        ui.weak(what);
    } else {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Out of date — these are the results before your last edit ({what})."),
        );
    }
    let dim = if current { 1.0 } else { 0.45 };
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let text = RichText::new(format::percent(sim.prob_loss))
                .size(40.0)
                .strong()
                .color(loss_chance_colour(sim.prob_loss).gamma_multiply(dim));
            ui.label(text);
            ui.vertical(|ui| {
                ui.add_space(6.0);
                ui.label(RichText::new(format!("chance that {} loses money (NPV < 0)", sim.name)).size(16.0));
                // One unbreakable piece per figure: a narrow panel wraps between figures, never
                // inside "USD -467 k".
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    let figures =
                        [("P10", sim.npv.p10), ("P50", sim.npv.p50), ("P90", sim.npv.p90), ("mean", sim.npv.mean)];
                    for (k, (name, value)) in figures.into_iter().enumerate() {
                        let lead = if k == 0 { "NPV: " } else { " · " };
                        let text = format!("{lead}{name} {}", format::compact_money(value, currency));
                        ui.add(egui::Label::new(text).extend());
                    }
                });
            });
        });
        ui.add_space(8.0);
        let data = crate::chart::build::ChartData {
            model: &results.model,
            plan: &results.plan,
            evaluation: &results.evaluation,
            option,
            sensitivity: None,
            simulation: Some(&finished.result),
            scenarios: None,
        };
        crate::ui::charts::common::side_by_side(ui, 2, 320.0, |ui, i| {
            if i == 0 {
                crate::ui::sensitivity::exportable(ui, crate::chart::ChartKind::McHistogram, |ui| {
                    crate::ui::sensitivity::section(ui, "NPV across draws", crate::chart::ChartKind::McHistogram);
                    histogram::show(ui, &data, dim);
                });
            } else {
                crate::ui::sensitivity::exportable(ui, crate::chart::ChartKind::McFan, |ui| {
                    crate::ui::sensitivity::section(ui, "Cumulative savings over time", crate::chart::ChartKind::McFan);
                    fan::show(ui, &data, dim);
                });
            }
        });
        ui.add_space(12.0);
        ui.separator();
        all_options::show(ui, &finished.result, currency, dim);
    });
}

/// The colour of the chance of a loss by what it means: a small chance is good news, not an alarm.
///
/// Below 10 % the move is safe (gain colour), from 50 % a loss is the likely outcome (loss colour),
/// and in between the risk is real but not the rule (amber).
fn loss_chance_colour(prob_loss: f64) -> Color32 {
    if prob_loss < 0.10 {
        GAIN
    } else if prob_loss < 0.50 {
        crate::ui::palette::CAUTION
    } else {
        LOSS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_chance_of_a_loss_is_shown_in_the_gain_colour_not_alarm_red() {
        assert_eq!(loss_chance_colour(0.0), GAIN);
        assert_eq!(loss_chance_colour(0.3), crate::ui::palette::CAUTION);
        assert_eq!(loss_chance_colour(0.5), LOSS);
        assert_eq!(loss_chance_colour(0.9), LOSS);
    }
}
