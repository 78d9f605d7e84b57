//! Crash recovery: a copy of unsaved work, written to the app's data folder a few seconds after
//! each change — never over the user's file. The next start offers to restore it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::model::io::{self, remove_if_present, write_atomically};
use crate::model::{Model, io::LoadError};

/// How long after the last change the recovery copy is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(3);

/// Where the recovered work belongs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    /// The document's file, if it had one.
    pub path: Option<PathBuf>,
}

/// A recovery copy found at start-up.
#[derive(Debug)]
pub struct Recovered {
    /// The unsaved model.
    pub model: Model,
    /// The file it belongs to.
    pub path: Option<PathBuf>,
}

/// Writes and finds recovery copies in one folder.
#[derive(Debug)]
pub struct Recovery {
    dir: PathBuf,
    /// The revision last written, and when the current unsaved change was first seen.
    written: Option<u64>,
    pending_since: Option<(u64, Instant)>,
}

impl Recovery {
    /// Recovery copies in `dir`.
    pub fn new(dir: &Path) -> Self {
        Self { dir: dir.to_owned(), written: None, pending_since: None }
    }

    fn model_file(&self) -> PathBuf {
        self.dir.join("recovery.ron")
    }

    fn origin_file(&self) -> PathBuf {
        self.dir.join("recovery-origin.json")
    }

    /// The recovery copy left by a run that did not finish cleanly, if any.
    pub fn find(&self) -> Result<Option<Recovered>, LoadError> {
        if !self.model_file().exists() {
            return Ok(None);
        }
        let model = io::load(&self.model_file())?;
        let origin: Origin = std::fs::read_to_string(self.origin_file())
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or(Origin { path: None });
        Ok(Some(Recovered { model, path: origin.path }))
    }

    /// Called every frame: writes a copy of a dirty document once it has rested for
    /// [`AUTOSAVE_DELAY`]. Returns when the caller should look again (to schedule a repaint),
    /// or an error message if writing failed.
    pub fn tick(
        &mut self,
        model: &Model,
        path: Option<&Path>,
        revision: u64,
        dirty: bool,
        now: Instant,
    ) -> Result<Option<Duration>, String> {
        if !dirty {
            // Undone back to the saved state: an old copy would offer stale work after a crash.
            if self.written.is_some() {
                self.clear()?;
            }
            self.pending_since = None;
            return Ok(None);
        }
        if self.written == Some(revision) {
            return Ok(None);
        }
        let since = match self.pending_since {
            Some((r, at)) if r == revision => at,
            _ => {
                self.pending_since = Some((revision, now));
                now
            }
        };
        let waited = now.duration_since(since);
        if waited < AUTOSAVE_DELAY {
            return Ok(Some(AUTOSAVE_DELAY - waited));
        }
        self.write(model, path)?;
        self.written = Some(revision);
        Ok(None)
    }

    /// Writes the recovery copy now.
    pub fn write(&self, model: &Model, path: Option<&Path>) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("cannot create {}: {e}", self.dir.display()))?;
        let origin = serde_json::to_string(&Origin { path: path.map(Path::to_owned) }).map_err(|e| e.to_string())?;
        write_atomically(&self.origin_file(), origin.as_bytes(), false).map_err(|e| e.to_string())?;
        let text = io::to_ron_string(model).map_err(|e| e.to_string())?;
        write_atomically(&self.model_file(), text.as_bytes(), false).map_err(|e| e.to_string())
    }

    /// Removes the recovery copy (after a save, a discard, or a clean exit).
    pub fn clear(&mut self) -> Result<(), String> {
        self.written = None;
        self.pending_since = None;
        for file in [self.model_file(), self.origin_file()] {
            remove_if_present(&file).map_err(|e| format!("cannot remove {}: {e}", file.display()))?;
        }
        Ok(())
    }
}
