//! The main window: lays out the panels, routes shortcuts, dropped files and the close button
//! to the app state, and keeps the title in step with the document.

use std::path::PathBuf;
use std::time::Instant;

use super::central::{self, Tab};
use super::intent::{self, Intent};
use super::{commands, compare_window, editor, meeting_log, presentation, prompts, status_bar, top_bar, zoom};
use crate::app::{AppState, FileAction};

/// The editor's narrowest width, when the window leaves room for it.
const EDITOR_MIN: f32 = 280.0;

/// The app: its state plus what only the window cares about.
pub struct ShorelineApp {
    /// Document, results, files.
    pub state: AppState,
    /// The tab of the center panel.
    pub tab: Tab,
    /// Presentation mode: the editor hidden, charts full screen.
    pub present: bool,
    /// Whether the problems list is open.
    pub show_problems: bool,
    /// The command palette's query while it is open.
    pub palette: Option<String>,
    /// The presentation (F5) while it runs.
    pub slides: Option<super::presentation::SlideShow>,
    /// What the panels asked for this frame, applied once after them ([`super::intent::apply`]).
    pub intents: Vec<super::intent::Intent>,
    /// Whether the meeting log window is open.
    pub show_meeting_log: bool,
    /// The theme last applied (dark, high contrast).
    theme_applied: Option<(bool, bool)>,
    title: String,
    /// The remembered zoom is applied once, at the first frame.
    zoom_applied: bool,
    close_sent: bool,
}

impl ShorelineApp {
    /// The app around an already started state.
    pub fn new(state: AppState) -> Self {
        Self {
            state,
            tab: Tab::Overview,
            present: false,
            show_problems: false,
            palette: None,
            slides: None,
            intents: Vec::new(),
            show_meeting_log: false,
            theme_applied: None,
            title: String::new(),
            zoom_applied: false,
            close_sent: false,
        }
    }

    /// Starts the app for eframe: opens `file` (or the last file, or the sample).
    pub fn create(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>, data_dir: Option<PathBuf>) -> Self {
        let mut state = AppState::start(file, data_dir);
        let ctx = cc.egui_ctx.clone();
        state.set_waker(move || ctx.request_repaint());
        Self::new(state)
    }

    /// Draws the whole window into `ui` (used by eframe and by the headless tests).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_preferences(&ctx);
        commands::handle_shortcuts(&ctx, self);
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        self.state.poll_dialog();

        if self.slides.is_some() {
            presentation::show(ui, self);
        } else {
            top_bar::show(ui, self);
            status_bar::show(ui, self);
            if !self.present {
                self.editor_panel(ui);
            }
            // The editor's edit reaches the results before the charts draw: they follow in the
            // same frame.
            intent::apply(&ctx, self);
            central::show(ui, self);
        }
        intent::apply(&ctx, self);
        meeting_log::show(&ctx, self);
        compare_window::show(&ctx, self);
        prompts::show(&ctx, self);
        commands::palette(&ctx, self);

        self.state.refresh();
        let now = Instant::now();
        if let Some(wait) = self.state.autosave(now) {
            ctx.request_repaint_after(wait);
        }
        // A drag in progress (a slider, a drag value) gets quick Monte Carlo previews.
        if let Some(wait) = self.state.tick(now, ctx.dragged_id().is_some()) {
            ctx.request_repaint_after(wait);
        }
        self.update_title(&ctx);
        if self.state.quit_confirmed && !self.close_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            self.close_sent = true;
        }
    }

    fn editor_panel(&mut self, ui: &mut egui::Ui) {
        // The editor never takes more than half the window, so the results keep room at any zoom
        // and window size; its content lays itself out in the width it gets.
        let half = ui.available_width() / 2.0;
        let panel = egui::Panel::left("editor")
            .resizable(true)
            .default_size(400.0_f32.min(half))
            .min_size(EDITOR_MIN.min(half))
            .max_size(half.max(EDITOR_MIN.min(half)));
        panel.show(ui, |ui| {
            let mut draft = self.state.model().clone();
            let cx = editor::EditorContext {
                problems: &self.state.analysis.problems,
                focus_path: self.state.focus_path.as_deref(),
            };
            editor::show(ui, &mut draft, &cx);
            if draft != *self.state.model() {
                // Editing an option puts it in focus: the top bar's picker, the cards and the
                // sensitivity follow the option the user is working on.
                let model = self.state.model();
                if draft.options.len() == model.options.len() {
                    let mut edited = draft.options.iter().zip(&model.options).enumerate().filter(|(_, (a, b))| a != b);
                    if let (Some((i, _)), None) = (edited.next(), edited.next()) {
                        self.state.option = i;
                    }
                }
                self.intents.push(Intent::Edit(Box::new(draft)));
            }
        });
    }

    fn apply_preferences(&mut self, ctx: &egui::Context) {
        let settings = &self.state.settings;
        super::theme::apply(ctx, settings.dark, settings.high_contrast, &mut self.theme_applied);
        if !self.zoom_applied {
            zoom::take_over_keys(ctx);
            ctx.set_zoom_factor(self.state.settings.zoom.clamp(zoom::MIN, zoom::MAX));
            self.zoom_applied = true;
        }
        let zoom = ctx.zoom_factor();
        if let Some(show) = &mut self.slides {
            if show.zoom_applied {
                self.state.set_present_zoom(zoom);
            } else {
                ctx.set_zoom_factor(self.state.settings.present_zoom.clamp(zoom::MIN, zoom::MAX));
                show.zoom_applied = true;
            }
        } else {
            let dark = self.state.settings.dark;
            self.state.set_preferences(dark, zoom);
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_owned()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.state.request(FileAction::Open(Some(path)));
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.state.quit_confirmed {
            if self.state.doc.is_dirty() {
                // Keep the window until the user answers Save / Discard / Cancel.
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
            self.state.request(FileAction::Quit);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.state.doc.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for ShorelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}
