//! Every scenario × option side by side: savings %, NPV, payback and IRR in a table, and the
//! cumulative savings of each as a line.

use egui_plot::{Line, LineStyle, PlotPoints};

use crate::ui::palette::series;

use crate::app::scenario_compare::ScenarioResults;
use crate::format;
use crate::model::labels::Labeller;
use crate::model::units::value_with_unit;
use crate::model::{Model, OverrideValue};

/// What a scenario changes, one override a line: "Monthly volume −20 %", "Manila › rate = 12".
fn changes(model: &Model, labels: &Labeller, scenario: &crate::model::Scenario) -> String {
    if scenario.overrides.is_empty() {
        return "No changes: the base model.".to_owned();
    }
    scenario
        .overrides
        .iter()
        .map(|o| {
            let label = labels.label(&o.input);
            match o.value {
                OverrideValue::Change(c) => format!("{label} {}", c.label()),
                OverrideValue::Set(e) => format!("{label} = {}", value_with_unit(model, &o.input, e.base())),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Draws the comparison of `rows` (the base model first), naming overridden inputs by `labels`;
/// `selected` is the scenario picked in the top bar, highlighted.
pub(crate) fn show(
    ui: &mut egui::Ui,
    rows: &[ScenarioResults],
    model: &Model,
    labels: &Labeller,
    selected: Option<usize>,
) {
    let currency = &model.currency;
    ui.scope(|ui| {
        egui::Grid::new("scenario_compare_table").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
            for title in ["Scenario", "Option", "Savings", "vs base", "NPV", "vs base", "Payback", "IRR"] {
                ui.label(egui::RichText::new(title).strong());
            }
            ui.end_row();
            let base = rows.first().and_then(|r| r.evaluation.as_ref().ok());
            for (i, row) in rows.iter().enumerate() {
                let picked = if i == 0 { selected.is_none() } else { selected == Some(i - 1) };
                let name =
                    if picked { egui::RichText::new(&row.name).strong() } else { egui::RichText::new(&row.name) };
                let changes = i.checked_sub(1).and_then(|s| model.scenarios.get(s)).map(|s| changes(model, labels, s));
                match &row.evaluation {
                    Ok(evaluation) => {
                        for (k, o) in evaluation.options.iter().enumerate() {
                            let shown = ui.label(if k == 0 { name.clone() } else { egui::RichText::new("") });
                            if let (0, Some(changes)) = (k, &changes) {
                                shown.on_hover_text(changes);
                            }
                            ui.label(&o.name);
                            ui.label(format::or_dash(o.savings_pct, format::percent));
                            // Each scenario's change from the base model, option by option.
                            let from = base.and_then(|b| b.options.get(k)).filter(|_| i > 0);
                            let points = from.and_then(|b| Some((o.savings_pct? - b.savings_pct?) * 100.0));
                            ui.label(points.map_or_else(String::new, |p| format!("{p:+.1} pts")));
                            let npv = egui::RichText::new(format::compact_money(o.npv, currency));
                            ui.label(if o.npv < 0.0 { npv.color(ui.visuals().error_fg_color) } else { npv });
                            let delta = from.map(|b| o.npv - b.npv);
                            ui.label(delta.map_or_else(String::new, |d| {
                                let sign = if d >= 0.0 { "+" } else { "−" };
                                format!("{sign}{}", format::compact_money(d.abs(), currency))
                            }));
                            ui.label(format::or_dash(o.payback_months, format::months));
                            let irr = ui.label(format::irr(o.irr));
                            if let Some(note) = format::irr_note(o.irr) {
                                irr.on_hover_text(note);
                            }
                            ui.end_row();
                        }
                    }
                    Err(reason) => {
                        ui.label(name);
                        ui.colored_label(ui.visuals().error_fg_color, reason);
                        ui.end_row();
                    }
                }
            }
        });
    });
    ui.add_space(8.0);
    ui.label(egui::RichText::new("Cumulative savings, every scenario × option").strong());
    let styles = [LineStyle::Solid, LineStyle::Dashed { length: 8.0 }, LineStyle::Dotted { spacing: 5.0 }];
    let text = ui.visuals().text_color();
    crate::ui::sensitivity::cumulative_savings_plot(
        "scenario_compare_chart",
        crate::ui::charts::common::plot_height(ui, 320.0),
        currency,
    )
    .show(ui, |plot| {
        crate::ui::sensitivity::zero_line(plot, text);
        for (i, row) in rows.iter().enumerate() {
            let Ok(evaluation) = &row.evaluation else { continue };
            let color = series(i);
            for (k, o) in evaluation.options.iter().enumerate() {
                let points: PlotPoints<'_> =
                    o.cumulative_savings.iter().enumerate().map(|(t, v)| [t as f64 + 1.0, *v]).collect();
                let name = format!("{} · {}", row.name, o.name);
                plot.line(Line::new(name, points).color(color).style(styles[k % styles.len()]).width(2.0));
            }
        }
    });
    // Colour says the scenario, the line style says the option.
    let mut legend: Vec<_> = rows.iter().enumerate().map(|(i, r)| (r.name.clone(), series(i))).collect();
    let options = ["solid", "dashed", "dotted"];
    for (k, o) in model.options.iter().enumerate() {
        legend.push((format!("{}: {}", options[k % options.len()], o.name), text.gamma_multiply(0.4)));
    }
    crate::ui::charts::common::legend_row(ui, "", &legend);
}
