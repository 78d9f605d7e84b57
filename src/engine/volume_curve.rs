//! The steady-state cost curves of *Cost against volume*: in-house and each option's monthly cost
//! across a range of monthly volumes, sampled so that the in-house staff steps read as steps. The
//! window and the exported chart draw the same points.

use super::break_even::{in_house_cost_at, option_cost_at};
use super::{Evaluation, Plan};
use crate::model::{Model, Pricing, SourcingOption};

/// Uniform samples across the range; staff steps are added exactly on top of these.
pub const SAMPLES: usize = 600;
/// Beyond this many exact step edges the steps are narrower than a pixel: uniform samples do.
const MAX_STEP_EDGES: usize = 4000;

/// The steady-state cost curves: `[volume, cost per month]` points at the same volumes.
#[derive(Clone, Debug, PartialEq)]
pub struct Curves {
    /// In-house.
    pub in_house: Vec<[f64; 2]>,
    /// Each option, in model order.
    pub options: Vec<Vec<[f64; 2]>>,
}

/// The highest volume the curves reach: three times today's volume, and past the furthest
/// break-even volume so that every crossing is in view.
pub fn volume_range(model: &Model, evaluation: &Evaluation) -> f64 {
    let base = model.workload.monthly_volume.base();
    let furthest_break_even = evaluation.options.iter().filter_map(|o| o.break_even_volume).fold(0.0_f64, f64::max);
    (3.0 * base).max(1.15 * furthest_break_even).max(1.0)
}

/// The volumes to evaluate the curves at: a uniform grid plus both sides of every staff step, so
/// the steps are drawn as steps rather than slopes when the chart is zoomed in.
pub fn sample_volumes(x_max: f64, step_widths: &[f64]) -> Vec<f64> {
    let mut xs: Vec<f64> = (0..=SAMPLES).map(|i| x_max * i as f64 / SAMPLES as f64).collect();
    let edges: f64 = step_widths.iter().filter(|w| **w > 0.0).map(|w| x_max / w).sum();
    if edges.is_finite() && edges <= MAX_STEP_EDGES as f64 {
        for &w in step_widths.iter().filter(|w| **w > 0.0) {
            let mut k = 1.0;
            while k * w < x_max {
                // ceil*(v / w) steps up just past k·w: sample both sides of the jump.
                xs.push(k * w);
                xs.push(k * w * (1.0 + 1e-6));
                k += 1.0;
            }
        }
    }
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    xs
}

/// The cost curves of in-house and the first `option_count` options of `model` (compiled as
/// `plan`, at input `values`) from volume 0 to `x_max`.
pub fn curves(model: &Model, plan: &Plan, values: &[f64], x_max: f64, option_count: usize) -> Curves {
    let units_per_fte = model.in_house.units_per_fte_month.base();
    let mut step_widths = vec![units_per_fte];
    step_widths.extend(model.options.iter().map(|o| units_per_fte * o.productivity.base()));
    let xs = sample_volumes(x_max, &step_widths);
    let option_count = option_count.min(plan.option_count());
    Curves {
        in_house: xs.iter().map(|&v| [v, in_house_cost_at(plan, values, v)]).collect(),
        options: (0..option_count)
            .map(|i| xs.iter().map(|&v| [v, option_cost_at(plan, i, values, v)]).collect())
            .collect(),
    }
}

/// How an option's cost behaves with volume, in a few words ("variable, above a minimum fee").
pub fn vendor_behaviour(option: &SourcingOption) -> &'static str {
    let floor = option.minimum_monthly.base() > 0.0;
    match (&option.pricing, floor) {
        (Pricing::FixedFee { .. }, _) => "fixed fee",
        (Pricing::Anchored { .. }, _) => "fixed inside the band, variable outside",
        (_, true) => "variable, above a minimum fee",
        (_, false) => "variable",
    }
}

/// How in-house cost behaves with volume, in the same words as [`vendor_behaviour`].
pub const IN_HOUSE_BEHAVIOUR: &str = "mostly fixed, steps of whole staff";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_straddle_every_staff_step() {
        let xs = sample_volumes(3000.0, &[1000.0]);
        assert!(xs.contains(&1000.0) && xs.contains(&2000.0));
        assert!(xs.iter().any(|&x| x > 1000.0 && x < 1000.01));
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(xs.first(), Some(&0.0));
        assert_eq!(xs.last(), Some(&3000.0));
    }

    #[test]
    fn too_many_steps_fall_back_to_the_uniform_grid() {
        assert_eq!(sample_volumes(1e9, &[1.0]).len(), SAMPLES + 1);
    }

    #[test]
    fn the_curves_are_the_break_even_costs_and_cross_at_the_break_even_volume() {
        let model = crate::model::samples::default_model().expect("the sample loads");
        let plan = Plan::new(&model);
        let values = plan.base_values();
        let evaluation = Evaluation::of_plan(&plan, &values);
        let x_max = volume_range(&model, &evaluation);
        assert!(x_max >= 3.0 * model.workload.monthly_volume.base());
        let curves = curves(&model, &plan, &values, x_max, model.options.len());
        assert_eq!(curves.options.len(), model.options.len());
        let [v, cost] = curves.in_house[curves.in_house.len() / 2];
        assert_eq!(cost, in_house_cost_at(&plan, &values, v));
        for (i, o) in evaluation.options.iter().enumerate() {
            assert_eq!(curves.options[i].len(), curves.in_house.len());
            let Some(volume) = o.break_even_volume else { continue };
            assert!(volume < x_max, "{} breaks even in view", o.name);
            let gap = |v: f64| option_cost_at(&plan, i, &values, v) - in_house_cost_at(&plan, &values, v);
            let (below, above) = (gap(volume * (1.0 - 1e-6)), gap(volume * (1.0 + 1e-6)));
            assert!(below * above <= 0.0, "{} crosses in-house at {volume}: {below} then {above}", o.name);
        }
    }
}
