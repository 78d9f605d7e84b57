//! The model: the file's types, its inputs, validation, and reading and writing files.
//! Nothing here knows about the window or the math.

mod bare;
pub mod catalog;
mod estimate;
mod estimate_form;
pub mod generate;
pub mod help;
pub mod hidden_switch;
pub mod inputs;
pub mod io;
pub mod labels;
pub mod meeting_log;
pub mod presentation;
pub mod pricing_switch;
pub mod samples;
mod scenario;
mod types;
pub mod units;
mod validate;
mod validate_bounds;

pub use estimate::{
    DISTRIBUTION_NAMES, Distribution, Estimate, beta_cdf, beta_quantile, lognormal_parameters, pert_shape,
    standard_normal_quantile, triangular_quantile,
};
pub use estimate_form::EstimateForm;
pub use inputs::{InputInfo, UnknownInput, ValueKind};
pub use scenario::{Change, Override, OverrideForm, OverrideValue, Scenario};
pub use types::*;
pub use validate::{MAX_SAMPLES, Problem, Problems, Severity, validate};
pub use validate_bounds::{Magnitude, magnitude};
