//! The engine: the pure math of the contract. No I/O, no window.

pub mod batch;
pub mod break_even;
pub mod finance;
pub mod finite;
pub mod monte_carlo;
mod plan;
mod project;
pub mod rate_card;
mod results;
pub mod scenarios;
pub mod sensitivity;
pub mod volume_curve;

pub use plan::{Plan, PlanInput, Slot};
pub use project::{OptionSeries, Projection, ceil_star};
pub use rate_card::{Rate, RateCard, RateYear};
pub use results::{Evaluation, InHouseResult, OptionResult};
