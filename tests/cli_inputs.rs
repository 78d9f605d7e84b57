//! `shoreline inputs` lists every input path; a mistyped `--input` names the nearest ones.

use std::process::Command;

fn shoreline(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shoreline")).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_models/contact_center.ron");

#[test]
fn inputs_lists_every_path_with_its_label_and_value() {
    let model = shoreline::model::io::load(std::path::Path::new(SAMPLE)).expect("loads");
    let all = shoreline::model::inputs::inputs(&model);
    let (code, text, _) = shoreline(&["inputs", SAMPLE]);
    assert_eq!(code, 0);
    assert_eq!(text.lines().count(), all.len());
    let rate = all.iter().find(|i| i.path == "options[0].pricing.rate").expect("the onshore rate");
    let line = text.lines().find(|l| l.starts_with("options[0].pricing.rate ")).expect("listed");
    assert!(line.contains(&rate.label), "{line}");
    let (code, json, _) = shoreline(&["inputs", SAMPLE, "--json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let rows = value["inputs"].as_array().expect("inputs");
    assert_eq!(rows.len(), all.len());
    let first = &rows[0];
    assert_eq!(first["path"], all[0].path.as_str());
    assert_eq!(first["base"].as_f64(), Some(all[0].estimate.base()));
}

#[test]
fn a_mistyped_input_names_the_nearest_valid_paths() {
    let (code, _, err) = shoreline(&["goal-seek", SAMPLE, "--input", "options[0].pricing.rat", "--target-npv", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("the nearest are: options[0].pricing.rate"), "{err}");
    assert!(err.contains("shoreline inputs FILE"), "{err}");
}

#[test]
fn evaluate_prints_the_rate_card_by_plan_year_and_json_holds_it() {
    let (code, text, _) = shoreline(&["evaluate", SAMPLE]);
    assert_eq!(code, 0);
    assert!(text.contains("Rate card (USD, hourly at 160 h per FTE-month"), "{text}");
    for year in ["Year 1", "Year 2", "Year 3"] {
        assert!(text.lines().any(|l| l.starts_with(year) && l.contains("Per productive FTE-mo")), "{year}");
    }
    let (code, json, _) = shoreline(&["evaluate", SAMPLE, "--json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let card = &value["rate_card"];
    assert_eq!(card["hours_per_fte_month"], 160.0);
    let years = card["years"].as_array().expect("years");
    assert_eq!(years.len(), 3);
    let manila = &years[0]["options"][2];
    let (per_fte, productivity, productive) = (
        manila["per_fte_month"].as_f64().expect("rate"),
        manila["productivity"].as_f64().expect("productivity"),
        manila["per_productive_fte_month"].as_f64().expect("productive rate"),
    );
    assert!((per_fte / productivity - productive).abs() < 1e-9 * productive, "rate ÷ productivity");
}
