//! Every real-valued input of a model, named by its path in the file (contract §4):
//! `workload.monthly_volume`, `in_house.costs[0].amount`, `options[0].hidden[3].cost.pct`.
//!
//! [`visit`] is the one place that lists the inputs and their order; everything else (the
//! owned list [`inputs`], [`set_input`], the engine's plan numbering) is built on it. An input's
//! place is held as an [`InputSite`], a small value that writes its path and label on demand, so
//! listing the inputs allocates nothing per input.

use std::fmt::{self, Write as _};

use super::{CostLine, Estimate, HiddenCategory, HiddenCostKind, Model, Pricing, SourcingOption};

/// The valid range of an input: sampled, swung or goal-sought values are clamped to it (§1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// Money, prices and rates: ≥ 0.
    Money,
    /// Volumes, hours and unit counts: ≥ 0.
    Quantity,
    /// Strictly positive factors (units per FTE, productivity, fx rate): ≥ 1e-9.
    Positive,
    /// Growth, escalation, fx change, discount rate: ≥ −0.99.
    Growth,
    /// A share in [0, 1] (outcome rate, percentage of fees, band).
    Share,
    /// An SLA credit as a share of fees: in [−1, 0].
    Credit,
    /// Learning-curve dip: in [0, 0.99].
    Dip,
}

impl ValueKind {
    /// The smallest and largest valid value.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Self::Money | Self::Quantity => (0.0, f64::INFINITY),
            Self::Positive => (1e-9, f64::INFINITY),
            Self::Growth => (-0.99, f64::INFINITY),
            Self::Share => (0.0, 1.0),
            Self::Credit => (-1.0, 0.0),
            Self::Dip => (0.0, 0.99),
        }
    }

    /// `x` clamped to the valid range.
    pub fn clamp(self, x: f64) -> f64 {
        let (lo, hi) = self.bounds();
        x.clamp(lo, hi)
    }

    /// True when values read best as percentages.
    pub fn is_percentage(self) -> bool {
        matches!(self, Self::Growth | Self::Share | Self::Credit | Self::Dip)
    }
}

/// An owned description of an input, for menus and tables.
#[derive(Clone, Debug, PartialEq)]
pub struct InputInfo {
    /// Path in the file.
    pub path: String,
    /// Label in the user's words.
    pub label: String,
    /// Valid range.
    pub kind: ValueKind,
    /// The current value.
    pub estimate: Estimate,
}

/// The reason an input path cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` names no real-valued input of this model")]
pub struct UnknownInput(pub String);

/// Where an input is in a model: its path (§4) as a value. `Display` writes the path
/// (`options[1].hidden[3].cost.pct`), [`Self::label`] the user's name for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputSite {
    /// `discount_rate`.
    DiscountRate,
    /// `workload.monthly_volume`.
    MonthlyVolume,
    /// `workload.annual_growth`.
    AnnualGrowth,
    /// `in_house.units_per_fte_month`.
    UnitsPerFte,
    /// `in_house.costs[line].amount` or `.escalation`.
    InHouseCost {
        /// Index of the cost line.
        line: usize,
        /// Which of its numbers.
        field: LineField,
    },
    /// A field of `options[option]`.
    Option {
        /// Index of the option.
        option: usize,
        /// Which of its numbers.
        field: OptionField,
    },
}

/// The real-valued fields of a cost line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineField {
    /// `amount`.
    Amount,
    /// `escalation`.
    Escalation,
}

/// The real-valued fields of an option, by their path inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionField {
    /// `pricing.rate` (per FTE or per hour).
    Rate,
    /// `pricing.hours_per_fte`.
    HoursPerFte,
    /// `pricing.price` (per unit or per outcome).
    Price,
    /// `pricing.monthly`.
    Monthly,
    /// `pricing.tiers[i].price`.
    TierPrice(usize),
    /// `pricing.outcome_rate`.
    OutcomeRate,
    /// `pricing.baseline_units`.
    BaselineUnits,
    /// `pricing.baseline_fee`.
    BaselineFee,
    /// `pricing.band`.
    Band,
    /// `pricing.arc`.
    Arc,
    /// `pricing.rrc`.
    Rrc,
    /// `productivity`.
    Productivity,
    /// `learning.initial_dip`.
    InitialDip,
    /// `minimum_monthly`.
    MinimumMonthly,
    /// `rate_escalation`.
    RateEscalation,
    /// `fx.rate`.
    FxRate,
    /// `fx.annual_change`.
    FxAnnualChange,
    /// `retained[line].amount` or `.escalation`.
    Retained {
        /// Index of the retained cost line.
        line: usize,
        /// Which of its numbers.
        field: LineField,
    },
    /// `hidden[item].cost.amount` or `.pct`.
    Hidden {
        /// Index of the hidden cost.
        item: usize,
        /// Which of its numbers.
        field: HiddenField,
    },
}

