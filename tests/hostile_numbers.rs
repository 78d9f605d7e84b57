//! Hostile numbers (issue 10 §6): an SLA credit is a share of the fees in −100 %…0 %.

use shoreline::model::io::from_ron_str;
use shoreline::model::validate;

const SAMPLE: &str = include_str!("../sample_models/accounts_payable.ron");

/// The sample with its SLA credit share replaced by `pct`.
fn with_sla_credit(pct: &str) -> String {
    let start = SAMPLE.find("category: Sla").expect("the sample has an SLA credit");
    let at = start + SAMPLE[start..].find("pct: ").expect("the SLA credit is a share of fees") + "pct: ".len();
    let end = at + SAMPLE[at..].find(')').expect("the share ends");
    format!("{}{pct}{}", &SAMPLE[..at], &SAMPLE[end..])
}

fn sla_errors(pct: &str) -> Vec<String> {
    let model = from_ron_str(&with_sla_credit(pct)).expect("the mutated sample still parses");
    validate(&model).errors().filter(|p| p.message.contains("SLA credit")).map(|p| p.to_string()).collect()
}

#[test]
fn an_sla_credit_of_minus_500_percent_is_refused() {
    let errors = sla_errors("-5.0");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("between −100 % and 0 %"), "{errors:?}");
}

#[test]
fn a_positive_sla_credit_is_refused() {
    assert_eq!(sla_errors("0.2").len(), 1);
}

#[test]
fn an_uncertain_sla_credit_reaching_past_minus_100_percent_is_refused() {
    assert_eq!(sla_errors("Uniform(low: -1.5, high: -0.01)").len(), 1);
}

#[test]
fn sla_credits_within_the_range_are_accepted() {
    assert!(sla_errors("-1.0").is_empty());
    assert!(sla_errors("0.0").is_empty());
    assert!(sla_errors("Normal(mean: -0.02, sd: 0.5)").is_empty());
}

#[test]
fn goal_seek_refuses_a_nan_or_infinite_target_as_a_usage_error() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let file = dir.path().join("model.ron");
    std::fs::write(&file, SAMPLE).expect("the sample is written");
    for target in ["nan", "inf", "-inf"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_shoreline"))
            .args(["goal-seek"])
            .arg(&file)
            .args(["--input", "options[0].pricing.rate", &format!("--target-npv={target}")])
            .output()
            .expect("the CLI runs");
        assert_eq!(out.status.code(), Some(2), "target {target}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a finite number"));
    }
}
