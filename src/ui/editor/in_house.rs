//! The In-house section: productivity, staffing and the cost lines of today's operation.

use egui::Ui;

use super::common::{Ed, choice, row};
use super::cost_lines::cost_lines;
use super::estimate::estimate;
use crate::model::{InHouse, Staffing, ValueKind};

/// The In-house section.
pub(crate) fn show(ui: &mut Ui, ed: &Ed, in_house: &mut InHouse) {
    ed.section(ui, "In-house", "in_house", &["in_house"], true, |ui| {
        estimate(
            ui,
            ed,
            "in_house.units_per_fte_month",
            "Units / FTE-month",
            "In-house › units per FTE-month".into(),
            ValueKind::Positive,
            &mut in_house.units_per_fte_month,
        );
        ed.field(ui, "in_house.staffing", |ui| {
            row(ui, "Staffing", |ui| {
                let choices = [(Staffing::SizedToPeak, "Sized to peak"), (Staffing::Flexible, "Flexible")];
                choice(ui, "In-house › staffing", &mut in_house.staffing, &choices);
            });
        });
        ui.label(egui::RichText::new("Cost lines").strong());
        cost_lines(ui, ed, "in_house.costs", "In-house", &mut in_house.costs);
    });
}
