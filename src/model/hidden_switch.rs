//! Changing how a hidden cost is incurred without losing its figure or leaving a source note
//! that describes another form.
//!
//! Between the forms charged in money (once, monthly, per unit, per FTE let go) the amount
//! stays as typed. Between a share of the fees and money, the figure is converted at the
//! option's steady monthly fee over the horizon ("contract value" in the published sources),
//! a distribution keeping its shape: 2–3 % of fees of 500,000 a month over 36 months becomes a
//! one-time 360,000–540,000. A note that is a catalog entry's source follows: it gains a
//! sentence saying how the published figure was converted, and loses it again when the cost
//! goes back to the published form. A note the user wrote is left alone.

use super::catalog::catalog;
use super::pricing_switch::{SteadyMonth, monthly_fee, staff_for};
use super::{Estimate, HiddenCost, HiddenCostKind, Model};

/// What a hidden cost's figure is converted through.
#[derive(Clone, Debug, PartialEq)]
pub struct FeeBasis {
    /// The option's steady monthly fee, in the model currency.
    pub monthly_fee: f64,
    /// Modelled months.
    pub horizon: u32,
    /// Units at the vendor in a steady month.
    pub units: f64,
    /// In-house staff let go (the steady month's need, rounded up).
    pub displaced_fte: f64,
    /// The model currency, for the note.
    pub currency: String,
}

impl FeeBasis {
    /// The basis of option `option` of `model`: its fee in a steady month at base volume
    /// ([`SteadyMonth`]), in the model currency.
    pub fn of(model: &Model, option: usize) -> Self {
        Self::from_month(model, option, &SteadyMonth::of(model, option))
    }

    /// The basis of option `option` of `model` whose steady month is `month` (already worked
    /// out, as the editor has it for the pricing form).
    pub fn from_month(model: &Model, option: usize, month: &SteadyMonth) -> Self {
        let fee = model.options.get(option).map_or(0.0, |o| {
            let fx = o.fx.as_ref().map_or(1.0, |fx| fx.rate.base());
            monthly_fee(&o.pricing, month.units, month.vendor_fte).max(o.minimum_monthly.base()) * fx
        });
        Self {
            monthly_fee: if fee.is_finite() { fee.max(0.0) } else { 0.0 },
            horizon: model.horizon_months,
            units: month.units,
            displaced_fte: staff_for(month.units, model.in_house.units_per_fte_month.base()),
            currency: model.currency.clone(),
        }
    }
}

/// Where a converted catalog note's added sentence begins.
const CONVERTED: &str = "\n\nEntered as ";

/// The user-facing name of a form, as the note says it.
fn described(form: &str) -> &'static str {
    match form {
        "OneTime" => "a one-time amount",
        "Monthly" => "a monthly amount",
        "PercentOfFees" => "a share of the fees",
        "PerUnit" => "an amount per unit",
        _ => "an amount per FTE let go",
    }
}

/// `old` incurred as the form named `form` (one of [`HiddenCostKind::NAMES`]).
pub fn switch_hidden_cost(old: &HiddenCost, form: &str, basis: &FeeBasis) -> HiddenCost {
    if old.cost.name() == form {
        return old.clone();
    }
    let months = f64::from(basis.horizon.max(1));
    let contract_value = basis.monthly_fee * months;
    // What one unit of the figure costs over the horizon in each form, for share ↔ money.
    let weight = |form: &str| match form {
        "OneTime" => 1.0,
        "Monthly" => months,
        "PercentOfFees" => contract_value,
        "PerUnit" => basis.units * months,
        _ => basis.displaced_fte,
    };
    let (figure, was_share) = match &old.cost {
        HiddenCostKind::OneTime { amount, .. }
        | HiddenCostKind::Monthly { amount, .. }
        | HiddenCostKind::PerUnit { amount }
        | HiddenCostKind::PerDisplacedFte { amount } => (*amount, false),
        HiddenCostKind::PercentOfFees { pct } => (*pct, true),
    };
    let to_share = form == "PercentOfFees";
    let converted = if was_share == to_share {
        figure
    } else {
        let (from, to) = (weight(old.cost.name()), weight(form));
        if from > 0.0 && to > 0.0 && (from / to).is_finite() {
            figure.scaled(from / to)
        } else if to_share {
            Estimate::Fixed(0.05)
        } else {
            Estimate::Fixed(0.0)
        }
    };
    let cost = match form {
        "OneTime" => HiddenCostKind::OneTime { amount: converted, month: 0 },
        "Monthly" => HiddenCostKind::Monthly { amount: converted, from: 0, to: None },
        "PercentOfFees" => HiddenCostKind::PercentOfFees { pct: converted },
        "PerUnit" => HiddenCostKind::PerUnit { amount: converted },
        _ => HiddenCostKind::PerDisplacedFte { amount: converted },
    };
    let note = follow_note(&old.note, form, was_share != to_share, basis);
    HiddenCost { cost, note, ..old.clone() }
}