/// The real-valued field of a hidden cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HiddenField {
    /// `amount` (one-time, monthly, per unit, per displaced FTE).
    Amount,
    /// `pct` (percentage of fees).
    Pct,
}

/// The names an input's label is made of: a model's, or a compiled model's copy of them.
pub trait InputNames {
    /// The name of option `option`.
    fn option_name(&self, option: usize) -> &str;
    /// The name of in-house cost line `line`.
    fn in_house_cost_name(&self, line: usize) -> &str;
    /// The name of retained cost line `line` of option `option`.
    fn retained_name(&self, option: usize, line: usize) -> &str;
    /// The name of hidden cost `item` of option `option`.
    fn hidden_name(&self, option: usize, item: usize) -> &str;
}

impl InputNames for Model {
    fn option_name(&self, option: usize) -> &str {
        self.options.get(option).map_or("", |o| &o.name)
    }

    fn in_house_cost_name(&self, line: usize) -> &str {
        self.in_house.costs.get(line).map_or("", |l| &l.name)
    }

    fn retained_name(&self, option: usize, line: usize) -> &str {
        self.options.get(option).and_then(|o| o.retained.get(line)).map_or("", |l| &l.name)
    }

    fn hidden_name(&self, option: usize, item: usize) -> &str {
        self.options.get(option).and_then(|o| o.hidden.get(item)).map_or("", |h| &h.name)
    }
}

impl LineField {
    fn name(self) -> &'static str {
        match self {
            Self::Amount => "amount",
            Self::Escalation => "escalation",
        }
    }

    fn of(self, line: &CostLine) -> &Estimate {
        match self {
            Self::Amount => &line.amount,
            Self::Escalation => &line.escalation,
        }
    }

    fn of_mut(self, line: &mut CostLine) -> &mut Estimate {
        match self {
            Self::Amount => &mut line.amount,
            Self::Escalation => &mut line.escalation,
        }
    }
}

impl HiddenField {
    fn name(self) -> &'static str {
        match self {
            Self::Amount => "amount",
            Self::Pct => "pct",
        }
    }
}

