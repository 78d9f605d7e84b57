//! The sample models in `sample_models/`: each loads, validates cleanly, is canonical and
//! round-trips; together they exercise every feature of the file format.

use std::collections::BTreeSet;

use shoreline::engine::{Evaluation, Plan, Slot};
use shoreline::model::inputs::{inputs, set_input};
use shoreline::model::io::{from_ron_str, to_ron_string};
use shoreline::model::samples::{self, SAMPLES, Sample};
use shoreline::model::{
    Behavior, DISTRIBUTION_NAMES, Estimate, HiddenCategory, HiddenCostKind, Method, Model, Period, Pricing, Shore,
    Staffing, validate,
};

fn load(sample: &Sample) -> Model {
    samples::load_sample(sample).unwrap_or_else(|e| panic!("{} does not load: {e}", sample.file_name))
}

fn all() -> Vec<(&'static Sample, Model)> {
    SAMPLES.iter().map(|s| (s, load(s))).collect()
}

#[test]
fn there_are_five_samples_with_distinct_files() {
    let names: BTreeSet<_> = SAMPLES.iter().map(|s| s.file_name).collect();
    assert_eq!(names.len(), 5);
    for name in
        ["contact_center.ron", "accounts_payable.ron", "it_help_desk.ron", "hr_payroll.ron", "research_analytics.ron"]
    {
        assert!(names.contains(name), "missing {name}");
    }
}

#[test]
fn the_embedded_text_is_the_file_on_disk() {
    for sample in SAMPLES {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_models").join(sample.file_name);
        let on_disk = std::fs::read_to_string(&path).expect("sample file readable");
        assert_eq!(on_disk, sample.text, "{}", sample.file_name);
    }
}

#[test]
fn every_sample_validates_without_errors_or_warnings() {
    for (sample, model) in all() {
        let problems = validate(&model);
        assert!(problems.0.is_empty(), "{}: {:?}", sample.file_name, problems.0);
    }
}

#[test]
fn every_sample_round_trips_and_is_canonical() {
    for (sample, model) in all() {
        let text = to_ron_string(&model).expect("writes");
        assert_eq!(text, sample.text, "{} is not in canonical form: run `shoreline fmt` on it", sample.file_name);
        let again = from_ron_str(&text).expect("reloads");
        assert_eq!(again, model, "{}", sample.file_name);
    }
}

#[test]
fn every_sample_compares_onshore_nearshore_and_offshore() {
    for (sample, model) in all() {
        assert!(model.options.len() >= 3, "{}", sample.file_name);
        for shore in Shore::ALL {
            assert!(
                model.options.iter().any(|o| o.shore == shore),
                "{} has no {} option",
                sample.file_name,
                shore.label()
            );
        }
        assert!(!model.scenarios.is_empty(), "{} has no scenario", sample.file_name);
        assert!(!model.description.is_empty(), "{} has no description", sample.file_name);
    }
}

#[test]
fn the_default_model_is_the_contact_center() {
    let model = samples::default_model().expect("the default model loads");
    assert_eq!(model, load(&samples::CONTACT_CENTER));
    assert_eq!(SAMPLES[0].file_name, "contact_center.ron");
    assert!(model.name.starts_with("Contact center"));
    assert_eq!(model.options.len(), 3);
    assert_eq!(model.horizon_months, 36);
}

/// What the samples use together, collected from the parsed models.
#[derive(Default)]
struct Coverage {
    pricing: BTreeSet<&'static str>,
    categories: BTreeSet<HiddenCategory>,
    kinds: BTreeSet<&'static str>,
    distributions: BTreeSet<&'static str>,
    staffing: BTreeSet<&'static str>,
    behaviors: BTreeSet<&'static str>,
    periods: BTreeSet<&'static str>,
    methods: BTreeSet<&'static str>,
    fx_with_change: bool,
    learning: bool,
    minimum: bool,
    ramp_and_parallel: bool,
    retained: bool,
    scenarios: bool,
}

