//! What the changes did: each option's NPV, savings and payback in the old file and the new.

use serde::{Serialize, Serializer};

use super::matching::Matching;
use super::text::signed;
use super::{Pair, Side};
use crate::engine::{Evaluation, OptionResult};
use crate::format::{compact_money, months, percent};
use crate::model::{self, Model};

/// The figures of one option in one file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    /// Net present value of the savings.
    pub npv: f64,
    /// Savings as a share of the in-house total; `None` when the in-house total is 0.
    pub savings_pct: Option<f64>,
    /// Months until the savings pay back; `None` when they do not within the horizon.
    pub payback_months: Option<u32>,
}

/// An option's figures in one of the two files.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// The file has no option of that name.
    Absent,
    /// The file is not a valid model, so nothing is computed from it.
    NotEvaluated,
    /// The option's figures.
    Evaluated(Figures),
}

impl Outcome {
    fn figures(self) -> Option<Figures> {
        match self {
            Self::Evaluated(f) => Some(f),
            Self::Absent | Self::NotEvaluated => None,
        }
    }
}

/// One option's results in the old file and the new, matched by name.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionComparison {
    /// The option's name.
    pub name: String,
    /// Its figures in the old file.
    pub old: Outcome,
    /// Its figures in the new file.
    pub new: Outcome,
}

/// The JSON of an [`OptionComparison`]: each figure as `{"old", "new"}`, null where a file has
/// no such option or cannot be evaluated (`in_old`, `in_new` and the `*_errors` say which).
#[derive(Serialize)]
struct OptionJson<'a> {
    name: &'a str,
    in_old: bool,
    in_new: bool,
    npv: Pair<Option<f64>>,
    savings_pct: Pair<Option<f64>>,
    payback_months: Pair<Option<u32>>,
}

impl Serialize for OptionComparison {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (old, new) = (self.old.figures(), self.new.figures());
        OptionJson {
            name: &self.name,
            in_old: self.old != Outcome::Absent,
            in_new: self.new != Outcome::Absent,
            npv: Pair { old: old.map(|f| f.npv), new: new.map(|f| f.npv) },
            savings_pct: Pair { old: old.and_then(|f| f.savings_pct), new: new.and_then(|f| f.savings_pct) },
            payback_months: Pair { old: old.and_then(|f| f.payback_months), new: new.and_then(|f| f.payback_months) },
        }
        .serialize(serializer)
    }
}

/// The errors that keep a model from being evaluated, or its results.
fn evaluated(model: &Model) -> Result<Evaluation, Vec<String>> {
    let problems = model::validate(model);
    if problems.has_errors() {
        Err(problems.errors().map(ToString::to_string).collect())
    } else {
        Ok(Evaluation::of_model(model))
    }
}

fn outcome(evaluation: &Result<Evaluation, Vec<String>>, option: Option<usize>) -> Outcome {
    let Some(option) = option else { return Outcome::Absent };
    match evaluation {
        Err(_) => Outcome::NotEvaluated,
        Ok(e) => e.options.get(option).map_or(Outcome::NotEvaluated, |o: &OptionResult| {
            Outcome::Evaluated(Figures { npv: o.npv, savings_pct: o.savings_pct, payback_months: o.payback_months })
        }),
    }
}

/// Every option of either file with its figures in each: the new file's options in its order,
/// then those only the old file had. Also the errors of a file that cannot be evaluated.
pub(super) fn compare(old: &Model, new: &Model, matching: &Matching) -> (Vec<OptionComparison>, Pair<Vec<String>>) {
    let (before, after) = (evaluated(old), evaluated(new));
    let kept = new.options.iter().enumerate().map(|(j, o)| OptionComparison {
        name: o.name.clone(),
        old: outcome(&before, matching.options.new_to_old.get(j).copied().flatten()),
        new: outcome(&after, Some(j)),
    });
    let gone = matching.options.removed().map(|i| OptionComparison {
        name: old.options[i].name.clone(),
        old: outcome(&before, Some(i)),
        new: Outcome::Absent,
    });
    let options = kept.chain(gone).collect();
    let errors = Pair { old: before.err().unwrap_or_default(), new: after.err().unwrap_or_default() };
    (options, errors)
}

