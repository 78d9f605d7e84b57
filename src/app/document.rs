//! The open document: the model, where it lives on disk, its undo history, and the one place
//! that changes it ([`Document::apply`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use super::history::History;
use crate::model::inputs::{UnknownInput, set_input};
use crate::model::{
    Behavior, CostLine, Estimate, FORMAT_VERSION, InHouse, Model, Period, Pricing, Scenario, Simulation,
    SourcingOption, Staffing, Workload, io,
};

/// A change to the document. The window produces these; only [`Document::apply`] executes them.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Replace the model by an edited copy (the editor's draft). Edits with the same `group`
    /// in quick succession (one drag, one text field) undo as one step.
    Replace {
        /// The edited model.
        model: Box<Model>,
        /// The widget the edit came from, if any.
        group: Option<u64>,
    },
    /// Set one input by its path (goal seek's "apply", a tornado shortcut).
    SetInput {
        /// The input's path.
        path: String,
        /// The new value.
        value: Estimate,
    },
    /// Replace the list of scenarios.
    SetScenarios(Vec<Scenario>),
    /// Go back one step.
    Undo,
    /// Go forward one step.
    Redo,
}

/// Why a command could not be applied. The document is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// The input path does not exist.
    #[error(transparent)]
    UnknownInput(#[from] UnknownInput),
}

/// The next document state's key. One counter for every document of the process, so no two
/// states ever share a key: a new document must never match the cached results of the one it
/// replaced (both would otherwise start at revision 0).
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// The open model with its file and history.
#[derive(Debug)]
pub struct Document {
    model: Model,
    /// The model as last opened or saved: the document is dirty when it differs.
    baseline: Model,
    path: Option<PathBuf>,
    /// The file's bytes as last opened or saved, fingerprinted: a save first checks that no one
    /// changed the file since (a colleague on a shared drive).
    on_disk: Option<u64>,
    revision: u64,
    dirty: bool,
    history: History,
}

/// A fingerprint of the file at `path` as it is now; `None` when it cannot be read (gone).
pub fn fingerprint(path: &Path) -> Option<u64> {
    std::fs::read(path).ok().map(|bytes| fingerprint_of(&bytes))
}

/// The fingerprint of a file holding `bytes`.
fn fingerprint_of(bytes: &[u8]) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

impl Document {
    /// A document holding `model`, read from `path` (or not yet saved).
    pub fn new(model: Model, path: Option<PathBuf>) -> Self {
        Self {
            baseline: model.clone(),
            model,
            on_disk: path.as_deref().and_then(fingerprint),
            path,
            revision: next_revision(),
            dirty: false,
            history: History::default(),
        }
    }

    /// A document restored from a recovery copy: its content differs from the file on disk.
    pub fn recovered(model: Model, path: Option<PathBuf>, on_disk: Option<Model>) -> Self {
        let mut doc = Self::new(model, path);
        // Work never saved anywhere is unsaved by definition; otherwise compare with the file.
        doc.dirty = on_disk.as_ref().is_none_or(|disk| *disk != doc.model);
        if let Some(disk) = on_disk {
            doc.baseline = disk;
        }
        doc
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// True when the document's file is no longer what it opened or last saved: someone else
    /// changed (or removed) it since, and saving would overwrite their work.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.on_disk) {
            (Some(path), Some(known)) => fingerprint(path) != Some(known),
            _ => false,
        }
    }

    /// The file, if the document has been saved or was opened from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The key of the document's current state: it changes with every change and is never
    /// reused, by this document or any other; results are cached by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the model differs from the file (or, for a new document, from its template).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The window title: model name, file name and an unsaved marker.
    pub fn title(&self) -> String {
        let file = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "not saved".to_owned(), |n| n.to_string_lossy().into_owned());
        let marker = if self.dirty { "● " } else { "" };
        format!("{marker}{} — {file} — Shoreline", self.model.name)
    }

    /// Applies a command: the only place the model changes.
    pub fn apply(&mut self, command: Command) -> Result<(), CommandError> {
        let now = Instant::now();
        match command {
            Command::Replace { model, group } => {
                if *model == self.model {
                    return Ok(());
                }
                let before = std::mem::replace(&mut self.model, *model);
                self.history.record(before, group, now);
            }
            Command::SetInput { path, value } => {
                let mut model = self.model.clone();
                set_input(&mut model, &path, value)?;
                let before = std::mem::replace(&mut self.model, model);
                self.history.record(before, None, now);
            }
            Command::SetScenarios(scenarios) => {
                let mut model = self.model.clone();
                model.scenarios = scenarios;
                let before = std::mem::replace(&mut self.model, model);
                self.history.record(before, None, now);
            }
            Command::Undo => {
                let Some(previous) = self.history.undo(self.model.clone()) else { return Ok(()) };
                self.model = previous;
            }
            Command::Redo => {
                let Some(next) = self.history.redo(self.model.clone()) else { return Ok(()) };
                self.model = next;
            }
        }
        self.changed();
        Ok(())
    }

    /// Ends the current undo group (a text field lost focus, a drag ended).
    pub fn break_undo_group(&mut self) {
        self.history.break_group();
    }

    fn changed(&mut self) {
        self.revision = next_revision();
        self.dirty = self.model != self.baseline;
    }

    /// Saves to `path` atomically (keeping `NAME.ron.bak`); on success the document lives
    /// there and is clean. On failure nothing changes and the document stays dirty.
    pub fn save_to(&mut self, path: &Path) -> Result<(), io::SaveError> {
        // Fingerprinted as written, not read back.
        let text = io::save(path, &self.model)?;
        self.on_disk = Some(fingerprint_of(text.as_bytes()));
        self.path = Some(path.to_owned());
        self.baseline = self.model.clone();
        self.dirty = false;
        Ok(())
    }
}

