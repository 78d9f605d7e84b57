//! What changed between two model files, and what it did to the results: every input that
//! differs (by its path and label, old → new), the items added or removed, every other change
//! in plain words, and each option's NPV, savings and payback in both files. What makes a model
//! file sharable in a team: what did you change, and what did it do?
//!
//! Options, cost lines, hidden costs and scenarios are paired by name (see [`matching`]), so
//! inserting an option does not make every later option's inputs look changed.

mod matching;
mod presentation;
mod results;
mod settings;
mod text;

use serde::Serialize;

pub use results::{Figures, OptionComparison, Outcome};
pub use text::{estimate_text, number_text, shortened};

use crate::model::inputs::visit;
use crate::model::{Estimate, Model};
use matching::Matching;

/// Which of the two files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The file compared from.
    Old,
    /// The file compared to.
    New,
}

impl Side {
    /// "old" or "new".
    pub fn name(self) -> &'static str {
        match self {
            Self::Old => "old",
            Self::New => "new",
        }
    }
}

/// A value in the old file and in the new one; JSON `{"old": …, "new": …}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Pair<T> {
    /// In the old file.
    pub old: T,
    /// In the new file.
    pub new: T,
}

impl<T> Pair<T> {
    /// The value in `side`'s file.
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Old => &self.old,
            Side::New => &self.new,
        }
    }
}

/// A real-valued input whose estimate differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InputChange {
    /// Its path in the new file (in the old one, when only the old file has the field).
    pub path: String,
    /// Its label, in the new file's names.
    pub label: String,
    /// The old estimate; `None` when the old file has no such field (the offer was priced
    /// another way, had no learning curve).
    pub old: Option<Estimate>,
    /// The new estimate; `None` when the new file has no such field.
    pub new: Option<Estimate>,
    /// Its path in the old file (it differs when an item before it was inserted or removed).
    pub old_path: String,
}

impl InputChange {
    /// "Manila partner › rate [options[2].pricing.rate]: 11 → 12".
    pub fn describe(&self) -> String {
        let text = |e: &Option<Estimate>| e.as_ref().map_or_else(|| "none".to_owned(), estimate_text);
        let moved = if self.old_path == self.path { String::new() } else { format!(", was {}", self.old_path) };
        format!("{} [{}{moved}]: {} → {}", self.label, self.path, text(&self.old), text(&self.new))
    }
}

/// What kind of item was added or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An outsourcing option.
    Option,
    /// An in-house cost line.
    CostLine,
    /// A cost line an option retains in-house.
    RetainedLine,
    /// A hidden cost of an option.
    HiddenCost,
    /// A scenario.
    Scenario,
}

impl ItemKind {
    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Option => "option",
            Self::CostLine => "in-house cost line",
            Self::RetainedLine => "retained cost line",
            Self::HiddenCost => "hidden cost",
            Self::Scenario => "scenario",
        }
    }
}

/// An item only one of the files has.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    /// What it is.
    pub kind: ItemKind,
    /// Its path in the file that has it (`options[2].hidden[8]`).
    pub path: String,
    /// Its name.
    pub name: String,
    /// Its name with the option it belongs to ("Manila partner › Travel").
    pub label: String,
}

impl Item {
    /// "hidden cost Manila partner › Travel [options[2].hidden[4]]".
    pub fn describe(&self) -> String {
        format!("{} {} [{}]", self.kind.label(), self.label, self.path)
    }
}

/// A change that is not a real-valued input, in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SettingChange {
    /// The path of what changed, in the new file.
    pub path: String,
    /// Its label.
    pub label: String,
    /// The old setting, in words.
    pub old: String,
    /// The new setting, in words.
    pub new: String,
}

impl SettingChange {
    /// "Horizon [horizon_months]: 36 months → 48 months", each side cut to `max` characters
    /// (a description or a note can be long). Two long texts that differ only far in are shown
    /// from a little before their first difference, so the cut never hides the change.
    pub fn describe(&self, max: usize) -> String {
        let same_start = self.old.chars().zip(self.new.chars()).take_while(|(a, b)| a == b).count();
        let skip = if same_start + 10 > max { same_start.saturating_sub(max / 3) } else { 0 };
        let cut = |text: &str| {
            if skip == 0 {
                shortened(text, max)
            } else {
                format!("…{}", shortened(&text.chars().skip(skip).collect::<String>(), max.saturating_sub(1)))
            }
        };
        format!("{} [{}]: {} → {}", self.label, self.path, cut(&self.old), cut(&self.new))
    }
}

/// Everything that differs between two models, and each option's results in both.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelDiff {
    /// Real-valued inputs whose estimate differs.
    pub inputs: Vec<InputChange>,
    /// Items only the new file has.
    pub added: Vec<Item>,
    /// Items only the old file has.
    pub removed: Vec<Item>,
    /// Every other change, in words.
    pub other: Vec<SettingChange>,
    /// Each option's figures in both files: the new file's options, then those removed.
    pub options: Vec<OptionComparison>,
    /// The currency of each file's money.
    pub currency: Pair<String>,
    /// The errors that keep a file from being evaluated (empty for a valid model).
    pub errors: Pair<Vec<String>>,
}

