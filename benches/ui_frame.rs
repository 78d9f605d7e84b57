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

/// Dragging a pinned slider while presenting, 1920×1080 at the presenting zoom (1.75): each
/// frame takes a new value of the pinned input (as a drag gives), evaluates the model and draws
/// the slide with every chart on it and the slider strip.
fn presenting(c: &mut Criterion) {
    let data = tempfile::tempdir().expect("temp dir");
    for (name, slide) in [
        ("ui frame presenting, dragging a pin, cumulative savings slide", 3),
        ("ui frame presenting, dragging a pin, cost against volume slide", 4),
        ("ui frame presenting, dragging a pin, Monte Carlo histogram slide", 9),
    ] {
        let state = AppState::start(None, Some(data.path().to_owned()));
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1920.0, 1080.0))
            .with_max_steps(64)
            .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), ShorelineApp::new(state));
        harness.run_steps(4);
        harness.key_press(egui::Key::F5);
        harness.run_steps(4);
        for _ in 0..slide {
            harness.key_press(egui::Key::ArrowRight);
            harness.step();
        }
        harness.run_steps(4);
        assert!((harness.ctx.zoom_factor() - 1.75).abs() < 1e-6, "presenting zoom");
        let path = "options[2].pricing.rate";
        let base = shoreline::model::inputs::input(harness.state().state.model(), path).expect("pinned").estimate;
        let mut k = 0_u32;
        c.bench_function(name, |b| {
            b.iter(|| {
                k += 1;
                let mut model = harness.state().state.model().clone();
                let value = base.base() * (0.8 + 0.4 * f64::from(k % 50) / 50.0);
                let moved = shoreline::app::retarget::with_base(&base, value, shoreline::model::ValueKind::Money);
                shoreline::model::inputs::set_input(&mut model, path, moved).expect("an input");
                harness.state_mut().state.apply(Command::Replace { model: Box::new(model), group: Some(7) });
                harness.step();
            });
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4));
    targets = overview, while_simulating, presenting
}
criterion_main!(benches);
