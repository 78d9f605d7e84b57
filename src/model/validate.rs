//! Validation (contract §1): every problem at once, each with the path of the field it concerns.

use serde::Serialize;

use super::inputs::{UnknownInput, ValueKind, inputs};
use super::{
    Behavior, CostLine, Distribution, Estimate, FORMAT_VERSION, HiddenCostKind, Model, OverrideValue, Period, Pricing,
};

/// The most Monte Carlo draws a model may ask for: beyond it the per-month bands would not fit
/// in a laptop's memory.
pub const MAX_SAMPLES: u32 = 1_000_000;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Severity {
    /// The model cannot be evaluated.
    Error,
    /// The model runs, but probably not as meant.
    Warning,
}

/// One problem of a model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Path of the field (`options[0].pricing.rate`).
    pub path: String,
    /// The field in the user's words ("Manila partner › rate"), as [`super::labels::label_of`]
    /// names it; filled in by [`validate`].
    pub label: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    /// A problem at `path`, its label still to be filled in.
    pub(crate) fn new(severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity, path: path.into(), label: String::new(), message: message.into() }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // The user's name first, the path (what a file editor searches for) second.
        if self.label.is_empty() || self.label == self.path {
            write!(f, "{kind}: {}: {}", self.path, self.message)
        } else {
            write!(f, "{kind}: {}: {} [{}]", self.label, self.message, self.path)
        }
    }
}

/// All problems of a model, errors first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// The problems of the field at `path` or inside it.
    pub fn at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Problem> + 'a {
        self.0.iter().filter(move |p| {
            p.path == path || p.path.strip_prefix(path).is_some_and(|rest| rest.starts_with(['.', '[']))
        })
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(Severity::Error, path, message));
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(Severity::Warning, path, message));
    }

    fn finite(&mut self, path: &str, x: f64) -> bool {
        if x.is_finite() {
            true
        } else {
            self.error(path, format!("{x} is not a number Shoreline can compute with"));
            false
        }
    }

    fn distribution(&mut self, path: &str, d: &Distribution) {
        match *d {
            Distribution::Uniform { low, high } => {
                if low >= high {
                    self.error(path, format!("Uniform needs low < high (low {low}, high {high})"));
                }
            }
            Distribution::Triangular { low, mode, high } | Distribution::Pert { low, mode, high } => {
                if low > mode {
                    self.error(path, format!("{} needs low ≤ mode (low {low}, mode {mode})", d.name()));
                }
                if mode > high {
                    self.error(path, format!("{} needs mode ≤ high (mode {mode}, high {high})", d.name()));
                }
                if low >= high {
                    self.error(path, format!("{} needs low < high (low {low}, high {high})", d.name()));
                }
            }
            Distribution::Normal { sd, .. } => {
                if sd < 0.0 {
                    self.error(path, format!("Normal needs sd ≥ 0 (sd {sd})"));
                }
            }
            Distribution::LogNormal { p5, p95 } => {
                if p5 <= 0.0 {
                    self.error(path, format!("LogNormal needs p5 > 0 (p5 {p5})"));
                } else if p5 >= p95 {
                    self.error(path, format!("LogNormal needs p5 < p95 (p5 {p5}, p95 {p95})"));
                }
            }
        }
    }

    /// Checks an estimate's numbers, its distribution and its base value against its kind.
    fn estimate(&mut self, path: &str, kind: ValueKind, e: &Estimate) {
        if !e.numbers().into_iter().all(|x| self.finite(path, x)) {
            return;
        }
        if let Some(d) = e.distribution() {
            self.distribution(path, d);
        }
        if let Some(problem) = super::validate_bounds::out_of_range(path, kind, e) {
            self.problems.push(problem);
        }
        if let Some(problem) = super::validate_bounds::implausible(path, kind, e) {
            self.problems.push(problem);
            return;
        }
        let base = e.base();
        match kind {
            ValueKind::Money | ValueKind::Quantity if base < 0.0 => {
                self.error(path, format!("must not be negative ({base})"));
            }
            ValueKind::Positive if base <= 0.0 => self.error(path, format!("must be greater than 0 ({base})")),
            ValueKind::Growth if base <= -1.0 => {
                self.error(path, format!("must be greater than −100 % ({base})"));
            }
            ValueKind::Share if !(0.0..=1.0).contains(&base) => {
                self.error(path, format!("must be between 0 and 1 ({base})"));
            }
            ValueKind::Dip if !(0.0..1.0).contains(&base) => {
                self.error(path, format!("must be at least 0 and below 1 ({base})"));
            }
            _ => {}
        }
    }

    fn lines(&mut self, prefix: &str, lines: &[CostLine], horizon: u32) {
        for (i, line) in lines.iter().enumerate() {
            let p = format!("{prefix}[{i}]");
            if let Behavior::Step { per } = line.behavior
                && self.finite(&format!("{p}.behavior.per"), per)
            {
                if per <= 0.0 {
                    self.error(format!("{p}.behavior.per"), format!("a step must cover more than 0 staff ({per})"));
                } else if !(0.01..=1e6).contains(&per) {
                    self.error(
                        format!("{p}.behavior.per"),
                        format!("a step of {per} staff is not plausible: 0.01 to 1,000,000"),
                    );
                }
            }
            if line.behavior == Behavior::PerUnit && line.period == Period::Year {
                self.error(format!("{p}.period"), "a per-unit amount cannot be annual: use period: Month");
            }
            if let Some(end) = line.end_month
                && end <= line.start_month
            {
                self.error(
                    format!("{p}.end_month"),
                    format!("ends (month {end}) before it starts (month {})", line.start_month),
                );
            }
            if line.start_month >= horizon {
                self.warning(
                    format!("{p}.start_month"),
                    format!("starts at month {} of a {horizon}-month horizon: it never applies", line.start_month),
                );
            }
        }
    }
}

