//! Changes to how the model is presented: the deck, the speaker notes, the pinned sliders.

use super::SettingChange;
use super::matching::{ListMatch, Matching};
use super::text::number_text;
use crate::model::Model;
use crate::model::labels::label_of;
use crate::model::presentation::{PinnedInput, Presentation, Slide};

fn deck(p: &Presentation) -> String {
    if p.slides.is_empty() {
        "the standard deck".to_owned()
    } else {
        p.slides.iter().map(|s| s.kind.label()).collect::<Vec<_>>().join(", ")
    }
}

/// A pinned input in words, with its written range: "Monthly volume (80,000 to 120,000)".
fn pin(model: &Model, pin: &PinnedInput) -> String {
    let bound = |x: Option<f64>| x.map_or_else(|| "default".to_owned(), number_text);
    let range = if pin.low.is_none() && pin.high.is_none() {
        String::new()
    } else {
        format!(" ({} to {})", bound(pin.low), bound(pin.high))
    };
    format!("{}{range}", label_of(model, &pin.input))
}

fn pins(model: &Model, pinned: &[PinnedInput]) -> String {
    if pinned.is_empty() {
        "none".to_owned()
    } else {
        pinned.iter().map(|p| pin(model, p)).collect::<Vec<_>>().join("; ")
    }
}

fn record(out: &mut Vec<SettingChange>, path: String, label: String, old: String, new: String) {
    if old != new {
        out.push(SettingChange { path, label, old, new });
    }
}

/// The deck, the notes of each slide (paired by kind) and the pinned inputs.
pub(super) fn changes(old: &Model, new: &Model, matching: &Matching, out: &mut Vec<SettingChange>) {
    let (a, b) = (&old.presentation, &new.presentation);
    record(out, "presentation.slides".into(), "Presentation › slides".into(), deck(a), deck(b));
    let (before, after) = (a.slides_or_standard(), b.slides_or_standard());
    let kinds = |slides: &[Slide]| -> Vec<&str> { slides.iter().map(|s| s.kind.label()).collect() };
    for (i, j) in ListMatch::by_name(&kinds(&before), &kinds(&after)).pairs() {
        let label = format!("Presentation › notes of “{}”", after[j].kind.label());
        let (o, n) = (before[i].notes.clone(), after[j].notes.clone());
        record(out, format!("presentation.slides[{j}].notes"), label, o, n);
    }
    // A pin is the same when it names the same input: an old path is read as the new file
    // writes it, so an option inserted in front does not make every pin look moved.
    let moved: Vec<PinnedInput> =
        a.pinned.iter().map(|p| PinnedInput { input: matching.path(old, &p.input), ..p.clone() }).collect();
    if moved != b.pinned {
        let label = "Presentation › pinned inputs".to_owned();
        record(out, "presentation.pinned".into(), label, pins(old, &a.pinned), pins(new, &b.pinned));
    }
}
