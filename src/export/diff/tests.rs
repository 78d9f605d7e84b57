//! The diff as an analyst reads it: what changed, nothing else, and what it did.

use super::*;
use crate::model::samples::default_model;

fn sample() -> crate::model::Model {
    default_model().expect("the contact-center sample loads")
}
use crate::model::{Distribution, HiddenCategory, HiddenCost, HiddenCostKind, Learning, Pricing, SourcingOption};

#[test]
fn a_model_against_itself_has_no_differences() {
    let model = sample();
    let d = diff(&model, &model);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(d.options.len(), model.options.len());
    assert!(d.options.iter().all(|o| o.old == o.new && matches!(o.new, Outcome::Evaluated(_))));
}

#[test]
fn a_changed_rate_is_one_input_with_its_old_and_new_estimate() {
    let old = sample();
    let mut new = old.clone();
    new.options[2].pricing = Pricing::PerHour { rate: Estimate::Fixed(16.0), hours_per_fte: Estimate::Fixed(160.0) };
    let d = diff(&old, &new);
    assert_eq!(d.inputs.len(), 1, "{:?}", d.inputs);
    let change = &d.inputs[0];
    assert_eq!(change.path, "options[2].pricing.rate");
    assert_eq!(change.old, Some(Estimate::Uncertain(Distribution::Pert { low: 11.0, mode: 14.0, high: 18.0 })));
    assert_eq!(change.new, Some(Estimate::Fixed(16.0)));
    assert_eq!(
        change.describe(),
        format!("{} [options[2].pricing.rate]: Pert(low 11, mode 14, high 18) → 16", change.label)
    );
    assert!(d.added.is_empty() && d.removed.is_empty() && d.other.is_empty(), "{d:?}");
    let manila = d.options.iter().find(|o| o.name == old.options[2].name).expect("Manila is compared");
    let (Outcome::Evaluated(before), Outcome::Evaluated(after)) = (manila.old, manila.new) else {
        panic!("both files are valid")
    };
    assert!(after.npv < before.npv, "a dearer rate lowers the NPV: {before:?} → {after:?}");
}

#[test]
fn an_option_inserted_in_front_is_added_and_nothing_else_moves() {
    let old = sample();
    let mut new = old.clone();
    new.options.insert(0, SourcingOption::named("Newcomer".into()));
    let d = diff(&old, &new);
    assert!(d.inputs.is_empty(), "{:?}", d.inputs);
    assert_eq!(d.added.len(), 1);
    assert_eq!((d.added[0].kind, d.added[0].path.as_str()), (ItemKind::Option, "options[0]"));
    assert_eq!(d.options[0].old, Outcome::Absent);
    // The file's scenario and pins still name options by index: they now point elsewhere.
    assert!(d.other.iter().any(|c| c.path.starts_with("scenarios[0].overrides")), "{:?}", d.other);
    assert!(d.other.iter().any(|c| c.path == "presentation.pinned"), "{:?}", d.other);
}

#[test]
fn paths_rewritten_for_the_insertion_are_no_change() {
    let old = sample();
    let mut new = old.clone();
    new.options.insert(0, SourcingOption::named("Newcomer".into()));
    let shift = |path: &mut String| {
        for i in (0..old.options.len()).rev() {
            *path = path.replace(&format!("options[{i}]"), &format!("options[{}]", i + 1));
        }
    };
    new.scenarios.iter_mut().flat_map(|s| s.overrides.iter_mut()).for_each(|o| shift(&mut o.input));
    new.presentation.pinned.iter_mut().for_each(|p| shift(&mut p.input));
    let d = diff(&old, &new);
    assert!(d.inputs.is_empty() && d.other.is_empty() && d.removed.is_empty(), "{d:?}");
}

#[test]
fn a_distribution_made_a_number_is_an_input_change() {
    let old = sample();
    let mut new = old.clone();
    new.workload.monthly_volume = Estimate::Fixed(100_000.0);
    let d = diff(&old, &new);
    assert_eq!(d.inputs.len(), 1);
    assert_eq!(d.inputs[0].path, "workload.monthly_volume");
    assert!(d.inputs[0].describe().ends_with("Normal(mean 100,000, sd 6,000) → 100,000"), "{}", d.inputs[0].describe());
}