/// Every problem of the model, errors first, in file order within each severity.
pub fn validate(model: &Model) -> Problems {
    let mut c = Checker { problems: Vec::new() };
    if model.format_version > FORMAT_VERSION {
        c.error(
            "format_version",
            format!(
                "made by a newer Shoreline (format {}; this one reads up to {FORMAT_VERSION}): update Shoreline to open it",
                model.format_version
            ),
        );
    } else if model.format_version == 0 {
        c.error("format_version", "format 0 does not exist: the first format is 1");
    }
    let horizon = model.horizon_months;
    if !(1..=600).contains(&horizon) {
        c.error("horizon_months", format!("must be 1 to 600 months ({horizon})"));
    }
    if !(1..=12).contains(&model.start_month) {
        c.error("start_month", format!("must be a calendar month 1 to 12 ({})", model.start_month));
    }
    let seasonality = &model.workload.seasonality;
    if !seasonality.is_empty() && seasonality.len() != 12 {
        c.error("workload.seasonality", format!("needs 12 monthly factors or none ({} given)", seasonality.len()));
    }
    for (i, &s) in seasonality.iter().enumerate() {
        let p = format!("workload.seasonality[{i}]");
        if c.finite(&p, s) && s < 0.0 {
            c.error(p, format!("a seasonality factor must not be negative ({s})"));
        } else if s > 100.0 {
            c.error(p, format!("a seasonality factor of {s} is not plausible: at most 100"));
        }
    }
    c.problems.extend(super::validate_bounds::control_characters(model));
    let all = inputs(model);
    for input in &all {
        c.estimate(&input.path, input.kind, &input.estimate);
    }
    c.lines("in_house.costs", &model.in_house.costs, horizon);
    if model.options.is_empty() {
        c.error("options", "add at least one outsourcing option to compare with in-house");
    }
    for (o, option) in model.options.iter().enumerate() {
        let p = format!("options[{o}]");
        if let Pricing::Tiered { tiers } = &option.pricing {
            check_tiers(&mut c, &p, tiers);
        }
        if let Some(problem) = super::validate_bounds::credits_past_the_fees(&p, option) {
            c.problems.push(problem);
        }
        if let Some(field) = zero_price(&option.pricing) {
            // A zero price is legal (a free pilot) but far more often a form left unfilled, and it
            // turns into "100 % savings" on every card, so it must not pass as "Model valid" silently.
            c.warning(
                format!("{p}.pricing.{field}"),
                "the vendor's price is 0: every figure for this option assumes the vendor works for free",
            );
        }
        let t = option.transition;
        if t.parallel_months < t.ramp_months {
            c.warning(
                format!("{p}.transition.parallel_months"),
                format!(
                    "parallel running ({} months) ends before the ramp-up ({} months): some months have \
                     neither full vendor capacity nor in-house staff",
                    t.parallel_months, t.ramp_months
                ),
            );
        }
        c.lines(&format!("{p}.retained"), &option.retained, horizon);
        for (h, hidden) in option.hidden.iter().enumerate() {
            let hp = format!("{p}.hidden[{h}].cost");
            match hidden.cost {
                HiddenCostKind::OneTime { month, .. } if month >= horizon => c.warning(
                    format!("{hp}.month"),
                    format!("month {month} is at or past the {horizon}-month horizon: the cost never applies"),
                ),
                HiddenCostKind::Monthly { from, to, .. } => {
                    if let Some(to) = to
                        && to <= from
                    {
                        c.error(format!("{hp}.to"), format!("ends (month {to}) before it starts (month {from})"));
                    }
                    if from >= horizon {
                        c.warning(
                            format!("{hp}.from"),
                            format!("month {from} is at or past the {horizon}-month horizon: the cost never applies"),
                        );
                    }
                }
                _ => {}
            }
        }
    }
    let sim = model.simulation;
    if !(1..=MAX_SAMPLES).contains(&sim.samples) {
        c.error("simulation.samples", format!("must be 1 to {MAX_SAMPLES} draws ({})", sim.samples));
    }
    for (s, scenario) in model.scenarios.iter().enumerate() {
        for (k, o) in scenario.overrides.iter().enumerate() {
            let p = format!("scenarios[{s}].overrides[{k}]");
            match all.iter().find(|i| i.path == o.input) {
                Some(input) => match o.value {
                    OverrideValue::Set(value) => c.estimate(&format!("{p}.value"), input.kind, &value),
                    OverrideValue::Change(change) => {
                        let at = format!("{p}.change");
                        let factor = change.factor();
                        if !factor.is_finite() {
                            c.error(at, format!("{factor} is not a number Shoreline can compute with"));
                        } else if factor < 0.0 {
                            c.error(at, format!("a change of {} would turn the value's sign", change.label()));
                        } else {
                            c.estimate(&at, input.kind, &o.value.applied_to(&input.estimate));
                        }
                    }
                },
                None => c.error(format!("{p}.input"), UnknownInput(o.input.clone()).to_string()),
            }
        }
    }
    presentation(&mut c, model, &all);
    let mut problems = c.problems;
    problems.sort_by_key(|p| p.severity);
    if !problems.is_empty() {
        let labels = super::labels::Labeller::with_inputs(model, &all);
        for p in &mut problems {
            p.label = labels.label(&p.path);
        }
    }
    Problems(problems)
}

