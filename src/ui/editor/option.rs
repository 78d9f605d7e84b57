//! One section per outsourcing option, and "+ Add option".

use egui::Ui;

use super::common::{Ed, ListAction, apply, choice, item_buttons, months, row, text, title};
use super::cost_lines::cost_lines;
use super::estimate::estimate;
use super::hidden::hidden_costs;
use super::pricing::pricing;
use crate::model::hidden_switch::FeeBasis;
use crate::model::pricing_switch::SteadyMonth;
use crate::model::{Estimate, Fx, Learning, Model, Shore, SourcingOption, ValueKind};

/// What an option's figures are converted through when a form changes, taken from the model
/// before the editor borrows the option.
pub(crate) struct Basis {
    /// For a new pricing form.
    pub month: SteadyMonth,
    /// For a hidden cost incurred another way.
    pub fees: FeeBasis,
}

impl Basis {
    /// The bases of every option of `model`.
    pub fn of_every_option(model: &Model) -> Vec<Self> {
        (0..model.options.len())
            .map(|o| {
                let month = SteadyMonth::of(model, o);
                Self { fees: FeeBasis::from_month(model, o, &month), month }
            })
            .collect()
    }
}

/// Every option's section, then the button that adds one.
pub(crate) fn show_all(ui: &mut Ui, ed: &Ed, options: &mut Vec<SourcingOption>, bases: &[Basis]) {
    let mut action: Option<ListAction> = None;
    let len = options.len();
    for (o, option) in options.iter_mut().enumerate() {
        let path = format!("options[{o}]");
        let heading = format!("{} · {}", option.shore.label(), title(&option.name));
        ed.section(ui, &heading, ("option", o), &[&path], true, |ui| {
            let Some(basis) = bases.get(o) else { return };
            if let Some(a) = show(ui, ed, (o, len), basis, option) {
                action = Some(a);
            }
        });
    }
    if let Some(a) = action {
        apply(options, a);
    }
    ed.messages(ui, "options", false);
    if ui.button("+ Add option").clicked() {
        options.push(SourcingOption::named(format!("Option {}", options.len() + 1)));
    }
}

fn show(
    ui: &mut Ui,
    ed: &Ed,
    (o, len): (usize, usize),
    basis: &Basis,
    option: &mut SourcingOption,
) -> Option<ListAction> {
    let p = format!("options[{o}]");
    let who = option.name.clone();
    let path = |field: &str| format!("{p}.{field}");
    let label = |field: &str| format!("{who} › {field}");
    ed.field(ui, &path("name"), |ui| {
        row(ui, "Name", |ui| text(ui, &mut option.name, &label("name")));
    });
    ed.field(ui, &path("shore"), |ui| {
        row(ui, "Shore", |ui| {
            let choices = Shore::ALL.map(|s| (s, s.label()));
            choice(ui, &label("shore"), &mut option.shore, &choices);
        });
    });
    ed.field(ui, &path("region"), |ui| {
        row(ui, "Region", |ui| text(ui, &mut option.region, &label("region")));
    });
    // Prices are in the pricing currency when the offer has one.
    let priced = option.fx.as_ref().map_or_else(|| ed.clone(), |fx| ed.with_currency(&fx.currency));
    ed.section(
        ui,
        "Pricing",
        ("pricing", o),
        &[&path("pricing"), &path("minimum_monthly"), &path("rate_escalation")],
        true,
        |ui| {
            pricing(ui, &priced, o, &who, &basis.month, &mut option.pricing);
            let (minimum, escalation) = (path("minimum_monthly"), path("rate_escalation"));
            estimate(
                ui,
                &priced,
                &minimum,
                "Minimum / month",
                label("minimum monthly"),
                ValueKind::Money,
                &mut option.minimum_monthly,
            );
            estimate(
                ui,
                ed,
                &escalation,
                "Rate escalation",
                label("rate escalation"),
                ValueKind::Growth,
                &mut option.rate_escalation,
            );
            fx(ui, ed, &p, &who, &mut option.fx);
        },
    );
    let delivery = [path("productivity"), path("learning"), path("transition")];
    let delivery: Vec<&str> = delivery.iter().map(String::as_str).collect();
    ed.section(ui, "Productivity and transition", ("delivery", o), &delivery, false, |ui| {
        estimate(
            ui,
            ed,
            &path("productivity"),
            "Productivity",
            label("productivity"),
            ValueKind::Positive,
            &mut option.productivity,
        );
        learning(ui, ed, &p, &who, &mut option.learning);
        let t = &mut option.transition;
        ed.field(ui, &path("transition.ramp_months"), |ui| {
            row(ui, "Ramp-up", |ui| months(ui, &mut t.ramp_months, &label("ramp months"), 600));
        });
        ed.field(ui, &path("transition.parallel_months"), |ui| {
            row(ui, "Parallel running", |ui| months(ui, &mut t.parallel_months, &label("parallel months"), 600));
        });
    });
    let retained = path("retained");
    ed.section(
        ui,
        &format!("Retained costs ({})", option.retained.len()),
        ("retained", o),
        &[&retained],
        false,
        |ui| {
            cost_lines(ui, ed, &retained, &who, &mut option.retained);
        },
    );
    let hidden = path("hidden");
    ed.section(ui, &format!("Hidden costs ({})", option.hidden.len()), ("hidden", o), &[&hidden], false, |ui| {
        hidden_costs(ui, ed, o, &who, &basis.fees, &mut option.hidden);
    });
    ed.field(ui, &path("note"), |ui| {
        row(ui, "Note", |ui| text(ui, &mut option.note, &label("note")));
    });
    // Set apart from the last item's buttons above, which act on that item, not the option.
    ui.separator();
    ui.horizontal(|ui| {
        ui.weak("This option:");
        item_buttons(ui, &who, o, len)
    })
    .inner
}

