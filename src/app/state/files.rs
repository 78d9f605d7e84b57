//! The file workflow: new, open, save and save-as, the unsaved-changes and changed-on-disk
//! questions, native dialogs and the typed-path prompt, and the recovery offer's answer.

use std::path::{Path, PathBuf};

use super::{AppState, NoticeKind, Question};
use crate::app::analysis::Analysis;
use crate::app::dialogs::{DialogKind, DialogOutcome, PendingDialog, with_ron_extension};
use crate::app::document::{Document, blank_model};
use crate::app::scenario_compare::ScenarioComparison;
use crate::app::sensitivity_cache::SensitivityCache;
use crate::app::simulation::SimulationRunner;
use crate::model::io;
use crate::model::samples::{SAMPLES, load_sample};

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

impl AppState {
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
        self.meeting = None;
        self.compared = None;
        self.refresh();
    }

    /// Opens `path` now. A file that fails to load keeps the current model and says why.
    pub(super) fn open_now(&mut self, path: &Path) {
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

    pub(super) fn open_dialog(&mut self, kind: DialogKind) {
        if self.dialog.is_some() {
            return;
        }
        let name = match kind {
            DialogKind::Export(export) => self.export_name(export),
            _ => self
                .doc
                .path()
                .and_then(Path::file_name)
                .map_or_else(|| format!("{}.ron", file_stem(&self.doc.model().name)), |n| n.to_string_lossy().into()),
        };
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
            DialogKind::Open | DialogKind::Compare => {
                self.doc.path().and_then(Path::parent).map(Path::to_owned).unwrap_or_default()
            }
            DialogKind::Export(export) => {
                let folder = self.doc.path().and_then(Path::parent).map(Path::to_owned);
                folder.or_else(|| std::env::current_dir().ok()).unwrap_or_default().join(self.export_name(export))
            }
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
            DialogKind::Compare => self.compare_with(&path),
            DialogKind::Export(export) => {
                self.export_to(export, &path);
            }
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
}

/// A file name from a model name: letters, digits, `-` and `_`.
pub(super) fn file_stem(name: &str) -> String {
    let stem: String =
        name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    let stem = stem.trim_matches('_');
    if stem.is_empty() { "model".to_owned() } else { stem.to_owned() }
}
