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
