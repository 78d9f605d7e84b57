//! The contract's example, evaluated and compared with the independent implementation's
//! results in `fixtures/contract_example_results.json` (contract §"Golden results").

use serde_json::Value;
use shoreline::engine::{Evaluation, Plan, sensitivity::sensitivity};
use shoreline::model::{self, io};

fn example() -> model::Model {
    io::from_ron_str(include_str!("fixtures/contract_example.ron")).expect("the contract example loads as written")
}

fn golden() -> Value {
    serde_json::from_str(include_str!("fixtures/contract_example_results.json")).expect("golden JSON")
}

/// Compares two JSON values, numbers within a relative tolerance, and returns every mismatch.
fn compare(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap_or(f64::NAN), a.as_f64().unwrap_or(f64::NAN));
            if (e - a).abs() > 1e-9 * e.abs().max(1.0) {
                out.push(format!("{path}: expected {e}, got {a}"));
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!("{path}: expected {} items, got {}", e.len(), a.len()));
            }
            for (i, (e, a)) in e.iter().zip(a).enumerate() {
                compare(&format!("{path}[{i}]"), e, a, out);
            }
        }
        (Value::Object(e), Value::Object(a)) => {
            for (k, e) in e {
                match a.get(k) {
                    Some(a) => compare(&format!("{path}.{k}"), e, a, out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (e, a) if e != a => out.push(format!("{path}: expected {e}, got {a}")),
        _ => {}
    }
}

#[test]
fn the_contract_example_is_valid() {
    let problems = model::validate(&example());
    assert!(problems.0.is_empty(), "{problems:?}");
}

#[test]
fn every_result_matches_the_independent_implementation() {
    let evaluation = serde_json::to_value(Evaluation::of_model(&example())).expect("serialises");
    let mut mismatches = Vec::new();
    compare("evaluate", &golden()["evaluate"], &evaluation, &mut mismatches);
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn the_tornado_matches_the_independent_implementation() {
    let plan = Plan::new(&example());
    let tornado = sensitivity(&plan, 0).tornado;
    let golden = golden();
    let expected = golden["tornado_option_0"].as_array().expect("array");
    assert_eq!(tornado.len(), expected.len());
    for (bar, e) in tornado.iter().zip(expected) {
        assert_eq!(bar.path, e["path"].as_str().expect("path"));
        for (got, key) in [(bar.npv_low, "npv_low"), (bar.npv_high, "npv_high")] {
            let want = e[key].as_f64().expect("number");
            assert!((got - want).abs() < 1e-6 * want.abs(), "{} {key}: expected {want}, got {got}", bar.path);
        }
    }
}
