//! The last guard against numbers that are not numbers: validation bounds every input to a
//! plausible magnitude, so a valid model gives finite results; should a combination still
//! overflow, the result is an error naming the input that causes it, never a `null` or `inf`
//! where a figure was promised.

use super::monte_carlo::SimulationResult;
use super::plan::Plan;
use super::results::Evaluation;
use crate::model::ValueKind;

/// A result that is not a finite number, and the input found to cause it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "the results overflow: {result} is not a finite number. {}",
    match cause {
        Some((label, path)) => format!("It comes from {label} ({path}): make it smaller."),
        None => "No single input causes it: several are too large together; make the largest smaller.".to_owned(),
    }
)]
pub struct NotFinite {
    /// The first result that is not finite ("Manila partner › NPV").
    pub result: String,
    /// The input's label and path, when setting that one input to a plain value makes every
    /// result finite.
    pub cause: Option<(String, String)>,
}

/// The first result of `e` that is not finite, named for a person.
pub fn first_not_finite(e: &Evaluation) -> Option<String> {
    let bad = |x: f64| !x.is_finite();
    let bad_opt = |x: Option<f64>| x.is_some_and(bad);
    let h = &e.in_house;
    if bad(h.total) || h.cost.iter().copied().any(bad) || bad_opt(h.cost_per_unit) {
        return Some("the in-house cost".to_owned());
    }
    for o in &e.options {
        let named = |what: &str| Some(format!("{} › {what}", o.name));
        if bad(o.total) || o.cost.iter().copied().any(bad) {
            return named("cost");
        }
        if bad(o.npv) {
            return named("NPV");
        }
        if bad(o.savings_total) || bad_opt(o.savings_pct) || o.cumulative_savings.iter().copied().any(bad) {
            return named("savings");
        }
        if bad_opt(o.irr) || bad_opt(o.break_even_volume) || bad_opt(o.cost_per_unit) || bad(o.hidden_total) {
            return named("IRR, break-even or hidden costs");
        }
    }
    None
}

/// Checks that every result of evaluating `plan` at `values` is finite; when one is not, finds
/// the input that causes it by setting each input in turn to a plain value (1, or 0 for a rate)
/// and evaluating again: only on this error path, so its cost does not matter.
pub fn check_finite(plan: &Plan, values: &[f64], e: &Evaluation) -> Result<(), NotFinite> {
    let Some(result) = first_not_finite(e) else { return Ok(()) };
    Err(NotFinite { result, cause: neutralised_cause(plan, values, |e| first_not_finite(e).is_some()) })
}

/// The first input that, set to a plain value (1, or 0 for a rate), stops `overflows`.
fn neutralised_cause(plan: &Plan, values: &[f64], overflows: impl Fn(&Evaluation) -> bool) -> Option<(String, String)> {
    (0..plan.inputs.len()).find_map(|slot| {
        let mut tried = values.to_vec();
        tried[slot] = match plan.inputs[slot].kind {
            ValueKind::Money | ValueKind::Quantity | ValueKind::Positive => 1.0,
            ValueKind::Growth | ValueKind::Share | ValueKind::Credit | ValueKind::Dip => 0.0,
        };
        (!overflows(&Evaluation::of_plan(plan, &tried)))
            .then(|| (plan.input_label(super::Slot(slot)), plan.input_path(super::Slot(slot))))
    })
}

/// True when a simulation of results like `e` would overflow: a result is not finite, or the
/// cumulative savings leave the range of the 32-bit numbers the monthly bands are kept in.
fn draws_overflow(e: &Evaluation) -> bool {
    first_not_finite(e).is_some()
        || e.options.iter().any(|o| o.cumulative_savings.iter().any(|x| x.abs() > f64::from(f32::MAX)))
}

/// The first figure of a simulation that is not finite, named for a person.
pub fn first_not_finite_draws(r: &SimulationResult) -> Option<String> {
    r.options.iter().find_map(|o| {
        let s = [&o.npv, &o.savings_total];
        let summaries = s.iter().flat_map(|s| [s.mean, s.sd, s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95]);
        let bands = o.cumulative_bands.p10.iter().chain(&o.cumulative_bands.p50).chain(&o.cumulative_bands.p90);
        summaries.chain(bands.copied()).any(|x| !x.is_finite()).then(|| format!("{} › NPV across draws", o.name))
    })
}

/// Checks that every figure of the simulation `r` of `plan` is finite; when one is not, finds
/// the uncertain input whose extreme draws (the 0.01 % and 99.99 % points, the others at their
/// base values) make a result overflow.
pub fn check_simulation(plan: &Plan, r: &SimulationResult) -> Result<(), NotFinite> {
    let Some(result) = first_not_finite_draws(r) else { return Ok(()) };
    let base = plan.base_values();
    if draws_overflow(&Evaluation::of_plan(plan, &base)) {
        // The base values themselves are too large for the bands: any input may be the cause.
        return Err(NotFinite { result, cause: neutralised_cause(plan, &base, draws_overflow) });
    }
    let cause = plan.inputs.iter().enumerate().find_map(|(slot, input)| {
        let d = input.estimate.distribution()?;
        let most = crate::model::magnitude(&input.site.to_string(), input.kind).most;
        let overflows = [1e-4, 1.0 - 1e-4].into_iter().any(|u| {
            let mut tried = base.clone();
            tried[slot] = input.kind.clamp(d.quantile(u)).clamp(-most, most);
            draws_overflow(&Evaluation::of_plan(plan, &tried))
        });
        overflows.then(|| (plan.input_label(super::Slot(slot)), plan.input_path(super::Slot(slot))))
    });
    Err(NotFinite { result, cause })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::io::from_ron_str;

    #[test]
    fn an_overflowing_fee_is_named_as_the_cause() {
        // Past validation's bounds on purpose: the guard must hold even so.
        let model = from_ron_str(
            r#"(format_version: 1, name: "f", currency: "USD", horizon_months: 12, discount_rate: 0.0,
            workload: (unit: "u", monthly_volume: 1000.0),
            in_house: (units_per_fte_month: 100.0, costs: [(name: "P", behavior: PerUnit, amount: 2.0)]),
            options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 1e308))])"#,
        )
        .expect("loads");
        let plan = Plan::new(&model);
        let values = plan.base_values();
        let e = Evaluation::of_plan(&plan, &values);
        let error = check_finite(&plan, &values, &e).expect_err("the total overflows");
        assert_eq!(error.result, "Vendor › cost");
        assert_eq!(error.cause.as_ref().map(|c| c.1.as_str()), Some("options[0].pricing.monthly"));
        assert!(error.to_string().contains("It comes from Vendor › monthly"), "{error}");
    }

    #[test]
    fn finite_results_pass() {
        let model = crate::model::samples::load_sample(&crate::model::samples::SAMPLES[0]).expect("sample");
        let plan = Plan::new(&model);
        let values = plan.base_values();
        assert_eq!(check_finite(&plan, &values, &Evaluation::of_plan(&plan, &values)), Ok(()));
    }
}
