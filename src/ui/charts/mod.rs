//! The charts of the center panel, one file per chart. Each draws from the results of one
//! document revision; none runs the engine per frame (the cost-against-volume chart evaluates the
//! cheap steady-state cost curves, a few hundred points).

use crate::app::AppState;
use crate::engine::{Evaluation, Plan};
use crate::model::Model;

pub(crate) mod axes;
pub(crate) mod common;
pub mod cumulative;
mod export;
pub mod fixed_variable;
pub mod locations;
pub mod monthly_cost;
pub mod rate_card;
pub(crate) mod render;
pub mod volume;

pub(crate) use export::{context_menu, export_menu, menu_button, take_request};

/// What every chart draws from.
#[derive(Clone, Copy)]
pub struct ChartInput<'a> {
    /// The model the results are of (the selected scenario applied).
    pub model: &'a Model,
    /// The model compiled, for steady-state curves (cost against volume).
    pub plan: &'a Plan,
    /// The results.
    pub evaluation: &'a Evaluation,
    /// The document state the results are of: part of every chart cache's key, so a chart
    /// never shows curves of another model that happens to share its values.
    pub revision: u64,
    /// The option in focus (index into `evaluation.options`).
    pub option: usize,
    /// True when the model is currently invalid and these are the last good results:
    /// charts are drawn dimmed.
    pub stale: bool,
}

impl<'a> ChartInput<'a> {
    /// What the chart descriptions are built from (`chart::build`): the results alone, for the
    /// charts of the overview.
    pub fn chart_data(&self) -> crate::chart::build::ChartData<'a> {
        crate::chart::build::ChartData {
            model: self.model,
            plan: self.plan,
            evaluation: self.evaluation,
            option: self.option,
            sensitivity: None,
            simulation: None,
            scenarios: None,
        }
    }

    /// What the charts draw for the app's current results and option in focus (an index past
    /// the options, mid-edit, is clamped); `None` while there are no results.
    pub fn of_state(state: &'a AppState) -> Option<Self> {
        let results = state.analysis.results.as_ref()?;
        Some(Self {
            model: &results.model,
            plan: &results.plan,
            evaluation: &results.evaluation,
            revision: results.revision,
            option: state.option.min(results.evaluation.options.len().saturating_sub(1)),
            stale: state.analysis.is_stale(),
        })
    }
}
