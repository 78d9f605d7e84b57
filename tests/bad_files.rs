//! Bad model files and the command line end to end.
//!
//! `tests/bad_files/` holds one file per way a model file can be wrong: broken syntax, wrong
//! types, an unknown field, a future format, not UTF-8, and one file per validation rule of
//! contract §1 (every error and both warnings). Each case asserts its specific message and, for
//! validation rules, the path of the field. Files that would be too big to commit (oversized,
//! deeply nested) are generated in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use shoreline::engine::Evaluation;
use shoreline::model::io::{self, LoadError};
use shoreline::model::{self, Severity};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files").join(name)
}

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/contract_example.ron")
}

/// Loads a corpus file that must fail to load, and returns its error.
#[track_caller]
fn load_error(name: &str, expected: &str) -> LoadError {
    match io::load(&corpus(name)) {
        Ok(_) => panic!("{name} loaded, but it must not"),
        Err(e) => {
            assert!(e.to_string().contains(expected), "{name}: expected a message with {expected:?}, got: {e}");
            e
        }
    }
}

#[track_caller]
fn syntax_at(e: &LoadError, at: (usize, usize)) {
    match e {
        LoadError::Syntax { line, column, .. } => assert_eq!((*line, *column), at, "{e}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// Loads a corpus file that must parse, and checks that validation reports exactly one problem.
#[track_caller]
fn only_problem(name: &str, severity: Severity, path: &str, message: &str) {
    let m = io::load(&corpus(name)).unwrap_or_else(|e| panic!("{name} must parse: {e}"));
    let problems = model::validate(&m);
    assert_eq!(problems.0.len(), 1, "{name}: expected one problem, got {problems:?}");
    let p = &problems.0[0];
    assert_eq!(p.severity, severity, "{name}: {p}");
    assert_eq!(p.path, path, "{name}: {p}");
    assert!(p.message.contains(message), "{name}: expected a message with {message:?}, got {:?}", p.message);
    assert_eq!(problems.has_errors(), severity == Severity::Error);
}

// ---------------------------------------------------------------------------------------------
// Files that do not load

#[test]
fn a_truncated_file_is_an_unexpected_end_at_its_last_line() {
    let e = load_error("truncated.ron", "Unexpected end of RON");
    syntax_at(&e, (11, 46));
}

#[test]
fn garbage_bytes_are_not_a_model() {
    let e = load_error("garbage.ron", "Expected opening `(` for struct `Model`");
    syntax_at(&e, (1, 1));
}

#[test]
fn a_string_where_an_integer_belongs_is_a_type_error_at_its_position() {
    let e = load_error("wrong_type.ron", "Expected integer");
    syntax_at(&e, (5, 20));
}

#[test]
fn a_field_given_twice_is_an_error_naming_it() {
    load_error("duplicate_field.ron", "duplicate field named `amount`");
}

#[test]
fn an_unknown_field_is_an_error_that_names_it() {
    let e = load_error("unknown_field.ron", "Unexpected field named `colour`");
    syntax_at(&e, (15, 75));
}

#[test]
fn a_future_format_version_says_it_was_made_by_a_newer_shoreline() {
    let e = load_error("future_version.ron", "made by a newer Shoreline");
    assert!(matches!(e, LoadError::NewerVersion { found: 2 }), "{e:?}");
}

#[test]
fn a_format_version_mentioned_in_a_comment_does_not_count() {
    let text = fs::read_to_string(example_path()).expect("the example reads");
    let commented = format!("// Migrated from the draft with format_version: 2\n{text}");
    let m = io::from_ron_str(&commented).expect("a version-1 file with a comment loads");
    assert_eq!(m.format_version, 1);
    let described = text
        .replace("description: \"Inbound support", "description: \"Do not bump format_version: 3 yet. Inbound support");
    assert!(io::from_ron_str(&described).is_ok(), "a description mentioning format_version refuses the file");
}

#[test]
fn a_file_that_is_not_utf8_is_refused_as_not_text() {
    let e = load_error("not_utf8.ron", "is not UTF-8 text");
    assert!(matches!(e, LoadError::NotText { .. }), "{e:?}");
}

#[test]
fn nan_and_infinity_load_but_are_validation_errors() {
    only_problem(
        "nan.ron",
        Severity::Error,
        "in_house.costs[0].amount",
        "NaN is not a number Shoreline can compute with",
    );
    only_problem("inf.ron", Severity::Error, "options[0].minimum_monthly", "inf is not a number");
}

#[test]
fn a_file_over_16_mib_is_refused_before_parsing_and_one_of_exactly_16_mib_loads() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let example = fs::read_to_string(example_path()).expect("the example reads");
    let limit = usize::try_from(io::MAX_FILE_BYTES).expect("fits");
    assert_eq!(limit, 16 * 1024 * 1024);
    let padded = |len: usize| {
        let mut text = example.clone();
        text.push_str(&" ".repeat(len - example.len()));
        text
    };
    let at_limit = dir.path().join("at_limit.ron");
    fs::write(&at_limit, padded(limit)).expect("writes");
    let loaded = io::load(&at_limit).expect("a file of exactly 16 MiB loads");
    assert_eq!(loaded.name, "Contact center — 120 agents");
    let over = dir.path().join("over.ron");
    fs::write(&over, padded(limit + 1)).expect("writes");
    let e = io::load(&over).expect_err("a file over 16 MiB is refused");
    assert!(matches!(e, LoadError::TooLarge { bytes, .. } if bytes == io::MAX_FILE_BYTES + 1), "{e:?}");
    assert!(e.to_string().contains("a model file is at most 16 MiB"), "{e}");
    assert!(e.to_string().contains("over.ron"), "{e}");
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let e = io::load(&corpus("no_such_file.ron")).expect_err("missing");
    assert!(matches!(e, LoadError::Io { .. }), "{e:?}");
    assert!(e.to_string().contains("cannot read") && e.to_string().contains("no_such_file.ron"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Validation: one file per rule of §1

macro_rules! rule {
    ($test:ident, $file:literal, $severity:ident, $path:literal, $message:literal) => {
        #[test]
        fn $test() {
            only_problem($file, Severity::$severity, $path, $message);
        }
    };
}

rule!(
    a_horizon_over_600_months_is_an_error,
    "horizon_out_of_range.ron",
    Error,
    "horizon_months",
    "must be 1 to 600 months (601)"
);
rule!(
    a_start_month_outside_1_to_12_is_an_error,
    "start_month_out_of_range.ron",
    Error,
    "start_month",
    "must be a calendar month 1 to 12 (13)"
);
rule!(
    seasonality_of_11_factors_is_an_error,
    "seasonality_wrong_length.ron",
    Error,
    "workload.seasonality",
    "needs 12 monthly factors or none (11 given)"
);
rule!(
    a_negative_seasonality_factor_is_an_error,
    "seasonality_negative.ron",
    Error,
    "workload.seasonality[3]",
    "must not be negative (-0.5)"
);
rule!(
    zero_units_per_fte_month_is_an_error,
    "units_per_fte_not_positive.ron",
    Error,
    "in_house.units_per_fte_month",
    "must be greater than 0 (0)"
);
rule!(
    a_negative_money_amount_is_an_error,
    "negative_money.ron",
    Error,
    "in_house.costs[0].amount",
    "must not be negative (-5)"
);
rule!(
    zero_productivity_is_an_error,
    "productivity_not_positive.ron",
    Error,
    "options[0].productivity",
    "must be greater than 0 (0)"
);
rule!(
    a_discount_rate_of_minus_100_percent_is_an_error,
    "discount_rate_not_above_minus_one.ron",
    Error,
    "discount_rate",
    "must be greater than −100 % (-1)"
);
rule!(
    a_distribution_with_low_above_mode_is_an_error,
    "distribution_low_above_mode.ron",
    Error,
    "in_house.costs[0].amount",
    "Triangular needs low ≤ mode (low 4500, mode 4000)"
);
rule!(
    a_distribution_with_mode_above_high_is_an_error,
    "distribution_mode_above_high.ron",
    Error,
    "in_house.costs[0].amount",
    "Pert needs mode ≤ high (mode 5500, high 5000)"
);
rule!(
    a_distribution_with_low_not_below_high_is_an_error,
    "distribution_low_not_below_high.ron",
    Error,
    "in_house.costs[0].amount",
    "Uniform needs low < high (low 4000, high 4000)"
);
rule!(
    a_negative_sd_is_an_error,
    "distribution_negative_sd.ron",
    Error,
    "in_house.costs[0].amount",
    "Normal needs sd ≥ 0 (sd -10)"
);
rule!(
    a_lognormal_p5_of_zero_is_an_error,
    "distribution_p5_not_positive.ron",
    Error,
    "in_house.costs[0].amount",
    "LogNormal needs p5 > 0 (p5 0)"
);
rule!(
    a_lognormal_p5_above_p95_is_an_error,
    "distribution_p5_not_below_p95.ron",
    Error,
    "in_house.costs[0].amount",
    "LogNormal needs p5 < p95 (p5 5000, p95 3000)"
);
rule!(
    a_step_of_zero_staff_is_an_error,
    "step_not_positive.ron",
    Error,
    "in_house.costs[1].behavior.per",
    "a step must cover more than 0 staff (0)"
);
rule!(
    tiers_that_do_not_ascend_are_an_error,
    "tiers_not_ascending.ron",
    Error,
    "options[0].pricing.tiers[1].up_to",
    "tiers must ascend: 400 is not above 500"
);
rule!(
    a_last_tier_that_is_not_open_is_an_error,
    "tiers_last_not_open.ron",
    Error,
    "options[0].pricing.tiers[1].up_to",
    "the last tier must be open"
);
rule!(
    a_learning_dip_of_100_percent_is_an_error,
    "learning_dip_out_of_range.ron",
    Error,
    "options[0].learning.initial_dip",
    "must be at least 0 and below 1 (1)"
);
rule!(
    an_end_month_before_the_start_month_is_an_error,
    "end_month_not_after_start.ron",
    Error,
    "in_house.costs[0].end_month",
    "ends (month 3) before it starts (month 5)"
);
rule!(
    a_monthly_cost_whose_to_is_not_after_from_is_an_error,
    "monthly_to_not_after_from.ron",
    Error,
    "options[0].hidden[0].cost.to",
    "ends (month 4) before it starts (month 4)"
);
rule!(an_empty_options_list_is_an_error, "no_options.ron", Error, "options", "add at least one outsourcing option");
rule!(
    a_per_unit_line_with_a_yearly_period_is_an_error,
    "per_unit_yearly.ron",
    Error,
    "in_house.costs[1].period",
    "a per-unit amount cannot be annual"
);
rule!(
    an_override_of_an_unknown_input_is_an_error_naming_it,
    "scenario_unknown_input.ron",
    Error,
    "scenarios[0].overrides[0].input",
    "`options[0].pricing.rate` names no real-valued input"
);
rule!(
    parallel_running_shorter_than_the_ramp_is_a_warning,
    "warning_parallel_shorter_than_ramp.ron",
    Warning,
    "options[0].transition.parallel_months",
    "parallel running (2 months) ends before the ramp-up (4 months)"
);
rule!(
    a_one_time_cost_at_the_horizon_is_a_warning,
    "warning_one_time_past_horizon.ron",
    Warning,
    "options[0].hidden[0].cost.month",
    "month 12 is at or past the 12-month horizon"
);
rule!(
    a_monthly_cost_from_past_the_horizon_is_a_warning,
    "warning_monthly_from_past_horizon.ron",
    Warning,
    "options[0].hidden[0].cost.from",
    "month 15 is at or past the 12-month horizon"
);

#[test]
fn every_corpus_file_has_a_test() {
    let tested = [
        "truncated.ron",
        "garbage.ron",
        "wrong_type.ron",
        "duplicate_field.ron",
        "unknown_field.ron",
        "future_version.ron",
        "not_utf8.ron",
        "nan.ron",
        "inf.ron",
        "horizon_out_of_range.ron",
        "start_month_out_of_range.ron",
        "seasonality_wrong_length.ron",
        "seasonality_negative.ron",
        "units_per_fte_not_positive.ron",
        "negative_money.ron",
        "productivity_not_positive.ron",
        "discount_rate_not_above_minus_one.ron",
        "distribution_low_above_mode.ron",
        "distribution_mode_above_high.ron",
        "distribution_low_not_below_high.ron",
        "distribution_negative_sd.ron",
        "distribution_p5_not_positive.ron",
        "distribution_p5_not_below_p95.ron",
        "step_not_positive.ron",
        "tiers_not_ascending.ron",
        "tiers_last_not_open.ron",
        "learning_dip_out_of_range.ron",
        "end_month_not_after_start.ron",
        "monthly_to_not_after_from.ron",
        "no_options.ron",
        "per_unit_yearly.ron",
        "scenario_unknown_input.ron",
        "warning_parallel_shorter_than_ramp.ron",
        "warning_one_time_past_horizon.ron",
        "warning_monthly_from_past_horizon.ron",
    ];
    let mut files: Vec<String> = fs::read_dir(corpus(""))
        .expect("the corpus folder")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = tested.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(files, expected);
}

/// A small valid model in the corpus's style, with `body` replacing its option.
fn small_model(option: &str) -> String {
    format!(
        r#"Model(format_version: 1, name: "Small", currency: "USD", horizon_months: 12, discount_rate: 0.08,
        workload: (unit: "invoices", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Clerk", behavior: PerFte, amount: 4000.0)]),
        options: [{option}])"#
    )
}

fn problems_of(text: &str) -> Vec<(Severity, String, String)> {
    let m = io::from_ron_str(text).unwrap_or_else(|e| panic!("parses: {e}\n{text}"));
    model::validate(&m).0.into_iter().map(|p| (p.severity, p.path, p.message)).collect()
}

#[test]
fn a_negative_sla_percentage_is_the_only_negative_money_allowed() {
    let sla = small_model(
        r#"(name: "V", shore: Onshore, pricing: PerUnit(price: 30.0),
           hidden: [(name: "SLA", category: Sla, cost: PercentOfFees(pct: -0.02))])"#,
    );
    assert_eq!(problems_of(&sla), vec![]);
    let governance = sla.replace("category: Sla", "category: Governance");
    let problems = problems_of(&governance);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].1, "options[0].hidden[0].cost.pct");
}

#[test]
fn negative_money_is_reported_at_every_path_where_it_appears() {
    let text = small_model(
        r#"(name: "V", shore: Onshore, pricing: PerUnit(price: -30.0), minimum_monthly: -1.0,
           retained: [(name: "Mgmt", behavior: Fixed, amount: -2.0)],
           hidden: [(name: "Setup", category: Transition, cost: OneTime(amount: -3.0)),
                    (name: "Severance", category: Severance, cost: PerDisplacedFte(amount: Normal(mean: -4.0, sd: 1.0)))])"#,
    );
    let paths: Vec<String> = problems_of(&text).into_iter().map(|(_, path, _)| path).collect();
    assert_eq!(
        paths,
        [
            "options[0].pricing.price",
            "options[0].minimum_monthly",
            "options[0].retained[0].amount",
            "options[0].hidden[0].cost.amount",
            "options[0].hidden[1].cost.amount",
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once_errors_first() {
    let text = small_model(
        r#"(name: "V", shore: Onshore, pricing: PerUnit(price: 30.0), productivity: 0.0,
           transition: (ramp_months: 3),
           learning: Some((initial_dip: 1.5, months: 3)))"#,
    )
    .replace("horizon_months: 12", "horizon_months: 601");
    let problems = problems_of(&text);
    let summary: Vec<(Severity, &str)> = problems.iter().map(|(s, p, _)| (*s, p.as_str())).collect();
    assert_eq!(
        summary,
        [
            (Severity::Error, "horizon_months"),
            (Severity::Error, "options[0].productivity"),
            (Severity::Error, "options[0].learning.initial_dip"),
            (Severity::Warning, "options[0].transition.parallel_months"),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// The command line

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn shoreline(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_shoreline")).args(args).output().expect("shoreline runs");
    Output {
        code: out.status.code().expect("shoreline exits (not killed by a signal)"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn validate_exits_0_for_a_valid_model_and_says_so() {
    let example = example_path();
    let out = shoreline(&["validate", path_str(&example)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("valid (0 warning(s))"), "{}", out.stdout);
}

#[test]
fn validate_exits_0_with_warnings_listed_on_stderr() {
    let file = corpus("warning_parallel_shorter_than_ramp.ron");
    let out = shoreline(&["validate", path_str(&file)]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("valid (1 warning(s))"), "{}", out.stdout);
    // The field by its name first, the path second.
    assert!(out.stderr.contains("warning: "), "{}", out.stderr);
    assert!(out.stderr.contains(" › transition › parallel months: "), "{}", out.stderr);
    assert!(out.stderr.contains("[options[0].transition.parallel_months]"), "{}", out.stderr);
}

#[test]
fn validate_exits_1_for_an_invalid_model_listing_each_error_with_file_and_path() {
    let file = corpus("horizon_out_of_range.ron");
    let out = shoreline(&["validate", path_str(&file)]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains(&format!("{}: error: Horizon: must be 1 to 600 months (601) [horizon_months]", file.display())),
        "{}",
        out.stderr
    );
}

#[test]
fn validate_exits_2_for_a_file_that_cannot_be_parsed_naming_file_line_and_column() {
    let file = corpus("unknown_field.ron");
    let out = shoreline(&["validate", path_str(&file)]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains(&format!("{}: line 15, column 75:", file.display())), "{}", out.stderr);
    assert!(out.stderr.contains("`colour`"), "{}", out.stderr);
}

#[test]
fn validate_exits_2_for_a_missing_file_and_for_a_future_format() {
    let missing = corpus("no_such_file.ron");
    let out = shoreline(&["validate", path_str(&missing)]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot read") && out.stderr.contains("no_such_file.ron"), "{}", out.stderr);
    let future = corpus("future_version.ron");
    let out = shoreline(&["validate", path_str(&future)]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("future_version.ron: made by a newer Shoreline"), "{}", out.stderr);
}

#[test]
fn deep_nesting_is_a_clear_error_not_a_stack_overflow() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let example = fs::read_to_string(example_path()).expect("the example reads");
    let depth = 200_000;
    let cases = [
        (
            "estimate.ron",
            example
                .replace("discount_rate: 0.08", &format!("discount_rate: {}{}", "(".repeat(depth), ")".repeat(depth))),
        ),
        (
            "distribution.ron",
            example.replace(
                "minimum_monthly: 100000.0",
                &format!("minimum_monthly: Pert{}1{}", "(low: ".repeat(depth), ")".repeat(depth)),
            ),
        ),
        ("list.ron", example.replace("seasonality: [", &format!("seasonality: {}", "[".repeat(depth)))),
        ("top.ron", format!("Model{}", "(".repeat(depth))),
    ];
    for (name, text) in cases {
        let file = dir.path().join(name);
        fs::write(&file, text).expect("writes");
        let out = shoreline(&["validate", path_str(&file)]);
        assert_eq!(out.code, 2, "{name}: {}", out.stderr);
        assert!(out.stderr.contains(name) && out.stderr.contains("line "), "{name}: {}", out.stderr);
        let in_process = io::load(&file).expect_err("deeply nested text is not a model");
        assert!(matches!(in_process, LoadError::Syntax { .. }), "{name}: {in_process:?}");
    }
    let file = dir.path().join("estimate.ron");
    let out = shoreline(&["validate", path_str(&file)]);
    assert!(out.stderr.contains("nested more than 64 levels deep"), "{}", out.stderr);
}

fn evaluate_json(args: &[&str]) -> Value {
    let out = shoreline(args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("evaluate --json prints JSON")
}

#[test]
fn evaluate_json_has_the_contracts_shape_and_the_engines_numbers() {
    let example = example_path();
    let json = evaluate_json(&["evaluate", path_str(&example), "--json"]);
    let h = 36;
    let in_house = &json["in_house"];
    for key in ["volume", "fte", "cost"] {
        assert_eq!(in_house[key].as_array().map(Vec::len), Some(h), "in_house.{key}");
    }
    for key in ["total", "fixed_total", "variable_total", "cost_per_unit"] {
        assert!(in_house[key].is_number(), "in_house.{key}: {}", in_house[key]);
    }
    let options = json["options"].as_array().expect("options");
    assert_eq!(options.len(), 1);
    let o = &options[0];
    assert_eq!(o["name"], "Manila partner");
    for key in [
        "total",
        "savings_total",
        "savings_pct",
        "npv",
        "irr",
        "payback_months",
        "break_even_volume",
        "cost_per_unit",
        "fixed_total",
        "variable_total",
        "hidden_total",
        "hidden_pct_of_fees",
        "hidden_multiplier_at_break_even",
    ] {
        assert!(o[key].is_number(), "options[0].{key}: {}", o[key]);
    }
    let by_category = o["hidden_by_category"].as_object().expect("hidden_by_category is an object");
    let mut categories: Vec<&str> = by_category.keys().map(String::as_str).collect();
    categories.sort_unstable();
    assert_eq!(categories, ["Governance", "KnowledgeTransfer", "Quality", "Severance", "Sla", "VendorSelection"]);
    for key in ["fte", "fees", "retained", "parallel", "hidden", "cost", "savings", "cumulative_savings"] {
        assert_eq!(o[key].as_array().map(Vec::len), Some(h), "options[0].{key}");
    }
    // The numbers are the engine's.
    let model = io::load(&example).expect("loads");
    let expected = serde_json::to_value(Evaluation::of_model(&model)).expect("serialises");
    same_json("evaluate", &json, &expected);
}

/// Equal JSON, numbers within 1e-12 relative (serde_json's float parsing may be off by an ulp).
#[track_caller]
fn same_json(path: &str, actual: &Value, expected: &Value) {
    match (actual, expected) {
        (Value::Number(a), Value::Number(e)) => {
            let (a, e) = (a.as_f64().expect("finite"), e.as_f64().expect("finite"));
            assert!((a - e).abs() <= 1e-12 * e.abs().max(1.0), "{path}: {a} != {e}");
        }
        (Value::Array(a), Value::Array(e)) => {
            assert_eq!(a.len(), e.len(), "{path}");
            for (i, (a, e)) in a.iter().zip(e).enumerate() {
                same_json(&format!("{path}[{i}]"), a, e);
            }
        }
        (Value::Object(a), Value::Object(e)) => {
            let keys = |o: &serde_json::Map<String, Value>| o.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(e), "{path}");
            for (k, e) in e {
                same_json(&format!("{path}.{k}"), &a[k], e);
            }
        }
        (a, e) => assert_eq!(a, e, "{path}"),
    }
}

#[test]
fn evaluate_json_writes_null_for_results_without_a_value() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("dear.ron");
    fs::write(&file, small_model(r#"(name: "Dear", shore: Onshore, pricing: PerUnit(price: 50.0))"#)).expect("writes");
    let json = evaluate_json(&["evaluate", path_str(&file), "--json"]);
    let o = &json["options"][0];
    // 40 000 in-house vs 50 000 a month: never pays back, no IRR, no hidden costs
    for key in ["irr", "payback_months", "hidden_multiplier_at_break_even"] {
        assert!(o[key].is_null(), "{key}: {}", o[key]);
    }
    assert_eq!(o["savings_total"].as_f64(), Some(-120_000.0));
    // no hidden costs on positive fees is 0 %, not null
    assert_eq!(o["hidden_pct_of_fees"].as_f64(), Some(0.0));
}

#[test]
fn evaluate_a_scenario_uses_its_overrides_and_an_unknown_scenario_exits_2() {
    let example = example_path();
    let json = evaluate_json(&["evaluate", path_str(&example), "--json", "--scenario", "Volume drop"]);
    // 110 000 contacts · January's 1.1
    let v0 = json["in_house"]["volume"][0].as_f64().expect("a number");
    assert!((v0 - 121_000.0).abs() < 1e-6, "{v0}");
    let out = shoreline(&["evaluate", path_str(&example), "--scenario", "Nope"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("has no scenario named \"Nope\""), "{}", out.stderr);
    assert!(out.stderr.contains("Offshore wage spike, Volume drop"), "{}", out.stderr);
}

#[test]
fn evaluate_refuses_an_invalid_model_with_exit_1() {
    let file = corpus("no_options.ron");
    let out = shoreline(&["evaluate", path_str(&file), "--json"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(
        out.stderr.contains("is not a valid model") && out.stderr.contains("Options: add at least one"),
        "{}",
        out.stderr
    );
}

fn simulate_json(file: &Path, seed: &str, extra: &[&str]) -> Value {
    let mut args = vec!["simulate", path_str(file), "--json", "--samples", "300", "--seed", seed];
    args.extend_from_slice(extra);
    let out = shoreline(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("simulate --json prints JSON")
}

fn without_elapsed(mut v: Value) -> Value {
    let elapsed = v.as_object_mut().and_then(|o| o.remove("elapsed_ms"));
    assert!(elapsed.is_some_and(|e| e.is_number()), "elapsed_ms is a number");
    v
}

#[test]
fn simulate_json_has_the_contracts_shape() {
    let json = simulate_json(&example_path(), "7", &[]);
    assert_eq!(json["samples"], 300);
    assert_eq!(json["seed"], 7);
    assert!(json["elapsed_ms"].is_number());
    let o = &json["options"][0];
    assert_eq!(o["name"], "Manila partner");
    for summary in ["npv", "savings_total"] {
        for key in ["mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95"] {
            assert!(o[summary][key].is_number(), "{summary}.{key}");
        }
    }
    let p = o["prob_loss"].as_f64().expect("prob_loss");
    assert!((0.0..=1.0).contains(&p));
    assert_eq!(o["histogram"]["edges"].as_array().map(Vec::len), Some(41));
    let counts = o["histogram"]["counts"].as_array().expect("counts");
    assert_eq!(counts.len(), 40);
    assert_eq!(counts.iter().filter_map(Value::as_u64).sum::<u64>(), 300);
    for band in ["p10", "p50", "p90"] {
        assert_eq!(o["cumulative_bands"][band].as_array().map(Vec::len), Some(36), "{band}");
    }
}

#[test]
fn simulate_with_the_same_seed_gives_the_same_output_apart_from_elapsed_ms() {
    let example = example_path();
    let a = without_elapsed(simulate_json(&example, "7", &["--threads", "1"]));
    let b = without_elapsed(simulate_json(&example, "7", &["--threads", "2"]));
    assert_eq!(a, b);
    let c = without_elapsed(simulate_json(&example, "8", &[]));
    assert_ne!(a, c, "another seed gives other draws");
}

#[test]
fn simulate_refuses_zero_samples_with_exit_2() {
    let example = example_path();
    let out = shoreline(&["simulate", path_str(&example), "--samples", "0"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--samples must be 1 to"), "{}", out.stderr);
}

/// In-house 30 per unit, vendor 20 per unit, 1 000 units, 12 months, no discounting:
/// NPV = 12 · (30 − price) · 1 000.
fn goal_seek_model(dir: &Path) -> PathBuf {
    let file = dir.join("seek.ron");
    let text = r#"Model(format_version: 1, name: "Seek", currency: "USD", horizon_months: 12, discount_rate: 0.0,
        workload: (unit: "invoices", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Postage", behavior: PerUnit, amount: 30.0)]),
        options: [(name: "Vendor", shore: Onshore, pricing: PerUnit(price: 20.0))])"#;
    fs::write(&file, text).expect("writes");
    file
}

#[test]
fn goal_seek_finds_the_value_that_reaches_the_target() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = goal_seek_model(dir.path());
    // NPV 60 000 = 12 000 · (30 − price) → price 25
    let out =
        shoreline(&["goal-seek", path_str(&file), "--input", "options[0].pricing.price", "--target-npv", "60000"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let first = out.stdout.lines().next().expect("a line");
    let value: f64 = first
        .strip_prefix("options[0].pricing.price = ")
        .unwrap_or_else(|| panic!("unexpected output {first:?}"))
        .trim()
        .parse()
        .expect("a number");
    assert!((value - 25.0).abs() < 1e-6, "{value}");
    assert!(out.stdout.contains("for Vendor"), "{}", out.stdout);
    // In words, with the input's name, currency and unit.
    assert!(out.stdout.contains("Vendor › price: USD 25.00 per "), "{}", out.stdout);
    // savings 20 % of 360 000 = 72 000 = 12 000 · (30 − price) → price 24
    let out =
        shoreline(&["goal-seek", path_str(&file), "--input", "options[0].pricing.price", "--target-savings-pct", "20"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("options[0].pricing.price = 24"), "{}", out.stdout);
}

#[test]
fn a_savings_target_given_as_a_fraction_is_refused_with_the_percentage_it_likely_meant() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = goal_seek_model(dir.path());
    let out = shoreline(&[
        "goal-seek",
        path_str(&file),
        "--input",
        "options[0].pricing.price",
        "--target-savings-pct",
        "0.25",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("did you mean 25 (percent)?"), "{}", out.stderr);
}

#[test]
fn goal_seek_exits_1_with_a_clear_message_when_no_value_reaches_the_target() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = goal_seek_model(dir.path());
    // the NPV is at most 360 000 (price 0)
    let out =
        shoreline(&["goal-seek", path_str(&file), "--input", "options[0].pricing.price", "--target-npv", "1000000"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("no value of Vendor › price between 0 and"), "{}", out.stderr);
    assert!(out.stderr.contains("reaches the target 1000000"), "{}", out.stderr);
}

#[test]
fn goal_seek_exits_2_for_an_unknown_input_or_option() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = goal_seek_model(dir.path());
    let out = shoreline(&["goal-seek", path_str(&file), "--input", "options[0].pricing.rate", "--target-npv", "0"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("`options[0].pricing.rate` names no real-valued input"), "{}", out.stderr);
    let out = shoreline(&[
        "goal-seek",
        path_str(&file),
        "--input",
        "options[0].pricing.price",
        "--target-npv",
        "0",
        "--option",
        "3",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--option 3: the model has 1 option(s), counted from 1: 1 "), "{}", out.stderr);
}

#[test]
fn an_option_is_named_by_its_number_from_1_or_by_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = goal_seek_model(dir.path());
    let model = shoreline::model::io::load(&file).expect("loads");
    let name = model.options[0].name.to_uppercase();
    let seek = |option: &str| {
        shoreline(&[
            "goal-seek",
            path_str(&file),
            "--input",
            "options[0].pricing.price",
            "--target-npv",
            "0",
            "--option",
            option,
        ])
    };
    let by_number = seek("1");
    assert_eq!(by_number.code, 0, "{}", by_number.stderr);
    let by_name = seek(&name);
    assert_eq!(by_name.code, 0, "{}", by_name.stderr);
    assert_eq!(by_number.stdout, by_name.stdout, "the same option either way");
    let zero = seek("0");
    assert_eq!(zero.code, 2);
    assert!(zero.stderr.contains("counted from 1"), "{}", zero.stderr);
    let unknown = seek("Nobody \u{1b}[2K");
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains(&model.options[0].name), "the options are listed: {}", unknown.stderr);
    assert!(!unknown.stderr.contains('\u{1b}'), "control characters are escaped: {}", unknown.stderr);
}

#[test]
fn every_command_names_the_file_and_position_of_a_syntax_error() {
    let file = corpus("truncated.ron");
    for command in ["validate", "evaluate", "sensitivity", "simulate", "fmt"] {
        let out = shoreline(&[command, path_str(&file)]);
        assert_eq!(out.code, 2, "{command}");
        // The file, the position, the field being read, and what went wrong.
        let expected = format!("shoreline: {}: line 11, column 46: in_house.costs[0]: ", file.display());
        assert!(out.stderr.contains(&expected), "{command}: {}", out.stderr);
        assert!(out.stderr.contains("Unexpected end of RON"), "{command}: {}", out.stderr);
    }
}

#[test]
fn validation_also_refuses_a_newer_format_version_and_a_zero_horizon() {
    // The loader refuses a newer file before parsing; a model built in memory is checked too.
    let mut m = io::load(&example_path()).expect("loads");
    m.format_version = 2;
    m.horizon_months = 0;
    let problems = model::validate(&m);
    let found: Vec<(&str, &str)> = problems.errors().map(|p| (p.path.as_str(), p.message.as_str())).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "format_version");
    assert!(found[0].1.contains("made by a newer Shoreline"), "{}", found[0].1);
    assert_eq!(found[1], ("horizon_months", "must be 1 to 600 months (0)"));
}
