//! The meeting log's file: every change tried while presenting, with each option's NPV and
//! savings before and after, written beside the model as `NAME.meeting-YYYY-MM-DD.ron` (the
//! window records it, `app::meeting`; the report reads it back, `export::report`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One option's key figures at a moment of the meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionFigures {
    /// The option's name.
    pub name: String,
    /// Its NPV of savings.
    pub npv: f64,
    /// Its savings as a share of the in-house cost, when defined.
    pub savings_pct: Option<f64>,
}

/// One change tried in the meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingChange {
    /// Local time of day it was made ("14:05:09").
    pub time: String,
    /// What changed, in the user's words ("Manila offshore › rate", "Scenario").
    pub what: String,
    /// The value before.
    pub old: String,
    /// The value after.
    pub new: String,
    /// Each option's figures before the change.
    pub before: Vec<OptionFigures>,
    /// Each option's figures after it.
    pub after: Vec<OptionFigures>,
}

/// The file written beside the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingLog {
    /// The model's name.
    pub model: String,
    /// The day of the meeting (YYYY-MM-DD).
    pub date: String,
    /// The changes, oldest first.
    pub changes: Vec<MeetingChange>,
}

/// `NAME.meeting-YYYY-MM-DD.ron` beside `model_file`.
pub fn log_path(model_file: &Path, date: &str) -> PathBuf {
    let stem = model_file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "model".into());
    model_file.with_file_name(format!("{stem}.meeting-{date}.ron"))
}

/// Every meeting log written beside `model_file`, oldest day first; a log that cannot be read is
/// left out and named in the second list, with why.
pub fn logs_beside(model_file: &Path) -> (Vec<MeetingLog>, Vec<String>) {
    let Some(stem) = model_file.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
        return (Vec::new(), Vec::new());
    };
    let folder = match model_file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = format!("{stem}.meeting-");
    let Ok(entries) = std::fs::read_dir(&folder) else { return (Vec::new(), Vec::new()) };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".ron"))
        })
        .collect();
    paths.sort();
    let mut logs = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        let read = std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|text| {
            ron::from_str::<MeetingLog>(text.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())
        });
        match read {
            Ok(log) => logs.push(log),
            Err(e) => unreadable.push(format!("{}: {e}", path.display())),
        }
    }
    (logs, unreadable)
}

/// The log as tab-separated text, one row per change and option, for a spreadsheet or an email.
pub fn to_tsv(log: &MeetingLog) -> String {
    let mut out =
        String::from("time\tchange\tfrom\tto\toption\tNPV before\tNPV after\tsavings % before\tsavings % after\n");
    let pct = |p: Option<f64>| p.map_or_else(String::new, |p| format!("{:.2}", p * 100.0));
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    for c in &log.changes {
        for (b, a) in c.before.iter().zip(&c.after) {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{:.0}\t{:.0}\t{}\t{}",
                c.time,
                clean(&c.what),
                clean(&c.old),
                clean(&c.new),
                clean(&a.name),
                b.npv,
                a.npv,
                pct(b.savings_pct),
                pct(a.savings_pct)
            );
        }
    }
    out
}
