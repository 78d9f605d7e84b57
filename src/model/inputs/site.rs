//! Where an input is in a model, as a small value: it writes its path (§4) and the user's name
//! for it on demand, and finds its estimate in a model.

use std::fmt::{self, Write as _};

use crate::model::{CostLine, Estimate, HiddenCostKind, Model, Pricing, SourcingOption};

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
