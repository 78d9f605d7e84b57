//! What leaves Shoreline: spreadsheets (CSV, XLSX), the report, and what changed between two
//! model files. Nothing here knows egui.

mod bundle;
pub mod csv;
pub mod diff;
mod error;
pub mod xlsx;

pub use bundle::Bundle;
pub use error::ExportError;
pub mod report;
