//! The user's name for any path of a model (`in_house.costs[0].amount` → "In-house › AR clerk
//! salary › amount"), for messages that name things as the user does, the path second.

use std::collections::HashMap;

use super::Model;
use super::inputs::{InputInfo, inputs};

/// The user's name for the field at `path` of `model`: the input's own label when it is a
/// number, else the names of the items on the way (option, cost line, hidden cost) and the
/// field in words. A path that names nothing known is returned as it is.
pub fn label_of(model: &Model, path: &str) -> String {
    Labeller::new(model).label(path)
}

/// Labels many paths of one model: the input labels are listed once.
pub struct Labeller<'a> {
    model: &'a Model,
    inputs: HashMap<String, String>,
}

impl<'a> Labeller<'a> {
    /// A labeller for `model`.
    pub fn new(model: &'a Model) -> Self {
        Self::with_inputs(model, &inputs(model))
    }

    /// A labeller for `model` whose inputs (`inputs(model)`) the caller already has.
    pub fn with_inputs(model: &'a Model, inputs: &[InputInfo]) -> Self {
        Self { model, inputs: inputs.iter().map(|i| (i.path.clone(), i.label.clone())).collect() }
    }

    /// The label of `path`, as [`label_of`].
    pub fn label(&self, path: &str) -> String {
        match self.inputs.get(path) {
            Some(label) => label.clone(),
            None => structural(self.model, path),
        }
    }
}

/// The label of a path that is not a number, from the names on its way.
fn structural(model: &Model, path: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    // The list the previous segment named, for the item names that follow.
    let mut option: Option<usize> = None;
    let mut parent = "";
    for segment in path.split('.') {
        let (name, index) = split_index(segment);
        let part = match (parent, name, index) {
            (_, "in_house", None) => Some("In-house".to_owned()),
            (_, "workload", None) => Some("Workload".to_owned()),
            (_, "simulation", None) => Some("Simulation".to_owned()),
            ("", "options", Some(i)) => {
                option = Some(i);
                Some(model.options.get(i).map_or_else(|| format!("Option {}", i + 1), |o| o.name.clone()))
            }
            ("in_house", "costs", Some(i)) => Some(item(model.in_house.costs.get(i).map(|c| &c.name), "cost line", i)),
            (_, "retained", Some(i)) => {
                let line = option.and_then(|o| model.options.get(o)).and_then(|o| o.retained.get(i));
                Some(item(line.map(|c| &c.name), "retained line", i))
            }
            (_, "hidden", Some(i)) => {
                let cost = option.and_then(|o| model.options.get(o)).and_then(|o| o.hidden.get(i));
                Some(item(cost.map(|h| &h.name), "hidden cost", i))
            }
            ("", "scenarios", Some(i)) => Some(item(model.scenarios.get(i).map(|s| &s.name), "scenario", i)),
            (_, "overrides", Some(i)) => Some(format!("override {}", i + 1)),
            (_, "tiers", Some(i)) => Some(format!("tier {}", i + 1)),
            (_, "seasonality", Some(i)) => Some(format!("seasonality › {}", MONTHS.get(i).copied().unwrap_or("month"))),
            // "cost" only groups a hidden cost's figures.
            ("hidden", "cost", None) => None,
            (_, name, index) => {
                let words = words(name);
                Some(match index {
                    Some(i) => format!("{words} {}", i + 1),
                    None => words,
                })
            }
        };
        parts.extend(part);
        parent = name;
    }
    let label = parts.join(" › ");
    capitalised(&label)
}

/// An item's name, or "cost line 3" when it has none.
fn item(name: Option<&String>, kind: &str, index: usize) -> String {
    match name {
        Some(n) if !n.trim().is_empty() => n.trim().to_owned(),
        _ => format!("{kind} {}", index + 1),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `units_per_fte_month` → "units per FTE-month"; `horizon_months` → "horizon".
fn words(field: &str) -> String {
    match field {
        "units_per_fte_month" => "units per FTE-month".to_owned(),
        "hours_per_fte" => "hours per FTE-month".to_owned(),
        "horizon_months" => "horizon".to_owned(),
        "pct" => "share of fees".to_owned(),
        "arc" => "extra-unit rate (ARC)".to_owned(),
        "rrc" => "fewer-unit credit (RRC)".to_owned(),
        "fx" => "currency".to_owned(),
        other => other.replace('_', " "),
    }
}

/// `options[2]` → ("options", Some(2)).
fn split_index(segment: &str) -> (&str, Option<usize>) {
    match segment.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
        None => (segment, None),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Model {
        crate::model::samples::contract_example()
    }

    #[test]
    fn numbers_use_their_input_label_and_other_fields_their_items_names() {
        let m = example();
        assert_eq!(label_of(&m, "in_house.costs[0].amount"), "In-house › Agent salary + benefits › amount");
        assert_eq!(label_of(&m, "in_house.costs[4].end_month"), "In-house › Site lease › end month");
        assert_eq!(
            label_of(&m, "options[0].transition.parallel_months"),
            "Manila partner › transition › parallel months"
        );
        assert_eq!(label_of(&m, "options[0].hidden[1].cost.to"), "Manila partner › Knowledge transfer › to");
        assert_eq!(label_of(&m, "horizon_months"), "Horizon");
        assert_eq!(label_of(&m, "workload.seasonality[11]"), "Workload › seasonality › December");
        assert_eq!(label_of(&m, "scenarios[1].overrides[0].input"), "Volume drop › override 1 › input");
    }

    #[test]
    fn items_without_a_name_or_past_the_end_are_counted() {
        let m = example();
        assert_eq!(label_of(&m, "options[7].name"), "Option 8 › name");
        assert_eq!(label_of(&m, "options[0].pricing.tiers[1].up_to"), "Manila partner › pricing › tier 2 › up to");
    }
}