impl OptionField {
    /// The path inside the option and the user's name of a field with a fixed path.
    fn simple(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            Self::Rate => ("pricing.rate", "rate"),
            Self::HoursPerFte => ("pricing.hours_per_fte", "hours per fte"),
            Self::Price => ("pricing.price", "price"),
            Self::Monthly => ("pricing.monthly", "monthly"),
            Self::OutcomeRate => ("pricing.outcome_rate", "outcome rate"),
            Self::BaselineUnits => ("pricing.baseline_units", "baseline units"),
            Self::BaselineFee => ("pricing.baseline_fee", "baseline fee"),
            Self::Band => ("pricing.band", "band"),
            Self::Arc => ("pricing.arc", "arc"),
            Self::Rrc => ("pricing.rrc", "rrc"),
            Self::Productivity => ("productivity", "productivity"),
            Self::InitialDip => ("learning.initial_dip", "initial dip"),
            Self::MinimumMonthly => ("minimum_monthly", "minimum monthly"),
            Self::RateEscalation => ("rate_escalation", "rate escalation"),
            Self::FxRate => ("fx.rate", "fx rate"),
            Self::FxAnnualChange => ("fx.annual_change", "fx annual change"),
            Self::TierPrice(_) | Self::Retained { .. } | Self::Hidden { .. } => return None,
        })
    }

    /// The field's estimate in `option`; `None` when the option has no such field.
    fn estimate(self, option: &SourcingOption) -> Option<&Estimate> {
        let pricing = &option.pricing;
        Some(match (self, pricing) {
            (Self::Rate, Pricing::PerFte { rate } | Pricing::PerHour { rate, .. }) => rate,
            (Self::HoursPerFte, Pricing::PerHour { hours_per_fte, .. }) => hours_per_fte,
            (Self::Price, Pricing::PerUnit { price } | Pricing::PerOutcome { price, .. }) => price,
            (Self::Monthly, Pricing::FixedFee { monthly }) => monthly,
            (Self::TierPrice(i), Pricing::Tiered { tiers }) => &tiers.get(i)?.price,
            (Self::OutcomeRate, Pricing::PerOutcome { outcome_rate, .. }) => outcome_rate,
            (Self::BaselineUnits, Pricing::Anchored { baseline_units, .. }) => baseline_units,
            (Self::BaselineFee, Pricing::Anchored { baseline_fee, .. }) => baseline_fee,
            (Self::Band, Pricing::Anchored { band, .. }) => band,
            (Self::Arc, Pricing::Anchored { arc, .. }) => arc,
            (Self::Rrc, Pricing::Anchored { rrc, .. }) => rrc,
            (Self::Productivity, _) => &option.productivity,
            (Self::InitialDip, _) => &option.learning.as_ref()?.initial_dip,
            (Self::MinimumMonthly, _) => &option.minimum_monthly,
            (Self::RateEscalation, _) => &option.rate_escalation,
            (Self::FxRate, _) => &option.fx.as_ref()?.rate,
            (Self::FxAnnualChange, _) => &option.fx.as_ref()?.annual_change,
            (Self::Retained { line, field }, _) => field.of(option.retained.get(line)?),
            (Self::Hidden { item, field }, _) => match (field, &option.hidden.get(item)?.cost) {
                (
                    HiddenField::Amount,
                    HiddenCostKind::OneTime { amount, .. }
                    | HiddenCostKind::Monthly { amount, .. }
                    | HiddenCostKind::PerUnit { amount }
                    | HiddenCostKind::PerDisplacedFte { amount },
                ) => amount,
                (HiddenField::Pct, HiddenCostKind::PercentOfFees { pct }) => pct,
                _ => return None,
            },
            _ => return None,
        })
    }

    /// [`Self::estimate`], mutable: the same arms.
    fn estimate_mut(self, option: &mut SourcingOption) -> Option<&mut Estimate> {
        let pricing = &mut option.pricing;
        Some(match (self, pricing) {
            (Self::Rate, Pricing::PerFte { rate } | Pricing::PerHour { rate, .. }) => rate,
            (Self::HoursPerFte, Pricing::PerHour { hours_per_fte, .. }) => hours_per_fte,
            (Self::Price, Pricing::PerUnit { price } | Pricing::PerOutcome { price, .. }) => price,
            (Self::Monthly, Pricing::FixedFee { monthly }) => monthly,
            (Self::TierPrice(i), Pricing::Tiered { tiers }) => &mut tiers.get_mut(i)?.price,
            (Self::OutcomeRate, Pricing::PerOutcome { outcome_rate, .. }) => outcome_rate,
            (Self::BaselineUnits, Pricing::Anchored { baseline_units, .. }) => baseline_units,
            (Self::BaselineFee, Pricing::Anchored { baseline_fee, .. }) => baseline_fee,
            (Self::Band, Pricing::Anchored { band, .. }) => band,
            (Self::Arc, Pricing::Anchored { arc, .. }) => arc,
            (Self::Rrc, Pricing::Anchored { rrc, .. }) => rrc,
            (Self::Productivity, _) => &mut option.productivity,
            (Self::InitialDip, _) => &mut option.learning.as_mut()?.initial_dip,
            (Self::MinimumMonthly, _) => &mut option.minimum_monthly,
            (Self::RateEscalation, _) => &mut option.rate_escalation,
            (Self::FxRate, _) => &mut option.fx.as_mut()?.rate,
            (Self::FxAnnualChange, _) => &mut option.fx.as_mut()?.annual_change,
            (Self::Retained { line, field }, _) => field.of_mut(option.retained.get_mut(line)?),
            (Self::Hidden { item, field }, _) => match (field, &mut option.hidden.get_mut(item)?.cost) {
                (
                    HiddenField::Amount,
                    HiddenCostKind::OneTime { amount, .. }
                    | HiddenCostKind::Monthly { amount, .. }
                    | HiddenCostKind::PerUnit { amount }
                    | HiddenCostKind::PerDisplacedFte { amount },
                ) => amount,
                (HiddenField::Pct, HiddenCostKind::PercentOfFees { pct }) => pct,
                _ => return None,
            },
            _ => return None,
        })
    }
}

