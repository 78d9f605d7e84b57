//! `shoreline inputs`: every input a path can name, and the nearest ones to a mistyped path.

use serde::Serialize;

use crate::model::Model;
use crate::model::inputs::{InputInfo, inputs};

/// One input as `inputs --json` prints it.
#[derive(Serialize)]
struct Row {
    /// The path, as `--input` and scenario overrides take it.
    path: String,
    /// The label the window shows.
    label: String,
    /// The base value (the number, or the distribution's mode or mean as the contract says).
    base: f64,
    /// The estimate as the file writes it: a number, or a distribution with its parameters.
    estimate: String,
}

fn estimate_text(info: &InputInfo) -> String {
    ron::to_string(&info.estimate).unwrap_or_else(|_| info.estimate.base().to_string())
}

/// Every input of `model`, one per line: path, label and value.
pub fn table(model: &Model) -> String {
    let all = inputs(model);
    let width = all.iter().map(|i| i.path.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for info in &all {
        let path = super::escape(&info.path);
        let label = super::escape(&info.label);
        out.push_str(&format!("{path:<width$}  {label} = {}\n", estimate_text(info)));
    }
    out
}

/// Every input of `model` as JSON: `{"inputs": [{"path", "label", "base", "estimate"}]}`.
pub fn json(model: &Model) -> serde_json::Value {
    let rows: Vec<Row> = inputs(model)
        .iter()
        .map(|i| Row {
            path: i.path.clone(),
            label: i.label.clone(),
            base: i.estimate.base(),
            estimate: estimate_text(i),
        })
        .collect();
    serde_json::json!({ "inputs": rows })
}

/// The valid paths nearest to `path` (edit distance, closest first), at most `count`.
pub fn nearest(model: &Model, path: &str, count: usize) -> Vec<String> {
    let mut scored: Vec<(usize, String)> =
        inputs(model).into_iter().map(|i| (strsim::levenshtein(&i.path, path), i.path)).collect();
    scored.sort();
    scored.into_iter().take(count).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Model {
        crate::model::samples::contract_example()
    }

    #[test]
    fn a_mistyped_path_is_nearest_to_the_path_meant() {
        let model = example();
        let near = nearest(&model, "options[0].pricing.rat", 3);
        assert_eq!(near.first().map(String::as_str), Some("options[0].pricing.rate"), "{near:?}");
        assert_eq!(near.len(), 3);
    }

    #[test]
    fn every_input_is_listed_with_its_label_and_value() {
        let model = example();
        let text = table(&model);
        assert_eq!(text.lines().count(), inputs(&model).len());
        assert!(text.contains("workload.monthly_volume"), "{text}");
        let value = json(&model);
        assert_eq!(value["inputs"].as_array().map(Vec::len), Some(inputs(&model).len()));
    }
}
