//! Every real-valued input of a model, named by its path in the file (contract §4):
//! `workload.monthly_volume`, `in_house.costs[0].amount`, `options[0].hidden[3].cost.pct`.
//!
//! [`visit`] is the one place that lists the inputs and their order; everything else (the
//! owned list [`inputs`], [`set_input`], the engine's plan numbering) is built on it. An input's
//! place is held as an [`InputSite`], a small value that writes its path and label on demand, so
//! listing the inputs allocates nothing per input.

mod kind;
mod site;

pub use kind::ValueKind;
pub use site::{HiddenField, InputNames, InputSite, LineField, OptionField};

use super::{Estimate, HiddenCategory, HiddenCostKind, Model, Pricing};

/// An owned description of an input, for menus and tables.
#[derive(Clone, Debug, PartialEq)]
pub struct InputInfo {
    /// Path in the file.
    pub path: String,
    /// Label in the user's words.
    pub label: String,
    /// Valid range.
    pub kind: ValueKind,
    /// The current value.
    pub estimate: Estimate,
}

/// The reason an input path cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` names no real-valued input of this model")]
pub struct UnknownInput(pub String);

/// Calls `f` with every real-valued input of the model, in file order: its place, its valid
/// range and its estimate. The order is the numbering of the engine's plan slots.
pub fn visit<'a>(model: &'a Model, mut f: impl FnMut(InputSite, ValueKind, &'a Estimate)) {
    use ValueKind::{Credit, Dip, Growth, Money, Positive, Quantity, Share};
    f(InputSite::DiscountRate, Growth, &model.discount_rate);
    f(InputSite::MonthlyVolume, Quantity, &model.workload.monthly_volume);
    f(InputSite::AnnualGrowth, Growth, &model.workload.annual_growth);
    f(InputSite::UnitsPerFte, Positive, &model.in_house.units_per_fte_month);
    for (line, l) in model.in_house.costs.iter().enumerate() {
        f(InputSite::InHouseCost { line, field: LineField::Amount }, Money, &l.amount);
        f(InputSite::InHouseCost { line, field: LineField::Escalation }, Growth, &l.escalation);
    }
    for (option, o) in model.options.iter().enumerate() {
        let mut field = |field: OptionField, kind: ValueKind, e: &'a Estimate| {
            f(InputSite::Option { option, field }, kind, e);
        };
        match &o.pricing {
            Pricing::PerFte { rate } => field(OptionField::Rate, Money, rate),
            Pricing::PerHour { rate, hours_per_fte } => {
                field(OptionField::Rate, Money, rate);
                field(OptionField::HoursPerFte, Quantity, hours_per_fte);
            }
            Pricing::PerUnit { price } => field(OptionField::Price, Money, price),
            Pricing::FixedFee { monthly } => field(OptionField::Monthly, Money, monthly),
            Pricing::Tiered { tiers } => {
                for (i, tier) in tiers.iter().enumerate() {
                    field(OptionField::TierPrice(i), Money, &tier.price);
                }
            }
            Pricing::PerOutcome { price, outcome_rate } => {
                field(OptionField::Price, Money, price);
                field(OptionField::OutcomeRate, Share, outcome_rate);
            }
            Pricing::Anchored { baseline_units, baseline_fee, band, arc, rrc } => {
                field(OptionField::BaselineUnits, Quantity, baseline_units);
                field(OptionField::BaselineFee, Money, baseline_fee);
                field(OptionField::Band, Share, band);
                field(OptionField::Arc, Money, arc);
                field(OptionField::Rrc, Money, rrc);
            }
        }
        field(OptionField::Productivity, Positive, &o.productivity);
        if let Some(learning) = &o.learning {
            field(OptionField::InitialDip, Dip, &learning.initial_dip);
        }
        field(OptionField::MinimumMonthly, Money, &o.minimum_monthly);
        field(OptionField::RateEscalation, Growth, &o.rate_escalation);
        if let Some(fx) = &o.fx {
            field(OptionField::FxRate, Positive, &fx.rate);
            field(OptionField::FxAnnualChange, Growth, &fx.annual_change);
        }
        for (line, l) in o.retained.iter().enumerate() {
            field(OptionField::Retained { line, field: LineField::Amount }, Money, &l.amount);
            field(OptionField::Retained { line, field: LineField::Escalation }, Growth, &l.escalation);
        }
        for (item, h) in o.hidden.iter().enumerate() {
            let (hidden, kind, e) = match &h.cost {
                HiddenCostKind::OneTime { amount, .. }
                | HiddenCostKind::Monthly { amount, .. }
                | HiddenCostKind::PerUnit { amount }
                | HiddenCostKind::PerDisplacedFte { amount } => (HiddenField::Amount, Money, amount),
                HiddenCostKind::PercentOfFees { pct } => {
                    (HiddenField::Pct, if h.category == HiddenCategory::Sla { Credit } else { Share }, pct)
                }
            };
            field(OptionField::Hidden { item, field: hidden }, kind, e);
        }
    }
}

