//! The model file's types (contract §1), exactly as they are written in RON.

use serde::{Deserialize, Serialize};

use super::presentation::Presentation;
use super::{Estimate, Scenario};

/// The newest file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole cost model: today's in-house cost and the outsourcing offers that could replace it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// File format version; files newer than [`FORMAT_VERSION`] are refused.
    pub format_version: u32,
    /// Short title of the model.
    pub name: String,
    /// Free text: scope, sources, assumptions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// ISO code of the model currency ("USD").
    pub currency: String,
    /// Calendar month (1..=12) of the first modelled month, for the seasonality lookup.
    #[serde(default = "january")]
    pub start_month: u32,
    /// Number of modelled months, 1..=600.
    pub horizon_months: u32,
    /// Annual discount rate for NPV.
    pub discount_rate: Estimate,
    /// The work to be done.
    pub workload: Workload,
    /// Today's cost of doing it in-house.
    pub in_house: InHouse,
    /// The outsourcing offers under consideration.
    pub options: Vec<SourcingOption>,
    /// Monte Carlo settings.
    #[serde(default)]
    pub simulation: Simulation,
    /// Named what-if variants of the model.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// The slides, their notes and the pinned inputs of presentation mode.
    #[serde(default, skip_serializing_if = "Presentation::is_empty")]
    pub presentation: Presentation,
}

fn january() -> u32 {
    1
}

/// The volume of work per month and how it changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    /// Name of one unit of work ("contacts", "invoices").
    pub unit: String,
    /// Units per month at t = 0 before seasonality.
    pub monthly_volume: Estimate,
    /// Annual volume growth.
    #[serde(default)]
    pub annual_growth: Estimate,
    /// Twelve calendar-month factors (January first), or empty for a flat year.
    #[serde(default)]
    pub seasonality: Vec<f64>,
}

/// How in-house staff numbers follow the volume.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Staffing {
    /// Staffed for the busiest month of each plan year (the usual in-house reality).
    #[default]
    SizedToPeak,
    /// Staff follow the month's need.
    Flexible,
}

/// Today's in-house operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InHouse {
    /// Units of work one full-time employee handles per month.
    pub units_per_fte_month: Estimate,
    /// How staff numbers follow the volume.
    #[serde(default)]
    pub staffing: Staffing,
    /// Cost lines of the in-house operation.
    pub costs: Vec<CostLine>,
}

/// What a cost line's amount is multiplied by.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Behavior {
    /// Paid whatever the volume.
    Fixed,
    /// Paid per full-time employee.
    PerFte,
    /// Paid per unit of work.
    PerUnit,
    /// Paid per started group of `per` staff (one team lead per 12 agents).
    Step {
        /// Staff per step.
        per: f64,
    },
}

/// Whether an amount is monthly or annual.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    /// The amount is per month.
    #[default]
    Month,
    /// The amount is per year (divided by 12 each month).
    Year,
}

/// A cost line of the in-house operation or one retained when outsourcing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostLine {
    /// What the cost is.
    pub name: String,
    /// What the amount is multiplied by.
    pub behavior: Behavior,
    /// Monthly or annual amount.
    #[serde(default)]
    pub period: Period,
    /// Amount per month or year, per FTE, unit or step as `behavior` says.
    pub amount: Estimate,
    /// Annual escalation, applied by plan year.
    #[serde(default)]
    pub escalation: Estimate,
    /// First month (t) the line applies.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub start_month: u32,
    /// First month (t) the line no longer applies; `None` runs to the horizon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_month: Option<u32>,
    /// Source or reasoning.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(x: &u32) -> bool {
    *x == 0
}

/// Where the vendor's delivery center is, relative to the buyer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Shore {
    /// Same country.
    Onshore,
    /// Nearby country, similar time zone.
    Nearshore,
    /// Distant, low-cost country.
    Offshore,
}

impl Shore {
    /// All shores, near to far.
    pub const ALL: [Self; 3] = [Self::Onshore, Self::Nearshore, Self::Offshore];

    /// The user-facing name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Onshore => "Onshore",
            Self::Nearshore => "Nearshore",
            Self::Offshore => "Offshore",
        }
    }
}

