//! The uncertainty views, headless: the tornado and its click, goal seek with apply and undo,
//! cancelling a simulation, an edit during a run, and scenario editing and comparison.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use shoreline::app::simulation::Status;
use shoreline::app::{AppState, Command};
use shoreline::model::inputs::input;
use shoreline::model::{Change, Estimate, Model, OverrideValue};
use shoreline::ui::app::ShorelineApp;
use shoreline::ui::central::Tab;

fn harness(state: AppState, tab: Tab) -> Harness<'static, ShorelineApp> {
    let mut app = ShorelineApp::new(state);
    app.tab = tab;
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // Revealing an input in the editor opens its sections over a few frames.
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), app)
}

fn start(data: &std::path::Path) -> AppState {
    AppState::start(None, Some(data.to_owned()))
}

fn with_samples(state: &mut AppState, samples: u32) {
    let mut model: Model = state.model().clone();
    model.simulation.samples = samples;
    state.apply(Command::Replace { model: Box::new(model), group: None });
}

/// Steps the window (real time passes: the debounce and the worker) until `done` or a timeout.
fn step_until(h: &mut Harness<'_, ShorelineApp>, what: &str, done: impl Fn(&ShorelineApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(180);
    while !done(h.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}

#[test]
fn tornado_rows_appear_in_swing_order_and_clicking_one_selects_its_input() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()), Tab::Sensitivity);
    h.run();
    let sens = h.state().state.sensitivity.sensitivity().expect("computed").clone();
    let expected: Vec<String> =
        sens.tornado.iter().filter(|b| b.swing > 0.0).take(10).map(|b| format!("{}: NPV ", b.label)).collect();
    assert!(expected.len() >= 3, "the sample has several uncertain inputs");
    let rows: Vec<String> = h
        .query_all_by(|n| n.label().is_some_and(|l| l.contains(" at P10 (")))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(rows.len(), expected.len());
    for (row, start) in rows.iter().zip(&expected) {
        assert!(row.starts_with(start.as_str()), "{row:?} should start with {start:?}");
    }
    let swings: Vec<f64> = sens.tornado.iter().take(expected.len()).map(|b| b.swing).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "largest swing first");

    h.get_by_label_contains(&expected[1]).click();
    h.run();
    assert_eq!(h.state().state.focus_path.as_deref(), Some(sens.tornado[1].path.as_str()));
}

#[test]
fn goal_seek_finds_a_rate_applies_it_and_undo_restores_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()), Tab::Sensitivity);
    h.run();
    let before = h.state().state.model().clone();
    h.get_by_label("Goal seek…").click();
    h.run();
    // The dialog opens on the option's rate, savings %, 25 %.
    h.get_by_label_contains("Which value of one input");
    h.get_by_label("Find").click();
    h.run();
    // The answer carries its currency and unit; the rate is a distribution, and Apply says what
    // it does to it.
    h.get_by_label_contains("gives savings of 25.0 %");
    let model = h.state().state.model().clone();
    let plan = shoreline::engine::Plan::new(&model);
    let found = shoreline::engine::sensitivity::goal_seek(
        &plan,
        0,
        "options[0].pricing.rate",
        shoreline::engine::sensitivity::Metric::SavingsPct,
        0.25,
    )
    .expect("a rate reaches 25 %");
    let answer = shoreline::model::units::value_with_unit(&model, "options[0].pricing.rate", found.value);
    assert!(answer.starts_with("USD ") && answer.ends_with(" per hour"), "{answer}");
    h.get_by_label(&format!("{answer} gives savings of 25.0 %"));
    h.get_by_label_contains("distribution: Apply moves its base value to this and keeps its spread");
    h.get_by_label("Apply").click();
    h.run();
    let path = "options[0].pricing.rate";
    let after = input(h.state().state.model(), path).expect("the input exists").estimate.base();
    let was = input(&before, path).expect("the input exists").estimate.base();
    assert!(after < was, "a lower rate gives more savings ({after} vs {was})");
    let achieved = h.state().state.analysis.results.as_ref().and_then(|r| r.evaluation.options[0].savings_pct);
    assert!(achieved.is_some_and(|s| (s - 0.25).abs() < 1e-6), "{achieved:?}");
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(*h.state().state.model(), before);
}

