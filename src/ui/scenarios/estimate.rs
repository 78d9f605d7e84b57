//! An estimate edited in place: a number or one of the distributions, its parameters as drag
//! values. Switching the form keeps the base value (a distribution is centred on it).

use crate::model::{DISTRIBUTION_NAMES, Distribution, Estimate, ValueKind};

const NUMBER: &str = "Number";

/// Draws the editor of `estimate`; `name` prefixes every accessible name (unique per row).
pub(super) fn show(ui: &mut egui::Ui, name: &str, estimate: &mut Estimate, kind: ValueKind) {
    let current = estimate.distribution().map_or(NUMBER, Distribution::name);
    let mut form = current;
    let label = ui.label("as");
    egui::ComboBox::from_id_salt((name, "form"))
        .selected_text(form)
        .width(100.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form, NUMBER, NUMBER);
            for d in DISTRIBUTION_NAMES {
                ui.selectable_value(&mut form, d, d);
            }
        })
        .response
        .labelled_by(label.id);
    if form != current {
        let base = estimate.base();
        *estimate = Distribution::around(form, base, 0.2).map_or(Estimate::Fixed(base), Estimate::Uncertain);
    }
    let (lo, hi) = kind.bounds();
    match estimate {
        Estimate::Fixed(x) => number(ui, &format!("{name} value"), "value", x, (lo, hi)),
        Estimate::Uncertain(d) => {
            let names: Vec<&str> = d.parameters().iter().map(|(n, _)| *n).collect();
            for (param, value) in names.into_iter().zip(d.parameters_mut()) {
                number(ui, &format!("{name} {param}"), param, value, (lo, hi));
            }
        }
    }
    if kind.is_percentage() {
        ui.weak(format!("= {}", crate::format::percent(estimate.base())));
    }
}

fn number(ui: &mut egui::Ui, accessible: &str, shown: &str, x: &mut f64, (lo, hi): (f64, f64)) {
    ui.label(shown);
    let speed = (x.abs() * 0.005).max(0.001);
    ui.add(egui::DragValue::new(x).speed(speed).range(lo..=hi).max_decimals(6)).accessible_name(accessible);
}