fn coverage() -> Coverage {
    let mut c = Coverage::default();
    for (_, model) in all() {
        c.staffing.insert(match model.in_house.staffing {
            Staffing::SizedToPeak => "SizedToPeak",
            Staffing::Flexible => "Flexible",
        });
        c.methods.insert(match model.simulation.method {
            Method::Random => "Random",
            Method::LatinHypercube => "LatinHypercube",
        });
        c.scenarios |= !model.scenarios.is_empty() && model.scenarios.iter().all(|s| !s.overrides.is_empty());
        for input in inputs(&model) {
            if let Some(d) = input.estimate.distribution() {
                c.distributions.insert(d.name());
            }
        }
        let mut lines: Vec<_> = model.in_house.costs.iter().collect();
        for option in &model.options {
            lines.extend(&option.retained);
            c.retained |= !option.retained.is_empty();
            c.pricing.insert(option.pricing.name());
            c.learning |= option.learning.is_some();
            c.minimum |= option.minimum_monthly.base() > 0.0;
            c.fx_with_change |=
                option.fx.as_ref().is_some_and(|fx| fx.currency != model.currency && fx.annual_change != 0.0.into());
            c.ramp_and_parallel |= option.transition.ramp_months > 0 && option.transition.parallel_months > 0;
            for hidden in &option.hidden {
                c.categories.insert(hidden.category);
                c.kinds.insert(hidden.cost.name());
            }
        }
        for line in lines {
            c.behaviors.insert(match line.behavior {
                Behavior::Fixed => "Fixed",
                Behavior::PerFte => "PerFte",
                Behavior::PerUnit => "PerUnit",
                Behavior::Step { .. } => "Step",
            });
            c.periods.insert(match line.period {
                Period::Month => "Month",
                Period::Year => "Year",
            });
        }
    }
    c
}

fn set(names: &[&'static str]) -> BTreeSet<&'static str> {
    names.iter().copied().collect()
}

#[test]
fn together_the_samples_use_every_feature_of_the_format() {
    let c = coverage();
    assert_eq!(c.pricing, set(&Pricing::NAMES), "pricing forms");
    assert_eq!(c.categories, HiddenCategory::ALL.into_iter().collect(), "hidden-cost categories");
    assert_eq!(c.kinds, set(&HiddenCostKind::NAMES), "hidden-cost kinds");
    assert_eq!(c.distributions, set(&DISTRIBUTION_NAMES), "distributions");
    assert_eq!(c.staffing, set(&["SizedToPeak", "Flexible"]), "staffing modes");
    assert_eq!(c.behaviors, set(&["Fixed", "PerFte", "PerUnit", "Step"]), "cost-line behaviors");
    assert_eq!(c.periods, set(&["Month", "Year"]), "periods");
    assert_eq!(c.methods, set(&["Random", "LatinHypercube"]), "simulation methods");
    assert!(c.fx_with_change, "an option priced in another currency with an annual change");
    assert!(c.learning, "a learning curve");
    assert!(c.minimum, "a minimum monthly fee");
    assert!(c.ramp_and_parallel, "a ramp with parallel running");
    assert!(c.retained, "retained cost lines");
    assert!(c.scenarios, "scenarios with overrides");
}

#[test]
fn every_sample_has_a_scenario_and_every_scenario_applies() {
    for (sample, model) in all() {
        assert!(!model.scenarios.is_empty(), "{}", sample.file_name);
        for i in 0..model.scenarios.len() {
            let variant = model.with_scenario(i).unwrap_or_else(|e| panic!("{}: {e}", sample.file_name));
            assert_ne!(variant, model, "{}: scenario {i} changes nothing", sample.file_name);
        }
    }
}

#[test]
fn every_plan_slot_is_the_input_at_its_path() {
    // The plan numbers the inputs as `model::inputs` lists them, and each slot drives the
    // field its path names: moving slot i evaluates like moving the input at path i.
    for (sample, model) in all() {
        let plan = Plan::new(&model);
        let listed = inputs(&model);
        assert_eq!(plan.inputs.len(), listed.len(), "{}", sample.file_name);
        let base = plan.base_values();
        for (i, info) in listed.iter().enumerate() {
            let at = format!("{}: slot {i} ({})", sample.file_name, info.path);
            assert_eq!(plan.input_path(Slot(i)), info.path, "{at}");
            assert_eq!(plan.input_label(Slot(i)), info.label, "{at}");
            assert_eq!((plan.inputs[i].kind, plan.inputs[i].estimate), (info.kind, info.estimate), "{at}");
            assert_eq!(plan.slot_of(&info.path), Some(Slot(i)), "{at}");
            let mut values = base.clone();
            values[i] = info.kind.clamp(base[i] * 0.77 + 0.013);
            let mut changed = model.clone();
            set_input(&mut changed, &info.path, Estimate::Fixed(values[i])).expect("the path names an input");
            assert_eq!(
                format!("{:?}", Evaluation::of_plan(&plan, &values)),
                format!("{:?}", Evaluation::of_model(&changed)),
                "{at}"
            );
        }
    }
}