/// The note after a change to `form`: a catalog source with a sentence on the conversion when
/// `converted` and the form is not the catalog's own; any other note as it was.
fn follow_note(note: &str, form: &str, converted: bool, basis: &FeeBasis) -> String {
    let source = note.split(CONVERTED).next().unwrap_or(note);
    let Some(entry) = catalog().into_iter().find(|e| e.note == source) else {
        return note.to_owned();
    };
    if entry.cost.name() == form {
        return source.to_owned();
    }
    let how = if converted {
        format!(
            "converted from the published {} at this option's fees of {} {} a month over {} months, when the \
             form was changed.",
            if entry.cost.name() == "PercentOfFees" { "share of the fees" } else { "amount" },
            basis.currency,
            crate::format::thousands(basis.monthly_fee),
            basis.horizon,
        )
    } else {
        "the published figure above is for another form; check the amount.".to_owned()
    };
    format!("{source}{CONVERTED}{}: {how}", described(form))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Distribution;

    fn basis() -> FeeBasis {
        FeeBasis { monthly_fee: 500_000.0, horizon: 36, units: 25_000.0, displaced_fte: 120.0, currency: "USD".into() }
    }

    fn transition() -> HiddenCost {
        catalog().into_iter().find(|e| e.name == "Transition").expect("in the catalog").hidden_cost()
    }

    #[test]
    fn a_share_of_fees_becomes_the_same_money_over_the_horizon() {
        let once = switch_hidden_cost(&transition(), "OneTime", &basis());
        let HiddenCostKind::OneTime { amount, .. } = once.cost else { panic!("{:?}", once.cost) };
        // 2–3 % of 500,000 a month × 36 months = 18 M: 360,000–540,000.
        let Estimate::Uncertain(Distribution::Uniform { low, high }) = amount else { panic!("{amount:?}") };
        assert!((low - 360_000.0).abs() < 1e-6 && (high - 540_000.0).abs() < 1e-6, "{low}–{high}");
        let monthly = switch_hidden_cost(&transition(), "Monthly", &basis());
        let HiddenCostKind::Monthly { amount, .. } = monthly.cost else { panic!("monthly") };
        assert!((amount.base() - 12_500.0).abs() < 1e-6);
        let back = switch_hidden_cost(&once, "PercentOfFees", &basis());
        let HiddenCostKind::PercentOfFees { pct } = back.cost else { panic!("share") };
        assert!((pct.base() - 0.025).abs() < 1e-12);
    }

    #[test]
    fn a_catalog_note_says_how_its_figure_was_converted_and_returns_to_the_source() {
        let original = transition();
        let once = switch_hidden_cost(&original, "OneTime", &basis());
        assert!(once.note.starts_with(&original.note));
        assert!(once.note.contains("Entered as a one-time amount: converted from the published share of the fees"));
        assert!(once.note.contains("USD 500,000 a month over 36 months"), "{}", once.note);
        let monthly = switch_hidden_cost(&once, "Monthly", &basis());
        assert!(monthly.note.contains("Entered as a monthly amount"), "{}", monthly.note);
        assert_eq!(monthly.note.matches("Entered as").count(), 1, "one sentence, replaced");
        let back = switch_hidden_cost(&monthly, "PercentOfFees", &basis());
        assert_eq!(back.note, original.note);
    }

    #[test]
    fn a_users_own_note_and_money_amounts_are_left_as_they_were() {
        let mine = HiddenCost {
            note: "Quote from Acme, May".into(),
            cost: HiddenCostKind::Monthly { amount: Estimate::Fixed(8000.0), from: 0, to: None },
            ..transition()
        };
        let once = switch_hidden_cost(&mine, "OneTime", &basis());
        assert_eq!(once.note, "Quote from Acme, May");
        assert_eq!(once.cost, HiddenCostKind::OneTime { amount: Estimate::Fixed(8000.0), month: 0 });
    }
}
