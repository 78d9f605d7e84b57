//! A model compiled for fast, repeated evaluation: its structure, with every real-valued input
//! replaced by a slot in a flat vector of values. Sensitivity and Monte Carlo evaluate the same
//! plan with different value vectors, without touching the model.

use crate::model::inputs::{HiddenField, InputNames, InputSite, LineField, OptionField, ValueKind, visit};
use crate::model::{Behavior, CostLine, Estimate, HiddenCategory, HiddenCostKind, Model, Period, Pricing, Staffing};

/// Index of an input in a value vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot(pub usize);

/// One real-valued input of a compiled model. Its path and label are written on demand
/// ([`Plan::input_path`], [`Plan::input_label`]): compiling builds no strings per input.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanInput {
    /// Where the input is in the model.
    pub site: InputSite,
    /// Valid range.
    pub kind: ValueKind,
    /// The estimate as the model holds it.
    pub estimate: Estimate,
}

/// A cost line, compiled.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub behavior: Behavior,
    /// 1/12 for annual amounts, 1 for monthly ones.
    pub per_month: f64,
    pub amount: Slot,
    pub escalation: Slot,
    pub start: usize,
    pub end: usize,
}

/// Pricing, compiled.
#[derive(Clone, Debug)]
pub(crate) enum Fees {
    PerFte { rate: Slot },
    PerHour { rate: Slot, hours: Slot },
    PerUnit { price: Slot },
    FixedFee { monthly: Slot },
    Tiered { tiers: Vec<(f64, Slot)> },
    PerOutcome { price: Slot, outcome_rate: Slot },
    Anchored { baseline_units: Slot, baseline_fee: Slot, band: Slot, arc: Slot, rrc: Slot },
}

/// A hidden cost, compiled.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Hidden {
    OneTime { amount: Slot, month: usize },
    Monthly { amount: Slot, from: usize, to: usize },
    PercentOfFees { pct: Slot },
    PerUnit { amount: Slot },
    PerDisplacedFte { amount: Slot },
}

/// An outsourcing option, compiled.
#[derive(Clone, Debug)]
pub(crate) struct OptionPlan {
    pub fees: Fees,
    pub productivity: Slot,
    pub learning: Option<(Slot, u32)>,
    pub minimum: Slot,
    pub rate_escalation: Slot,
    pub fx: Option<(Slot, Slot)>,
    pub ramp_months: u32,
    pub parallel_months: usize,
    pub retained: Vec<Line>,
    pub hidden: Vec<(HiddenCategory, Hidden)>,
}

/// A compiled model.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Every real-valued input, in file order; slot `i` is `inputs[i]`.
    pub inputs: Vec<PlanInput>,
    /// Option names, in order.
    pub option_names: Vec<String>,
    pub(crate) horizon: usize,
    /// Seasonality factor of each month of the year, indexed from the model's first month.
    pub(crate) season: [f64; 12],
    pub(crate) discount_rate: Slot,
    pub(crate) volume: Slot,
    pub(crate) growth: Slot,
    pub(crate) units_per_fte: Slot,
    pub(crate) staffing: Staffing,
    pub(crate) in_house: Vec<Line>,
    pub(crate) options: Vec<OptionPlan>,
    /// The names input labels are made of.
    names: Names,
}

/// The cost-line and hidden-cost names of a model, for input labels: one string rather than
/// one per name, as compiling should cost little.
#[derive(Clone, Debug, Default)]
struct Names {
    /// Every name, one after another: the in-house cost lines', then for each option its
    /// retained lines' and its hidden costs'.
    text: String,
    /// Where each name ends in `text`; name `i` is `text[ends[i − 1]..ends[i]]`.
    ends: Vec<usize>,
    /// The number of in-house cost lines (names `0..in_house`).
    in_house: usize,
    /// For each option, the index of its first retained line's name, of its first hidden
    /// cost's, and one past its last name.
    options: Vec<[usize; 3]>,
}

impl Names {
    fn new(model: &Model) -> Self {
        let options = &model.options;
        let lengths = model.in_house.costs.iter().map(|l| l.name.len()).chain(
            options
                .iter()
                .flat_map(|o| o.retained.iter().map(|l| l.name.len()).chain(o.hidden.iter().map(|h| h.name.len()))),
        );
        let (count, length) = lengths.fold((0, 0), |(count, length), name| (count + 1, length + name));
        let mut names = Self {
            text: String::with_capacity(length),
            ends: Vec::with_capacity(count),
            in_house: model.in_house.costs.len(),
            options: Vec::with_capacity(options.len()),
        };
        for line in &model.in_house.costs {
            names.push(&line.name);
        }
        for o in options {
            let retained = names.ends.len();
            for line in &o.retained {
                names.push(&line.name);
            }
            let hidden = names.ends.len();
            for h in &o.hidden {
                names.push(&h.name);
            }
            names.options.push([retained, hidden, names.ends.len()]);
        }
        names
    }

    fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len());
    }

    /// Name `first + i` when it is before `end`; empty otherwise.
    fn get(&self, first: usize, end: usize, i: usize) -> &str {
        let index = first.saturating_add(i);
        if index >= end {
            return "";
        }
        let start = if index == 0 { 0 } else { self.ends.get(index - 1).copied().unwrap_or(0) };
        let stop = self.ends.get(index).copied().unwrap_or(start);
        self.text.get(start..stop).unwrap_or("")
    }

    /// Name `i` of part `part` (0 retained lines, 1 hidden costs) of option `option`.
    fn of_option(&self, option: usize, part: usize, i: usize) -> &str {
        self.options.get(option).map_or("", |bounds| self.get(bounds[part], bounds[part + 1], i))
    }
}

/// Hands out the slot of each input as the plan's structure asks for it. The structure asks in
/// file order, the order [`visit`] numbers the inputs in, so the next input is almost always
/// the one asked for; a search covers any other order.
struct Numbering<'a> {
    inputs: &'a [PlanInput],
    next: usize,
}

impl Numbering<'_> {
    fn slot(&mut self, site: InputSite) -> Slot {
        let index = if self.inputs.get(self.next).is_some_and(|i| i.site == site) {
            self.next
        } else {
            let found = self.inputs.iter().position(|i| i.site == site);
            // `visit` lists every real-valued field the structure reads, so this cannot fail;
            // if it ever did, the slot is out of range and evaluating fails loudly rather than
            // reading another input's value.
            debug_assert!(found.is_some(), "{site} is not among the inputs");
            found.unwrap_or(usize::MAX)
        };
        self.next = index.wrapping_add(1);
        Slot(index)
    }
}

impl Plan {
    /// Compiles a model. The model should be valid (see [`crate::model::validate`]); an invalid
    /// one still compiles and evaluates to whatever its numbers give.
    pub fn new(model: &Model) -> Self {
        // The inputs are numbered in the order `visit` lists them, and each field of the
        // structure below takes the slot of the input at its own site: the numbering is the
        // order of `model::inputs`, and no field can read another input's slot.
        let mut count = 0;
        visit(model, |_, _, _| count += 1);
        let mut inputs = Vec::with_capacity(count);
        visit(model, |site, kind, estimate| inputs.push(PlanInput { site, kind, estimate: *estimate }));
        let mut numbering = Numbering { inputs: &inputs, next: 0 };
        let n = &mut numbering;
        let horizon = model.horizon_months as usize;
        let mut season = [1.0; 12];
        if model.workload.seasonality.len() == 12 {
            let first = (model.start_month.clamp(1, 12) - 1) as usize;
            for (k, factor) in season.iter_mut().enumerate() {
                *factor = model.workload.seasonality[(first + k) % 12];
            }
        }
        let discount_rate = n.slot(InputSite::DiscountRate);
        let volume = n.slot(InputSite::MonthlyVolume);
        let growth = n.slot(InputSite::AnnualGrowth);
        let units_per_fte = n.slot(InputSite::UnitsPerFte);
        let in_house =
            lines(&model.in_house.costs, horizon, |line, field| n.slot(InputSite::InHouseCost { line, field }));
        let options = model
            .options
            .iter()
            .enumerate()
            .map(|(option, o)| {
                let mut slot = |field| n.slot(InputSite::Option { option, field });
                OptionPlan {
                    fees: fees(&o.pricing, &mut slot),
                    productivity: slot(OptionField::Productivity),
                    learning: o.learning.as_ref().map(|l| (slot(OptionField::InitialDip), l.months)),
                    minimum: slot(OptionField::MinimumMonthly),
                    rate_escalation: slot(OptionField::RateEscalation),
                    fx: o.fx.as_ref().map(|_| (slot(OptionField::FxRate), slot(OptionField::FxAnnualChange))),
                    ramp_months: o.transition.ramp_months,
                    parallel_months: o.transition.parallel_months as usize,
                    retained: lines(&o.retained, horizon, |line, field| slot(OptionField::Retained { line, field })),
                    hidden: o
                        .hidden
                        .iter()
                        .enumerate()
                        .map(|(item, h)| {
                            (h.category, hidden(&h.cost, horizon, |field| slot(OptionField::Hidden { item, field })))
                        })
                        .collect(),
                }
            })
            .collect();
        let names = Names::new(model);
        Self {
            inputs,
            option_names: model.options.iter().map(|o| o.name.clone()).collect(),
            horizon,
            season,
            discount_rate,
            volume,
            growth,
            units_per_fte,
            staffing: model.in_house.staffing,
            in_house,
            options,
            names,
        }
    }

