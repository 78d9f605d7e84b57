//! Everything an export draws from, computed once: the model (a scenario applied), its results,
//! the sensitivity of every option, a Monte Carlo run and the scenarios side by side.

use crate::chart::build::ChartData;
use crate::engine::monte_carlo::{self, Control, Settings, SimulationResult};
use crate::engine::scenarios::{self, ScenarioResults};
use crate::engine::sensitivity::{Sensitivity, sensitivity};
use crate::engine::{Evaluation, Plan};
use crate::model::Model;

/// A valid model with its results and the analyses the exports show.
pub struct Bundle {
    /// The model the results are of (the chosen scenario applied).
    pub model: Model,
    /// The model compiled.
    pub plan: Plan,
    /// Its results at base values.
    pub evaluation: Evaluation,
    /// The scenario applied, if any (its name).
    pub scenario: Option<String>,
    /// The option in focus for the charts about one option.
    pub option: usize,
    /// The sensitivity of each option's NPV, in option order (empty until computed).
    pub sensitivities: Vec<Sensitivity>,
    /// A Monte Carlo run, once computed.
    pub simulation: Option<SimulationResult>,
    /// The base model and every scenario evaluated (empty until computed).
    pub scenarios: Vec<ScenarioResults>,
}

impl Bundle {
    /// The results of `model` alone; the analyses are added with the `with_` methods.
    pub fn new(model: Model, plan: Plan, evaluation: Evaluation, option: usize) -> Self {
        Self {
            model,
            plan,
            evaluation,
            scenario: None,
            option,
            sensitivities: Vec::new(),
            simulation: None,
            scenarios: Vec::new(),
        }
    }

    /// Adds the sensitivity of every option.
    pub fn with_sensitivity(mut self) -> Self {
        self.sensitivities = (0..self.evaluation.options.len()).map(|i| sensitivity(&self.plan, i)).collect();
        self
    }

    /// Adds a Monte Carlo run with the model's own draws, seed and method.
    pub fn with_simulation(mut self) -> Result<Self, String> {
        let settings = Settings {
            samples: self.model.simulation.samples as usize,
            seed: self.model.simulation.seed,
            method: self.model.simulation.method,
            threads: None,
        };
        let result = monte_carlo::simulate(&self.plan, settings, &Control::default()).map_err(|e| e.to_string())?;
        crate::engine::finite::check_simulation(&self.plan, &result).map_err(|e| e.to_string())?;
        self.simulation = Some(result);
        Ok(self)
    }

    /// Adds `base` (the model before any scenario) and each of its scenarios evaluated.
    pub fn with_scenarios(mut self, base: &Model) -> Self {
        self.scenarios = scenarios::compare(base);
        self
    }

    /// What the charts are built from, about the option in focus.
    pub fn chart_data(&self) -> ChartData<'_> {
        ChartData {
            model: &self.model,
            plan: &self.plan,
            evaluation: &self.evaluation,
            option: self.option,
            sensitivity: self.sensitivities.get(self.option),
            simulation: self.simulation.as_ref(),
            scenarios: (!self.scenarios.is_empty()).then_some(self.scenarios.as_slice()),
        }
    }
}