/// A minimal valid model to start from: one cost line, one offer.
pub fn blank_model() -> Model {
    Model {
        format_version: FORMAT_VERSION,
        name: "New model".into(),
        description: String::new(),
        currency: "USD".into(),
        start_month: 1,
        horizon_months: 36,
        discount_rate: Estimate::Fixed(0.08),
        workload: Workload {
            unit: "units".into(),
            monthly_volume: Estimate::Fixed(10_000.0),
            annual_growth: Estimate::Fixed(0.0),
            seasonality: Vec::new(),
        },
        in_house: InHouse {
            units_per_fte_month: Estimate::Fixed(500.0),
            staffing: Staffing::SizedToPeak,
            costs: vec![CostLine {
                name: "Salary + benefits".into(),
                behavior: Behavior::PerFte,
                period: Period::Year,
                amount: Estimate::Fixed(60_000.0),
                escalation: Estimate::Fixed(0.03),
                start_month: 0,
                end_month: None,
                note: String::new(),
            }],
        },
        options: vec![SourcingOption {
            pricing: Pricing::PerFte { rate: Estimate::Fixed(2_500.0) },
            ..SourcingOption::named("Vendor".into())
        }],
        simulation: Simulation::default(),
        scenarios: Vec::new(),
        presentation: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn the_blank_model_is_valid() {
        assert!(validate(&blank_model()).0.is_empty());
    }

    #[test]
    fn edits_of_one_widget_undo_as_one_step_and_the_document_knows_it_is_clean_again() {
        let mut doc = Document::new(blank_model(), None);
        for name in ["A", "AB", "ABC"] {
            let mut m = doc.model().clone();
            m.name = name.into();
            doc.apply(Command::Replace { model: Box::new(m), group: Some(7) }).expect("applies");
        }
        assert!(doc.is_dirty());
        assert_eq!(doc.model().name, "ABC");
        doc.apply(Command::Undo).expect("undo");
        assert_eq!(doc.model().name, "New model");
        assert!(!doc.is_dirty());
        doc.apply(Command::Redo).expect("redo");
        assert_eq!(doc.model().name, "ABC");
    }

    #[test]
    fn an_unknown_input_leaves_the_document_unchanged() {
        let mut doc = Document::new(blank_model(), None);
        let before = doc.revision();
        let result = doc.apply(Command::SetInput { path: "nope".into(), value: Estimate::Fixed(1.0) });
        assert!(result.is_err());
        assert_eq!(doc.revision(), before);
        assert!(!doc.can_undo());
    }

    #[test]
    fn no_two_document_states_share_a_key_even_across_documents() {
        let first = Document::new(blank_model(), None);
        let mut second = Document::new(blank_model(), None);
        assert_ne!(first.revision(), second.revision(), "a new document never matches the last one's caches");
        let opened = second.revision();
        let mut m = second.model().clone();
        m.name = "Edited".into();
        second.apply(Command::Replace { model: Box::new(m), group: None }).expect("applies");
        second.apply(Command::Undo).expect("undo");
        assert_ne!(second.revision(), opened, "undo is a new state too: caches recompute");
    }
}