impl fmt::Display for InputSite {
    /// The path in the file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::DiscountRate => f.write_str("discount_rate"),
            Self::MonthlyVolume => f.write_str("workload.monthly_volume"),
            Self::AnnualGrowth => f.write_str("workload.annual_growth"),
            Self::UnitsPerFte => f.write_str("in_house.units_per_fte_month"),
            Self::InHouseCost { line, field } => write!(f, "in_house.costs[{line}].{}", field.name()),
            Self::Option { option, field } => {
                write!(f, "options[{option}].")?;
                match field {
                    OptionField::TierPrice(i) => write!(f, "pricing.tiers[{i}].price"),
                    OptionField::Retained { line, field } => write!(f, "retained[{line}].{}", field.name()),
                    OptionField::Hidden { item, field } => write!(f, "hidden[{item}].cost.{}", field.name()),
                    simple => f.write_str(simple.simple().map_or("", |(path, _)| path)),
                }
            }
        }
    }
}

impl InputSite {
    /// The user's name for the input ("Manila partner › rate"), with the names in `names`.
    pub fn label(self, names: &(impl InputNames + ?Sized)) -> String {
        match self {
            Self::DiscountRate => "Discount rate".to_owned(),
            Self::MonthlyVolume => "Monthly volume".to_owned(),
            Self::AnnualGrowth => "Volume growth".to_owned(),
            Self::UnitsPerFte => "In-house › units per FTE-month".to_owned(),
            Self::InHouseCost { line, field } => {
                format!("In-house › {} › {}", names.in_house_cost_name(line), field.name())
            }
            Self::Option { option, field } => {
                let who = names.option_name(option);
                match field {
                    OptionField::TierPrice(i) => format!("{who} › tier {} price", i + 1),
                    OptionField::Retained { line, field } => {
                        format!("{who} › {} › {}", names.retained_name(option, line), field.name())
                    }
                    OptionField::Hidden { item, field } => {
                        format!("{who} › {} › {}", names.hidden_name(option, item), field.name())
                    }
                    simple => format!("{who} › {}", simple.simple().map_or("", |(_, label)| label)),
                }
            }
        }
    }

    /// True when `path` is this input's path; compares as the path is written, without
    /// building it.
    pub fn is_at(self, path: &str) -> bool {
        let mut rest = Rest(path);
        write!(rest, "{self}").is_ok() && rest.0.is_empty()
    }

    /// The input's estimate in `model`; `None` when the model has no such input.
    pub fn estimate(self, model: &Model) -> Option<&Estimate> {
        Some(match self {
            Self::DiscountRate => &model.discount_rate,
            Self::MonthlyVolume => &model.workload.monthly_volume,
            Self::AnnualGrowth => &model.workload.annual_growth,
            Self::UnitsPerFte => &model.in_house.units_per_fte_month,
            Self::InHouseCost { line, field } => field.of(model.in_house.costs.get(line)?),
            Self::Option { option, field } => field.estimate(model.options.get(option)?)?,
        })
    }

    /// The input's estimate in `model`, mutable; `None` when the model has no such input.
    pub fn estimate_mut(self, model: &mut Model) -> Option<&mut Estimate> {
        Some(match self {
            Self::DiscountRate => &mut model.discount_rate,
            Self::MonthlyVolume => &mut model.workload.monthly_volume,
            Self::AnnualGrowth => &mut model.workload.annual_growth,
            Self::UnitsPerFte => &mut model.in_house.units_per_fte_month,
            Self::InHouseCost { line, field } => field.of_mut(model.in_house.costs.get_mut(line)?),
            Self::Option { option, field } => field.estimate_mut(model.options.get_mut(option)?)?,
        })
    }
}

