//! Everything the window shows, without the window: the document, its results, recent files,
//! settings and recovery; the file workflow (new, open, save, the questions it asks, dialogs) is
//! in [`files`]. The UI reads this state and calls its methods; it never edits the model directly.

mod exports;
mod files;
mod presenting;

pub use exports::{Compared, ExportKind, ImageFormat};
pub use files::{ExternalChangeAnswer, FileAction, PathPrompt, Template, UnsavedAnswer};

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::analysis::Analysis;
use super::dialogs::PendingDialog;
use super::document::{Command, Document, blank_model};
use super::meeting::Meeting;
use super::recovery::{Recovered, Recovery};
use super::scenario_compare::ScenarioComparison;
use super::sensitivity_cache::SensitivityCache;
use super::settings::Settings;
use super::simulation::{SimulationRunner, Want};
use crate::model::Model;

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened as asked.
    Info,
    /// Something failed; the user's work is intact.
    Error,
}

/// A message for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Info or error.
    pub kind: NoticeKind,
    /// The message.
    pub text: String,
}

/// A question the window asks and waits for: one at a time, so that two can never be open
/// together (an unsaved-changes prompt over a recovery offer).
#[derive(Debug)]
pub enum Question {
    /// Unsaved work found from a run that did not end cleanly, offered for restoring.
    Recovery(Box<Recovered>),
    /// Save the unsaved changes before this file action?
    Unsaved(FileAction),
    /// The file changed on disk since it was opened or saved: reload, save elsewhere or
    /// overwrite? With the file action to perform once saved.
    ChangedOnDisk(Option<FileAction>),
    /// No file dialog exists: the path, typed.
    Path(PathPrompt),
    /// The presentation ended with changes: keep them, or go back to the model as it began?
    KeepPresentationChanges,
}

/// The app's state.
pub struct AppState {
    /// The open document.
    pub doc: Document,
    /// Its problems and results.
    pub analysis: Analysis,
    /// The selected scenario (`None` = the base model).
    pub scenario: Option<usize>,
    /// The option in focus.
    pub option: usize,
    /// Remembered preferences.
    pub settings: Settings,
    /// Status-bar messages, newest last.
    pub notices: Vec<Notice>,
    /// The question the window is asking, if any: at most one at a time.
    pub question: Option<Question>,
    /// A native dialog that is open.
    pub dialog: Option<PendingDialog>,
    /// An input to reveal in the editor.
    pub focus_path: Option<String>,
    /// True while the document is the bundled sample the window opened on by itself (no file
    /// given, none remembered): the window says it is a sample and where to start.
    pub on_start_sample: bool,
    /// Set when the window may close (every change saved or discarded).
    pub quit_confirmed: bool,
    /// Monte Carlo of the current results, on a background thread.
    pub simulation: SimulationRunner,
    /// Tornado, spider, hidden-cost curve and heat map of the option in focus.
    pub sensitivity: SensitivityCache,
    /// Every scenario evaluated side by side.
    pub comparison: ScenarioComparison,
    /// The meeting of the current or last presentation of this document, with its log.
    pub meeting: Option<Meeting>,
    /// The open model compared with another file (File ▸ Compare with file…), while shown.
    pub compared: Option<Compared>,
    /// The last failure to write the meeting log, said once.
    meeting_write_failed: Option<String>,
    /// After a save-as chosen for a pending action, that action.
    after_save: Option<FileAction>,
    data_dir: Option<PathBuf>,
    recovery: Option<Recovery>,
    /// Called from worker threads when they have news (the window repaints).
    waker: Arc<dyn Fn() + Send + Sync>,
}

impl AppState {
    /// The state at start-up: opens `file` if given, else the last file, else the default
    /// sample; finds any recovery copy. `data_dir` holds settings and recovery copies.
    pub fn start(file: Option<PathBuf>, data_dir: Option<PathBuf>) -> Self {
        let mut notices = Vec::new();
        let settings = match &data_dir {
            Some(dir) => {
                let (settings, problem) = Settings::load(dir);
                if let Some(problem) = problem {
                    notices.push(Notice { kind: NoticeKind::Error, text: problem });
                }
                settings
            }
            None => {
                notices.push(Notice {
                    kind: NoticeKind::Error,
                    text: "No data folder: recent files and crash recovery are off.".into(),
                });
                Settings::default()
            }
        };
        let recovery = data_dir.as_deref().map(Recovery::new);
        let mut state = Self {
            doc: Document::new(default_or_blank(&mut notices), None),
            analysis: Analysis::default(),
            scenario: None,
            option: 0,
            settings,
            notices,
            question: None,
            dialog: None,
            focus_path: None,
            on_start_sample: true,
            quit_confirmed: false,
            simulation: SimulationRunner::default(),
            sensitivity: SensitivityCache::default(),
            comparison: ScenarioComparison::default(),
            meeting: None,
            compared: None,
            meeting_write_failed: None,
            after_save: None,
            data_dir,
            recovery,
            waker: Arc::new(|| {}),
        };
        let to_open = file.or_else(|| state.settings.last_file.clone().filter(|p| p.exists()));
        if let Some(path) = to_open {
            state.open_now(&path);
        }
        if let Some(recovery) = &state.recovery {
            match recovery.find() {
                Ok(found) => state.question = found.map(|f| Question::Recovery(Box::new(f))),
                Err(e) => state.notice(NoticeKind::Error, format!("A recovery copy exists but cannot be read: {e}")),
            }
        }
        state.refresh();
        state
    }

