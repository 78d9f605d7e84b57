//! Developer tool: the model editor alone in a window, on the contract's example model, with
//! the validation problems recomputed every frame. For looking at the editor, not for users.
//!
//! `cargo run --example editor_preview`. Environment variables set the starting view for
//! screenshots: `SHORELINE_THEME=light`, `SHORELINE_ZOOM=1.5`, `SHORELINE_FOCUS=<input path>`,
//! `SHORELINE_BREAK=1` (makes a few fields invalid so their problems show).

use shoreline::model::{Distribution, Estimate, Model, validate};
use shoreline::ui::editor::{self, EditorContext};

fn main() -> eframe::Result {
    let mut model: Model = match ron::from_str(include_str!("../tests/fixtures/contract_example.ron")) {
        Ok(model) => model,
        Err(e) => {
            eprintln!("the example model does not parse: {e}");
            std::process::exit(1);
        }
    };
    if std::env::var_os("SHORELINE_BREAK").is_some() {
        model.in_house.costs[4].end_month = Some(0);
        model.workload.annual_growth = Estimate::Uncertain(Distribution::Pert { low: 0.02, mode: 0.04, high: 0.03 });
        model.options[0].transition.parallel_months = 2;
    }
    let focus = std::env::var("SHORELINE_FOCUS").ok();
    let zoom: f32 = std::env::var("SHORELINE_ZOOM").ok().and_then(|z| z.parse().ok()).unwrap_or(1.0);
    let light = std::env::var("SHORELINE_THEME").is_ok_and(|t| t == "light");
    let mut first = true;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1000.0, 780.0]),
        ..Default::default()
    };
    eframe::run_ui_native("Shoreline editor preview", options, move |ui, _frame| {
        if first {
            first = false;
            ui.ctx().set_zoom_factor(zoom);
            ui.ctx().set_theme(if light { egui::Theme::Light } else { egui::Theme::Dark });
        }
        let problems = validate(&model);
        // 380 physical pixels whatever the zoom, as on a projector with a larger font.
        egui::Panel::left("editor").exact_size(380.0 / zoom).show(ui, |ui| {
            let mut draft = model.clone();
            let cx = EditorContext { problems: &problems, focus_path: focus.as_deref() };
            editor::show(ui, &mut draft, &cx);
            if draft != model {
                model = draft;
            }
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Problems");
            for p in &problems.0 {
                ui.label(p.to_string());
            }
            ui.separator();
            egui::widgets::global_theme_preference_buttons(ui);
        });
    })
}
