//! The presentation's side of the app state: the meeting it begins, the changes it logs, and
//! the question at its end — keep the changes made while presenting, or go back to the model as
//! it was when the presentation began.

use super::{AppState, NoticeKind, Question};
use crate::app::Command;
use crate::app::meeting::Meeting;

impl AppState {
    /// Begins a meeting on the current document (call when the presentation starts).
    pub fn begin_meeting(&mut self) {
        let (meeting, problem) = Meeting::start(self.doc.model(), self.analysis.results.as_ref(), self.doc.path());
        self.meeting = Some(meeting);
        if let Some(problem) = problem {
            self.notice(NoticeKind::Error, problem);
        }
    }

    /// Records a finished change in the meeting log (call every frame of a presentation; while a
    /// drag is in progress nothing is recorded, so one drag is one change).
    pub fn observe_meeting(&mut self, dragging: bool) {
        if dragging || self.analysis.is_stale() {
            return;
        }
        let (Some(meeting), Some(results)) = (self.meeting.as_mut(), self.analysis.results.as_ref()) else { return };
        if results.revision != self.doc.revision() {
            return;
        }
        if meeting.observe(self.doc.model(), self.scenario, results)
            && let Err(e) = meeting.write()
        {
            // Said once: the log stays in the window and is written at the next change that can.
            if self.meeting_write_failed.as_deref() != Some(e.as_str()) {
                self.notice(NoticeKind::Error, e.clone());
                self.meeting_write_failed = Some(e);
            }
        }
    }

    /// Ends the meeting's presentation: asks whether to keep the changes made while presenting,
    /// when there are any. The log stays for the meeting-log window.
    pub fn end_meeting(&mut self) {
        self.observe_meeting(false);
        let changed = self.meeting.as_ref().is_some_and(|m| m.changed(self.doc.model()));
        if changed && self.question.is_none() {
            self.question = Some(Question::KeepPresentationChanges);
        }
    }

    /// Answers "keep the changes made during the presentation?": `false` puts back the model as it
    /// was when the presentation began (one undoable edit, so even that can be taken back).
    pub fn answer_keep_changes(&mut self, keep: bool) {
        if !matches!(self.question, Some(Question::KeepPresentationChanges)) {
            return;
        }
        self.question = None;
        if keep {
            return;
        }
        if let Some(before) = self.meeting.as_ref().map(|m| m.started_with.clone()) {
            self.apply(Command::Replace { model: Box::new(before), group: None });
            self.notice(NoticeKind::Info, "Back to the model as it was before the presentation (Ctrl+Z undoes this).");
        }
    }

    /// Sets the pinned inputs back to their values when the presentation began.
    pub fn reset_pinned(&mut self) {
        let Some(meeting) = &self.meeting else { return };
        let mut model = self.doc.model().clone();
        for pin in &self.doc.model().presentation.pinned {
            if let Ok(info) = crate::model::inputs::input(&meeting.started_with, &pin.input) {
                // A pin that no longer names an input (a line removed since) is left alone.
                let _ = crate::model::inputs::set_input(&mut model, &pin.input, info.estimate);
            }
        }
        if model != *self.doc.model() {
            self.apply(Command::Replace { model: Box::new(model), group: None });
        }
    }
}