/// What is left of a path to match: writing a string that does not start it is an error,
/// which stops the formatting at the first difference.
struct Rest<'a>(&'a str);

impl fmt::Write for Rest<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
        Ok(())
    }
}

/// Calls `f` with every real-valued input of the model, in file order: its place, its valid
/// range and its estimate. The order is the numbering of the engine's plan slots.
pub fn visit<'a>(model: &'a Model, mut f: impl FnMut(InputSite, ValueKind, &'a Estimate)) {
    use ValueKind::{Credit, Dip, Growth, Money, Positive, Quantity, Share};
    f(InputSite::DiscountRate, Growth, &model.discount_rate);
    f(InputSite::MonthlyVolume, Quantity, &model.workload.monthly_volume);
    f(InputSite::AnnualGrowth, Growth, &model.workload.annual_growth);
    f(InputSite::UnitsPerFte, Positive, &model.in_house.units_per_fte_month);
    for (line, l) in model.in_house.costs.iter().enumerate() {
        f(InputSite::InHouseCost { line, field: LineField::Amount }, Money, &l.amount);
        f(InputSite::InHouseCost { line, field: LineField::Escalation }, Growth, &l.escalation);
    }
    for (option, o) in model.options.iter().enumerate() {
        let mut field = |field: OptionField, kind: ValueKind, e: &'a Estimate| {
            f(InputSite::Option { option, field }, kind, e);
        };
        match &o.pricing {
            Pricing::PerFte { rate } => field(OptionField::Rate, Money, rate),
            Pricing::PerHour { rate, hours_per_fte } => {
                field(OptionField::Rate, Money, rate);
                field(OptionField::HoursPerFte, Quantity, hours_per_fte);
            }
            Pricing::PerUnit { price } => field(OptionField::Price, Money, price),
            Pricing::FixedFee { monthly } => field(OptionField::Monthly, Money, monthly),
            Pricing::Tiered { tiers } => {
                for (i, tier) in tiers.iter().enumerate() {
                    field(OptionField::TierPrice(i), Money, &tier.price);
                }
            }
            Pricing::PerOutcome { price, outcome_rate } => {
                field(OptionField::Price, Money, price);
                field(OptionField::OutcomeRate, Share, outcome_rate);
            }
            Pricing::Anchored { baseline_units, baseline_fee, band, arc, rrc } => {
                field(OptionField::BaselineUnits, Quantity, baseline_units);
                field(OptionField::BaselineFee, Money, baseline_fee);
                field(OptionField::Band, Share, band);
                field(OptionField::Arc, Money, arc);
                field(OptionField::Rrc, Money, rrc);
            }
        }
        field(OptionField::Productivity, Positive, &o.productivity);
        if let Some(learning) = &o.learning {
            field(OptionField::InitialDip, Dip, &learning.initial_dip);
        }
        field(OptionField::MinimumMonthly, Money, &o.minimum_monthly);
        field(OptionField::RateEscalation, Growth, &o.rate_escalation);
        if let Some(fx) = &o.fx {
            field(OptionField::FxRate, Positive, &fx.rate);
            field(OptionField::FxAnnualChange, Growth, &fx.annual_change);
        }
        for (line, l) in o.retained.iter().enumerate() {
            field(OptionField::Retained { line, field: LineField::Amount }, Money, &l.amount);
            field(OptionField::Retained { line, field: LineField::Escalation }, Growth, &l.escalation);
        }
        for (item, h) in o.hidden.iter().enumerate() {
            let (hidden, kind, e) = match &h.cost {
                HiddenCostKind::OneTime { amount, .. }
                | HiddenCostKind::Monthly { amount, .. }
                | HiddenCostKind::PerUnit { amount }
                | HiddenCostKind::PerDisplacedFte { amount } => (HiddenField::Amount, Money, amount),
                HiddenCostKind::PercentOfFees { pct } => {
                    (HiddenField::Pct, if h.category == HiddenCategory::Sla { Credit } else { Share }, pct)
                }
            };
            field(OptionField::Hidden { item, field: hidden }, kind, e);
        }
    }
}

