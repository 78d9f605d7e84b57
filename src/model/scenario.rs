//! Scenarios: named what-ifs that replace some inputs, each by a new value or by a change
//! relative to the base model ("volume −20 %", "rate ×1.1").
//!
//! In the file an override is written with exactly one of `value` (as every older file has it)
//! or `change`:
//!
//! ```ron
//! (input: "workload.monthly_volume", value: 110000.0)
//! (input: "workload.monthly_volume", change: Percent(-20.0))
//! (input: "options[0].pricing.rate", change: Times(1.1))
//! ```

use serde::{Deserialize, Serialize};

use super::Estimate;

/// A named what-if: the model with some inputs replaced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The scenario's name.
    pub name: String,
    /// The replaced inputs.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

/// One replaced input of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "OverrideInFile", into = "OverrideInFile")]
pub struct Override {
    /// The input's path (`options[0].rate_escalation`).
    pub input: String,
    /// What the scenario makes of it.
    pub value: OverrideValue,
}

/// What an override does to its input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OverrideValue {
    /// Replaces the input by this estimate.
    Set(Estimate),
    /// Changes the base model's estimate by this much (every number of a distribution alike,
    /// so its shape is kept and it follows later edits of the base model).
    Change(Change),
}

/// A change relative to the base model's value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// Up or down by this many percent: `Percent(-20.0)` is 20 % less.
    Percent(f64),
    /// Multiplied by this factor: `Times(1.1)`.
    Times(f64),
}

impl Change {
    /// The factor the base value is multiplied by.
    pub fn factor(self) -> f64 {
        match self {
            Self::Percent(p) => 1.0 + p / 100.0,
            Self::Times(k) => k,
        }
    }

    /// The change as written on screen: "−20 %", "+5 %", "×1.1".
    pub fn label(self) -> String {
        match self {
            Self::Percent(p) if p < 0.0 => format!("−{} %", trim(-p)),
            Self::Percent(p) => format!("+{} %", trim(p)),
            Self::Times(k) => format!("×{}", trim(k)),
        }
    }
}

/// A number without trailing zeros: 20, 1.1, 0.25.
fn trim(x: f64) -> String {
    let text = format!("{x:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

impl OverrideValue {
    /// The input's estimate in the scenario, given its estimate in the base model.
    pub fn applied_to(self, base: &Estimate) -> Estimate {
        match self {
            Self::Set(e) => e,
            Self::Change(c) => base.scaled(c.factor()),
        }
    }
}

/// The three ways an override can be written, for a form menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverrideForm {
    /// A new value.
    Set,
    /// Up or down by a percentage.
    Percent,
    /// Multiplied by a factor.
    Times,
}

impl OverrideForm {
    /// Every form, in menu order.
    pub const ALL: [Self; 3] = [Self::Set, Self::Percent, Self::Times];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Set => "set to",
            Self::Percent => "change by %",
            Self::Times => "multiply by",
        }
    }
}

impl OverrideValue {
    /// Which form the override is written in.
    pub fn form(&self) -> OverrideForm {
        match self {
            Self::Set(_) => OverrideForm::Set,
            Self::Change(Change::Percent(_)) => OverrideForm::Percent,
            Self::Change(Change::Times(_)) => OverrideForm::Times,
        }
    }

    /// The same override written in `form`, meaning as nearly the same as it can: a new value
    /// becomes the change from `base` to it (0 % when `base` is 0), a change becomes the value it
    /// gives, a percentage the factor it multiplies by.
    pub fn switched(self, form: OverrideForm, base: &Estimate) -> Self {
        if self.form() == form {
            return self;
        }
        let factor = match self {
            Self::Change(c) => c.factor(),
            Self::Set(e) if base.base() != 0.0 && e.base().is_finite() => e.base() / base.base(),
            Self::Set(_) => 1.0,
        };
        match form {
            OverrideForm::Set => Self::Set(self.applied_to(base)),
            OverrideForm::Percent => Self::Change(Change::Percent(((factor - 1.0) * 100.0 * 1e6).round() / 1e6)),
            OverrideForm::Times => Self::Change(Change::Times((factor * 1e6).round() / 1e6)),
        }
    }
}

/// An override as the file writes it: `value` or `change`, exactly one.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Override")]
struct OverrideInFile {
    input: String,
    // Written bare (`value: 0.12`, `change: Times(1.1)`), not as RON's `Some(…)`: the field's
    // presence is what says which form it is.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::bare")]
    value: Option<Estimate>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::bare")]
    change: Option<Change>,
}

