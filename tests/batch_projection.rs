//! Monte Carlo's batch projection (`engine::batch`) gives, in every lane, bit for bit the
//! savings and NPV of the projection (`Projection::run`) of that lane's values: on every
//! sample model, the contract's example and a large generated model, with lanes holding
//! different draws, with inputs that vary and inputs that do not, and with a batch reused from
//! one run to the next as a Monte Carlo worker reuses it.

use shoreline::engine::batch::{Batch, LANES};
use shoreline::engine::finance::npv;
use shoreline::engine::{Plan, Projection, Slot};
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

/// The values of lane `lane` in round `round`: lane 0 of round 0 is the base values; the
/// others move each input by a different few percent (kept in its valid range), as draws do.
/// Only the inputs `moved` selects move.
fn lane_values(plan: &Plan, round: usize, lane: usize, moved: impl Fn(usize) -> bool) -> Vec<f64> {
    let k = round * LANES + lane;
    plan.base_values()
        .iter()
        .zip(&plan.inputs)
        .enumerate()
        .map(
            |(i, (&x, input))| {
                if k == 0 || !moved(i) {
                    x
                } else {
                    input.kind.clamp(x * (1.0 + 0.07 * ((i * 7 + k * 13) as f64).sin()))
                }
            },
        )
        .collect()
}

fn assert_lanes_match_the_projection(name: &str, plan: &Plan, moved: impl Fn(usize) -> bool + Copy) {
    let mut batch = Batch::new(plan);
    for round in 0..2 {
        let lanes: Vec<Vec<f64>> = (0..LANES).map(|lane| lane_values(plan, round, lane, moved)).collect();
        for slot in (0..plan.inputs.len()).filter(|&i| moved(i)) {
            let values = batch.lanes_mut(Slot(slot));
            for (value, lane) in values.iter_mut().zip(&lanes) {
                *value = lane[slot];
            }
        }
        batch.run(plan);
        let mut projection = Projection::default();
        for (lane, values) in lanes.iter().enumerate() {
            projection.run(plan, values, 1.0);
            let rate = plan.discount_rate(values);
            for (o, series) in projection.options.iter().enumerate() {
                let batch_savings: Vec<u64> = batch.savings(o).iter().map(|month| month[lane].to_bits()).collect();
                let savings: Vec<u64> = series.savings.iter().map(|x| x.to_bits()).collect();
                assert_eq!(batch_savings, savings, "{name}, round {round}, lane {lane}, option {o}: savings");
                assert_eq!(
                    batch.npv(o)[lane].to_bits(),
                    npv(&series.savings, rate).to_bits(),
                    "{name}, round {round}, lane {lane}, option {o}: NPV"
                );
            }
        }
    }
}

#[test]
fn every_lane_has_the_projections_savings_and_npv_when_every_input_varies() {
    for (name, model) in models() {
        assert_lanes_match_the_projection(&name, &Plan::new(&model), |_| true);
    }
}

#[test]
fn every_lane_has_the_projections_savings_and_npv_when_only_the_distributions_vary() {
    for (name, model) in models() {
        let plan = Plan::new(&model);
        let uncertain: Vec<bool> = plan.inputs.iter().map(|i| i.estimate.distribution().is_some()).collect();
        assert!(uncertain.iter().any(|&u| u), "{name} has uncertain inputs");
        assert_lanes_match_the_projection(&name, &plan, |i| uncertain[i]);
    }
}

#[test]
fn every_lane_has_the_projections_savings_and_npv_when_only_the_discount_rate_or_one_input_varies() {
    let model = samples::default_model().expect("the sample loads");
    let plan = Plan::new(&model);
    let discount = plan.slot_of("discount_rate").expect("the discount rate is an input");
    assert_lanes_match_the_projection("discount rate", &plan, |i| i == discount.0);
    for slot in 0..plan.inputs.len() {
        assert_lanes_match_the_projection(&plan.input_path(Slot(slot)), &plan, |i| i == slot);
    }
}
