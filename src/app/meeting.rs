//! The meeting log: every change tried while presenting (an input moved, a scenario picked, an
//! undo), with the time, what changed from what to what, and each option's NPV and savings
//! before and after, so the follow-up email can say what was tried and what it did.
//!
//! A change is recorded once it is finished: a slider drag is one change when it is let go, not
//! one per frame. The log of a model saved to `NAME.ron` is written beside it as
//! `NAME.meeting-YYYY-MM-DD.ron` after every change (a crash loses nothing), and a second
//! presentation of the same model on the same day adds to that day's file.

use std::path::{Path, PathBuf};

use super::analysis::Results;
use crate::model::inputs::visit;
use crate::model::labels::Labeller;
pub use crate::model::meeting_log::{MeetingChange, MeetingLog, OptionFigures, log_path, to_tsv};
use crate::model::units::value_with_unit;
use crate::model::{Estimate, Model, io};

impl OptionFigures {
    /// Every option's figures in `results`.
    pub fn of(results: &Results) -> Vec<Self> {
        let options = &results.evaluation.options;
        options.iter().map(|o| Self { name: o.name.clone(), npv: o.npv, savings_pct: o.savings_pct }).collect()
    }
}

/// What the log last saw: the "before" of the next change.
#[derive(Debug)]
struct Seen {
    revision: u64,
    scenario: Option<usize>,
    model: Model,
    figures: Vec<OptionFigures>,
}

/// A presentation's meeting: the model as it began and the changes since.
#[derive(Debug)]
pub struct Meeting {
    /// The model when the presentation began: what "revert" goes back to and the pinned
    /// sliders' baseline.
    pub started_with: Model,
    /// Each option's figures when the presentation began: what the pinned sliders' changes are
    /// measured from.
    pub baseline: Vec<OptionFigures>,
    /// The log, oldest change first.
    pub log: MeetingLog,
    /// Where the log is written, when the model has a file.
    pub file: Option<PathBuf>,
    seen: Option<Seen>,
}

/// Today's date and the time of day, local.
fn now() -> (String, String) {
    let now = jiff::ZonedDateTime::now();
    (now.strftime("%Y-%m-%d").to_string(), now.strftime("%H:%M:%S").to_string())
}

impl Meeting {
    /// A meeting starting now on `model` (the document's, scenarios not applied) whose results are
    /// `results`; `file` is the model's file. The day's earlier log of that file is continued.
    pub fn start(model: &Model, results: Option<&Results>, file: Option<&Path>) -> (Self, Option<String>) {
        let (date, _) = now();
        let file = file.map(|f| log_path(f, &date));
        let mut log = MeetingLog { model: model.name.clone(), date, changes: Vec::new() };
        let mut problem = None;
        if let Some(path) = file.as_deref().filter(|p| p.exists()) {
            match std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| ron::from_str::<MeetingLog>(&t).map_err(|e| e.to_string()))
            {
                Ok(earlier) => log.changes = earlier.changes,
                // The unreadable file is not overwritten: this meeting's log goes in memory only.
                Err(e) => {
                    problem = Some(format!(
                        "The meeting log {} cannot be read ({e}); this meeting's changes are kept in the window only.",
                        path.display()
                    ));
                }
            }
        }
        let baseline = results.map(OptionFigures::of).unwrap_or_default();
        let meeting = Self {
            started_with: model.clone(),
            baseline,
            log,
            file: if problem.is_some() { None } else { file },
            seen: None,
        };
        (meeting, problem)
    }

    /// Records a finished change, if `model` (with its current `results`, of `scenario`) differs
    /// from what the log last saw. Call when no drag is in progress; returns true when a change
    /// was recorded.
    pub fn observe(&mut self, model: &Model, scenario: Option<usize>, results: &Results) -> bool {
        if self.seen.as_ref().is_some_and(|s| s.revision == results.revision && s.scenario == scenario) {
            return false;
        }
        let figures = OptionFigures::of(results);
        let now = Seen { revision: results.revision, scenario, model: model.clone(), figures };
        let Some(seen) = self.seen.take() else {
            self.seen = Some(now);
            return false;
        };
        let mut changes = describe(&seen.model, seen.scenario, &now.model, now.scenario);
        let recorded = !changes.is_empty();
        let (_, time) = self::now();
        for (what, old, new) in changes.drain(..) {
            self.log.changes.push(MeetingChange {
                time: time.clone(),
                what,
                old,
                new,
                before: seen.figures.clone(),
                after: now.figures.clone(),
            });
        }
        self.seen = Some(now);
        recorded
    }

    /// Writes the log beside the model; an error says why (the log stays in the window).
    pub fn write(&self) -> Result<(), String> {
        let Some(path) = &self.file else { return Ok(()) };
        if self.log.changes.is_empty() {
            return Ok(());
        }
        let config = ron::ser::PrettyConfig::new().struct_names(false);
        let text = ron::ser::to_string_pretty(&self.log, config).map_err(|e| e.to_string())?;
        io::write_atomically(path, text.as_bytes(), false)
            .map_err(|e| format!("The meeting log cannot be written to {}: {e}", path.display()))
    }

    /// True when the model differs from the one the presentation began with.
    pub fn changed(&self, model: &Model) -> bool {
        *model != self.started_with
    }
}

