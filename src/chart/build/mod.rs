//! One builder per chart: a [`Chart`] from the results, as the window shows it. Pure functions
//! of [`ChartData`]; what a chart needs beyond the evaluation (a sensitivity run, a Monte Carlo
//! run, the scenarios evaluated) is computed by the caller, once, and passed in.

mod cumulative;
mod fixed_variable;
#[cfg(test)]
mod fixture;
mod headroom;
mod locations;
mod monte_carlo;
mod monthly_cost;
mod options;
mod rate_card;
mod scenarios;
mod spider;
mod tornado;
mod volume;

use super::{Chart, ChartKind};
use crate::engine::monte_carlo::SimulationResult;
use crate::engine::scenarios::ScenarioResults;
use crate::engine::sensitivity::Sensitivity;
use crate::engine::{Evaluation, Plan};
use crate::model::Model;

/// What every chart is built from.
#[derive(Clone, Copy)]
pub struct ChartData<'a> {
    /// The model the results are of (a scenario applied, if one is chosen).
    pub model: &'a Model,
    /// The model compiled (steady-state curves of cost against volume).
    pub plan: &'a Plan,
    /// The results.
    pub evaluation: &'a Evaluation,
    /// The option in focus (an index into `evaluation.options`; one past the end is clamped).
    pub option: usize,
    /// The sensitivity of the focused option's NPV (tornado, spider, headroom).
    pub sensitivity: Option<&'a Sensitivity>,
    /// A Monte Carlo run of the model (histogram, fan).
    pub simulation: Option<&'a SimulationResult>,
    /// The base model and every scenario evaluated (scenario comparison).
    pub scenarios: Option<&'a [ScenarioResults]>,
}

/// Why a chart cannot be built from the data at hand.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// The chart is about one option and the model has none.
    #[error("the model has no outsourcing option to chart")]
    NoOption,
    /// The chart needs a computation that was not passed in.
    #[error("this chart needs {0}, which was not computed")]
    Needs(&'static str),
    /// The model has nothing this chart could show.
    #[error("{0}")]
    Nothing(String),
}

impl ChartData<'_> {
    /// The focused option's index, if the model has an option.
    pub fn focused(&self) -> Option<usize> {
        let count = self.evaluation.options.len();
        (count > 0).then(|| self.option.min(count - 1))
    }
}

/// Builds chart `kind` from `data`.
pub fn build(kind: ChartKind, data: &ChartData) -> Result<Chart, BuildError> {
    match kind {
        ChartKind::MonthlyCost => monthly_cost::build(data),
        ChartKind::Cumulative => cumulative::build(data),
        ChartKind::Volume => volume::build(data),
        ChartKind::Locations => locations::build(data),
        ChartKind::FixedVariable => fixed_variable::build(data),
        ChartKind::RateCard => rate_card::build(data),
        ChartKind::Tornado => tornado::build(data),
        ChartKind::Spider => spider::build(data),
        ChartKind::Headroom => headroom::build(data),
        ChartKind::McHistogram => monte_carlo::histogram(data),
        ChartKind::McFan => monte_carlo::fan(data),
        ChartKind::Scenarios => scenarios::build(data),
    }
}

/// A name safe for a legend entry or a label on one line.
pub(crate) fn one_line(name: &str) -> String {
    name.replace(['\n', '\r', '\t'], " ")
}