    /// Number of months.
    pub fn horizon(&self) -> usize {
        self.horizon
    }

    /// Number of options.
    pub fn option_count(&self) -> usize {
        self.options.len()
    }

    /// The base value of every input (§1: the deterministic evaluation).
    pub fn base_values(&self) -> Vec<f64> {
        self.inputs.iter().map(|i| i.estimate.base()).collect()
    }

    /// The slot of the input at `path`.
    pub fn slot_of(&self, path: &str) -> Option<Slot> {
        self.inputs.iter().position(|i| i.site.is_at(path)).map(Slot)
    }

    /// The path in the file (§4) of the input in `slot`; empty for a slot out of range.
    pub fn input_path(&self, slot: Slot) -> String {
        self.inputs.get(slot.0).map_or_else(String::new, |i| i.site.to_string())
    }

    /// The user's name for the input in `slot` ("Manila partner › rate"); empty for a slot
    /// out of range.
    pub fn input_label(&self, slot: Slot) -> String {
        self.inputs.get(slot.0).map_or_else(String::new, |i| i.site.label(self))
    }

    /// The annual discount rate among `values`.
    pub fn discount_rate(&self, values: &[f64]) -> f64 {
        values[self.discount_rate.0]
    }
}

impl InputNames for Plan {
    fn option_name(&self, option: usize) -> &str {
        self.option_names.get(option).map_or("", String::as_str)
    }

    fn in_house_cost_name(&self, line: usize) -> &str {
        self.names.get(0, self.names.in_house, line)
    }

    fn retained_name(&self, option: usize, line: usize) -> &str {
        self.names.of_option(option, 0, line)
    }

    fn hidden_name(&self, option: usize, item: usize) -> &str {
        self.names.of_option(option, 1, item)
    }
}

fn lines(lines: &[CostLine], horizon: usize, mut slot: impl FnMut(usize, LineField) -> Slot) -> Vec<Line> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| Line {
            behavior: l.behavior,
            per_month: if l.period == Period::Year { 1.0 / 12.0 } else { 1.0 },
            amount: slot(i, LineField::Amount),
            escalation: slot(i, LineField::Escalation),
            start: l.start_month as usize,
            end: l.end_month.map_or(horizon, |e| (e as usize).min(horizon)),
        })
        .collect()
}

fn fees(p: &Pricing, slot: &mut impl FnMut(OptionField) -> Slot) -> Fees {
    match p {
        Pricing::PerFte { .. } => Fees::PerFte { rate: slot(OptionField::Rate) },
        Pricing::PerHour { .. } => {
            Fees::PerHour { rate: slot(OptionField::Rate), hours: slot(OptionField::HoursPerFte) }
        }
        Pricing::PerUnit { .. } => Fees::PerUnit { price: slot(OptionField::Price) },
        Pricing::FixedFee { .. } => Fees::FixedFee { monthly: slot(OptionField::Monthly) },
        Pricing::Tiered { tiers } => Fees::Tiered {
            tiers: tiers
                .iter()
                .enumerate()
                .map(|(i, t)| (t.up_to.unwrap_or(f64::INFINITY), slot(OptionField::TierPrice(i))))
                .collect(),
        },
        Pricing::PerOutcome { .. } => {
            Fees::PerOutcome { price: slot(OptionField::Price), outcome_rate: slot(OptionField::OutcomeRate) }
        }
        Pricing::Anchored { .. } => Fees::Anchored {
            baseline_units: slot(OptionField::BaselineUnits),
            baseline_fee: slot(OptionField::BaselineFee),
            band: slot(OptionField::Band),
            arc: slot(OptionField::Arc),
            rrc: slot(OptionField::Rrc),
        },
    }
}

fn hidden(h: &HiddenCostKind, horizon: usize, slot: impl FnOnce(HiddenField) -> Slot) -> Hidden {
    match *h {
        HiddenCostKind::OneTime { month, .. } => {
            Hidden::OneTime { amount: slot(HiddenField::Amount), month: month as usize }
        }
        HiddenCostKind::Monthly { from, to, .. } => Hidden::Monthly {
            amount: slot(HiddenField::Amount),
            from: from as usize,
            to: to.map_or(horizon, |t| (t as usize).min(horizon)),
        },
        HiddenCostKind::PercentOfFees { .. } => Hidden::PercentOfFees { pct: slot(HiddenField::Pct) },
        HiddenCostKind::PerUnit { .. } => Hidden::PerUnit { amount: slot(HiddenField::Amount) },
        HiddenCostKind::PerDisplacedFte { .. } => Hidden::PerDisplacedFte { amount: slot(HiddenField::Amount) },
    }
}
