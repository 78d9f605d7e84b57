//! Snapshot undo: every edit records the model as it was before. A burst of edits of the same
//! widget (a slider drag, typing in one field) becomes a single step.

use std::time::{Duration, Instant};

use crate::model::Model;

/// Edits of the same group closer together than this are one undo step.
const COALESCE_WINDOW: Duration = Duration::from_millis(1500);
/// Undo steps kept; the oldest are dropped beyond it.
const MAX_STEPS: usize = 500;

/// The undo and redo stacks of a document.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Model>,
    redo: Vec<Model>,
    /// The group of the last recorded edit and when it happened.
    last: Option<(u64, Instant)>,
}

impl History {
    /// Records `before`, the model as it was before an edit. An edit of the same `group` as the
    /// previous one, soon after it, extends that step instead of starting a new one.
    pub fn record(&mut self, before: Model, group: Option<u64>, now: Instant) {
        self.redo.clear();
        let extends_last = match (group, self.last) {
            (Some(g), Some((last, at))) => g == last && now.duration_since(at) < COALESCE_WINDOW,
            _ => false,
        };
        self.last = group.map(|g| (g, now));
        if extends_last && !self.undo.is_empty() {
            return;
        }
        self.undo.push(before);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Ends the current group, so the next edit is a step of its own.
    pub fn break_group(&mut self) {
        self.last = None;
    }

    /// The model to go back to, given the current one (kept for redo).
    pub fn undo(&mut self, current: Model) -> Option<Model> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        self.last = None;
        Some(previous)
    }

    /// The model to go forward to, given the current one (kept for undo).
    pub fn redo(&mut self, current: Model) -> Option<Model> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        self.last = None;
        Some(next)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
