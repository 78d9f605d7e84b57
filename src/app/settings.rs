//! What the app remembers between runs: recent files, the last file, theme and zoom. Stored as
//! JSON in the app's data folder, written atomically. Never holds model data.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::io::write_atomically;

/// Recent files kept in the menu.
const MAX_RECENT: usize = 10;

/// Remembered preferences and files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The file open when the app last closed.
    pub last_file: Option<PathBuf>,
    /// Dark theme (else light).
    pub dark: bool,
    /// UI zoom factor.
    pub zoom: f32,
    /// The user closed the card that says the first model is a sample.
    pub sample_card_dismissed: bool,
    /// UI zoom factor while presenting (F5), apart from the editing zoom.
    pub present_zoom: f32,
    /// High-contrast theme (black on white, strong lines) for washed-out projectors.
    pub high_contrast: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            last_file: None,
            dark: true,
            zoom: 1.0,
            sample_card_dismissed: false,
            present_zoom: 1.75,
            high_contrast: false,
        }
    }
}

impl Settings {
    fn file(dir: &Path) -> PathBuf {
        dir.join("settings.json")
    }

    /// Reads the settings; a missing file gives the defaults, an unreadable one gives the
    /// defaults and the reason (so the caller can say so).
    pub fn load(dir: &Path) -> (Self, Option<String>) {
        let path = Self::file(dir);
        match std::fs::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Self::default(), None),
            Err(e) => (Self::default(), Some(format!("cannot read {}: {e}", path.display()))),
            Ok(text) => match serde_json::from_str(&text) {
                Ok(settings) => (settings, None),
                Err(e) => (Self::default(), Some(format!("{} is damaged ({e}); using defaults", path.display()))),
            },
        }
    }

    /// Writes the settings atomically.
    pub fn save(&self, dir: &Path) -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        write_atomically(&Self::file(dir), text.as_bytes(), false).map_err(|e| e.to_string())
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
        self.last_file = Some(path.to_owned());
    }
}