/// What differs between two states of the meeting, as (what, old, new): each input whose value
/// changed, a change of scenario, or a change of the model's shape (a line added or removed).
fn describe(
    old: &Model,
    old_scenario: Option<usize>,
    new: &Model,
    new_scenario: Option<usize>,
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    if old_scenario != new_scenario {
        let name = |m: &Model, s: Option<usize>| {
            s.and_then(|s| m.scenarios.get(s)).map_or_else(|| "base model".to_owned(), |s| s.name.clone())
        };
        out.push(("Scenario".to_owned(), name(old, old_scenario), name(new, new_scenario)));
    }
    let listed = |m: &Model| {
        let mut all: Vec<(String, Estimate)> = Vec::new();
        visit(m, |site, _, e| all.push((site.to_string(), *e)));
        all
    };
    let (before, after) = (listed(old), listed(new));
    let same_shape = before.len() == after.len() && before.iter().zip(&after).all(|(a, b)| a.0 == b.0);
    if !same_shape {
        out.push((
            "The model's lines".to_owned(),
            format!("{} inputs", before.len()),
            format!("{} inputs", after.len()),
        ));
        return out;
    }
    let labels = Labeller::new(new);
    for ((path, a), (_, b)) in before.iter().zip(&after) {
        if a != b {
            out.push((labels.label(path), estimate_text(old, path, a), estimate_text(new, path, b)));
        }
    }
    if out.is_empty() && old != new {
        // Neither an input nor the scenario: a name, a note, a setting.
        out.push(("Other details of the model".to_owned(), String::new(), String::new()));
    }
    out
}

/// An estimate as the log writes it: its value with unit, "about" for a distribution's base.
fn estimate_text(model: &Model, path: &str, e: &Estimate) -> String {
    let value = value_with_unit(model, path, e.base());
    if e.distribution().is_some() { format!("about {value}") } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::analysis::Analysis;
    use crate::model::inputs::set_input;
    use crate::model::samples::default_model;

    fn results(model: &Model, revision: u64, scenario: Option<usize>) -> Results {
        let mut analysis = Analysis::default();
        analysis.refresh(model, revision, scenario);
        analysis.results.expect("the sample evaluates")
    }

    #[test]
    fn a_change_is_logged_with_each_options_npv_before_and_after() {
        let model = default_model().expect("sample");
        let (mut meeting, problem) = Meeting::start(&model, Some(&results(&model, 1, None)), None);
        assert!(problem.is_none());
        assert!(!meeting.observe(&model, None, &results(&model, 1, None)), "the start is not a change");
        let mut edited = model.clone();
        set_input(&mut edited, "workload.monthly_volume", Estimate::Fixed(30_000.0)).expect("an input");
        assert!(meeting.observe(&edited, None, &results(&edited, 2, None)));
        let change = &meeting.log.changes[0];
        assert!(change.what.contains("volume"), "{change:?}");
        assert_eq!(change.new, value_with_unit(&edited, "workload.monthly_volume", 30_000.0));
        assert_eq!(change.before.len(), model.options.len());
        assert_ne!(change.before[0].npv, change.after[0].npv);
        assert!(meeting.changed(&edited));
        // The same state seen again is not a second change.
        assert!(!meeting.observe(&edited, None, &results(&edited, 2, None)));
        assert_eq!(meeting.log.changes.len(), 1);
    }

    #[test]
    fn a_scenario_picked_is_logged_by_name() {
        let model = default_model().expect("sample");
        assert!(!model.scenarios.is_empty());
        let (mut meeting, _) = Meeting::start(&model, None, None);
        meeting.observe(&model, None, &results(&model, 1, None));
        meeting.observe(&model, Some(0), &results(&model, 1, Some(0)));
        let change = &meeting.log.changes[0];
        assert_eq!((change.what.as_str(), change.old.as_str()), ("Scenario", "base model"));
        assert_eq!(change.new, model.scenarios[0].name);
    }

    #[test]
    fn the_log_is_written_beside_the_model_and_continued_the_same_day() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("case.ron");
        let model = default_model().expect("sample");
        let (mut meeting, _) = Meeting::start(&model, None, Some(&file));
        meeting.observe(&model, None, &results(&model, 1, None));
        meeting.observe(&model, Some(0), &results(&model, 1, Some(0)));
        meeting.write().expect("written");
        let path = meeting.file.clone().expect("a file");
        assert!(path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("case.meeting-")));
        let (again, problem) = Meeting::start(&model, None, Some(&file));
        assert!(problem.is_none());
        assert_eq!(again.log.changes, meeting.log.changes);
    }

    #[test]
    fn an_unreadable_log_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("case.ron");
        let (date, _) = now();
        std::fs::write(log_path(&file, &date), "not a log").expect("written");
        let model = default_model().expect("sample");
        let (meeting, problem) = Meeting::start(&model, None, Some(&file));
        assert!(problem.is_some_and(|p| p.contains("cannot be read")));
        assert_eq!(meeting.file, None);
    }

    #[test]
    fn the_tsv_has_a_row_per_change_and_option() {
        let model = default_model().expect("sample");
        let (mut meeting, _) = Meeting::start(&model, None, None);
        meeting.observe(&model, None, &results(&model, 1, None));
        meeting.observe(&model, Some(0), &results(&model, 1, Some(0)));
        let tsv = to_tsv(&meeting.log);
        assert_eq!(tsv.lines().count(), 1 + model.options.len());
        assert!(tsv.lines().all(|l| l.split('\t').count() == 9));
    }
}
