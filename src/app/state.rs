//! Everything the window shows, without the window: the document, its results, the file
//! workflow (new, open, save, unsaved-changes prompt, dialogs), recent files and recovery.
//! The UI reads this state and calls its methods; it never edits the model directly.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::analysis::Analysis;
use super::dialogs::{DialogKind, DialogOutcome, PendingDialog, with_ron_extension};
use super::document::{Command, Document, blank_model};
use super::recovery::{Recovered, Recovery};
use super::scenario_compare::ScenarioComparison;
use super::sensitivity_cache::SensitivityCache;
use super::settings::Settings;
use super::simulation::{SimulationRunner, Want};
use crate::model::samples::{SAMPLES, load_sample};
use crate::model::{Model, io};

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
}

/// What to do about a file that changed on disk since it was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalChangeAnswer {
    /// Open the file as it is now; the changes made here are dropped.
    Reload,
    /// Keep both: save the changes made here to another file.
    SaveAs,
    /// Replace the file with the changes made here.
    Overwrite,
}

/// What a new document starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// A minimal model.
    Blank,
    /// One of [`SAMPLES`].
    Sample(usize),
}

/// A file action that may have to wait for the unsaved-changes answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// Start a new document.
    New(Template),
    /// Open a file; `None` asks with a dialog.
    Open(Option<PathBuf>),
    /// Close the window.
    Quit,
}

/// The answer to "save your changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save, then go on.
    Save,
    /// Throw the changes away and go on.
    Discard,
    /// Do nothing.
    Cancel,
}

