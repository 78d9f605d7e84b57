//! Frame time of the whole window, headless (egui_kittest, no GPU): the CPU cost of laying out
//! every panel and chart once, as a frame costs when something changed. Figures and targets in
//! BENCHMARKS.md.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use shoreline::app::simulation::Status;
use shoreline::app::{AppState, Command, Document};
use shoreline::model::Model;
use shoreline::ui::app::ShorelineApp;
use shoreline::ui::central::Tab;

fn window(model: Option<Model>, tab: Tab, data: &std::path::Path) -> Harness<'static, ShorelineApp> {
    let mut state = AppState::start(None, Some(data.to_owned()));
    if let Some(model) = model {
        state.doc = Document::new(model, None);
        state.refresh();
    }
    let mut app = ShorelineApp::new(state);
    app.tab = tab;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), app);
    harness.run_steps(8);
    harness
}

/// Every chart of the overview, on the sample and on the large model.
fn overview(c: &mut Criterion) {
    let data = tempfile::tempdir().expect("temp dir");
    let cases = [
        ("ui frame, overview, contact center", None),
        ("ui frame, overview, large model", Some(shoreline::model::generate::large_model(120, 8, 200))),
    ];
    for (name, model) in cases {
        let mut harness = window(model, Tab::Overview, data.path());
        c.bench_function(name, |b| b.iter(|| harness.step()));
    }
}

/// Frames while a long Monte Carlo run works on the other core(s): each measured batch makes
/// sure a run is going (a new seed restarts one) before timing its frames.
fn while_simulating(c: &mut Criterion) {
    let data = tempfile::tempdir().expect("temp dir");
    for (name, tab) in [
        ("ui frame while simulating, Monte Carlo tab", Tab::MonteCarlo),
        ("ui frame while simulating, Sensitivity tab", Tab::Sensitivity),
    ] {
        let mut harness = window(None, tab, data.path());
        let mut seed = 0;
        c.bench_function(name, |b| {
            b.iter_custom(|frames| {
                if !matches!(harness.state().state.simulation.status(), Status::Running { .. }) {
                    seed += 1;
                    let mut model = harness.state().state.model().clone();
                    model.simulation.samples = 1_000_000;
                    model.simulation.seed = seed;
                    harness.state_mut().state.apply(Command::Replace { model: Box::new(model), group: None });
                    // Let the debounce pass and the worker start.
                    let until = Instant::now() + Duration::from_millis(400);
                    while Instant::now() < until {
                        harness.step();
                    }
                }
                let started = Instant::now();
                for _ in 0..frames {
                    harness.step();
                }
                started.elapsed()
            });
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4));
    targets = overview, while_simulating
}
criterion_main!(benches);