/// One outsourcing offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcingOption {
    /// The vendor or offer's name.
    pub name: String,
    /// Onshore, nearshore or offshore.
    pub shore: Shore,
    /// Country or city of delivery.
    #[serde(default)]
    pub region: String,
    /// How the vendor charges.
    pub pricing: Pricing,
    /// Vendor output per FTE relative to in-house (1.0 = same).
    #[serde(default = "one")]
    pub productivity: Estimate,
    /// Productivity dip while the vendor learns the work.
    #[serde(default)]
    pub learning: Option<Learning>,
    /// Minimum monthly fee, in the pricing currency.
    #[serde(default)]
    pub minimum_monthly: Estimate,
    /// Annual escalation of every price in `pricing`.
    #[serde(default)]
    pub rate_escalation: Estimate,
    /// Pricing currency and its exchange rate, when it is not the model currency.
    #[serde(default)]
    pub fx: Option<Fx>,
    /// Ramp-up and parallel running.
    #[serde(default)]
    pub transition: Transition,
    /// In-house costs that stay (vendor management, tools).
    #[serde(default)]
    pub retained: Vec<CostLine>,
    /// Costs the offer brings that its price does not show.
    #[serde(default)]
    pub hidden: Vec<HiddenCost>,
    /// Source or reasoning.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl SourcingOption {
    /// A new offer with nothing filled in but its name: priced per FTE at 0, no hidden costs.
    pub fn named(name: String) -> Self {
        Self {
            name,
            shore: Shore::Offshore,
            region: String::new(),
            pricing: Pricing::PerFte { rate: Estimate::Fixed(0.0) },
            productivity: one(),
            learning: None,
            minimum_monthly: Estimate::Fixed(0.0),
            rate_escalation: Estimate::Fixed(0.0),
            fx: None,
            transition: Transition::default(),
            retained: Vec::new(),
            hidden: Vec::new(),
            note: String::new(),
        }
    }
}

fn one() -> Estimate {
    Estimate::Fixed(1.0)
}

/// How a vendor charges (contract §2, fees).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Pricing {
    /// A monthly rate per vendor FTE.
    PerFte {
        /// Price per FTE-month.
        rate: Estimate,
    },
    /// An hourly rate per vendor FTE.
    PerHour {
        /// Price per hour.
        rate: Estimate,
        /// Billed hours per FTE-month.
        hours_per_fte: Estimate,
    },
    /// A price per unit of work.
    PerUnit {
        /// Price per unit.
        price: Estimate,
    },
    /// A flat monthly fee.
    FixedFee {
        /// Fee per month.
        monthly: Estimate,
    },
    /// Graduated unit prices.
    Tiered {
        /// Tiers in ascending order; the last has `up_to: None`.
        tiers: Vec<Tier>,
    },
    /// A price per successful outcome.
    PerOutcome {
        /// Price per outcome.
        price: Estimate,
        /// Share of units that end in a paid outcome.
        outcome_rate: Estimate,
    },
    /// A baseline fee for a baseline volume, with extra and reduced resource charges outside a band.
    Anchored {
        /// Volume the baseline fee covers.
        baseline_units: Estimate,
        /// Fee per month for the baseline volume.
        baseline_fee: Estimate,
        /// Share of the baseline within which the fee does not change.
        band: Estimate,
        /// Additional resource charge per unit above the band.
        arc: Estimate,
        /// Reduced resource credit per unit below the band.
        rrc: Estimate,
    },
}

impl Pricing {
    /// The names of the pricing forms, in menu order.
    pub const NAMES: [&'static str; 7] =
        ["PerFte", "PerHour", "PerUnit", "FixedFee", "Tiered", "PerOutcome", "Anchored"];

    /// The form's name as written in the file.
    pub fn name(&self) -> &'static str {
        match self {
            Self::PerFte { .. } => "PerFte",
            Self::PerHour { .. } => "PerHour",
            Self::PerUnit { .. } => "PerUnit",
            Self::FixedFee { .. } => "FixedFee",
            Self::Tiered { .. } => "Tiered",
            Self::PerOutcome { .. } => "PerOutcome",
            Self::Anchored { .. } => "Anchored",
        }
    }
}

/// One tier of a graduated price.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Upper bound of the tier in units per month; `None` for the last, open tier.
    pub up_to: Option<f64>,
    /// Price per unit inside the tier.
    pub price: Estimate,
}

/// The vendor's learning curve.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learning {
    /// Productivity lost in the first month, fading linearly to zero.
    pub initial_dip: Estimate,
    /// Months until full productivity.
    pub months: u32,
}

/// The pricing currency of an offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fx {
    /// ISO code of the pricing currency.
    pub currency: String,
    /// Model-currency units per pricing-currency unit at t = 0.
    pub rate: Estimate,
    /// Annual change of the rate.
    #[serde(default)]
    pub annual_change: Estimate,
}

/// Moving the work to the vendor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// Months over which the vendor's share grows linearly to 100 %.
    #[serde(default)]
    pub ramp_months: u32,
    /// Months during which the full in-house cost is still paid.
    #[serde(default)]
    pub parallel_months: u32,
}

