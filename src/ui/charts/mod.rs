//! The charts of the center panel, one file per chart. Each draws from the results of one
//! document revision; none runs the engine per frame.

use crate::engine::{Evaluation, Plan};
use crate::model::Model;

/// What every chart draws from.
#[derive(Clone, Copy)]
pub struct ChartInput<'a> {
    /// The model the results are of (the selected scenario applied).
    pub model: &'a Model,
    /// The model compiled, for steady-state curves (cost against volume).
    pub plan: &'a Plan,
    /// The results.
    pub evaluation: &'a Evaluation,
    /// The option in focus (index into `evaluation.options`).
    pub option: usize,
    /// True when the model is currently invalid and these are the last good results:
    /// charts are drawn dimmed.
    pub stale: bool,
}