impl OptionComparison {
    /// The option's figures as lines of text, each "NPV: old → new (change)", with the money
    /// in each file's currency (`currency`). An option only one file has reads "— → value
    /// (added)" or "value → — (removed)"; a file that cannot be evaluated says so.
    pub fn lines(&self, currency: &Pair<String>) -> Vec<String> {
        let money = |side: Side, x: f64| compact_money(x, currency.get(side));
        let same_currency = currency.old == currency.new;
        vec![
            self.line(
                "NPV",
                |f| Some(f.npv),
                money,
                |old, new| same_currency.then(|| signed(new - old, |d| compact_money(d, &currency.new))),
            ),
            self.line(
                "Savings",
                |f| Some(f.savings_pct),
                |_, x| x.map_or_else(|| "—".to_owned(), percent),
                |old, new| match (old, new) {
                    (Some(old), Some(new)) => {
                        Some(format!("{} points", signed((new - old) * 100.0, |d| format!("{d:.1}"))))
                    }
                    _ => None,
                },
            ),
            self.line(
                "Payback",
                |f| Some(f.payback_months),
                |_, m| m.map_or_else(|| "does not pay back".to_owned(), months),
                |old, new| match (old, new) {
                    (Some(old), Some(new)) => {
                        let d = i64::from(new) - i64::from(old);
                        let unit = if d.abs() == 1 { "month" } else { "months" };
                        Some(format!("{} {unit}", signed(d as f64, |d| format!("{d}"))))
                    }
                    _ => None,
                },
            ),
        ]
    }

    /// One figure's line; `change` gives the difference when both files have a value.
    fn line<T: PartialEq + Copy>(
        &self,
        what: &str,
        figure: impl Fn(Figures) -> Option<T>,
        show: impl Fn(Side, T) -> String,
        change: impl FnOnce(T, T) -> Option<String>,
    ) -> String {
        let text = |side: Side, outcome: Outcome| match outcome {
            Outcome::Absent => "—".to_owned(),
            Outcome::NotEvaluated => format!("not computed ({} file has errors)", side.name()),
            Outcome::Evaluated(f) => figure(f).map_or_else(|| "—".to_owned(), |x| show(side, x)),
        };
        let value = |outcome: Outcome| outcome.figures().and_then(&figure);
        let (old_text, new_text) = (text(Side::Old, self.old), text(Side::New, self.new));
        let tail = match (self.old, self.new, value(self.old), value(self.new)) {
            (Outcome::Absent, _, _, _) => " (added)".to_owned(),
            (_, Outcome::Absent, _, _) => " (removed)".to_owned(),
            (_, _, Some(old), Some(new)) if old == new && old_text == new_text => {
                return format!("{what}: {new_text} (unchanged)");
            }
            (_, _, Some(old), Some(new)) => change(old, new).map_or_else(String::new, |c| format!(" ({c})")),
            _ => String::new(),
        };
        format!("{what}: {old_text} → {new_text}{tail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(npv: f64, savings: f64, payback: Option<u32>) -> Outcome {
        Outcome::Evaluated(Figures { npv, savings_pct: Some(savings), payback_months: payback })
    }

    fn usd() -> Pair<String> {
        Pair { old: "USD".into(), new: "USD".into() }
    }

    #[test]
    fn each_figure_reads_old_new_and_the_change() {
        let c = OptionComparison {
            name: "Manila".into(),
            old: figures(13_200_000.0, 0.412, Some(14)),
            new: figures(12_900_000.0, 0.401, Some(15)),
        };
        assert_eq!(
            c.lines(&usd()),
            vec![
                "NPV: USD 13.2 M → USD 12.9 M (−USD 300 k)",
                "Savings: 41.2 % → 40.1 % (−1.1 points)",
                "Payback: 14 months → 15 months (+1 month)",
            ]
        );
    }

    #[test]
    fn an_option_in_one_file_only_and_an_invalid_file_say_so() {
        let added = OptionComparison { name: "New".into(), old: Outcome::Absent, new: figures(1e6, 0.1, None) };
        assert_eq!(added.lines(&usd())[0], "NPV: — → USD 1.00 M (added)");
        assert_eq!(added.lines(&usd())[2], "Payback: — → does not pay back (added)");
        let broken = OptionComparison { name: "X".into(), old: Outcome::NotEvaluated, new: figures(1e6, 0.1, Some(3)) };
        assert_eq!(broken.lines(&usd())[0], "NPV: not computed (old file has errors) → USD 1.00 M");
        let same =
            OptionComparison { name: "S".into(), old: figures(1e6, 0.1, Some(3)), new: figures(1e6, 0.1, Some(3)) };
        assert_eq!(same.lines(&usd())[0], "NPV: USD 1.00 M (unchanged)");
    }

    #[test]
    fn money_in_another_currency_has_no_difference() {
        let c = OptionComparison { name: "A".into(), old: figures(1e6, 0.1, Some(3)), new: figures(2e6, 0.1, Some(3)) };
        let currencies = Pair { old: "USD".into(), new: "EUR".into() };
        assert_eq!(c.lines(&currencies)[0], "NPV: USD 1.00 M → EUR 2.00 M");
    }
}
