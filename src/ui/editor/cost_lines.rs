//! A list editor for cost lines, shared by the in-house costs and an option's retained costs.

use egui::{DragValue, Ui};

use super::common::{Ed, ListAction, apply, choice, item_buttons, months, row, text, title};
use super::estimate::estimate;
use crate::model::{Behavior, CostLine, Estimate, Period, ValueKind};

/// The behaviors of the menu; `Step` carries its last `per` so switching back keeps it.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    Fixed,
    PerFte,
    PerUnit,
    Step,
}

/// The cost lines at `prefix` (`in_house.costs`, `options[0].retained`), named after `owner`
/// ("In-house", "Manila partner").
pub(crate) fn cost_lines(ui: &mut Ui, ed: &Ed, prefix: &str, owner: &str, lines: &mut Vec<CostLine>) {
    let mut action: Option<ListAction> = None;
    let len = lines.len();
    for (i, line) in lines.iter_mut().enumerate() {
        let path = format!("{prefix}[{i}]");
        let who = format!("{owner} › {}", line.name);
        ed.section(ui, &title(&line.name), (prefix, i), &[&path], false, |ui| {
            if let Some(a) = line_fields(ui, ed, &path, &who, i, len, line) {
                action = Some(a);
            }
        });
    }
    if let Some(a) = action {
        apply(lines, a);
    }
    if ui.button("+ Add cost line").accessible_name(format!("{owner} › add cost line")).clicked() {
        ed.mark_added(ui, format!("{prefix}[{}]", lines.len()));
        lines.push(CostLine {
            name: "New cost".into(),
            behavior: Behavior::Fixed,
            period: Period::Month,
            amount: Estimate::Fixed(0.0),
            escalation: Estimate::Fixed(0.0),
            start_month: 0,
            end_month: None,
            note: String::new(),
        });
    }
}

fn line_fields(
    ui: &mut Ui,
    ed: &Ed,
    path: &str,
    who: &str,
    i: usize,
    len: usize,
    line: &mut CostLine,
) -> Option<ListAction> {
    ed.field(ui, &format!("{path}.name"), |ui| {
        row(ui, "Name", |ui| text(ui, &mut line.name, &format!("{who} › name")));
    });
    ed.field(ui, &format!("{path}.behavior"), |ui| {
        row(ui, "Paid", |ui| {
            let mut form = match line.behavior {
                Behavior::Fixed => Form::Fixed,
                Behavior::PerFte => Form::PerFte,
                Behavior::PerUnit => Form::PerUnit,
                Behavior::Step { .. } => Form::Step,
            };
            let choices = [
                (Form::Fixed, "Fixed"),
                (Form::PerFte, "Per FTE"),
                (Form::PerUnit, "Per unit"),
                (Form::Step, "Per step"),
            ];
            if choice(ui, &format!("{who} › behavior"), &mut form, &choices) {
                line.behavior = match form {
                    Form::Fixed => Behavior::Fixed,
                    Form::PerFte => Behavior::PerFte,
                    Form::PerUnit => Behavior::PerUnit,
                    Form::Step => Behavior::Step { per: 12.0 },
                };
            }
            if let Behavior::Step { per } = &mut line.behavior {
                ui.label("of");
                ui.add(DragValue::new(per).speed(0.1).range(0.0..=10_000.0).suffix(" FTE"))
                    .accessible_name(format!("{who} › staff per step"));
            }
        });
        ed.messages(ui, &format!("{path}.behavior.per"), false);
    });
    ed.field(ui, &format!("{path}.period"), |ui| {
        row(ui, "Amount is", |ui| {
            let choices = [(Period::Month, "per month"), (Period::Year, "per year")];
            choice(ui, &format!("{who} › period"), &mut line.period, &choices);
        });
    });
    let amount = format!("{path}.amount");
    estimate(ui, ed, &amount, "Amount", format!("{who} › amount"), ValueKind::Money, &mut line.amount);
    let escalation = format!("{path}.escalation");
    estimate(
        ui,
        ed,
        &escalation,
        "Escalation / yr",
        format!("{who} › escalation"),
        ValueKind::Growth,
        &mut line.escalation,
    );
    ed.field(ui, &format!("{path}.start_month"), |ui| {
        row(ui, "From month", |ui| months(ui, &mut line.start_month, &format!("{who} › start month"), 600));
    });
    ed.field(ui, &format!("{path}.end_month"), |ui| {
        row(ui, "Until month", |ui| {
            let mut ends = line.end_month.is_some();
            if ui.checkbox(&mut ends, "").accessible_name(format!("{who} › has end month")).changed() {
                line.end_month = ends.then_some(line.start_month + 12);
            }
            match &mut line.end_month {
                Some(end) => {
                    months(ui, end, &format!("{who} › end month"), 600);
                }
                None => {
                    ui.weak("horizon end");
                }
            }
        });
    });
    ed.field(ui, &format!("{path}.note"), |ui| {
        row(ui, "Note", |ui| text(ui, &mut line.note, &format!("{who} › note")));
    });
    item_buttons(ui, who, i, len)
}