/// Every real-valued input of the model, in file order.
pub fn inputs(model: &Model) -> Vec<InputInfo> {
    let mut all = Vec::new();
    visit(model, |site, kind, estimate| {
        all.push(InputInfo { path: site.to_string(), label: site.label(model), kind, estimate: *estimate });
    });
    all
}

/// The input at `path`: its place, valid range and estimate.
fn find<'a>(model: &'a Model, path: &str) -> Option<(InputSite, ValueKind, &'a Estimate)> {
    let mut found = None;
    visit(model, |site, kind, estimate| {
        if found.is_none() && site.is_at(path) {
            found = Some((site, kind, estimate));
        }
    });
    found
}

/// The input at `path`.
pub fn input(model: &Model, path: &str) -> Result<InputInfo, UnknownInput> {
    let (site, kind, estimate) = find(model, path).ok_or_else(|| UnknownInput(path.to_owned()))?;
    Ok(InputInfo { path: path.to_owned(), label: site.label(model), kind, estimate: *estimate })
}

/// Where the input at `path` is, when `path` names one.
pub fn site_of(model: &Model, path: &str) -> Option<InputSite> {
    find(model, path).map(|(site, _, _)| site)
}

/// Replace the input at `path`.
pub fn set_input(model: &mut Model, path: &str, value: Estimate) -> Result<(), UnknownInput> {
    let site = find(model, path).map(|(site, _, _)| site);
    match site.and_then(|site| site.estimate_mut(model)) {
        Some(estimate) => {
            *estimate = value;
            Ok(())
        }
        None => Err(UnknownInput(path.to_owned())),
    }
}

impl Model {
    /// The model as scenario `index` sees it: its overrides applied.
    pub fn with_scenario(&self, index: usize) -> Result<Self, UnknownInput> {
        let mut model = self.clone();
        if let Some(scenario) = self.scenarios.get(index) {
            for o in &scenario.overrides {
                // A relative change applies to the base model's value, not to an earlier override.
                let base = input(self, &o.input)?.estimate;
                set_input(&mut model, &o.input, o.value.applied_to(&base))?;
            }
        }
        Ok(model)
    }

    /// The index of the scenario named `name`.
    pub fn scenario_index(&self, name: &str) -> Option<usize> {
        self.scenarios.iter().position(|s| s.name == name)
    }
}

