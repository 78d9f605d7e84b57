//! Range checks the per-kind checks in `validate` leave out (issue 10 §6): an SLA credit is a
//! share of the fees given back, so anything beyond −100 % or above 0 % would turn the credit
//! into a payment the contract never describes.

use super::Estimate;
use super::inputs::ValueKind;
use super::validate::{Problem, Severity};

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