/// The pricing field whose base value is zero when the vendor would charge nothing at all.
fn zero_price(pricing: &Pricing) -> Option<&'static str> {
    let zero = |e: &Estimate| e.base() == 0.0;
    match pricing {
        Pricing::PerFte { rate } | Pricing::PerHour { rate, .. } => zero(rate).then_some("rate"),
        Pricing::PerUnit { price } | Pricing::PerOutcome { price, .. } => zero(price).then_some("price"),
        Pricing::FixedFee { monthly } => zero(monthly).then_some("monthly"),
        Pricing::Tiered { tiers } => (!tiers.is_empty() && tiers.iter().all(|t| zero(&t.price))).then_some("tiers"),
        Pricing::Anchored { baseline_fee, arc, .. } => (zero(baseline_fee) && zero(arc)).then_some("baseline_fee"),
    }
}

fn check_tiers(c: &mut Checker, p: &str, tiers: &[super::Tier]) {
    let path = format!("{p}.pricing.tiers");
    if tiers.is_empty() {
        c.error(path, "a tiered price needs at least one tier");
        return;
    }
    let mut previous = 0.0_f64;
    for (i, tier) in tiers.iter().enumerate() {
        let last = i + 1 == tiers.len();
        let tp = format!("{path}[{i}].up_to");
        match tier.up_to {
            None if !last => c.error(tp, "only the last tier may be open (up_to: None)"),
            Some(_) if last => c.error(tp, "the last tier must be open (up_to: None)"),
            Some(up_to) => {
                if c.finite(&tp, up_to) && up_to <= previous {
                    c.error(tp, format!("tiers must ascend: {up_to} is not above {previous}"));
                }
                previous = up_to;
            }
            None => {}
        }
    }
}

/// The pinned inputs: a display choice, so a pin that no longer names an input (its option was
/// removed) is a warning, not an error that would stop the results.
fn presentation(c: &mut Checker, model: &Model, all: &[super::InputInfo]) {
    use super::presentation::MAX_PINNED;
    let pinned = &model.presentation.pinned;
    if pinned.len() > MAX_PINNED {
        c.warning(
            "presentation.pinned",
            format!("{} inputs are pinned: only the first {MAX_PINNED} are shown", pinned.len()),
        );
    }
    for (k, pin) in pinned.iter().enumerate() {
        let p = format!("presentation.pinned[{k}]");
        if !all.iter().any(|i| i.path == pin.input) {
            c.warning(format!("{p}.input"), format!("{}: the pin is not shown", UnknownInput(pin.input.clone())));
        } else if pinned[..k].iter().any(|q| q.input == pin.input) {
            c.warning(format!("{p}.input"), "is pinned twice: the second pin is not shown");
        }
        for (field, value) in [("low", pin.low), ("high", pin.high)] {
            if value.is_some_and(|v| !v.is_finite()) {
                c.error(format!("{p}.{field}"), "is not a number Shoreline can compute with");
            }
        }
        if let (Some(low), Some(high)) = (pin.low, pin.high)
            && low >= high
        {
            c.error(format!("{p}.high"), format!("must be above the low end ({low})"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::samples::default_model;

    #[test]
    fn a_vendor_price_of_zero_is_a_warning_not_an_error() {
        let mut model = default_model().expect("the bundled sample loads");
        let before = validate(&model);
        assert!(before.at("options[0].pricing.price").next().is_none());
        model.options[0].pricing = Pricing::PerUnit { price: Estimate::Fixed(0.0) };
        let problems = validate(&model);
        let warned: Vec<_> = problems.at("options[0].pricing.price").collect();
        assert_eq!(warned.len(), 1, "{problems:?}");
        assert_eq!(warned[0].severity, Severity::Warning);
        assert_eq!(problems.has_errors(), before.has_errors());
    }

    #[test]
    fn a_positive_per_fte_rate_raises_no_zero_price_warning() {
        let mut model = default_model().expect("the bundled sample loads");
        model.options[0].pricing = Pricing::PerFte { rate: Estimate::Fixed(1500.0) };
        assert!(validate(&model).at("options[0].pricing.rate").next().is_none());
    }
}
