//! A model evaluated as the builders' tests need it: the contact-center sample, or any model.

use super::ChartData;
use crate::chart::{Bar, Series, Shape};
use crate::engine::{Evaluation, Plan};
use crate::model::Model;

/// A model with its plan and its results at base values.
pub(super) struct Evaluated {
    /// The model.
    pub model: Model,
    /// The model compiled.
    pub plan: Plan,
    /// Its results.
    pub evaluation: Evaluation,
}

impl Evaluated {
    /// The contact-center sample (three options: onshore, nearshore, offshore).
    pub fn contact_center() -> Self {
        Self::of(crate::model::samples::default_model().expect("the contact-center sample loads"))
    }

    /// `model` evaluated at its base values.
    pub fn of(model: Model) -> Self {
        let plan = Plan::new(&model);
        let evaluation = Evaluation::of_plan(&plan, &plan.base_values());
        Self { model, plan, evaluation }
    }

    /// The chart data about option `option`, with no sensitivity, simulation or scenarios.
    pub fn data(&self, option: usize) -> ChartData<'_> {
        ChartData {
            model: &self.model,
            plan: &self.plan,
            evaluation: &self.evaluation,
            option,
            sensitivity: None,
            simulation: None,
            scenarios: None,
        }
    }
}

/// The bars of an upright bar series; any other shape fails the test, naming the series.
pub(super) fn upright_bars(series: &Series) -> &[Bar] {
    match &series.shape {
        Shape::Bars { bars, horizontal: false } => bars,
        other => panic!("{} is upright bars, not {other:?}", series.name),
    }
}