/// A request for a path typed by hand, when no native dialog is available.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathPrompt {
    /// What the path is for.
    pub kind: DialogKind,
    /// The text typed so far.
    pub text: String,
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

    /// Starts a file action, asking about unsaved changes first when it would discard them.
    pub fn request(&mut self, action: FileAction) {
        if self.doc.is_dirty() {
            self.question = Some(Question::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    /// The question, when `is` says it is the one being answered; any other stays asked.
    fn take_question(&mut self, is: impl Fn(&Question) -> bool) -> Option<Question> {
        self.question.take_if(|q| is(q))
    }

    /// Answers the unsaved-changes prompt.
    pub fn answer_unsaved(&mut self, answer: UnsavedAnswer) {
        let Some(Question::Unsaved(action)) = self.take_question(|q| matches!(q, Question::Unsaved(_))) else {
            return;
        };
        match answer {
            UnsavedAnswer::Cancel => {}
            UnsavedAnswer::Discard => {
                self.clear_recovery();
                self.perform(action);
            }
            UnsavedAnswer::Save => {
                self.save_then(Some(action));
            }
        }
    }

    fn perform(&mut self, action: FileAction) {
        match action {
            FileAction::New(template) => {
                let model = match template {
                    Template::Blank => blank_model(),
                    Template::Sample(i) => match SAMPLES.get(i).map(load_sample) {
                        Some(Ok(model)) => model,
                        Some(Err(e)) => {
                            self.notice(NoticeKind::Error, format!("The sample cannot be read: {e}"));
                            return;
                        }
                        None => return,
                    },
                };
                self.replace_document(Document::new(model, None));
            }
            FileAction::Open(Some(path)) => self.open_now(&path),
            FileAction::Open(None) => self.open_dialog(DialogKind::Open),
            FileAction::Quit => {
                self.clear_recovery();
                self.quit_confirmed = true;
            }
        }
    }

    /// Every cache belongs to the document it was computed for: a new document starts from
    /// none (not even the last one's "last valid results"), and a run of the old one is dropped.
    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.on_start_sample = false;
        self.analysis = Analysis::default();
        self.sensitivity = SensitivityCache::default();
        self.comparison = ScenarioComparison::default();
        self.simulation = SimulationRunner::default();
        self.scenario = None;
        self.option = 0;
        self.focus_path = None;
        self.refresh();
    }

    /// Opens `path` now. A file that fails to load keeps the current model and says why.
    fn open_now(&mut self, path: &Path) {
        match io::load(path) {
            Ok(model) => {
                self.replace_document(Document::new(model, Some(path.to_owned())));
                self.settings.remember(path);
                self.save_settings();
                self.notice(NoticeKind::Info, format!("Opened {}", path.display()));
            }
            Err(e) => {
                let text = match &e {
                    io::LoadError::Syntax { .. } | io::LoadError::NewerVersion { .. } => {
                        format!("Cannot open {}: {e}. The current model is unchanged.", path.display())
                    }
                    _ => format!("{e}. The current model is unchanged."),
                };
                self.notice(NoticeKind::Error, text);
            }
        }
    }

    /// Saves to the document's file, or asks where. Returns true when saved.
    pub fn save(&mut self) -> bool {
        self.save_then(None)
    }

    /// Saves as [`Self::save`] does, then performs `then` once the model is saved: at once, or
    /// after the question about a file changed on disk or the choice of a file is answered.
    fn save_then(&mut self, then: Option<FileAction>) -> bool {
        match self.doc.path().map(Path::to_owned) {
            // A colleague's newer version is never overwritten without asking.
            Some(_) if self.doc.changed_on_disk() => {
                self.question = Some(Question::ChangedOnDisk(then));
                false
            }
            Some(path) => {
                let saved = self.save_to(&path);
                if let Some(action) = then.filter(|_| saved) {
                    self.perform(action);
                }
                saved
            }
            None => {
                self.after_save = then;
                self.save_as();
                false
            }
        }
    }

    /// Answers the question about a file changed on disk: reload it (dropping the changes here),
    /// save elsewhere, overwrite it, or (`None`) cancel.
    pub fn answer_external_change(&mut self, answer: Option<ExternalChangeAnswer>) {
        let Some(Question::ChangedOnDisk(then)) = self.take_question(|q| matches!(q, Question::ChangedOnDisk(_)))
        else {
            return;
        };
        let Some(path) = self.doc.path().map(Path::to_owned) else { return };
        match answer {
            None => {}
            Some(ExternalChangeAnswer::Reload) => {
                self.clear_recovery();
                self.open_now(&path);
            }
            Some(ExternalChangeAnswer::SaveAs) => {
                self.after_save = then;
                self.save_as();
            }
            Some(ExternalChangeAnswer::Overwrite) => {
                if self.save_to(&path)
                    && let Some(action) = then
                {
                    self.perform(action);
                }
            }
        }
    }

    /// Asks where to save.
    pub fn save_as(&mut self) {
        self.open_dialog(DialogKind::SaveAs);
    }

    /// Saves to `path`; a failure says why and keeps the document dirty.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.settings.remember(path);
                self.save_settings();
                self.clear_recovery();
                self.notice(NoticeKind::Info, format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.notice(NoticeKind::Error, format!("{e}. Your changes are still here, unsaved."));
                false
            }
        }
    }

    fn open_dialog(&mut self, kind: DialogKind) {
        if self.dialog.is_some() {
            return;
        }
        let name = self
            .doc
            .path()
            .and_then(Path::file_name)
            .map_or_else(|| format!("{}.ron", file_stem(&self.doc.model().name)), |n| n.to_string_lossy().into());
        let folder = self.doc.path().and_then(Path::parent).map(Path::to_owned);
        let wake = self.waker.clone();
        match PendingDialog::open(kind, &name, folder, move || wake()) {
            Some(dialog) => self.dialog = Some(dialog),
            None => self.ask_for_path(kind),
        }
    }

    fn ask_for_path(&mut self, kind: DialogKind) {
        let text = match kind {
            DialogKind::SaveAs => self.doc.path().map_or_else(
                || {
                    std::env::current_dir()
                        .unwrap_or_default()
                        .join(format!("{}.ron", file_stem(&self.doc.model().name)))
                },
                Path::to_owned,
            ),
            DialogKind::Open => self.doc.path().and_then(Path::parent).map(Path::to_owned).unwrap_or_default(),
        };
        self.question = Some(Question::Path(PathPrompt { kind, text: text.display().to_string() }));
    }

    /// Checks on an open dialog; call every frame.
    pub fn poll_dialog(&mut self) {
        let Some(outcome) = self.dialog.as_ref().and_then(PendingDialog::poll) else { return };
        let Some(dialog) = self.dialog.take() else { return };
        match outcome {
            DialogOutcome::Chosen(path) => self.dialog_chose(dialog.kind, path),
            DialogOutcome::Cancelled => self.after_save = None,
            DialogOutcome::Unavailable => {
                self.notice(
                    NoticeKind::Info,
                    "No file dialog could be shown (no desktop portal or zenity): type the path instead.",
                );
                self.ask_for_path(dialog.kind);
            }
        }
    }

    /// Answers the typed-path prompt: `None` cancels.
    pub fn answer_path(&mut self, answer: Option<String>) {
        let Some(Question::Path(prompt)) = self.take_question(|q| matches!(q, Question::Path(_))) else { return };
        match answer.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) {
            Some(text) => self.dialog_chose(prompt.kind, PathBuf::from(text)),
            None => self.after_save = None,
        }
    }

    fn dialog_chose(&mut self, kind: DialogKind, path: PathBuf) {
        match kind {
            DialogKind::Open => self.open_now(&path),
            DialogKind::SaveAs => {
                let saved = self.save_to(&with_ron_extension(path));
                if let Some(action) = self.after_save.take()
                    && saved
                {
                    self.perform(action);
                }
            }
        }
    }

    /// Restores (`true`) or discards (`false`) the offered recovery copy.
    pub fn answer_recovery(&mut self, restore: bool) {
        let Some(Question::Recovery(found)) = self.take_question(|q| matches!(q, Question::Recovery(_))) else {
            return;
        };
        if restore {
            let on_disk = found.path.as_deref().and_then(|p| io::load(p).ok());
            self.replace_document(Document::recovered(found.model, found.path, on_disk));
            self.notice(NoticeKind::Info, "Restored your unsaved changes. Save them to keep them.");
            // The copy stays on disk until the restored work is saved or discarded.
        } else {
            self.clear_recovery();
        }
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

/// A file name from a model name: letters, digits, `-` and `_`.
fn file_stem(name: &str) -> String {
    let stem: String =
        name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    let stem = stem.trim_matches('_');
    if stem.is_empty() { "model".to_owned() } else { stem.to_owned() }
}