fn learning(ui: &mut Ui, ed: &Ed, p: &str, who: &str, learning: &mut Option<Learning>) {
    let mut on = learning.is_some();
    if ui.checkbox(&mut on, "Learning curve").accessible_name(format!("{who} › learning curve")).changed() {
        *learning = on.then_some(Learning { initial_dip: Estimate::Fixed(0.2), months: 6 });
    }
    if let Some(l) = learning {
        let dip = format!("{p}.learning.initial_dip");
        estimate(ui, ed, &dip, "First-month dip", format!("{who} › initial dip"), ValueKind::Dip, &mut l.initial_dip);
        ed.field(ui, &format!("{p}.learning.months"), |ui| {
            row(ui, "Full speed after", |ui| months(ui, &mut l.months, &format!("{who} › learning months"), 600));
        });
    }
}

fn fx(ui: &mut Ui, ed: &Ed, p: &str, who: &str, fx: &mut Option<Fx>) {
    let mut on = fx.is_some();
    if ui.checkbox(&mut on, "Priced in another currency").accessible_name(format!("{who} › foreign currency")).changed()
    {
        *fx =
            on.then(|| Fx { currency: "EUR".into(), rate: Estimate::Fixed(1.0), annual_change: Estimate::Fixed(0.0) });
    }
    if let Some(fx) = fx {
        ed.field(ui, &format!("{p}.fx.currency"), |ui| {
            row(ui, "Currency", |ui| {
                let r = ui
                    .add(egui::TextEdit::singleline(&mut fx.currency).char_limit(3).desired_width(48.0))
                    .accessible_name(format!("{who} › fx currency"));
                if r.changed() {
                    fx.currency = fx.currency.to_uppercase();
                }
            });
        });
        let (rate, change) = (format!("{p}.fx.rate"), format!("{p}.fx.annual_change"));
        let rate_label = format!("{} per {}", ed.currency, fx.currency);
        estimate(ui, ed, &rate, &rate_label, format!("{who} › fx rate"), ValueKind::Positive, &mut fx.rate);
        estimate(
            ui,
            ed,
            &change,
            "Rate change / yr",
            format!("{who} › fx annual change"),
            ValueKind::Growth,
            &mut fx.annual_change,
        );
    }
}