    /// Sets what worker threads call to wake the window.
    pub fn set_waker(&mut self, waker: impl Fn() + Send + Sync + 'static) {
        self.waker = Arc::new(waker);
    }

    /// Keeps the background simulation in step with the results: call once per frame, telling
    /// whether a drag is in progress (quick runs follow a drag). Returns when to call again.
    pub fn tick(&mut self, now: Instant, dragging: bool) -> Option<Duration> {
        let want = self.analysis.results.as_ref().map(|r| {
            let want = Want { revision: r.revision, scenario: self.scenario, settings: r.model.simulation };
            (want, &r.plan)
        });
        self.simulation.tick(now, want, dragging, &self.waker)
    }

    /// Adds a status-bar message (errors also go to stderr, so none happens in silence).
    pub fn notice(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        if kind == NoticeKind::Error {
            eprintln!("shoreline: {text}");
        }
        self.notices.push(Notice { kind, text });
        if self.notices.len() > 20 {
            self.notices.remove(0);
        }
    }

    /// Brings the results up to date with the document (cheap when nothing changed).
    pub fn refresh(&mut self) -> bool {
        let model = self.doc.model();
        if self.scenario.is_some_and(|s| s >= model.scenarios.len()) {
            self.scenario = None;
        }
        if self.option >= model.options.len() {
            self.option = model.options.len().saturating_sub(1);
        }
        self.analysis.refresh(self.doc.model(), self.doc.revision(), self.scenario)
    }

    /// Applies a command to the document and reports a failure.
    pub fn apply(&mut self, command: Command) {
        if let Err(e) = self.doc.apply(command) {
            self.notice(NoticeKind::Error, e.to_string());
        }
        self.refresh();
    }

    /// Writes the recovery copy when due. Returns when to look again.
    pub fn autosave(&mut self, now: Instant) -> Option<Duration> {
        if matches!(self.question, Some(Question::Recovery(_))) {
            // Never overwrite an unanswered recovery copy with the default model's edits.
            return None;
        }
        let recovery = self.recovery.as_mut()?;
        let doc = &self.doc;
        match recovery.tick(doc.model(), doc.path(), doc.revision(), doc.is_dirty(), now) {
            Ok(next) => next,
            Err(e) => {
                self.notice(NoticeKind::Error, format!("Cannot write the recovery copy: {e}"));
                None
            }
        }
    }

    fn clear_recovery(&mut self) {
        if let Some(recovery) = self.recovery.as_mut()
            && let Err(e) = recovery.clear()
        {
            self.notice(NoticeKind::Error, e);
        }
    }

    fn save_settings(&mut self) {
        let Some(dir) = self.data_dir.clone() else { return };
        if let Err(e) = self.settings.save(&dir) {
            self.notice(NoticeKind::Error, format!("Cannot save settings: {e}"));
        }
    }

    /// True when the window should say that the model is a sample and where to start.
    pub fn shows_sample_card(&self) -> bool {
        self.on_start_sample && !self.settings.sample_card_dismissed && !self.doc.is_dirty()
    }

    /// Closes the sample card for good (remembered in the settings).
    pub fn dismiss_sample_card(&mut self) {
        self.settings.sample_card_dismissed = true;
        self.save_settings();
    }

    /// Remembers the zoom of presentation mode, saving the settings when it changed.
    pub fn set_present_zoom(&mut self, zoom: f32) {
        if (self.settings.present_zoom - zoom).abs() > f32::EPSILON {
            self.settings.present_zoom = zoom;
            self.save_settings();
        }
    }

    /// Turns the high-contrast theme on or off (remembered).
    pub fn set_high_contrast(&mut self, on: bool) {
        if self.settings.high_contrast != on {
            self.settings.high_contrast = on;
            self.save_settings();
        }
    }

    /// Stores the theme and zoom.
    pub fn set_preferences(&mut self, dark: bool, zoom: f32) {
        if self.settings.dark != dark || (self.settings.zoom - zoom).abs() > f32::EPSILON {
            self.settings.dark = dark;
            self.settings.zoom = zoom;
            self.save_settings();
        }
    }

    /// The model the results are of.
    pub fn model(&self) -> &Model {
        self.doc.model()
    }
}

fn default_or_blank(notices: &mut Vec<Notice>) -> Model {
    match crate::model::samples::default_model() {
        Ok(model) => model,
        Err(e) => {
            notices.push(Notice { kind: NoticeKind::Error, text: format!("The bundled sample cannot be read: {e}") });
            blank_model()
        }
    }
}
