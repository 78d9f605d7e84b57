//! Every scenario of the model evaluated side by side, once per document revision.

pub use crate::engine::scenarios::ScenarioResults;
use crate::model::Model;

/// The comparison, cached by revision.
#[derive(Debug, Default)]
pub struct ScenarioComparison {
    revision: Option<u64>,
    /// The base model first, then every scenario in order.
    pub rows: Vec<ScenarioResults>,
}

impl ScenarioComparison {
    /// Brings the comparison up to date with `model` at `revision`. An invalid model keeps the
    /// last comparison (the window says the results are stale).
    pub fn refresh(&mut self, model: &Model, revision: u64, valid: bool) -> &[ScenarioResults] {
        if valid && self.revision != Some(revision) {
            self.revision = Some(revision);
            self.rows = crate::engine::scenarios::compare(model);
        }
        &self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::samples::default_model;

    #[test]
    fn every_scenario_is_evaluated_after_the_base_model_and_only_once_per_revision() {
        let model = default_model().expect("loads");
        let mut comparison = ScenarioComparison::default();
        let rows = comparison.refresh(&model, 3, true);
        assert_eq!(rows.len(), model.scenarios.len() + 1);
        assert_eq!(rows[0].name, "Base model");
        let base_npv = rows[0].evaluation.as_ref().map(|e| e.options[0].npv).expect("evaluates");
        let mut edited = model.clone();
        edited.scenarios.clear();
        // Same revision: nothing is recomputed.
        assert_eq!(comparison.refresh(&edited, 3, true).len(), model.scenarios.len() + 1);
        let again = comparison.refresh(&edited, 4, true);
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].evaluation.as_ref().map(|e| e.options[0].npv).ok(), Some(base_npv));
    }
}
