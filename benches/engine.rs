//! Engine benchmarks: evaluation, sensitivity and Monte Carlo of a realistic contact-center
//! model and of a generated large model. BENCHMARKS.md records the figures and the targets.
//!
//! Run with `cargo bench --bench engine`; one group: `cargo bench --bench engine -- contact_center`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use shoreline::engine::monte_carlo::{self, Control, Settings};
use shoreline::engine::{Evaluation, Plan, sensitivity::sensitivity};
use shoreline::model::{Model, generate, samples};

/// The bundled contact-center sample: 36 months, three options (onshore, nearshore, offshore).
fn contact_center() -> Model {
    samples::default_model().expect("the contact-center sample loads")
}

fn settings(model: &Model, samples: usize) -> Settings {
    Settings { samples, seed: model.simulation.seed, method: model.simulation.method, threads: None }
}

fn simulate(plan: &Plan, settings: Settings) -> monte_carlo::SimulationResult {
    monte_carlo::simulate(plan, settings, &Control::default()).expect("the simulation runs")
}

fn contact_center_benches(c: &mut Criterion) {
    let model = contact_center();
    let plan = Plan::new(&model);
    let mut group = c.benchmark_group("contact_center");
    group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    group.bench_function("evaluate", |b| b.iter(|| Evaluation::of_model(black_box(&model))));
    // The two halves of `evaluate`: compiling the model, and evaluating the compiled plan.
    group.bench_function("evaluate_compile", |b| b.iter(|| Plan::new(black_box(&model))));
    let base = plan.base_values();
    group.bench_function("evaluate_compiled", |b| b.iter(|| Evaluation::of_plan(black_box(&plan), &base)));
    // What the Sensitivity tab recomputes after an edit, for each option (target: one frame).
    for option in 0..plan.option_count() {
        group.bench_function(format!("sensitivity_option_{option}"), |b| {
            b.iter(|| sensitivity(black_box(&plan), option))
        });
    }
    group.sample_size(20).measurement_time(Duration::from_secs(4));
    group.bench_function("monte_carlo_10k", |b| b.iter(|| simulate(black_box(&plan), settings(&model, 10_000))));
    group.sample_size(10).measurement_time(Duration::from_secs(6));
    group.bench_function("monte_carlo_100k", |b| b.iter(|| simulate(black_box(&plan), settings(&model, 100_000))));
    group.finish();
}

fn large_model_benches(c: &mut Criterion) {
    let model = generate::large_model(120, 8, 200);
    let plan = Plan::new(&model);
    let mut group = c.benchmark_group("large_model");
    group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    group.bench_function("evaluate", |b| b.iter(|| Evaluation::of_model(black_box(&model))));
    group.sample_size(20);
    group.bench_function("sensitivity", |b| b.iter(|| sensitivity(black_box(&plan), 0)));
    group.sample_size(10).measurement_time(Duration::from_secs(6));
    group.bench_function("monte_carlo_10k", |b| b.iter(|| simulate(black_box(&plan), settings(&model, 10_000))));
    group.finish();
}

criterion_group!(benches, contact_center_benches, large_model_benches);
criterion_main!(benches);