#[test]
fn goal_seek_lists_the_focused_options_inputs_first_and_filters_by_typing() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut state = start(data.path());
    state.option = 2;
    let focused = state.model().options[2].name.clone();
    let mut h = harness(state, Tab::Sensitivity);
    h.run();
    h.get_by_label("Goal seek…").click();
    h.run();
    h.get_by_label("Input").click();
    h.run();
    let top = |h: &Harness<'_, ShorelineApp>, text: &str| {
        h.query_all_by_label(text).map(|n| n.rect().top()).fold(f32::INFINITY, f32::min)
    };
    let (own, shared, others) = (top(&h, &focused), top(&h, "Shared by every option"), top(&h, "Other options"));
    assert!(own < shared && shared < others, "{own} < {shared} < {others}");
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("Filter").click();
    h.run();
    h.get_by_label("Filter").type_text("severance");
    h.run();
    h.get_by_label("Input").click();
    h.run();
    assert!(h.query_by_label("Shared by every option").is_none(), "only severance inputs are left");
    assert!(h.query_all_by_label_contains("Severance").count() >= 1);
}

#[test]
fn goal_seek_says_why_when_no_value_reaches_the_target() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()), Tab::Sensitivity);
    h.run();
    h.get_by_label("Goal seek…").click();
    h.run();
    let target = h.get_by_label("Target");
    target.click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Target").type_text("150");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Find").click();
    h.run();
    h.get_by_label_contains("reaches the target");
    assert!(h.query_by_label("Apply").is_none());
}

/// The Monte Carlo tab with a 1,000,000-draw run going: long enough to act on mid-run.
fn simulating(data: &std::path::Path) -> Harness<'static, ShorelineApp> {
    let mut state = start(data);
    with_samples(&mut state, 1_000_000);
    let mut h = harness(state, Tab::MonteCarlo);
    h.run();
    assert!(matches!(h.state().state.simulation.status(), Status::Running { .. }));
    h
}

#[test]
fn a_simulation_run_can_be_cancelled() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = simulating(data.path());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().state.simulation.status(), Status::Cancelled);
    h.get_by_label_contains("Cancelled.");
    assert!(h.state().state.simulation.latest().is_none());
    // Nothing restarts by itself.
    std::thread::sleep(Duration::from_millis(400));
    h.run();
    assert_eq!(h.state().state.simulation.status(), Status::Cancelled);
}

#[test]
fn an_edit_during_a_run_yields_results_for_the_new_model_only() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = simulating(data.path());
    with_samples(&mut h.state_mut().state, 600);
    let revision = h.state().state.doc.revision();
    step_until(&mut h, "the new run", |app| app.state.simulation.status() == Status::Idle);
    let current = h.state().state.simulation.current().expect("a current result");
    assert_eq!(current.key.want.revision, revision);
    assert_eq!(current.result.samples, 600);
    assert!(!current.key.quick);
    h.run();
    h.get_by_label_contains("chance that");
    assert!(h.query_by_label_contains("Out of date").is_none());
}

/// The Scenarios tab with a scenario just added and given one override; the index of that
/// scenario.
fn with_a_new_override(data: &std::path::Path) -> (Harness<'static, ShorelineApp>, usize) {
    let mut h = harness(start(data), Tab::Scenarios);
    h.run();
    let count = h.state().state.model().scenarios.len();
    h.get_by_label("Add scenario").click();
    h.run();
    assert_eq!(h.state().state.model().scenarios.len(), count + 1);
    assert_eq!(h.state().state.model().scenarios[count].name, "Scenario 1");
    h.get_by_label("Add override").click();
    h.run();
    (h, count)
}

