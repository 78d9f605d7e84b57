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

/// A small model with one field replaced: `{FEE}` the fixed fee, and the others as named.
fn model_with(replace: &[(&str, &str)]) -> String {
    let mut text = r#"(format_version: 1, name: "n", currency: "USD", horizon_months: 24, discount_rate: 0.08,
        workload: (unit: "u", monthly_volume: 1000.0, annual_growth: {GROWTH}, seasonality: {SEASON}),
        in_house: (units_per_fte_month: {UPF}, costs: [
            (name: "Agent", behavior: PerFte, amount: 3000.0, escalation: {ESC}),
            (name: "Lead", behavior: Step(per: {PER}), amount: 5000.0),
        ]),
        options: [
            (name: "Fixed", shore: Onshore, pricing: FixedFee(monthly: {FEE}), rate_escalation: {RATE_ESC},
             fx: Some((currency: "EUR", rate: {FX}, annual_change: 0.0))),
            (name: "Hourly", shore: Offshore, pricing: PerHour(rate: 10.0, hours_per_fte: {HOURS})),
        ])"#
    .to_owned();
    let defaults = [
        ("GROWTH", "0.02"),
        ("SEASON", "[]"),
        ("UPF", "100.0"),
        ("ESC", "0.03"),
        ("PER", "12.0"),
        ("FEE", "20000.0"),
        ("RATE_ESC", "0.03"),
        ("FX", "1.1"),
        ("HOURS", "160.0"),
    ];
    for (key, default) in defaults {
        let value = replace.iter().find(|(k, _)| *k == key).map_or(default, |(_, v)| *v);
        text = text.replace(&format!("{{{key}}}"), value);
    }
    text
}

fn errors_of(text: &str) -> Vec<(String, String)> {
    let model = from_ron_str(text).expect("parses");
    validate(&model).errors().map(|p| (p.path.clone(), p.message.clone())).collect()
}

#[test]
fn the_model_the_hostile_numbers_start_from_is_valid() {
    assert_eq!(errors_of(&model_with(&[])), vec![]);
}

#[test]
fn implausible_magnitudes_are_validation_errors_at_their_field() {
    let season_1e300 = "[1e300, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]";
    let cases: [(&str, &str, &str); 12] = [
        ("FEE", "1e308", "options[0].pricing.monthly"),
        ("HOURS", "1e308", "options[1].pricing.hours_per_fte"),
        ("UPF", "1e-300", "in_house.units_per_fte_month"),
        ("GROWTH", "1e300", "workload.annual_growth"),
        ("RATE_ESC", "1e100", "options[0].rate_escalation"),
        ("FX", "1e300", "options[0].fx.rate"),
        ("FEE", "Uniform(low: -1e308, high: 1e308)", "options[0].pricing.monthly"),
        ("FEE", "Normal(mean: 20000.0, sd: 1e308)", "options[0].pricing.monthly"),
        ("FEE", "LogNormal(p5: 1e-300, p95: 1e300)", "options[0].pricing.monthly"),
        ("PER", "1e-300", "in_house.costs[1].behavior.per"),
        ("SEASON", season_1e300, "workload.seasonality[0]"),
        ("ESC", "1e15", "in_house.costs[0].escalation"),
    ];
    for (key, value, path) in cases {
        let errors = errors_of(&model_with(&[(key, value)]));
        assert!(errors.iter().any(|(p, _)| p == path), "{key} = {value}: {errors:?}");
    }
}

fn shoreline(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shoreline")).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_model_at_the_plausible_limits_gives_numbers_or_an_error_naming_the_input_never_null() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let text = model_with(&[("FEE", "1e12"), ("RATE_ESC", "10.0"), ("ESC", "10.0"), ("GROWTH", "10.0")])
        .replace("horizon_months: 24", "horizon_months: 600");
    assert_eq!(errors_of(&text), vec![], "at the limits, still valid");
    let file = dir.path().join("limits.ron");
    std::fs::write(&file, &text).expect("written");
    let path = file.to_str().expect("a UTF-8 path");
    let (code, out, err) = shoreline(&["evaluate", path, "--json"]);
    if code == 0 {
        let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        for o in json["options"].as_array().expect("options") {
            for field in ["total", "savings_total", "npv", "fixed_total", "variable_total", "hidden_total"] {
                assert!(o[field].is_number(), "{field} is {}", o[field]);
            }
        }
    } else {
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("not a finite number") && err.contains("It comes from"), "{err}");
    }
}

#[test]
fn a_log_normal_with_a_tail_past_any_number_simulates_to_finite_figures() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let text = model_with(&[("FEE", "LogNormal(p5: 1e-300, p95: 1e12)")]);
    assert_eq!(errors_of(&text), vec![], "each parameter is plausible");
    let file = dir.path().join("tail.ron");
    std::fs::write(&file, &text).expect("written");
    let (code, out, err) = shoreline(&["simulate", file.to_str().expect("UTF-8"), "--samples", "2000", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("null") && !out.contains("NaN") && !out.contains("inf"), "{out}");
}

#[test]
fn sla_credits_that_together_pass_the_fees_are_an_error_so_no_month_costs_less_than_nothing() {
    let two = |a: &str, b: &str| {
        let text = model_with(&[("RATE_ESC", "0.03, CREDITS")]).replace(
            "CREDITS",
            &format!(
                "hidden: [(name: \"A\", category: Sla, cost: PercentOfFees(pct: {a})), \
                 (name: \"B\", category: Sla, cost: PercentOfFees(pct: {b}))]"
            ),
        );
        errors_of(&text)
    };
    let errors = two("-0.7", "-0.6");
    assert!(errors.iter().any(|(p, m)| p == "options[0].hidden" && m.contains("-130 %")), "{errors:?}");
    assert_eq!(two("-0.02", "Uniform(low: -0.03, high: 0.0)"), vec![]);
}