impl TryFrom<OverrideInFile> for Override {
    type Error = String;

    fn try_from(o: OverrideInFile) -> Result<Self, String> {
        let value = match (o.value, o.change) {
            (Some(v), None) => OverrideValue::Set(v),
            (None, Some(c)) => OverrideValue::Change(c),
            (Some(_), Some(_)) => {
                return Err(format!("the override of {} has both `value` and `change`: keep one", o.input));
            }
            (None, None) => {
                return Err(format!(
                    "the override of {} needs `value: …` (a new value) or `change: Percent(…)` / `Times(…)`",
                    o.input
                ));
            }
        };
        Ok(Self { input: o.input, value })
    }
}

impl From<Override> for OverrideInFile {
    fn from(o: Override) -> Self {
        let (value, change) = match o.value {
            OverrideValue::Set(v) => (Some(v), None),
            OverrideValue::Change(c) => (None, Some(c)),
        };
        Self { input: o.input, value, change }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Distribution;

    fn parse(text: &str) -> Result<Override, ron::error::SpannedError> {
        ron::from_str(text)
    }

    #[test]
    fn an_old_absolute_override_reads_and_writes_as_it_always_did() {
        let o = parse(r#"(input: "workload.monthly_volume", value: 110000.0)"#).expect("parses");
        assert_eq!(o.value, OverrideValue::Set(Estimate::Fixed(110_000.0)));
        assert_eq!(ron::to_string(&o).expect("writes"), r#"(input:"workload.monthly_volume",value:110000.0)"#);
    }

    #[test]
    fn a_relative_override_is_kept_relative() {
        let o = parse(r#"(input: "workload.monthly_volume", change: Percent(-20.0))"#).expect("parses");
        assert_eq!(o.value, OverrideValue::Change(Change::Percent(-20.0)));
        assert_eq!(ron::to_string(&o).expect("writes"), r#"(input:"workload.monthly_volume",change:Percent(-20.0))"#);
        let base = Estimate::Uncertain(Distribution::Triangular { low: 90.0, mode: 100.0, high: 120.0 });
        assert_eq!(
            o.value.applied_to(&base),
            Estimate::Uncertain(Distribution::Triangular { low: 72.0, mode: 80.0, high: 96.0 })
        );
        let times = parse(r#"(input: "options[0].pricing.rate", change: Times(1.1))"#).expect("parses");
        assert!((times.value.applied_to(&Estimate::Fixed(10.0)).base() - 11.0).abs() < 1e-12);
    }

    #[test]
    fn an_override_needs_exactly_one_of_value_and_change() {
        let both = parse(r#"(input: "x", value: 1.0, change: Times(2.0))"#).expect_err("refused");
        assert!(both.to_string().contains("both `value` and `change`"), "{both}");
        let neither = parse(r#"(input: "x")"#).expect_err("refused");
        assert!(neither.to_string().contains("needs `value: …`"), "{neither}");
        assert!(parse(r#"(input: "x", value: 1.0, extra: 2)"#).is_err(), "unknown fields are still refused");
    }

    #[test]
    fn switching_the_form_keeps_what_the_override_means() {
        let base = Estimate::Fixed(100_000.0);
        let set = OverrideValue::Set(Estimate::Fixed(80_000.0));
        let percent = set.switched(OverrideForm::Percent, &base);
        assert_eq!(percent, OverrideValue::Change(Change::Percent(-20.0)));
        assert_eq!(percent.switched(OverrideForm::Times, &base), OverrideValue::Change(Change::Times(0.8)));
        assert_eq!(percent.switched(OverrideForm::Set, &base), set);
        // From a zero base no change reaches the value: it starts as no change.
        let zero = OverrideValue::Set(Estimate::Fixed(5.0)).switched(OverrideForm::Percent, &Estimate::Fixed(0.0));
        assert_eq!(zero, OverrideValue::Change(Change::Percent(0.0)));
    }

    #[test]
    fn changes_read_as_people_write_them() {
        assert_eq!(Change::Percent(-20.0).label(), "−20 %");
        assert_eq!(Change::Percent(5.5).label(), "+5.5 %");
        assert_eq!(Change::Times(1.1).label(), "×1.1");
    }
}
