//! Every real-valued input of a model, named by its path in the file (contract §4):
//! `workload.monthly_volume`, `in_house.costs[0].amount`, `options[0].hidden[3].cost.pct`.

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

/// A borrowed, mutable input of a model.
#[derive(Debug)]
pub struct InputMut<'a> {
    /// Path in the file.
    pub path: String,
    /// Label in the user's words ("Manila partner › rate").
    pub label: String,
    /// Valid range.
    pub kind: ValueKind,
    /// The value.
    pub estimate: &'a mut Estimate,
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

#[derive(Default)]
struct Collector<'a> {
    inputs: Vec<InputMut<'a>>,
}

impl<'a> Collector<'a> {
    fn add(&mut self, path: String, label: String, kind: ValueKind, estimate: &'a mut Estimate) {
        self.inputs.push(InputMut { path, label, kind, estimate });
    }

    fn cost_lines(&mut self, prefix: &str, owner: &str, lines: &'a mut [CostLine]) {
        for (i, line) in lines.iter_mut().enumerate() {
            let base = format!("{prefix}[{i}]");
            let who = format!("{owner} › {}", line.name);
            self.add(format!("{base}.amount"), format!("{who} › amount"), ValueKind::Money, &mut line.amount);
            self.add(
                format!("{base}.escalation"),
                format!("{who} › escalation"),
                ValueKind::Growth,
                &mut line.escalation,
            );
        }
    }

    fn option(&mut self, index: usize, option: &'a mut SourcingOption) {
        let p = format!("options[{index}]");
        let SourcingOption {
            name,
            pricing,
            productivity,
            learning,
            minimum_monthly,
            rate_escalation,
            fx,
            retained,
            hidden,
            ..
        } = option;
        let who = name.as_str();
        let field = |c: &mut Self, field: &str, kind: ValueKind, e: &'a mut Estimate| {
            c.add(format!("{p}.{field}"), format!("{who} › {}", field_label(field)), kind, e);
        };
        match pricing {
            Pricing::PerFte { rate } => field(self, "pricing.rate", ValueKind::Money, rate),
            Pricing::PerHour { rate, hours_per_fte } => {
                field(self, "pricing.rate", ValueKind::Money, rate);
                field(self, "pricing.hours_per_fte", ValueKind::Quantity, hours_per_fte);
            }
            Pricing::PerUnit { price } => field(self, "pricing.price", ValueKind::Money, price),
            Pricing::FixedFee { monthly } => field(self, "pricing.monthly", ValueKind::Money, monthly),
            Pricing::Tiered { tiers } => {
                for (i, tier) in tiers.iter_mut().enumerate() {
                    field(self, &format!("pricing.tiers[{i}].price"), ValueKind::Money, &mut tier.price);
                }
            }
            Pricing::PerOutcome { price, outcome_rate } => {
                field(self, "pricing.price", ValueKind::Money, price);
                field(self, "pricing.outcome_rate", ValueKind::Share, outcome_rate);
            }
            Pricing::Anchored { baseline_units, baseline_fee, band, arc, rrc } => {
                field(self, "pricing.baseline_units", ValueKind::Quantity, baseline_units);
                field(self, "pricing.baseline_fee", ValueKind::Money, baseline_fee);
                field(self, "pricing.band", ValueKind::Share, band);
                field(self, "pricing.arc", ValueKind::Money, arc);
                field(self, "pricing.rrc", ValueKind::Money, rrc);
            }
        }
        field(self, "productivity", ValueKind::Positive, productivity);
        if let Some(learning) = learning {
            field(self, "learning.initial_dip", ValueKind::Dip, &mut learning.initial_dip);
        }
        field(self, "minimum_monthly", ValueKind::Money, minimum_monthly);
        field(self, "rate_escalation", ValueKind::Growth, rate_escalation);
        if let Some(fx) = fx {
            field(self, "fx.rate", ValueKind::Positive, &mut fx.rate);
            field(self, "fx.annual_change", ValueKind::Growth, &mut fx.annual_change);
        }
        self.cost_lines(&format!("{p}.retained"), who, retained);
        for (i, h) in hidden.iter_mut().enumerate() {
            let base = format!("{p}.hidden[{i}].cost");
            let label = format!("{who} › {}", h.name);
            let (field, kind, e) = match &mut h.cost {
                HiddenCostKind::OneTime { amount, .. }
                | HiddenCostKind::Monthly { amount, .. }
                | HiddenCostKind::PerUnit { amount }
                | HiddenCostKind::PerDisplacedFte { amount } => ("amount", ValueKind::Money, amount),
                HiddenCostKind::PercentOfFees { pct } => {
                    let kind = if h.category == HiddenCategory::Sla { ValueKind::Credit } else { ValueKind::Share };
                    ("pct", kind, pct)
                }
            };
            self.add(format!("{base}.{field}"), format!("{label} › {field}"), kind, e);
        }
    }
}

/// The user's name for a field path inside an option: `pricing.rate` → "rate",
/// `pricing.tiers[1].price` → "tier 2 price", `fx.rate` → "fx rate".
fn field_label(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("pricing.tiers[")
        && let Some((index, _)) = rest.split_once(']')
    {
        let number = index.parse::<usize>().map_or_else(|_| index.to_owned(), |i| (i + 1).to_string());
        return format!("tier {number} price");
    }
    let name = match field.strip_prefix("fx.") {
        Some(rest) => format!("fx {rest}"),
        None => field.rsplit('.').next().unwrap_or(field).to_owned(),
    };
    name.replace('_', " ")
}

/// Every real-valued input of the model, in file order, mutable.
pub fn inputs_mut(model: &mut Model) -> Vec<InputMut<'_>> {
    let mut c = Collector::default();
    let Model { discount_rate, workload, in_house, options, .. } = model;
    c.add("discount_rate".into(), "Discount rate".into(), ValueKind::Growth, discount_rate);
    c.add("workload.monthly_volume".into(), "Monthly volume".into(), ValueKind::Quantity, &mut workload.monthly_volume);
    c.add("workload.annual_growth".into(), "Volume growth".into(), ValueKind::Growth, &mut workload.annual_growth);
    c.add(
        "in_house.units_per_fte_month".into(),
        "In-house › units per FTE-month".into(),
        ValueKind::Positive,
        &mut in_house.units_per_fte_month,
    );
    c.cost_lines("in_house.costs", "In-house", &mut in_house.costs);
    for (i, option) in options.iter_mut().enumerate() {
        c.option(i, option);
    }
    c.inputs
}

/// Every real-valued input of the model, in file order.
pub fn inputs(model: &Model) -> Vec<InputInfo> {
    let mut copy = model.clone();
    inputs_mut(&mut copy)
        .into_iter()
        .map(|i| InputInfo { path: i.path, label: i.label, kind: i.kind, estimate: *i.estimate })
        .collect()
}

/// The input at `path`.
pub fn input(model: &Model, path: &str) -> Result<InputInfo, UnknownInput> {
    inputs(model).into_iter().find(|i| i.path == path).ok_or_else(|| UnknownInput(path.to_owned()))
}

/// Replace the input at `path`.
pub fn set_input(model: &mut Model, path: &str, value: Estimate) -> Result<(), UnknownInput> {
    let found = inputs_mut(model).into_iter().find(|i| i.path == path);
    match found {
        Some(input) => {
            *input.estimate = value;
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
