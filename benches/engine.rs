//! Engine benchmarks: see BENCHMARKS.md for the figures and the targets.

use criterion::{Criterion, criterion_group, criterion_main};
use shoreline::engine::Evaluation;
use shoreline::model::io;

fn evaluate(c: &mut Criterion) {
    let model = io::from_ron_str(include_str!("../tests/fixtures/contract_example.ron")).expect("example loads");
    c.bench_function("evaluate contract example", |b| b.iter(|| Evaluation::of_model(std::hint::black_box(&model))));
}

criterion_group!(benches, evaluate);
criterion_main!(benches);
