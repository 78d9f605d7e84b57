//! Presentation mode (F5): the window full screen with large type, one chart per slide, moved
//! with the keys a presentation clicker sends (→ ← Space PageDown PageUp Home End), left with
//! Esc. The type size while presenting is remembered apart from the editing zoom.

use egui::{RichText, Ui};

use super::app::ShorelineApp;
use super::charts::{self, ChartInput};
use super::kpi;
use crate::engine::Evaluation;
use crate::format;
use crate::model::Model;

/// A running presentation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlideShow {
    /// The slide shown, an index into [`SLIDES`].
    pub index: usize,
    /// The editing zoom, restored when the presentation ends.
    zoom_before: f32,
    /// Whether the presenting zoom has been applied (at the start of the frame after F5, as the
    /// window applies its remembered zoom at its first frame).
    pub(crate) zoom_applied: bool,
}

/// What a slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The model's name, the date and the headline sentence.
    Title,
    /// The KPI cards.
    Kpis,
    /// Monthly cost.
    MonthlyCost,
    /// Cumulative savings with payback.
    Cumulative,
    /// Cost against volume with the break-even.
    Volume,
    /// Onshore, nearshore, offshore.
    Locations,
    /// Labour rates side by side.
    RateCard,
    /// Fixed, step-fixed and variable cost.
    FixedVariable,
}

/// The slides, in order.
pub const SLIDES: [Slide; 8] = [
    Slide::Title,
    Slide::Kpis,
    Slide::MonthlyCost,
    Slide::Cumulative,
    Slide::Volume,
    Slide::Locations,
    Slide::RateCard,
    Slide::FixedVariable,
];

/// Starts the presentation on the first slide: full screen, the presenting zoom.
pub fn start(ctx: &egui::Context, app: &mut ShorelineApp) {
    app.slides = Some(SlideShow { index: 0, zoom_before: ctx.zoom_factor(), zoom_applied: false });
    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
}

/// Ends the presentation: the window and the editing zoom as they were.
pub fn stop(ctx: &egui::Context, app: &mut ShorelineApp) {
    if let Some(show) = app.slides.take() {
        ctx.set_zoom_factor(show.zoom_before);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }
}

/// Moves `by` slides, staying within the deck.
pub fn step(app: &mut ShorelineApp, by: isize) {
    if let Some(show) = &mut app.slides {
        show.index = show.index.saturating_add_signed(by).min(SLIDES.len() - 1);
    }
}

/// Goes to slide `index` (clamped to the deck).
pub fn go_to(app: &mut ShorelineApp, index: usize) {
    if let Some(show) = &mut app.slides {
        show.index = index.min(SLIDES.len() - 1);
    }
}

/// The sentence a CFO remembers: the option with the best NPV, what it saves, over how long and
/// when it pays back — or that no option saves money.
pub fn headline(model: &Model, evaluation: &Evaluation) -> String {
    let best = evaluation.options.iter().max_by(|a, b| a.npv.total_cmp(&b.npv));
    let Some(best) = best.filter(|o| o.savings_total > 0.0) else {
        return "No option saves money over the horizon: keeping the work in-house is cheapest.".to_owned();
    };
    let months = model.horizon_months;
    let pays_back = match best.payback_months {
        Some(m) => format!("pays back in {}", format::months(m)),
        None => "does not pay back within the horizon".to_owned(),
    };
    format!(
        "{} saves {} — {} over {months} months — and {pays_back}",
        charts::common::one_line(&best.name),
        format::or_dash(best.savings_pct, |p| format!("{:.0} %", p * 100.0)),
        format::compact_money(best.savings_total, &model.currency),
    )
}

/// Draws the current slide over the whole window, with its number.
pub fn show(ui: &mut Ui, app: &mut ShorelineApp) {
    let Some(show) = app.slides else { return };
    let slide = SLIDES[show.index.min(SLIDES.len() - 1)];
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(input) = ChartInput::of_state(&app.state) else {
            ui.heading("No results: the model has errors. Press Esc and fix them under Problems.");
            return;
        };
        // The slide number, quiet, at the top right; a clicker's keys need no hint after the first.
        let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(row, egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(format!("{} / {}  ·  arrow keys move  ·  Esc leaves", show.index + 1, SLIDES.len()));
        });
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| match slide {
            Slide::Title => title(ui, &input),
            Slide::Kpis => kpi::show(ui, &input),
            Slide::MonthlyCost => charts::monthly_cost::show(ui, &input),
            Slide::Cumulative => charts::cumulative::show(ui, &input),
            Slide::Volume => charts::volume::show(ui, &input),
            Slide::Locations => charts::locations::show(ui, &input),
            Slide::RateCard => charts::rate_card::show(ui, &input),
            Slide::FixedVariable => charts::fixed_variable::show(ui, &input),
        });
    });
}

fn title(ui: &mut Ui, input: &ChartInput) {
    ui.add_space(ui.available_height() * 0.2);
    ui.vertical_centered(|ui| {
        ui.add(egui::Label::new(RichText::new(&input.model.name).size(40.0).strong()).wrap());
        ui.add_space(12.0);
        ui.add(egui::Label::new(RichText::new(headline(input.model, input.evaluation)).size(26.0)).wrap());
        ui.add_space(12.0);
        let options = input.evaluation.options.len();
        ui.weak(format!(
            "{} option(s) against today's in-house cost · {} months · {}",
            options, input.model.horizon_months, input.model.currency
        ));
    });
}