impl ModelDiff {
    /// True when the two files describe the same model.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty() && self.added.is_empty() && self.removed.is_empty() && self.other.is_empty()
    }
}

/// What changed from `old` to `new`, and what it did to each option's results.
pub fn diff(old: &Model, new: &Model) -> ModelDiff {
    let matching = Matching::new(old, new);
    let (added, removed) = items(old, new, &matching);
    let (options, errors) = results::compare(old, new, &matching);
    ModelDiff {
        inputs: input_changes(old, new, &matching),
        added,
        removed,
        other: settings::changes(old, new, &matching),
        options,
        currency: Pair { old: old.currency.clone(), new: new.currency.clone() },
        errors,
    }
}

/// The same estimate: a NaN equals a NaN here, so a file compared with itself has no change.
fn same(a: &Estimate, b: &Estimate) -> bool {
    let numbers_match = |x: Vec<f64>, y: Vec<f64>| x.iter().zip(&y).all(|(p, q)| p == q || (p.is_nan() && q.is_nan()));
    match (a, b) {
        (Estimate::Fixed(x), Estimate::Fixed(y)) => numbers_match(vec![*x], vec![*y]),
        (Estimate::Uncertain(x), Estimate::Uncertain(y)) => {
            x.name() == y.name() && numbers_match(a.numbers(), b.numbers())
        }
        _ => false,
    }
}

/// Inputs of items both files have whose estimates differ, in the new file's order, then the
/// fields only the old file has.
fn input_changes(old: &Model, new: &Model, matching: &Matching) -> Vec<InputChange> {
    let mut changes = Vec::new();
    visit(new, |site, _, estimate| {
        let Some(before) = matching.back(site) else { return };
        let was = before.estimate(old);
        if !was.is_some_and(|was| same(was, estimate)) {
            changes.push(InputChange {
                path: site.to_string(),
                label: site.label(new),
                old: was.copied(),
                new: Some(*estimate),
                old_path: before.to_string(),
            });
        }
    });
    visit(old, |site, _, estimate| {
        let Some(after) = matching.forward(site) else { return };
        if after.estimate(new).is_none() {
            changes.push(InputChange {
                path: after.to_string(),
                label: after.label(new),
                old: Some(*estimate),
                new: None,
                old_path: site.to_string(),
            });
        }
    });
    changes
}

/// The options, cost lines, hidden costs and scenarios only one file has: (added, removed).
fn items(old: &Model, new: &Model, matching: &Matching) -> (Vec<Item>, Vec<Item>) {
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let item = |kind, path: String, name: &str, within: Option<&str>| Item {
        kind,
        path,
        name: name.to_owned(),
        label: within.map_or_else(|| name.to_owned(), |w| format!("{w} › {name}")),
    };
    for j in matching.costs.added() {
        added.push(item(
            ItemKind::CostLine,
            format!("in_house.costs[{j}]"),
            &new.in_house.costs[j].name,
            Some("In-house"),
        ));
    }
    for i in matching.costs.removed() {
        removed.push(item(
            ItemKind::CostLine,
            format!("in_house.costs[{i}]"),
            &old.in_house.costs[i].name,
            Some("In-house"),
        ));
    }
    for j in matching.options.added() {
        added.push(item(ItemKind::Option, format!("options[{j}]"), &new.options[j].name, None));
    }
    for i in matching.options.removed() {
        removed.push(item(ItemKind::Option, format!("options[{i}]"), &old.options[i].name, None));
    }
    for (i, j) in matching.options.pairs() {
        let (o, n) = (&old.options[i], &new.options[j]);
        if let Some(Some(lines)) = matching.retained.get(i) {
            for b in lines.added() {
                added.push(item(
                    ItemKind::RetainedLine,
                    format!("options[{j}].retained[{b}]"),
                    &n.retained[b].name,
                    Some(&n.name),
                ));
            }
            for a in lines.removed() {
                removed.push(item(
                    ItemKind::RetainedLine,
                    format!("options[{i}].retained[{a}]"),
                    &o.retained[a].name,
                    Some(&o.name),
                ));
            }
        }
        if let Some(Some(hidden)) = matching.hidden.get(i) {
            for b in hidden.added() {
                added.push(item(
                    ItemKind::HiddenCost,
                    format!("options[{j}].hidden[{b}]"),
                    &n.hidden[b].name,
                    Some(&n.name),
                ));
            }
            for a in hidden.removed() {
                removed.push(item(
                    ItemKind::HiddenCost,
                    format!("options[{i}].hidden[{a}]"),
                    &o.hidden[a].name,
                    Some(&o.name),
                ));
            }
        }
    }
    for j in matching.scenarios.added() {
        added.push(item(ItemKind::Scenario, format!("scenarios[{j}]"), &new.scenarios[j].name, None));
    }
    for i in matching.scenarios.removed() {
        removed.push(item(ItemKind::Scenario, format!("scenarios[{i}]"), &old.scenarios[i].name, None));
    }
    (added, removed)
}

#[cfg(test)]
mod tests;
