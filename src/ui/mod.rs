//! The window: panels and charts, one file each. Knows egui; the model and the engine do not.

pub mod app;
pub mod central;
pub mod charts;
pub mod commands;
pub mod compare_window;
pub mod editor;
pub mod error_panel;
pub mod intent;
pub mod kpi;
pub mod meeting_log;
pub mod monte_carlo;
pub mod monthly_table;
pub mod palette;
pub mod presentation;
pub mod problems_list;
pub mod prompts;
pub mod scenarios;
pub mod sensitivity;
pub mod start_card;
pub mod status_bar;
pub mod theme;
pub mod top_bar;
pub mod zoom;

use std::path::PathBuf;

/// The app's data folder (settings, recovery copies): `$SHORELINE_DATA_DIR` if set (tests,
/// portable use), else the platform's data folder for Shoreline.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SHORELINE_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    eframe::storage_dir("Shoreline")
}

/// Opens the window on `file`, or on the last file, or on the bundled sample.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Shoreline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    let data_dir = data_dir();
    eframe::run_native(
        "Shoreline",
        options,
        Box::new(move |cc| Ok(Box::new(app::ShorelineApp::create(cc, file, data_dir)))),
    )
}
