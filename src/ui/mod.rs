//! The window: panels and charts, one file each. Knows egui; the model and the engine do not.

pub mod charts;
pub mod editor;
pub mod kpi;
pub mod monthly_table;
pub mod palette;