/// The source or reasoning written beside the input at `path`: the note of its cost line, hidden
/// cost or option (the nearest one that has a note), if any.
pub fn note_of<'a>(model: &'a Model, path: &str) -> Option<&'a str> {
    fn index(part: &str, name: &str) -> Option<usize> {
        part.strip_prefix(name)?.strip_prefix('[')?.strip_suffix(']')?.parse().ok()
    }
    let parts: Vec<&str> = path.split('.').collect();
    let note = match parts.as_slice() {
        ["in_house", line, ..] => index(line, "costs").and_then(|i| model.in_house.costs.get(i)).map(|l| &l.note),
        [option, rest @ ..] => {
            let o = model.options.get(index(option, "options")?)?;
            let own = match rest.first() {
                Some(part) => index(part, "retained")
                    .and_then(|i| o.retained.get(i))
                    .map(|l| &l.note)
                    .or_else(|| index(part, "hidden").and_then(|i| o.hidden.get(i)).map(|h| &h.note)),
                None => None,
            };
            own.filter(|n| !n.trim().is_empty()).or(Some(&o.note))
        }
        [] => None,
    };
    note.map(String::as_str).filter(|n| !n.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::large_model;
    use crate::model::samples::{SAMPLES, load_sample};

    fn models() -> Vec<Model> {
        let mut models: Vec<Model> = SAMPLES.iter().map(|s| load_sample(s).expect("the sample loads")).collect();
        models.push(large_model(24, 3, 12));
        models
    }

    #[test]
    fn each_site_names_the_estimate_the_visit_found_there() {
        for mut model in models() {
            let mut found: Vec<(InputSite, *const Estimate)> = Vec::new();
            visit(&model, |site, _, estimate| found.push((site, estimate)));
            assert!(!found.is_empty());
            for &(site, estimate) in &found {
                assert!(site.estimate(&model).is_some_and(|e| std::ptr::eq(e, estimate)), "{site}");
                let mutable = site.estimate_mut(&mut model).map(|e| &raw const *e);
                assert_eq!(mutable, Some(estimate), "{site}");
            }
        }
    }

    #[test]
    fn a_site_is_at_its_path_only() {
        for model in models() {
            let mut sites = Vec::new();
            visit(&model, |site, _, _| sites.push(site));
            for site in &sites {
                let path = site.to_string();
                assert_eq!(find(&model, &path).map(|(s, _, _)| s), Some(*site), "{path}");
                for other in [format!("{path}x"), format!("{path}[0]"), path[..path.len() - 1].to_owned()] {
                    assert!(!site.is_at(&other), "{site} is not at {other}");
                }
            }
            let paths: std::collections::BTreeSet<String> = sites.iter().map(ToString::to_string).collect();
            assert_eq!(paths.len(), sites.len(), "paths are distinct");
        }
    }

    #[test]
    fn a_site_the_model_does_not_have_has_no_estimate() {
        let mut model = large_model(12, 1, 2);
        let missing = [
            InputSite::InHouseCost { line: 99, field: LineField::Amount },
            InputSite::Option { option: 9, field: OptionField::Productivity },
            InputSite::Option { option: 0, field: OptionField::TierPrice(0) },
            InputSite::Option { option: 0, field: OptionField::Hidden { item: 99, field: HiddenField::Pct } },
        ];
        for site in missing {
            assert_eq!(site.estimate(&model), None, "{site}");
            assert_eq!(site.estimate_mut(&mut model), None, "{site}");
        }
    }

    #[test]
    fn an_inputs_source_is_the_note_of_its_line_hidden_cost_or_option() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        let line = model.in_house.costs[0].note.clone();
        assert!(!line.is_empty());
        assert_eq!(note_of(&model, "in_house.costs[0].amount"), Some(line.as_str()));
        assert_eq!(note_of(&model, "workload.monthly_volume"), None, "the workload has no note");
        let hidden = model.options[0].hidden[0].note.clone();
        assert_eq!(note_of(&model, "options[0].hidden[0].amount"), Some(hidden.as_str()));
        // A hidden cost without a note of its own falls back to its option's.
        model.options[0].hidden[0].note.clear();
        model.options[0].note = "Vendor quote, March".into();
        assert_eq!(note_of(&model, "options[0].hidden[0].amount"), Some("Vendor quote, March"));
        assert_eq!(note_of(&model, "options[0].pricing.rate"), Some("Vendor quote, March"));
        assert_eq!(note_of(&model, "options[9].pricing.rate"), None);
    }
}
