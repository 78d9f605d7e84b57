//! Monte Carlo's lean projection (`Projection::run_savings`) gives bit for bit the savings, and
//! so the NPVs, of the full projection (`Projection::run`), on every sample model and on a large
//! generated one, at the base values and at perturbed values (as Monte Carlo draws are).

use shoreline::engine::finance::{DiscountChain, npv};
use shoreline::engine::{Plan, Projection};
use shoreline::model::generate::large_model;
use shoreline::model::samples::{self, SAMPLES};
use shoreline::model::{Model, io::from_ron_str};

fn models() -> Vec<(String, Model)> {
    let mut models: Vec<(String, Model)> =
        SAMPLES.iter().map(|s| (s.file_name.to_string(), samples::load_sample(s).expect("the sample loads"))).collect();
    let example = from_ron_str(include_str!("fixtures/contract_example.ron")).expect("the example loads");
    models.push(("contract example".into(), example));
    models.push(("large model".into(), large_model(120, 8, 200)));
    models
}

/// The base values, and variants with every input moved by a different few percent (kept in
/// its valid range), as a draw would move them.
fn value_sets(plan: &Plan) -> Vec<Vec<f64>> {
    let base = plan.base_values();
    let mut sets = vec![base.clone()];
    for k in 1..=4 {
        let moved = base
            .iter()
            .zip(&plan.inputs)
            .enumerate()
            .map(|(i, (&x, input))| input.kind.clamp(x * (1.0 + 0.07 * ((i * 7 + k * 13) as f64).sin())))
            .collect();
        sets.push(moved);
    }
    sets
}

#[test]
fn lean_projection_savings_and_npv_are_bit_identical_to_the_full_projection() {
    for (name, model) in models() {
        let plan = Plan::new(&model);
        // One lean projection reused across value sets, as a Monte Carlo worker reuses it.
        let mut lean = Projection::default();
        let mut chain = DiscountChain::default();
        for (set, values) in value_sets(&plan).iter().enumerate() {
            let full = Projection::new(&plan, values);
            lean.run_savings(&plan, values);
            let rate = plan.discount_rate(values);
            assert_eq!(full.options.len(), lean.options.len());
            for (o, (f, l)) in full.options.iter().zip(&lean.options).enumerate() {
                let bits = |s: &[f64]| s.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&f.savings), bits(&l.savings), "{name}, value set {set}, option {o}: savings");
                let factors = chain.factors(rate, plan.horizon());
                assert_eq!(
                    npv(&f.savings, rate).to_bits(),
                    DiscountChain::present_value(&l.savings, factors).to_bits(),
                    "{name}, value set {set}, option {o}: NPV"
                );
            }
        }
    }
}