#[test]
fn a_new_pricing_form_reports_the_form_and_the_fields_either_file_lacks() {
    let old = sample();
    let mut new = old.clone();
    new.options[2].pricing = Pricing::PerFte { rate: Estimate::Fixed(2_300.0) };
    new.options[2].learning = None;
    let d = diff(&old, &new);
    let paths: Vec<(&str, bool, bool)> =
        d.inputs.iter().map(|c| (c.path.as_str(), c.old.is_some(), c.new.is_some())).collect();
    assert_eq!(
        paths,
        vec![
            ("options[2].pricing.rate", true, true),
            ("options[2].pricing.hours_per_fte", true, false),
            ("options[2].learning.initial_dip", true, false),
        ]
    );
    let other: Vec<(&str, &str, &str)> =
        d.other.iter().map(|c| (c.path.as_str(), c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(
        other,
        vec![("options[2].pricing", "per hour", "per FTE"), ("options[2].learning", "over 12 months", "none")]
    );
}

#[test]
fn added_and_removed_items_are_named_with_their_option() {
    let old = sample();
    let mut new = old.clone();
    new.options[1].hidden.push(HiddenCost {
        name: "Cyber insurance".into(),
        category: HiddenCategory::Compliance,
        cost: HiddenCostKind::Monthly { amount: Estimate::Fixed(2_000.0), from: 0, to: None },
        note: String::new(),
    });
    let gone = new.scenarios.remove(1);
    let d = diff(&old, &new);
    assert!(d.inputs.is_empty() && d.other.is_empty(), "{d:?}");
    let hidden = &d.added[0];
    assert_eq!(hidden.kind, ItemKind::HiddenCost);
    assert_eq!(hidden.path, format!("options[1].hidden[{}]", old.options[1].hidden.len()));
    assert_eq!(hidden.label, format!("{} › Cyber insurance", old.options[1].name));
    assert_eq!(d.removed.len(), 1);
    assert_eq!((d.removed[0].kind, d.removed[0].name.as_str()), (ItemKind::Scenario, gone.name.as_str()));
}

#[test]
fn settings_that_change_results_are_reported_in_words() {
    let old = sample();
    let mut new = old.clone();
    new.horizon_months = 48;
    new.options[0].transition.ramp_months = 6;
    new.in_house.costs[6].end_month = None;
    new.options[1].learning = Some(Learning { initial_dip: Estimate::Fixed(0.15), months: 6 });
    let d = diff(&old, &new);
    let other: Vec<String> = d.other.iter().map(|c| c.describe(80)).collect();
    assert_eq!(
        other,
        vec![
            "Horizon [horizon_months]: 36 months → 48 months",
            "In-house › Site lease › end month [in_house.costs[6].end_month]: month 30 → the horizon",
            format!(
                "{} › transition › ramp months [options[0].transition.ramp_months]: 2 months → 6 months",
                old.options[0].name
            )
            .as_str(),
            format!("{} › learning [options[1].learning]: over 9 months → over 6 months", old.options[1].name).as_str(),
        ]
    );
    assert!(d.inputs.is_empty(), "the dip itself is unchanged: {:?}", d.inputs);
}

#[test]
fn an_invalid_file_is_compared_but_not_evaluated() {
    let old = sample();
    let mut new = old.clone();
    new.horizon_months = 0;
    let d = diff(&old, &new);
    assert!(!d.is_empty());
    assert!(d.errors.old.is_empty());
    assert!(d.errors.new.iter().any(|e| e.contains("horizon_months")), "{:?}", d.errors.new);
    assert!(d.options.iter().all(|o| o.new == Outcome::NotEvaluated && matches!(o.old, Outcome::Evaluated(_))));
    assert!(d.options[0].lines(&d.currency)[0].contains("not computed (new file has errors)"));
}

#[test]
fn the_json_has_the_documented_shape() {
    let old = sample();
    let mut new = old.clone();
    new.discount_rate = Estimate::Fixed(0.1);
    let value = serde_json::to_value(diff(&old, &new)).expect("serialises");
    assert_eq!(value["inputs"][0]["path"], "discount_rate");
    assert_eq!(value["inputs"][0]["old"], 0.08);
    assert_eq!(value["inputs"][0]["new"], 0.1);
    // The offshore partner pays back: every figure is a number in both files.
    let option = &value["options"][2];
    assert_eq!(option["name"], old.options[2].name.as_str());
    for figure in ["npv", "savings_pct", "payback_months"] {
        assert!(option[figure]["old"].is_number() && option[figure]["new"].is_number(), "{figure}: {option}");
    }
    assert!(value["added"].as_array().is_some_and(Vec::is_empty));
    assert!(value["removed"].as_array().is_some_and(Vec::is_empty));
}

#[test]
fn an_item_renamed_and_nothing_else_is_a_new_name_not_a_new_item() {
    let old = sample();
    let mut new = old.clone();
    new.options[1].name = "Monterrey partner".into();
    new.options[2].hidden[3].name = "Governance office".into();
    let d = diff(&old, &new);
    assert!(d.added.is_empty() && d.removed.is_empty() && d.inputs.is_empty(), "{d:?}");
    let other: Vec<(&str, &str, &str)> =
        d.other.iter().map(|c| (c.path.as_str(), c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(
        other,
        vec![
            ("options[1].name", old.options[1].name.as_str(), "Monterrey partner"),
            ("options[2].hidden[3].name", "Governance", "Governance office"),
        ]
    );
    assert!(matches!((d.options[1].old, d.options[1].new), (Outcome::Evaluated(_), Outcome::Evaluated(_))));
}

#[test]
fn a_renamed_item_that_also_changed_is_removed_and_added() {
    let old = sample();
    let mut new = old.clone();
    new.options[1].name = "Monterrey partner".into();
    new.options[1].region = "Mexico (Saltillo)".into();
    let d = diff(&old, &new);
    assert_eq!((d.added.len(), d.removed.len()), (1, 1), "{d:?}");
    assert_eq!(d.options.len(), 4, "the added option, then the removed one: {:?}", d.options);
    assert_eq!((d.options[1].old, d.options[3].new), (Outcome::Absent, Outcome::Absent));
}

#[test]
fn long_texts_that_differ_far_in_are_shown_where_they_differ() {
    let old = sample();
    let mut new = old.clone();
    new.description = old.description.replace("English", "Spanish");
    let d = diff(&old, &new);
    assert_eq!(d.other.len(), 1);
    let line = d.other[0].describe(40);
    let (before, after) = line.split_once(" → ").expect("old → new");
    assert!(before.contains("English") && after.contains("Spanish"), "{line}");
    assert!(before.starts_with("Description [description]: …"), "{line}");
}
