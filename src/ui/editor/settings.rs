//! The Settings section: name, description, currency, calendar, discounting and simulation.

use egui::{DragValue, Ui};

use super::common::{Ed, choice, row, text};
use super::estimate::{estimate, parse, plain};
use crate::model::{MAX_SAMPLES, Method, Model, ValueKind};

/// The calendar months, for the start month and the seasonality fields.
pub(crate) const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const PATHS: [&str; 8] = [
    "format_version",
    "name",
    "description",
    "currency",
    "start_month",
    "horizon_months",
    "discount_rate",
    "simulation",
];

/// The Settings section.
pub(crate) fn show(ui: &mut Ui, ed: &Ed, model: &mut Model) {
    ed.section(ui, "Settings", "settings", &PATHS, false, |ui| {
        ed.messages(ui, "format_version", false);
        ed.field(ui, "name", |ui| {
            row(ui, "Name", |ui| text(ui, &mut model.name, "Model name"));
        });
        ed.field(ui, "description", |ui| {
            ui.label("Description");
            ui.add(egui::TextEdit::multiline(&mut model.description).desired_rows(2).desired_width(f32::INFINITY))
                .accessible_name("Model description");
        });
        ed.field(ui, "currency", |ui| {
            row(ui, "Currency", |ui| {
                let r = ui
                    .add(egui::TextEdit::singleline(&mut model.currency).char_limit(3).desired_width(48.0))
                    .accessible_name("Model currency");
                if r.changed() {
                    model.currency = model.currency.to_uppercase();
                }
            });
        });
        ed.field(ui, "start_month", |ui| {
            row(ui, "Starts in", |ui| {
                let choices: Vec<(u32, &str)> = (1..=12).zip(MONTHS).collect();
                choice(ui, "Start month", &mut model.start_month, &choices);
            });
        });
        ed.field(ui, "horizon_months", |ui| {
            row(ui, "Horizon", |ui| {
                ui.add(DragValue::new(&mut model.horizon_months).range(1..=600).speed(0.2).suffix(" months"))
                    .accessible_name("Horizon months");
            });
        });
        estimate(
            ui,
            ed,
            "discount_rate",
            "Discount rate",
            "Discount rate".into(),
            ValueKind::Growth,
            &mut model.discount_rate,
        );
        ui.add_space(4.0);
        ui.label(egui::RichText::new("Simulation").strong());
        let sim = &mut model.simulation;
        ed.field(ui, "simulation.samples", |ui| {
            row(ui, "Samples", |ui| {
                let field = DragValue::new(&mut sim.samples).range(1..=MAX_SAMPLES).speed(50.0);
                ui.add(field.custom_formatter(|v, _| plain(v, 0)).custom_parser(parse))
                    .accessible_name("Simulation samples");
            });
        });
        ed.field(ui, "simulation.seed", |ui| {
            row(ui, "Seed", |ui| {
                ui.add(DragValue::new(&mut sim.seed).speed(1.0)).accessible_name("Simulation seed");
            });
        });
        ed.field(ui, "simulation.method", |ui| {
            row(ui, "Method", |ui| {
                let choices = [(Method::Random, "Random"), (Method::LatinHypercube, "Latin hypercube")];
                choice(ui, "Simulation method", &mut sim.method, &choices);
            });
        });
    });
}
