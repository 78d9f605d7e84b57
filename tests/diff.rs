//! `shoreline diff OLD NEW [--json]`: what changed between two model files and what it did to
//! each option's results; exit 0 the same, 1 different, 2 a file that cannot be read.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use shoreline::engine::Evaluation;
use shoreline::model::{Estimate, HiddenCategory, HiddenCost, HiddenCostKind, Model, Pricing, SourcingOption, io};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_models/contact_center.ron");

fn shoreline(args: &[&Path]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shoreline")).arg("diff").args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn diff_json(old: &Path, new: &Path) -> (i32, Value) {
    let (code, text, err) = shoreline(&[old, new, Path::new("--json")]);
    (code, serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON ({e}): {text}\n{err}")))
}

fn sample() -> Model {
    io::load(Path::new(SAMPLE)).expect("the sample loads")
}

fn save(dir: &Path, name: &str, model: &Model) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, io::to_ron_string(model).expect("writes")).expect("saved");
    path
}

/// The offshore partner: the option the edits below are about.
const MANILA: usize = 2;

#[test]
fn a_sample_against_itself_has_no_differences() {
    let (code, text, _) = shoreline(&[Path::new(SAMPLE), Path::new(SAMPLE)]);
    assert_eq!((code, text.as_str()), (0, "No differences.\n"));
    let (code, value) = diff_json(Path::new(SAMPLE), Path::new(SAMPLE));
    assert_eq!(code, 0);
    for list in ["inputs", "added", "removed"] {
        assert_eq!(value[list], serde_json::json!([]), "{list}");
    }
    assert_eq!(value["options"].as_array().map(Vec::len), Some(3), "results are still given");
}

/// The sample with one rate and the volume changed, a hidden cost added and a scenario removed.
fn edited(old: &Model) -> Model {
    let mut new = old.clone();
    new.options[MANILA].pricing =
        Pricing::PerHour { rate: Estimate::Fixed(16.0), hours_per_fte: Estimate::Fixed(160.0) };
    new.workload.monthly_volume = Estimate::Fixed(90_000.0);
    new.options[MANILA].hidden.push(HiddenCost {
        name: "Cyber insurance".into(),
        category: HiddenCategory::Compliance,
        cost: HiddenCostKind::Monthly { amount: Estimate::Fixed(3_000.0), from: 0, to: None },
        note: String::new(),
    });
    new.scenarios.remove(1);
    new
}

#[test]
fn an_edited_copy_lists_exactly_its_edits_and_what_they_did() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = sample();
    let new = edited(&old);
    let new_path = save(dir.path(), "edited.ron", &new);
    let (code, value) = diff_json(Path::new(SAMPLE), &new_path);
    assert_eq!(code, 1, "the files differ");

    let inputs = value["inputs"].as_array().expect("inputs");
    let paths: Vec<&str> = inputs.iter().filter_map(|i| i["path"].as_str()).collect();
    assert_eq!(paths, ["workload.monthly_volume", "options[2].pricing.rate"]);
    assert_eq!(inputs[0]["old"], serde_json::json!({"Normal": {"mean": 100000.0, "sd": 6000.0}}));
    assert_eq!(inputs[0]["new"], 90000.0);
    assert_eq!(inputs[1]["old"], serde_json::json!({"Pert": {"low": 11.0, "mode": 14.0, "high": 18.0}}));
    assert_eq!(inputs[1]["new"], 16.0);
    assert_eq!(inputs[1]["label"], "Manila offshore partner › rate");

    let added = value["added"].as_array().expect("added");
    assert_eq!(added.len(), 1);
    assert_eq!((added[0]["kind"].as_str(), added[0]["name"].as_str()), (Some("hidden_cost"), Some("Cyber insurance")));
    let removed = value["removed"].as_array().expect("removed");
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0]["kind"], "scenario");
    assert_eq!(removed[0]["name"].as_str(), Some(old.scenarios[1].name.as_str()));
    assert_eq!(value["other"], serde_json::json!([]), "nothing else changed");

    // The figures are each file's own, and the dearer, busier-with-less offshore deal is worth less.
    let (before, after) = (Evaluation::of_model(&old), Evaluation::of_model(&new));
    let manila = &value["options"][MANILA];
    let close = |json: &Value, x: f64| json.as_f64().is_some_and(|j| (j - x).abs() <= 1e-9 * x.abs());
    assert!(close(&manila["npv"]["old"], before.options[MANILA].npv), "{manila}");
    assert!(close(&manila["npv"]["new"], after.options[MANILA].npv), "{manila}");
    assert!(after.options[MANILA].npv < before.options[MANILA].npv);

    let (_, text, _) = shoreline(&[Path::new(SAMPLE), &new_path]);
    assert!(
        text.contains("Manila offshore partner › rate [options[2].pricing.rate]: Pert(low 11, mode 14, high 18) → 16"),
        "{text}"
    );
    assert!(
        text.contains("Monthly volume [workload.monthly_volume]: Normal(mean 100,000, sd 6,000) → 90,000"),
        "{text}"
    );
    assert!(text.contains("hidden cost Manila offshore partner › Cyber insurance [options[2].hidden[9]]"), "{text}");
    let npv = text.lines().skip_while(|l| l.trim() != "Manila offshore partner").nth(1).expect("Manila's NPV line");
    assert!(npv.trim().starts_with("NPV: USD 11.3 M → USD ") && npv.contains("(−USD "), "{npv}");
}

