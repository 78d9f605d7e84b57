//! Frame time of the whole window, headless (egui_kittest, no GPU): the CPU cost of laying out
//! and tessellating every panel and chart once. Figures and targets in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use shoreline::app::AppState;
use shoreline::model::Model;
use shoreline::ui::app::ShorelineApp;

fn app_on(model: Option<Model>, data: &std::path::Path) -> ShorelineApp {
    let mut state = AppState::start(None, Some(data.to_owned()));
    if let Some(model) = model {
        state.doc = shoreline::app::Document::new(model, None);
        state.refresh();
    }
    ShorelineApp::new(state)
}

fn frames(c: &mut Criterion) {
    let data = tempfile::tempdir().expect("temp dir");
    let cases = [("contact center sample", None), ("large model", Some(shoreline::model::generate::large_model(120, 8, 200)))];
    for (name, model) in cases {
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), app_on(model, data.path()));
        harness.run();
        c.bench_function(&format!("ui frame, {name}"), |b| b.iter(|| harness.step()));
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = frames
}
criterion_main!(benches);
