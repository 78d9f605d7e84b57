//! Every scenario of a model evaluated side by side: the base model first, then each scenario.

use super::Evaluation;
use crate::model::Model;

/// One column of the comparison: the base model or one scenario.
#[derive(Debug)]
pub struct ScenarioResults {
    /// "Base model" or the scenario's name.
    pub name: String,
    /// The results, or why the scenario cannot be applied.
    pub evaluation: Result<Evaluation, String>,
}

/// The name of the comparison's first column.
pub const BASE_MODEL: &str = "Base model";

/// The base model's results, then every scenario's, in the model's order.
pub fn compare(model: &Model) -> Vec<ScenarioResults> {
    let base = ScenarioResults { name: BASE_MODEL.into(), evaluation: Ok(Evaluation::of_model(model)) };
    let scenarios = model.scenarios.iter().enumerate().map(|(i, s)| ScenarioResults {
        name: s.name.clone(),
        evaluation: model.with_scenario(i).map(|m| Evaluation::of_model(&m)).map_err(|e| e.to_string()),
    });
    std::iter::once(base).chain(scenarios).collect()
}
