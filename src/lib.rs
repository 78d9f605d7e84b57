//! Shoreline: keep a business process in-house or outsource it?
//!
//! Layers, each knowing only those above it in this list:
//! - [`model`]: the model file's types, validation and atomic file I/O;
//! - [`engine`]: the pure math of the contract (projection, results, sensitivity, Monte Carlo);
//! - [`format`]: numbers as people read them; [`palette`]: the colours of every chart;
//! - [`app`]: the document, commands, undo, files and recovery (no egui);
//! - [`cli`]: the command line;
//! - [`ui`]: the window.

pub mod app;
pub mod cli;
pub mod engine;
pub mod format;
pub mod model;
pub mod palette;
pub mod ui;
