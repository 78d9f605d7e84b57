//! Shoreline: keep a business process in-house or outsource it?
//!
//! Layers, each knowing only those above it in this list:
//! - [`model`]: the model file's types, validation and atomic file I/O;
//! - [`engine`]: the pure math of the contract (projection, results, sensitivity, Monte Carlo);
//! - [`format`]: numbers as people read them; [`palette`]: the colours of every chart;
//! - [`chart`]: every chart described once, as data, and written as SVG or PNG;
//! - [`export`]: spreadsheets (CSV, XLSX), the report, and what changed between two files;
//! - [`app`]: the document, commands, undo, files and recovery (no egui);
//! - [`cli`]: the command line;
//! - [`ui`]: the window.

pub mod app;
pub mod chart;
pub mod cli;
pub mod engine;
pub mod export;
pub mod format;
pub mod model;
pub mod palette;
pub mod ui;
