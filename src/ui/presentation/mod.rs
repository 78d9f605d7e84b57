//! Presentation mode (F5): the window full screen with large type, one chart per slide in the
//! order the model's presentation chooses, moved with the keys a presentation clicker sends
//! (→ ← Space PageDown PageUp Home End), left with Esc. Pinned inputs are a strip of large
//! sliders; 1–9 pick a scenario, 0 the base model, R puts the pins back, B blanks the screen,
//! P opens the presenter view. The type size while presenting is remembered apart from the
//! editing zoom.

mod pinned;
mod presenter;
mod slides;

use egui::Ui;

pub use crate::format::headline;

use super::app::ShorelineApp;
use crate::model::presentation::Slide;

/// A running presentation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlideShow {
    /// The slide shown, an index into the deck.
    pub index: usize,
    /// True while the screen is blanked (B).
    pub blank: bool,
    /// True while the pinned sliders are hidden (S), leaving the slide the whole screen.
    pub sliders_hidden: bool,
    /// True while the presenter view is on: the slide in a second window for the audience,
    /// notes, next slide, sliders and a clock in this one.
    pub presenter_view: bool,
    /// The editing zoom, restored when the presentation ends.
    zoom_before: f32,
    /// Whether the presenting zoom has been applied (at the start of the frame after F5, as the
    /// window applies its remembered zoom at its first frame).
    pub(crate) zoom_applied: bool,
    /// When the presentation began, for the presenter view's clock.
    started: std::time::Instant,
    /// The option in focus while editing, given back when the presentation ends.
    option_before: usize,
}

/// The slides the model presents (scenarios left out when it has none).
pub fn deck(app: &ShorelineApp) -> Vec<Slide> {
    let model = app.state.model();
    model.presentation.deck(!model.scenarios.is_empty())
}

/// Starts the presentation on the first slide: full screen, the presenting zoom, a new meeting.
pub fn start(ctx: &egui::Context, app: &mut ShorelineApp) {
    app.slides = Some(SlideShow {
        index: 0,
        blank: false,
        sliders_hidden: false,
        presenter_view: false,
        zoom_before: ctx.zoom_factor(),
        zoom_applied: false,
        started: std::time::Instant::now(),
        option_before: app.state.option,
    });
    // The slides speak of the option the headline names: the one with the best NPV.
    if let Some(results) = &app.state.analysis.results {
        let options = &results.evaluation.options;
        if let Some(best) = (0..options.len()).max_by(|&a, &b| options[a].npv.total_cmp(&options[b].npv)) {
            app.state.option = best;
        }
    }
    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    app.state.begin_meeting();
}

/// Ends the presentation: the window and the editing zoom as they were; asks whether to keep
/// the changes made while presenting.
pub fn stop(ctx: &egui::Context, app: &mut ShorelineApp) {
    if let Some(show) = app.slides.take() {
        ctx.set_zoom_factor(show.zoom_before);
        app.state.option = show.option_before;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        app.state.end_meeting();
    }
}

/// Moves `by` slides, staying within the deck (and lifts a blank screen).
pub fn step(app: &mut ShorelineApp, by: isize) {
    let last = deck(app).len().saturating_sub(1);
    if let Some(show) = &mut app.slides {
        show.index = show.index.min(last).saturating_add_signed(by).min(last);
        show.blank = false;
    }
}

/// Goes to slide `index` (clamped to the deck).
pub fn go_to(app: &mut ShorelineApp, index: usize) {
    let last = deck(app).len().saturating_sub(1);
    if let Some(show) = &mut app.slides {
        show.index = index.min(last);
        show.blank = false;
    }
}

/// Puts the next option in focus (the last wraps to the first): the slides about one option
/// (tornado, Monte Carlo) follow.
pub fn next_option(app: &mut ShorelineApp) {
    let count = app.state.model().options.len().max(1);
    app.state.option = (app.state.option + 1) % count;
}

/// Hides the pinned sliders, or shows them again.
pub fn toggle_sliders(app: &mut ShorelineApp) {
    if let Some(show) = &mut app.slides {
        show.sliders_hidden = !show.sliders_hidden;
    }
}

/// Blanks the screen, or shows the slide again.
pub fn toggle_blank(app: &mut ShorelineApp) {
    if let Some(show) = &mut app.slides {
        show.blank = !show.blank;
    }
}

/// Turns the presenter view on or off. Where the platform cannot open a second window it
/// stays off and says so.
pub fn toggle_presenter_view(ctx: &egui::Context, app: &mut ShorelineApp) {
    let Some(show) = &mut app.slides else { return };
    if !show.presenter_view && ctx.embed_viewports() {
        app.state.notice(
            crate::app::NoticeKind::Error,
            "This platform cannot open a second window: the presenter view is off, the slides carry the sliders.",
        );
        return;
    }
    show.presenter_view = !show.presenter_view;
}

/// Draws the presentation over the whole window: the slide (with the pinned sliders), or the
/// presenter view with the slide in a second window.
pub fn show(ui: &mut Ui, app: &mut ShorelineApp) {
    let Some(show) = app.slides else { return };
    if show.presenter_view {
        presenter::show(ui, app);
    } else {
        audience(ui, app, true);
    }
    // A change is logged once it is finished, after this frame's edits: a drag is one change
    // when it is let go (a press on a slider moves it before egui calls it a drag).
    let busy = ui.ctx().dragged_id().is_some() || ui.input(|i| i.pointer.any_down());
    app.state.observe_meeting(busy);
}

/// What the audience sees: the slide, and the pinned sliders when `with_pins`.
fn audience(ui: &mut Ui, app: &mut ShorelineApp, with_pins: bool) {
    let Some(show) = app.slides else { return };
    if show.blank {
        let rect = ui.max_rect();
        ui.painter().rect_filled(rect, 0.0, egui::Color32::BLACK);
        ui.allocate_rect(rect, egui::Sense::hover()).widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Label, true, "The screen is blank: press B to show the slide")
        });
        return;
    }
    let deck = deck(app);
    let index = show.index.min(deck.len().saturating_sub(1));
    if with_pins && !show.sliders_hidden && pinned::any(app) {
        egui::Panel::bottom("pinned_inputs").resizable(false).show(ui, |ui| pinned::strip(ui, app));
        // A slider's edit reaches the results before the slide draws: it follows in the frame.
        super::intent::apply(ui.ctx(), app);
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(slide) = deck.get(index) {
            slides::draw(ui, app, slide.kind, index, deck.len());
        }
    });
}