#[test]
fn an_option_inserted_in_front_does_not_change_the_later_options_inputs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = sample();
    let mut new = old.clone();
    new.options.insert(0, SourcingOption::named("Bangalore captive".into()));
    // As the file would be written: the scenarios and pins still name the same inputs.
    let shift = |path: &mut String| {
        for i in (0..old.options.len()).rev() {
            *path = path.replace(&format!("options[{i}]"), &format!("options[{}]", i + 1));
        }
    };
    new.scenarios.iter_mut().flat_map(|s| s.overrides.iter_mut()).for_each(|o| shift(&mut o.input));
    new.presentation.pinned.iter_mut().for_each(|p| shift(&mut p.input));
    let new_path = save(dir.path(), "inserted.ron", &new);
    let (code, value) = diff_json(Path::new(SAMPLE), &new_path);
    assert_eq!(code, 1);
    assert_eq!(value["inputs"], serde_json::json!([]), "no input of the options after it changed");
    assert_eq!(value["other"], serde_json::json!([]), "{value}");
    assert_eq!(value["removed"], serde_json::json!([]));
    assert_eq!(value["added"][0]["path"], "options[0]");
    assert_eq!(value["added"][0]["kind"], "option");
    let first = &value["options"][0];
    assert_eq!((first["in_old"].as_bool(), first["npv"]["old"].is_null()), (Some(false), true), "new only");
    assert_eq!(value["options"][1]["name"].as_str(), Some(old.options[0].name.as_str()));
    assert!(value["options"][1]["npv"]["old"].is_number() && value["options"][1]["npv"]["new"].is_number());
}

#[test]
fn a_distribution_changed_to_a_number_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = sample();
    let mut new = old.clone();
    new.in_house.costs[0].amount = Estimate::Fixed(48_000.0);
    let new_path = save(dir.path(), "fixed.ron", &new);
    let (code, text, _) = shoreline(&[Path::new(SAMPLE), &new_path]);
    assert_eq!(code, 1);
    assert!(
        text.contains(
            "In-house › Agent wages + benefits › amount [in_house.costs[0].amount]: \
             Pert(low 44,000, mode 48,000, high 54,000) → 48,000"
        ),
        "{text}"
    );
    // The base value is the same, so no figure moves.
    assert!(text.contains("NPV: USD 11.3 M (unchanged)"), "{text}");
}

#[test]
fn the_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().expect("temp dir");
    let new_path = save(dir.path(), "edited.ron", &edited(&sample()));
    let (_, value) = diff_json(Path::new(SAMPLE), &new_path);
    let keys = |v: &Value| -> Vec<String> { v.as_object().expect("an object").keys().cloned().collect() };
    for key in ["inputs", "added", "removed", "options"] {
        assert!(value[key].is_array(), "{key}: {value}");
    }
    for input in value["inputs"].as_array().expect("inputs") {
        for key in ["path", "label", "old", "new"] {
            assert!(keys(input).contains(&key.to_owned()), "{key} in {input}");
        }
    }
    for option in value["options"].as_array().expect("options") {
        assert!(option["name"].is_string(), "{option}");
        for figure in ["npv", "savings_pct", "payback_months"] {
            let mut pair = keys(&option[figure]);
            pair.sort();
            assert_eq!(pair, ["new", "old"], "{figure} in {option}");
        }
    }
}

#[test]
fn hostile_names_and_file_names_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut new = sample();
    new.options[MANILA].hidden.push(HiddenCost {
        name: "Audit\u{1b}[2J\u{7}\r\nExit code 0".into(),
        category: HiddenCategory::Other,
        cost: HiddenCostKind::OneTime { amount: Estimate::Fixed(1.0), month: 0 },
        note: String::new(),
    });
    let new_path = save(dir.path(), "new\u{1b}[31m.ron", &new);
    let (code, text, _) = shoreline(&[Path::new(SAMPLE), &new_path]);
    assert_eq!(code, 1);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert!(text.contains("Audit\\u{1b}[2J\\u{7}\\r\\nExit code 0"), "{text}");
    assert!(text.contains("new\\u{1b}[31m.ron"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("Exit code 0")), "a name cannot start a line of its own");
    let (_, value) = diff_json(Path::new(SAMPLE), &new_path);
    assert_eq!(value["added"][0]["name"], "Audit\u{1b}[2J\u{7}\r\nExit code 0", "JSON keeps the name as it is");
}

#[test]
fn a_file_that_cannot_be_read_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.ron");
    let (code, text, err) = shoreline(&[Path::new(SAMPLE), &missing]);
    assert_eq!((code, text.as_str()), (2, ""), "{err}");
    let garbage = dir.path().join("garbage.ron");
    std::fs::write(&garbage, "Model(name: ").expect("written");
    let (code, _, err) = shoreline(&[&garbage, Path::new(SAMPLE)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("garbage.ron"), "{err}");
}
