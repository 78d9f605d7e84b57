//! Engine benchmarks: evaluation, sensitivity and Monte Carlo of a realistic contact-center
//! model and of a generated large model. BENCHMARKS.md records the figures and the targets.
//!
//! Run with `cargo bench --bench engine`; one group: `cargo bench --bench engine -- contact_center`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use shoreline::engine::monte_carlo::{self, Control, Settings};
use shoreline::engine::{Evaluation, Plan, sensitivity::sensitivity};
use shoreline::model::{self, Distribution, Estimate, Model, Pricing, Shore, generate, io};

/// The contract example with a nearshore and an onshore offer beside the Manila one: three
/// realistic options over 36 months. (Copies of option 0 with their own names, regions, rates,
/// productivity and learning curves, so no two options cost the same.)
fn contact_center() -> Model {
    let mut model =
        io::from_ron_str(include_str!("../tests/fixtures/contract_example.ron")).expect("the contract example loads");
    let manila = model.options[0].clone();
    let mut nearshore = manila.clone();
    nearshore.name = "Monterrey partner".into();
    nearshore.shore = Shore::Nearshore;
    nearshore.region = "Mexico".into();
    nearshore.pricing = Pricing::PerHour {
        rate: Estimate::Uncertain(Distribution::Pert { low: 15.0, mode: 17.0, high: 21.0 }),
        hours_per_fte: Estimate::Fixed(160.0),
    };
    nearshore.productivity = Estimate::Fixed(0.95);
    nearshore.rate_escalation = Estimate::Fixed(0.04);
    let mut onshore = manila;
    onshore.name = "Columbus partner".into();
    onshore.shore = Shore::Onshore;
    onshore.region = "Ohio".into();
    onshore.pricing = Pricing::PerHour {
        rate: Estimate::Uncertain(Distribution::Pert { low: 24.0, mode: 27.0, high: 32.0 }),
        hours_per_fte: Estimate::Fixed(160.0),
    };
    onshore.productivity = Estimate::Fixed(1.0);
    onshore.rate_escalation = Estimate::Fixed(0.03);
    onshore.learning = onshore.learning.map(|mut l| {
        l.initial_dip = Estimate::Fixed(0.1);
        l.months = 6;
        l
    });
    model.options.push(nearshore);
    model.options.push(onshore);
    assert!(!model::validate(&model).has_errors(), "the contact-center model is valid");
    model
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
    group.bench_function("sensitivity", |b| b.iter(|| sensitivity(black_box(&plan), 0)));
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
