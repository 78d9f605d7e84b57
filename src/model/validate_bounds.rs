//! Range checks the per-kind checks in `validate` leave out:
//! - an SLA credit is a share of the fees given back, so anything beyond −100 % or above 0 %
//!   would turn the credit into a payment the contract never describes;
//! - every number has a plausible magnitude (money up to a trillion, growth up to 1,000 % a
//!   year, …, see [`Magnitude`]): far beyond any business process, and small enough that no
//!   product of them overflows a computer number, so a model that validates gives finite
//!   results (`1e308` as a monthly fee validated, then printed `null` and `inf`).

use super::inputs::ValueKind;
use super::validate::{Problem, Severity};
use super::{CostLine, Estimate, HiddenCategory, HiddenCostKind, Model, SourcingOption};

/// The plausible magnitude of an input: the least and greatest absolute value of a number in
/// it (0 is always allowed), and what to call it in a message.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Magnitude {
    /// The smallest non-zero absolute value.
    pub least: f64,
    /// The greatest absolute value.
    pub most: f64,
    /// What `most` is, for the message ("a trillion").
    pub most_words: &'static str,
}

/// Money, volumes and other quantities: up to a trillion.
const TRILLION: Magnitude = Magnitude { least: 0.0, most: 1e12, most_words: "1,000,000,000,000" };

/// The plausible magnitude of the input at `path` of kind `kind`.
pub fn magnitude(path: &str, kind: ValueKind) -> Magnitude {
    let field = path.rsplit('.').next().unwrap_or(path);
    match (kind, field) {
        (_, "hours_per_fte") => Magnitude { least: 0.0, most: 744.0, most_words: "744 (the hours in a month)" },
        (_, "units_per_fte_month") => Magnitude { least: 1e-3, most: 1e9, most_words: "1,000,000,000" },
        (_, "productivity") => Magnitude { least: 0.01, most: 100.0, most_words: "100" },
        (_, "rate") if path.ends_with("fx.rate") => Magnitude { least: 1e-6, most: 1e6, most_words: "1,000,000" },
        (ValueKind::Growth, _) => Magnitude { least: 0.0, most: 10.0, most_words: "1,000 % a year" },
        (ValueKind::Positive, _) => Magnitude { least: 1e-6, most: 1e9, most_words: "1,000,000,000" },
        _ => TRILLION,
    }
}

/// The first number of `estimate` outside the input's plausible magnitude, as a problem.
pub(super) fn implausible(path: &str, kind: ValueKind, estimate: &Estimate) -> Option<Problem> {
    let m = magnitude(path, kind);
    // Each number with whether it may be small: a spread (sd) may be as narrow as it likes.
    let numbers: Vec<(f64, bool)> = match estimate {
        Estimate::Fixed(x) => vec![(*x, false)],
        Estimate::Uncertain(d) => d.parameters().iter().map(|(name, v)| (*v, *name == "sd")).collect(),
    };
    if !numbers.iter().all(|(x, _)| x.is_finite()) {
        return None;
    }
    let (worst, _) =
        numbers.into_iter().find(|&(x, narrow)| x.abs() > m.most || (!narrow && x != 0.0 && x.abs() < m.least))?;
    let message = if worst.abs() > m.most {
        format!("{worst} is beyond any plausible value: at most {} in size", m.most_words)
    } else {
        format!("{worst} is too small to be plausible: at least {} (or 0)", m.least)
    };
    Some(Problem::new(Severity::Error, path, message))
}

/// The problems of one input's estimate that its kind's range rules out, or none.
pub(super) fn out_of_range(path: &str, kind: ValueKind, estimate: &Estimate) -> Option<Problem> {
    if kind != ValueKind::Credit {
        return None;
    }
    let numbers: Vec<f64> = match estimate {
        Estimate::Fixed(x) => vec![*x],
        // A spread (sd) is not a credit: only the values the credit can take are range-checked.
        Estimate::Uncertain(d) => d.parameters().iter().filter(|(name, _)| *name != "sd").map(|(_, v)| *v).collect(),
    };
    // A non-finite number is already reported by the finiteness check; do not report it twice.
    if !numbers.iter().all(|x| x.is_finite()) {
        return None;
    }
    let (lo, hi) = kind.bounds();
    let worst = numbers.into_iter().find(|x| !(lo..=hi).contains(x))?;
    Some(Problem::new(
        Severity::Error,
        path,
        format!("an SLA credit must be between −100 % and 0 % of the fees ({worst})"),
    ))
}