/// Selects what the number field `label` holds and types `text` over it.
fn type_over(h: &mut Harness<'_, ShorelineApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.key_press(egui::Key::Enter);
    h.run();
}

#[test]
fn scenarios_can_be_added_edited_and_compared() {
    let data = tempfile::tempdir().expect("temp dir");
    let (mut h, count) = with_a_new_override(data.path());
    let added = h.state().state.model().scenarios[count].overrides.clone();
    assert_eq!(added.len(), 1);
    // The first input is the discount rate, typed in percent as in the editor.
    type_over(&mut h, "Override 1 value", "20");
    let edited = &h.state().state.model().scenarios[count].overrides[0];
    assert_eq!(edited.value, OverrideValue::Set(Estimate::Fixed(0.2)), "{edited:?}");
    // Every scenario appears in the comparison (besides its button above it).
    let names: Vec<String> = h.state().state.model().scenarios.iter().map(|s| s.name.clone()).collect();
    for name in names {
        assert!(h.query_all_by_label(&name).count() >= 2, "{name} is compared");
    }
    let rows = h.state().state.comparison.rows.len();
    assert_eq!(rows, count + 2, "the base model and every scenario");
    // One undo step takes the edit back.
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(h.state().state.model().scenarios[count].overrides, added);
}

#[test]
fn an_override_can_be_a_change_in_percent_and_the_comparison_shows_the_change_from_base() {
    let data = tempfile::tempdir().expect("temp dir");
    let (mut h, count) = with_a_new_override(data.path());
    h.get_by_label("Override 1 how").click();
    h.run();
    h.get_by_label("change by %").click();
    h.run();
    type_over(&mut h, "Override 1 change", "-20");
    let edited = h.state().state.model().scenarios[count].overrides[0].clone();
    assert_eq!(edited.value, OverrideValue::Change(Change::Percent(-20.0)), "{edited:?}");
    // What the change comes to is written beside it, in the input's unit.
    h.get_by_label_contains(" % a year becomes ");
    // Each scenario row says how far it moves each option from the base model.
    assert!(h.query_all_by_label("vs base").count() == 2);
    assert!(h.query_all_by_label_contains(" pts").count() >= 1);
}

#[test]
fn the_monte_carlo_tab_says_how_often_each_option_is_the_cheapest_on_the_same_draws() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut state = start(data.path());
    with_samples(&mut state, 600);
    let mut h = harness(state, Tab::MonteCarlo);
    h.run();
    step_until(&mut h, "the run", |app| app.state.simulation.current().is_some());
    h.run();
    let result = h.state().state.simulation.current().expect("a result").result.clone();
    // Each option has its bar and its curve in the overlay's legend.
    for o in &result.options {
        assert!(h.query_all_by_label(&o.name.replace('\n', " ")).count() >= 2, "{}", o.name);
    }
    h.get_by_label("Keep it in-house");
    let shown = |share: f64| format!("{} cheapest", shoreline::format::percent(share));
    let best = result.options.iter().max_by(|a, b| a.prob_cheapest.total_cmp(&b.prob_cheapest)).expect("options");
    assert!(h.query_all_by_label(&shown(best.prob_cheapest)).count() >= 1);
    assert!(h.query_all_by_label(&shown(result.in_house_cheapest)).count() >= 1);
    h.get_by_label("NPV distributions overlaid");
}

#[test]
fn a_run_too_large_for_the_memory_limit_says_so_in_the_window_instead_of_starting() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut state = start(data.path());
    let huge = shoreline::model::generate::many_options_model(50, 600, 1_000_000);
    state.apply(Command::Replace { model: Box::new(huge), group: None });
    let mut h = harness(state, Tab::MonteCarlo);
    h.run();
    step_until(&mut h, "the refusal", |app| matches!(app.state.simulation.status(), Status::Failed(_)));
    h.run();
    h.get_by_label_contains("lower the draws to 600,000 or fewer");
}