/// The kinds of hidden cost (contract §1 enumeration).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HiddenCategory {
    /// Finding, evaluating and contracting the vendor.
    VendorSelection,
    /// Moving the work.
    Transition,
    /// Teaching the vendor the work.
    KnowledgeTransfer,
    /// Layoffs and retention bonuses.
    Severance,
    /// Managing the contract and the vendor.
    Governance,
    /// Travel to the vendor's site.
    Travel,
    /// Rework and lost quality.
    Quality,
    /// Vendor staff turnover.
    Attrition,
    /// Service-level credits (usually a negative cost).
    Sla,
    /// Audits, data protection, regulation.
    Compliance,
    /// Bringing the work back or switching vendor.
    Exit,
    /// Anything else.
    Other,
}

impl HiddenCategory {
    /// All categories, in file order.
    pub const ALL: [Self; 12] = [
        Self::VendorSelection,
        Self::Transition,
        Self::KnowledgeTransfer,
        Self::Severance,
        Self::Governance,
        Self::Travel,
        Self::Quality,
        Self::Attrition,
        Self::Sla,
        Self::Compliance,
        Self::Exit,
        Self::Other,
    ];

    /// The user-facing name.
    pub fn label(self) -> &'static str {
        match self {
            Self::VendorSelection => "Vendor selection",
            Self::Transition => "Transition",
            Self::KnowledgeTransfer => "Knowledge transfer",
            Self::Severance => "Severance",
            Self::Governance => "Governance",
            Self::Travel => "Travel",
            Self::Quality => "Quality",
            Self::Attrition => "Attrition",
            Self::Sla => "SLA credits",
            Self::Compliance => "Compliance",
            Self::Exit => "Exit",
            Self::Other => "Other",
        }
    }

    /// The name as written in the file and in JSON (`"VendorSelection"`).
    pub fn key(self) -> &'static str {
        match self {
            Self::VendorSelection => "VendorSelection",
            Self::Transition => "Transition",
            Self::KnowledgeTransfer => "KnowledgeTransfer",
            Self::Severance => "Severance",
            Self::Governance => "Governance",
            Self::Travel => "Travel",
            Self::Quality => "Quality",
            Self::Attrition => "Attrition",
            Self::Sla => "Sla",
            Self::Compliance => "Compliance",
            Self::Exit => "Exit",
            Self::Other => "Other",
        }
    }
}

/// A cost that outsourcing brings and the vendor's price does not show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HiddenCost {
    /// What the cost is.
    pub name: String,
    /// Its kind, for the per-category breakdown.
    pub category: HiddenCategory,
    /// How it is incurred.
    pub cost: HiddenCostKind,
    /// Source of the figure.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How a hidden cost is incurred (contract §2, hidden costs). Never escalated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum HiddenCostKind {
    /// Once, in month `month`.
    OneTime {
        /// The amount.
        amount: Estimate,
        /// The month (t) it is paid.
        #[serde(default)]
        month: u32,
    },
    /// Every month from `from` up to (not including) `to`.
    Monthly {
        /// The amount per month.
        amount: Estimate,
        /// First month (t).
        #[serde(default)]
        from: u32,
        /// First month no longer paid; `None` runs to the horizon.
        #[serde(default)]
        to: Option<u32>,
    },
    /// A share of the vendor's fees (negative for SLA credits).
    PercentOfFees {
        /// The share, 0.05 = 5 %.
        pct: Estimate,
    },
    /// An amount per unit handled by the vendor.
    PerUnit {
        /// The amount per unit.
        amount: Estimate,
    },
    /// An amount per in-house FTE let go, paid once when parallel running ends.
    PerDisplacedFte {
        /// The amount per FTE.
        amount: Estimate,
    },
}

impl HiddenCostKind {
    /// The names of the forms, in menu order.
    pub const NAMES: [&'static str; 5] = ["OneTime", "Monthly", "PercentOfFees", "PerUnit", "PerDisplacedFte"];

    /// The form's name as written in the file.
    pub fn name(&self) -> &'static str {
        match self {
            Self::OneTime { .. } => "OneTime",
            Self::Monthly { .. } => "Monthly",
            Self::PercentOfFees { .. } => "PercentOfFees",
            Self::PerUnit { .. } => "PerUnit",
            Self::PerDisplacedFte { .. } => "PerDisplacedFte",
        }
    }
}

/// How Monte Carlo draws are spread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// Independent uniform draws.
    #[default]
    Random,
    /// Latin hypercube: each input's draws cover `samples` equal-probability strata.
    LatinHypercube,
}

/// Monte Carlo settings, saved with the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Simulation {
    /// Number of draws.
    #[serde(default = "default_samples")]
    pub samples: u32,
    /// Seed; the same seed gives the same results everywhere.
    #[serde(default)]
    pub seed: u64,
    /// Random or Latin hypercube.
    #[serde(default)]
    pub method: Method,
}

fn default_samples() -> u32 {
    10_000
}

impl Default for Simulation {
    fn default() -> Self {
        Self { samples: default_samples(), seed: 0, method: Method::Random }
    }
}
