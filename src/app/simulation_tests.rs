//! The runner's rules without a window: staleness, debounce, cancel, quick and full runs.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::*;
use crate::engine::monte_carlo::{Control, simulate};
use crate::model::samples::default_model;

fn plan() -> Plan {
    Plan::new(&default_model().expect("the sample loads"))
}

fn want(revision: u64, samples: u32) -> Want {
    Want { revision, scenario: None, settings: Simulation { samples, seed: 7, method: Method::LatinHypercube } }
}

fn waker() -> Arc<dyn Fn() + Send + Sync> {
    Arc::new(|| {})
}

/// Ticks until no run is in progress (the debounce included), with a generous timeout.
fn settle(runner: &mut SimulationRunner, w: Want, plan: &Plan, dragging: bool) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let next = runner.tick(Instant::now(), Some((w, plan)), dragging, &waker());
        if next.is_none() || !matches!(runner.status(), Status::Running { .. } | Status::Waiting) {
            return;
        }
        assert!(Instant::now() < deadline, "the run did not finish");
        std::thread::sleep(Duration::from_millis(5));
        if matches!(runner.status(), Status::Waiting) && dragging {
            return; // A quick result is in and the full run waits for the drag to end.
        }
    }
}

#[test]
fn the_first_run_starts_at_once_and_matches_the_engine_called_directly() {
    let plan = plan();
    let mut runner = SimulationRunner::default();
    let w = want(0, 600);
    runner.tick(Instant::now(), Some((w, &plan)), false, &waker());
    assert!(matches!(runner.status(), Status::Running { total: 600, quick: false, .. }));
    settle(&mut runner, w, &plan, false);
    let finished = runner.current().expect("a current result");
    assert_eq!(finished.key, RunKey { want: w, quick: false });
    // Same seed, same numbers as the command line (which calls the same function).
    let settings = Settings { samples: 600, seed: 7, method: Method::LatinHypercube, threads: Some(1) };
    let direct = simulate(&plan, settings, &Control::default()).expect("runs");
    assert_eq!(finished.result.options[0].npv, direct.options[0].npv);
    assert_eq!(finished.result.options[0].prob_loss, direct.options[0].prob_loss);
    assert_eq!(runner.status(), Status::Idle);
}

#[test]
fn an_edit_during_a_run_cancels_it_and_only_the_new_revision_becomes_current() {
    let plan = plan();
    let mut runner = SimulationRunner::default();
    let t0 = Instant::now();
    // A run big enough to be in progress when the edit comes.
    runner.tick(t0, Some((want(0, 400_000), &plan)), false, &waker());
    assert!(matches!(runner.status(), Status::Running { .. }));
    // The edit: the old run is cancelled at once, the new one waits for the debounce.
    let edited = want(1, 400);
    let next = runner.tick(t0, Some((edited, &plan)), false, &waker());
    assert_eq!(runner.status(), Status::Waiting);
    assert!(next.is_some_and(|d| d <= DEBOUNCE));
    assert!(runner.current().is_none());
    runner.tick(t0 + DEBOUNCE, Some((edited, &plan)), false, &waker());
    assert!(matches!(runner.status(), Status::Running { total: 400, .. }));
    settle(&mut runner, edited, &plan, false);
    let latest = runner.latest().expect("a result");
    assert_eq!(latest.key.want.revision, 1, "the cancelled run's numbers never arrive");
    assert!(runner.is_current());
}

#[test]
fn a_result_that_arrives_for_an_older_revision_is_labelled_out_of_date() {
    let plan = plan();
    let mut runner = SimulationRunner::default();
    settle(&mut runner, want(0, 300), &plan, false);
    assert!(runner.is_current());
    let t = Instant::now();
    runner.tick(t, Some((want(1, 300), &plan)), false, &waker());
    assert_eq!(runner.latest().map(|f| f.key.want.revision), Some(0));
    assert!(!runner.is_current(), "the old result is kept but not as current");
    assert!(runner.current().is_none());
    assert_eq!(runner.status(), Status::Waiting);
}

#[test]
fn cancel_stops_the_run_and_nothing_restarts_until_something_changes() {
    let plan = plan();
    let mut runner = SimulationRunner::default();
    let w = want(0, 400_000);
    let t = Instant::now();
    runner.tick(t, Some((w, &plan)), false, &waker());
    runner.cancel();
    assert_eq!(runner.status(), Status::Cancelled);
    assert!(runner.tick(t + DEBOUNCE * 10, Some((w, &plan)), false, &waker()).is_none());
    assert_eq!(runner.status(), Status::Cancelled);
    assert!(runner.latest().is_none());
    // "Run again" starts it at once.
    runner.run_again();
    runner.tick(t + DEBOUNCE * 10, Some((w, &plan)), false, &waker());
    assert!(matches!(runner.status(), Status::Running { .. }));
    runner.cancel();
    // A new model starts again after the debounce.
    let w2 = want(1, 300);
    runner.tick(t, Some((w2, &plan)), false, &waker());
    assert_eq!(runner.status(), Status::Waiting);
    settle(&mut runner, w2, &plan, false);
    assert_eq!(runner.current().map(|f| f.key.want), Some(w2));
}

#[test]
fn a_drag_gets_quick_runs_at_once_and_the_full_run_follows_when_it_ends() {
    let plan = plan();
    let mut runner = SimulationRunner::default();
    settle(&mut runner, want(0, 3_000), &plan, false);
    // Dragging: every new revision gets a quick run without waiting for the debounce.
    let w = want(1, 3_000);
    runner.tick(Instant::now(), Some((w, &plan)), true, &waker());
    assert!(matches!(runner.status(), Status::Running { total: QUICK_SAMPLES, quick: true, .. }));
    settle(&mut runner, w, &plan, true);
    let latest = runner.latest().expect("the quick result");
    assert!(latest.key.quick);
    assert_eq!(latest.result.samples, QUICK_SAMPLES);
    assert!(runner.is_current(), "a quick preview of this model is current, and labelled quick");
    // The drag ends: the full run follows.
    runner.tick(Instant::now() + DEBOUNCE, Some((w, &plan)), false, &waker());
    assert!(matches!(runner.status(), Status::Running { total: 3_000, quick: false, .. }));
    settle(&mut runner, w, &plan, false);
    assert_eq!(runner.current().map(|f| f.key), Some(RunKey { want: w, quick: false }));
}

#[test]
fn a_drag_that_does_not_change_the_model_does_not_rerun() {
    let plan = plan();
    let mut runner = SimulationRunner::default();
    let w = want(0, 300);
    settle(&mut runner, w, &plan, false);
    assert!(runner.tick(Instant::now(), Some((w, &plan)), true, &waker()).is_none());
    assert_eq!(runner.status(), Status::Idle);
}

#[test]
fn the_engine_refusing_a_run_is_reported_and_not_retried() {
    let plan = plan();
    let mut runner = SimulationRunner::default();
    let w = want(0, 0);
    settle(&mut runner, w, &plan, false);
    assert!(matches!(runner.status(), Status::Failed(ref m) if m.contains("at least one draw")));
}
