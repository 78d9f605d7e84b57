//! Engine benchmarks: see BENCHMARKS.md for the figures and the targets.

use criterion::{Criterion, criterion_group, criterion_main};
use shoreline::engine::sensitivity::sensitivity;
use shoreline::engine::{Evaluation, Plan};
use shoreline::model::io;
use shoreline::model::samples::default_model;

fn evaluate(c: &mut Criterion) {
    let model = io::from_ron_str(include_str!("../tests/fixtures/contract_example.ron")).expect("example loads");
    c.bench_function("evaluate contract example", |b| b.iter(|| Evaluation::of_model(std::hint::black_box(&model))));
}

/// Tornado + spider + hidden-cost curve of every option of the contact-center sample: what the
/// Sensitivity tab recomputes after an edit (target: one frame, ≤ 8 ms per option).
fn sensitivity_contact_center(c: &mut Criterion) {
    let plan = Plan::new(&default_model().expect("the sample loads"));
    for option in 0..plan.option_count() {
        let name = format!("sensitivity contact center option {option}");
        c.bench_function(&name, |b| b.iter(|| sensitivity(std::hint::black_box(&plan), option)));
    }
}

criterion_group!(benches, evaluate, sensitivity_contact_center);
criterion_main!(benches);
