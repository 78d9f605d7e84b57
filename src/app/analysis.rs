//! Results of the document, computed once per revision (never per frame). An invalid model
//! keeps the last good results, marked stale, with the reason.

use crate::engine::{Evaluation, Plan};
use crate::model::{Model, Problems, validate};

/// The results of one revision of the model (a scenario applied, if one is selected).
#[derive(Debug)]
pub struct Results {
    /// The model the results are of.
    pub model: Model,
    /// The model compiled.
    pub plan: Plan,
    /// §3 results.
    pub evaluation: Evaluation,
    /// The document revision they were computed for.
    pub revision: u64,
}

/// The document's validation problems and results, cached by revision and scenario.
#[derive(Debug, Default)]
pub struct Analysis {
    key: Option<(u64, Option<usize>)>,
    /// Problems of the current revision.
    pub problems: Problems,
    /// Results of the current revision, or of the last valid one when the current is invalid.
    pub results: Option<Results>,
    /// Why the results are not of the current revision, when they are not.
    pub stale_reason: Option<String>,
}

impl Analysis {
    /// Brings the analysis up to date with `model` at `revision` under `scenario`. Returns true
    /// when anything was recomputed.
    pub fn refresh(&mut self, model: &Model, revision: u64, scenario: Option<usize>) -> bool {
        let key = (revision, scenario);
        if self.key == Some(key) {
            return false;
        }
        self.key = Some(key);
        self.problems = validate(model);
        if self.problems.has_errors() {
            let count = self.problems.errors().count();
            let first = self.problems.errors().next().map(ToString::to_string).unwrap_or_default();
            self.stale_reason = Some(if count == 1 {
                format!("The model has an error — showing the last valid results. {first}")
            } else {
                format!("The model has {count} errors — showing the last valid results. First: {first}")
            });
            return true;
        }
        let scenario_model = match scenario.filter(|&s| s < model.scenarios.len()) {
            Some(s) => match model.with_scenario(s) {
                Ok(m) => m,
                Err(e) => {
                    self.stale_reason = Some(format!("The scenario cannot be applied: {e}"));
                    return true;
                }
            },
            None => model.clone(),
        };
        let plan = Plan::new(&scenario_model);
        let values = plan.base_values();
        let evaluation = Evaluation::of_plan(&plan, &values);
        if let Err(e) = crate::engine::finite::check_finite(&plan, &values, &evaluation) {
            // Never figures that are not numbers: the last good results stay, with the reason.
            self.stale_reason = Some(format!("These are the last good results: {e}"));
            return true;
        }
        self.results = Some(Results { model: scenario_model, plan, evaluation, revision });
        self.stale_reason = None;
        true
    }

    /// True when the results shown are not of the current revision.
    pub fn is_stale(&self) -> bool {
        self.stale_reason.is_some()
    }
}
