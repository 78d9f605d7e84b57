//! An option's pricing: the form menu, each form's fields and the tiers of a graduated price.

use egui::{DragValue, Ui};

use super::common::{Ed, ListAction, apply, choice, item_buttons, row};
use super::estimate::{estimate, plain};
use crate::model::pricing_switch::{SteadyMonth, switch_pricing};
use crate::model::{Estimate, Pricing, Tier, ValueKind};

/// The pricing of option `o`; a new form is priced through the option's steady `month`
/// ([`switch_pricing`]), so changing the form never resets the price to 0.
pub(crate) fn pricing(ui: &mut Ui, ed: &Ed, o: usize, owner: &str, month: &SteadyMonth, pricing: &mut Pricing) {
    let p = format!("options[{o}].pricing");
    ed.field(ui, &p, |ui| {
        row(ui, "Pricing", |ui| {
            let mut form = pricing.name();
            let choices = Pricing::NAMES.map(|n| (n, form_label(n)));
            if choice(ui, &format!("{owner} › pricing"), &mut form, &choices) {
                *pricing = switch_pricing(pricing, form, month);
            }
        });
    });
    let money = ValueKind::Money;
    let field = |ui: &mut Ui, name: &str, short: &str, kind: ValueKind, e: &mut Estimate| {
        let label = format!("{owner} › {}", name.replace('_', " "));
        estimate(ui, ed, &format!("{p}.{name}"), short, label, kind, e);
    };
    match pricing {
        Pricing::PerFte { rate } => field(ui, "rate", "Per FTE-month", money, rate),
        Pricing::PerHour { rate, hours_per_fte } => {
            field(ui, "rate", "Per hour", money, rate);
            field(ui, "hours_per_fte", "Hours / FTE-month", ValueKind::Quantity, hours_per_fte);
        }
        Pricing::PerUnit { price } => field(ui, "price", "Per unit", money, price),
        Pricing::FixedFee { monthly } => field(ui, "monthly", "Per month", money, monthly),
        Pricing::Tiered { tiers } => tiers_editor(ui, ed, &p, owner, tiers),
        Pricing::PerOutcome { price, outcome_rate } => {
            field(ui, "price", "Per outcome", money, price);
            field(ui, "outcome_rate", "Outcome rate", ValueKind::Share, outcome_rate);
        }
        Pricing::Anchored { baseline_units, baseline_fee, band, arc, rrc } => {
            field(ui, "baseline_units", "Baseline units", ValueKind::Quantity, baseline_units);
            field(ui, "baseline_fee", "Baseline fee", money, baseline_fee);
            field(ui, "band", "Band ±", ValueKind::Share, band);
            field(ui, "arc", "Extra unit (ARC)", money, arc);
            field(ui, "rrc", "Fewer unit (RRC)", money, rrc);
        }
    }
}

fn form_label(name: &str) -> &'static str {
    match name {
        "PerFte" => "Per FTE",
        "PerHour" => "Per hour",
        "PerUnit" => "Per unit",
        "FixedFee" => "Fixed fee",
        "Tiered" => "Tiered",
        "PerOutcome" => "Per outcome",
        _ => "Anchored",
    }
}

fn tiers_editor(ui: &mut Ui, ed: &Ed, p: &str, owner: &str, tiers: &mut Vec<Tier>) {
    let path = format!("{p}.tiers");
    ed.messages(ui, &path, false);
    let mut action: Option<ListAction> = None;
    let len = tiers.len();
    for (i, tier) in tiers.iter_mut().enumerate() {
        let tp = format!("{path}[{i}]");
        let who = format!("{owner} › tier {}", i + 1);
        ui.push_id(&tp, |ui| {
            ui.group(|ui| {
                ed.field(ui, &format!("{tp}.up_to"), |ui| {
                    row(ui, &format!("Tier {} up to", i + 1), |ui| {
                        let mut open = tier.up_to.is_none();
                        let toggled = ui.checkbox(&mut open, "open").accessible_name(format!("{who} › open-ended"));
                        if toggled.changed() {
                            tier.up_to = if open { None } else { Some(10_000.0) };
                        }
                        if let Some(up_to) = &mut tier.up_to {
                            let speed = (up_to.abs() * 0.005).max(1.0);
                            ui.add(
                                DragValue::new(up_to)
                                    .speed(speed)
                                    .custom_formatter(|v, _| plain(v, 2))
                                    .suffix(" units"),
                            )
                            .accessible_name(format!("{who} › up to"));
                        }
                    });
                });
                let price = format!("{tp}.price");
                estimate(ui, ed, &price, "Price / unit", format!("{who} price"), ValueKind::Money, &mut tier.price);
                if let Some(a) = item_buttons(ui, &who, i, len) {
                    action = Some(a);
                }
            });
        });
    }
    if let Some(a) = action {
        apply(tiers, a);
    }
    if ui.button("+ Add tier").accessible_name(format!("{owner} › add tier")).clicked() {
        // The new tier becomes the open last one; the old last tier gets a bound above the one before.
        let below = tiers.iter().rev().find_map(|t| t.up_to).unwrap_or(0.0);
        let price = tiers.last().map(|t| t.price).unwrap_or_default();
        if let Some(last) = tiers.last_mut()
            && last.up_to.is_none()
        {
            last.up_to = Some(if below > 0.0 { below * 2.0 } else { 10_000.0 });
        }
        tiers.push(Tier { up_to: None, price });
    }
}