/// Every text of `model` a person reads, by path, with whether line breaks and tabs belong in
/// it (a description or a note may have several lines; a name may not).
fn line_texts<'a>(out: &mut Vec<(String, &'a str, bool)>, prefix: &str, lines: &'a [CostLine]) {
    for (i, l) in lines.iter().enumerate() {
        out.push((format!("{prefix}[{i}].name"), l.name.as_str(), false));
        out.push((format!("{prefix}[{i}].note"), l.note.as_str(), true));
    }
}

fn texts(model: &Model) -> Vec<(String, &str, bool)> {
    let mut out = vec![
        ("name".to_owned(), model.name.as_str(), false),
        ("description".to_owned(), model.description.as_str(), true),
        ("currency".to_owned(), model.currency.as_str(), false),
        ("workload.unit".to_owned(), model.workload.unit.as_str(), false),
    ];
    line_texts(&mut out, "in_house.costs", &model.in_house.costs);
    for (o, option) in model.options.iter().enumerate() {
        let p = format!("options[{o}]");
        out.push((format!("{p}.name"), option.name.as_str(), false));
        out.push((format!("{p}.region"), option.region.as_str(), false));
        out.push((format!("{p}.note"), option.note.as_str(), true));
        if let Some(fx) = &option.fx {
            out.push((format!("{p}.fx.currency"), fx.currency.as_str(), false));
        }
        line_texts(&mut out, &format!("{p}.retained"), &option.retained);
        for (i, h) in option.hidden.iter().enumerate() {
            out.push((format!("{p}.hidden[{i}].name"), h.name.as_str(), false));
            out.push((format!("{p}.hidden[{i}].note"), h.note.as_str(), true));
        }
    }
    for (s, scenario) in model.scenarios.iter().enumerate() {
        out.push((format!("scenarios[{s}].name"), scenario.name.as_str(), false));
        for (k, o) in scenario.overrides.iter().enumerate() {
            out.push((format!("scenarios[{s}].overrides[{k}].input"), o.input.as_str(), false));
        }
    }
    out
}

/// A warning for each text holding control characters: they could make a terminal show
/// something else than the file says (an escape sequence can clear a line and print "valid").
pub(super) fn control_characters(model: &Model) -> Vec<Problem> {
    texts(model)
        .into_iter()
        .filter_map(|(path, text, multiline)| {
            let bad: Vec<char> =
                text.chars().filter(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\t' | '\r'))).collect();
            let first = bad.first()?;
            Some(Problem::new(
                Severity::Warning,
                path,
                format!(
                    "holds {} control character(s) (the first is {}): a terminal could show something else than \
                     the text; Shoreline shows them as escapes, but remove them",
                    bad.len(),
                    first.escape_default()
                ),
            ))
        })
        .collect()
}

/// An error when an option's SLA credits, each at its lowest value (a normal at its mean),
/// together credit more than its fees: every other part of an option's month is at least 0, so
/// this is the one way a valid model could make an option cost less than nothing in a month.
pub(super) fn credits_past_the_fees(path: &str, option: &SourcingOption) -> Option<Problem> {
    let lowest = |e: &Estimate| match e {
        Estimate::Fixed(x) => *x,
        Estimate::Uncertain(d) => {
            d.parameters().iter().filter(|(name, _)| *name != "sd").map(|(_, v)| *v).fold(f64::INFINITY, f64::min)
        }
    };
    let credits: Vec<f64> = option
        .hidden
        .iter()
        .filter(|h| h.category == HiddenCategory::Sla)
        .filter_map(|h| match &h.cost {
            HiddenCostKind::PercentOfFees { pct } => Some(lowest(pct).max(-1.0)),
            _ => None,
        })
        .collect();
    let total: f64 = credits.iter().sum();
    (credits.len() > 1 && total < -1.0).then(|| {
        Problem::new(
            Severity::Error,
            format!("{path}.hidden"),
            format!(
                "the SLA credits add up to {:.0} % of the fees at their lowest: more than the fees, so the option \
                 would cost less than nothing in a month; together they must stay within −100 %",
                total * 100.0
            ),
        )
    })
}