/// Every real-valued input of the model, in file order.
pub fn inputs(model: &Model) -> Vec<InputInfo> {
    let mut all = Vec::new();
    visit(model, |site, kind, estimate| {
        all.push(InputInfo { path: site.to_string(), label: site.label(model), kind, estimate: *estimate });
    });
    all
}

/// The input at `path`: its place, valid range and estimate.
fn find<'a>(model: &'a Model, path: &str) -> Option<(InputSite, ValueKind, &'a Estimate)> {
    let mut found = None;
    visit(model, |site, kind, estimate| {
        if found.is_none() && site.is_at(path) {
            found = Some((site, kind, estimate));
        }
    });
    found
}

/// The input at `path`.
pub fn input(model: &Model, path: &str) -> Result<InputInfo, UnknownInput> {
    let (site, kind, estimate) = find(model, path).ok_or_else(|| UnknownInput(path.to_owned()))?;
    Ok(InputInfo { path: path.to_owned(), label: site.label(model), kind, estimate: *estimate })
}

/// Replace the input at `path`.
pub fn set_input(model: &mut Model, path: &str, value: Estimate) -> Result<(), UnknownInput> {
    let site = find(model, path).map(|(site, _, _)| site);
    match site.and_then(|site| site.estimate_mut(model)) {
        Some(estimate) => {
            *estimate = value;
            Ok(())
        }
        None => Err(UnknownInput(path.to_owned())),
    }
}

impl Model {
    /// The model as scenario `index` sees it: its overrides applied.
    pub fn with_scenario(&self, index: usize) -> Result<Self, UnknownInput> {
        let mut model = self.clone();
        if let Some(scenario) = self.scenarios.get(index) {
            for o in &scenario.overrides {
                set_input(&mut model, &o.input, o.value)?;
            }
        }
        Ok(model)
    }

    /// The index of the scenario named `name`.
    pub fn scenario_index(&self, name: &str) -> Option<usize> {
        self.scenarios.iter().position(|s| s.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::large_model;
    use crate::model::samples::{SAMPLES, load_sample};

    fn models() -> Vec<Model> {
        let mut models: Vec<Model> = SAMPLES.iter().map(|s| load_sample(s).expect("the sample loads")).collect();
        models.push(large_model(24, 3, 12));
        models
    }

    #[test]
    fn each_site_names_the_estimate_the_visit_found_there() {
        for mut model in models() {
            let mut found: Vec<(InputSite, *const Estimate)> = Vec::new();
            visit(&model, |site, _, estimate| found.push((site, estimate)));
            assert!(!found.is_empty());
            for &(site, estimate) in &found {
                assert!(site.estimate(&model).is_some_and(|e| std::ptr::eq(e, estimate)), "{site}");
                let mutable = site.estimate_mut(&mut model).map(|e| &raw const *e);
                assert_eq!(mutable, Some(estimate), "{site}");
            }
        }
    }

    #[test]
    fn a_site_is_at_its_path_only() {
        for model in models() {
            let mut sites = Vec::new();
            visit(&model, |site, _, _| sites.push(site));
            for site in &sites {
                let path = site.to_string();
                assert_eq!(find(&model, &path).map(|(s, _, _)| s), Some(*site), "{path}");
                for other in [format!("{path}x"), format!("{path}[0]"), path[..path.len() - 1].to_owned()] {
                    assert!(!site.is_at(&other), "{site} is not at {other}");
                }
            }
            let paths: std::collections::BTreeSet<String> = sites.iter().map(ToString::to_string).collect();
            assert_eq!(paths.len(), sites.len(), "paths are distinct");
        }
    }

    #[test]
    fn a_site_the_model_does_not_have_has_no_estimate() {
        let mut model = large_model(12, 1, 2);
        let missing = [
            InputSite::InHouseCost { line: 99, field: LineField::Amount },
            InputSite::Option { option: 9, field: OptionField::Productivity },
            InputSite::Option { option: 0, field: OptionField::TierPrice(0) },
            InputSite::Option { option: 0, field: OptionField::Hidden { item: 99, field: HiddenField::Pct } },
        ];
        for site in missing {
            assert_eq!(site.estimate(&model), None, "{site}");
            assert_eq!(site.estimate_mut(&mut model), None, "{site}");
        }
    }
}
