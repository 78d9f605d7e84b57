//! The hidden costs of an option: a list editor and the "Add from catalog" menu.

use egui::Ui;

use super::common::{Ed, ListAction, apply, choice, item_buttons, months, row, text, title};
use super::estimate::estimate;
use crate::model::catalog::catalog;
use crate::model::hidden_switch::{FeeBasis, switch_hidden_cost};
use crate::model::{Estimate, HiddenCategory, HiddenCost, HiddenCostKind, ValueKind};

/// The hidden costs of option `o`, named after the option `owner`.
/// A change of how one is incurred converts its figure through `basis` ([`switch_hidden_cost`]).
pub(crate) fn hidden_costs(ui: &mut Ui, ed: &Ed, o: usize, owner: &str, basis: &FeeBasis, list: &mut Vec<HiddenCost>) {
    let mut action: Option<ListAction> = None;
    let len = list.len();
    for (i, h) in list.iter_mut().enumerate() {
        let path = format!("options[{o}].hidden[{i}]");
        let who = format!("{owner} › {}", h.name);
        ed.section(ui, &title(&h.name), ("hidden", o, i), &[&path], false, |ui| {
            fields(ui, ed, &path, &who, basis, h);
            if let Some(a) = item_buttons(ui, &who, i, len) {
                action = Some(a);
            }
        });
    }
    if let Some(a) = action {
        apply(list, a);
    }
    ui.horizontal(|ui| {
        let add = ui.button("+ Add hidden cost").accessible_name(format!("{owner} › add hidden cost"));
        if add.clicked() {
            ed.mark_added(ui, format!("options[{o}].hidden[{}]", list.len()));
            list.push(HiddenCost {
                name: "New hidden cost".into(),
                category: HiddenCategory::Other,
                cost: HiddenCostKind::OneTime { amount: Estimate::Fixed(0.0), month: 0 },
                note: String::new(),
            });
        }
        let menu = ui.menu_button("Add from catalog", |ui| {
            for entry in catalog() {
                if ui.button(entry.name).on_hover_text(entry.note).clicked() {
                    ed.mark_added(ui, format!("options[{o}].hidden[{}]", list.len()));
                    list.push(entry.hidden_cost());
                    ui.close();
                }
            }
        });
        menu.response.accessible_name(format!("{owner} › add from catalog"));
    });
}

fn fields(ui: &mut Ui, ed: &Ed, path: &str, who: &str, basis: &FeeBasis, h: &mut HiddenCost) {
    ed.field(ui, &format!("{path}.name"), |ui| {
        row(ui, "Name", |ui| text(ui, &mut h.name, &format!("{who} › name")));
    });
    ed.field(ui, &format!("{path}.category"), |ui| {
        row(ui, "Category", |ui| {
            let choices: Vec<(HiddenCategory, &str)> = HiddenCategory::ALL.iter().map(|c| (*c, c.label())).collect();
            choice(ui, &format!("{who} › category"), &mut h.category, &choices);
        });
    });
    let cost = format!("{path}.cost");
    ed.field(ui, &format!("{cost}.kind"), |ui| {
        row(ui, "Incurred", |ui| {
            let mut form = h.cost.name();
            let choices = HiddenCostKind::NAMES.map(|n| (n, kind_label(n)));
            if choice(ui, &format!("{who} › incurred"), &mut form, &choices) {
                *h = switch_hidden_cost(h, form, basis);
            }
        });
    });
    let money = |field: &str| (format!("{cost}.{field}"), format!("{who} › {field}"));
    match &mut h.cost {
        HiddenCostKind::OneTime { amount, month } => {
            let (p, l) = money("amount");
            estimate(ui, ed, &p, "Amount", l, ValueKind::Money, amount);
            ed.field(ui, &format!("{cost}.month"), |ui| {
                row(ui, "In month", |ui| months(ui, month, &format!("{who} › month"), 600));
            });
        }
        HiddenCostKind::Monthly { amount, from, to } => {
            let (p, l) = money("amount");
            estimate(ui, ed, &p, "Per month", l, ValueKind::Money, amount);
            ed.field(ui, &format!("{cost}.from"), |ui| {
                row(ui, "From month", |ui| months(ui, from, &format!("{who} › from"), 600));
            });
            ed.field(ui, &format!("{cost}.to"), |ui| {
                row(ui, "Until month", |ui| {
                    let mut ends = to.is_some();
                    if ui.checkbox(&mut ends, "").accessible_name(format!("{who} › has end")).changed() {
                        *to = ends.then_some(*from + 12);
                    }
                    match to {
                        Some(t) => {
                            months(ui, t, &format!("{who} › to"), 600);
                        }
                        None => {
                            ui.weak("horizon end");
                        }
                    }
                });
            });
        }
        HiddenCostKind::PercentOfFees { pct } => {
            let kind = if h.category == HiddenCategory::Sla { ValueKind::Credit } else { ValueKind::Share };
            let (p, l) = money("pct");
            estimate(ui, ed, &p, "Share of fees", l, kind, pct);
        }
        HiddenCostKind::PerUnit { amount } => {
            let (p, l) = money("amount");
            estimate(ui, ed, &p, "Per unit", l, ValueKind::Money, amount);
        }
        HiddenCostKind::PerDisplacedFte { amount } => {
            let (p, l) = money("amount");
            estimate(ui, ed, &p, "Per FTE let go", l, ValueKind::Money, amount);
        }
    }
    ed.field(ui, &format!("{path}.note"), |ui| {
        ui.label("Note / source");
        ui.add(egui::TextEdit::multiline(&mut h.note).desired_rows(1).desired_width(f32::INFINITY))
            .accessible_name(format!("{who} › note"));
    });
}

fn kind_label(name: &str) -> &'static str {
    match name {
        "OneTime" => "Once",
        "Monthly" => "Monthly",
        "PercentOfFees" => "% of fees",
        "PerUnit" => "Per unit",
        _ => "Per FTE let go",
    }
}
