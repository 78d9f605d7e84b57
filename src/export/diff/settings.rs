//! Changes that are not real-valued inputs, in plain words: names, currency, horizon, staffing,
//! how an offer is priced, a cost line's behaviour and months, scenarios' overrides, the deck.
//! Anything that can change a result is here, so a diff never hides why a figure moved.

use super::SettingChange;
use super::matching::{ListMatch, Matching};
use super::text::{estimate_text, number_text};
use crate::format::months;
use crate::model::labels::label_of;
use crate::model::{
    Behavior, CostLine, HiddenCost, HiddenCostKind, Method, Model, OverrideValue, Period, Pricing, SourcingOption,
    Staffing,
};

/// Collects the changes, each labelled in the new file's names.
struct Changes<'a> {
    new: &'a Model,
    out: Vec<SettingChange>,
}

impl Changes<'_> {
    /// Records `path` as changed when the two texts differ.
    fn text(&mut self, path: String, old: impl Into<String>, new: impl Into<String>) {
        let label = label_of(self.new, &path);
        self.labelled(path, label, old, new);
    }

    fn labelled(&mut self, path: String, label: String, old: impl Into<String>, new: impl Into<String>) {
        let (old, new) = (old.into(), new.into());
        if old != new {
            self.out.push(SettingChange { path, label, old, new });
        }
    }

    /// Records a change of order among the items both files have.
    fn order(&mut self, path: &str, matched: &ListMatch, old: &[&str], new: &[&str]) {
        if matched.reordered() {
            let kept = |names: &[&str], index: &dyn Fn(usize) -> Option<usize>| -> String {
                let listed: Vec<&str> = (0..names.len()).filter(|&k| index(k).is_some()).map(|k| names[k]).collect();
                listed.join(", ")
            };
            let old = kept(old, &|i| matched.old_to_new.get(i).copied().flatten());
            let new = kept(new, &|j| matched.new_to_old.get(j).copied().flatten());
            self.labelled(format!("{path} (order)"), format!("{} › order", label_of(self.new, path)), old, new);
        }
    }
}

/// Text, or "(none)" when empty (so a cleared note is not a blank).
fn words(text: &str) -> String {
    if text.is_empty() { "(none)".to_owned() } else { text.to_owned() }
}

fn staffing(s: Staffing) -> &'static str {
    match s {
        Staffing::SizedToPeak => "sized to each year's peak",
        Staffing::Flexible => "follows each month's need",
    }
}

fn behavior(b: Behavior) -> String {
    match b {
        Behavior::Fixed => "fixed".to_owned(),
        Behavior::PerFte => "per FTE".to_owned(),
        Behavior::PerUnit => "per unit".to_owned(),
        Behavior::Step { per } => format!("per started group of {} FTE", number_text(per)),
    }
}

fn period(p: Period) -> &'static str {
    match p {
        Period::Month => "a month",
        Period::Year => "a year",
    }
}

fn end(month: Option<u32>) -> String {
    month.map_or_else(|| "the horizon".to_owned(), |m| format!("month {m}"))
}

fn pricing(p: &Pricing) -> &'static str {
    match p {
        Pricing::PerFte { .. } => "per FTE",
        Pricing::PerHour { .. } => "per hour",
        Pricing::PerUnit { .. } => "per unit",
        Pricing::FixedFee { .. } => "fixed fee",
        Pricing::Tiered { .. } => "tiered",
        Pricing::PerOutcome { .. } => "per outcome",
        Pricing::Anchored { .. } => "anchored (baseline with a band)",
    }
}

fn hidden_form(kind: &HiddenCostKind) -> String {
    match kind {
        HiddenCostKind::OneTime { month, .. } => format!("once, in month {month}"),
        HiddenCostKind::Monthly { from, to, .. } => format!("monthly from month {from} to {}", end(*to)),
        HiddenCostKind::PercentOfFees { .. } => "a share of the fees".to_owned(),
        HiddenCostKind::PerUnit { .. } => "per unit".to_owned(),
        HiddenCostKind::PerDisplacedFte { .. } => "per FTE let go".to_owned(),
    }
}

fn method(m: Method) -> &'static str {
    match m {
        Method::Random => "random",
        Method::LatinHypercube => "Latin hypercube",
    }
}

fn list(numbers: &[f64]) -> String {
    if numbers.is_empty() {
        "flat (none)".to_owned()
    } else {
        numbers.iter().map(|x| number_text(*x)).collect::<Vec<_>>().join(", ")
    }
}

/// Every change that is not a real-valued input, in file order.
pub(super) fn changes(old: &Model, new: &Model, matching: &Matching) -> Vec<SettingChange> {
    let mut c = Changes { new, out: Vec::new() };
    c.text("format_version".into(), old.format_version.to_string(), new.format_version.to_string());
    c.text("name".into(), words(&old.name), words(&new.name));
    c.text("description".into(), words(&old.description), words(&new.description));
    c.text("currency".into(), &old.currency, &new.currency);
    c.text("start_month".into(), old.start_month.to_string(), new.start_month.to_string());
    c.text("horizon_months".into(), months(old.horizon_months), months(new.horizon_months));
    c.text("workload.unit".into(), words(&old.workload.unit), words(&new.workload.unit));
    c.text("workload.seasonality".into(), list(&old.workload.seasonality), list(&new.workload.seasonality));
    c.text("in_house.staffing".into(), staffing(old.in_house.staffing), staffing(new.in_house.staffing));
    lines(&mut c, "in_house.costs", &old.in_house.costs, &new.in_house.costs, &matching.costs);
    for (i, j) in matching.options.pairs() {
        option(&mut c, j, &old.options[i], &new.options[j], matching, i);
    }
    let option_names = |m: &Model| -> Vec<String> { m.options.iter().map(|o| o.name.clone()).collect() };
    let (before, after) = (option_names(old), option_names(new));
    c.order("options", &matching.options, &refs(&before), &refs(&after));
    scenarios(&mut c, old, new, matching);
    let sim = "simulation";
    c.text(
        format!("{sim}.samples"),
        number_text(old.simulation.samples.into()),
        number_text(new.simulation.samples.into()),
    );
    c.text(format!("{sim}.seed"), old.simulation.seed.to_string(), new.simulation.seed.to_string());
    c.text(format!("{sim}.method"), method(old.simulation.method), method(new.simulation.method));
    super::presentation::changes(old, new, matching, &mut c.out);
    c.out
}

fn refs(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}

/// The cost lines both lists have: behaviour, period, months and note.
fn lines(c: &mut Changes<'_>, path: &str, old: &[CostLine], new: &[CostLine], matched: &ListMatch) {
    for (i, j) in matched.pairs() {
        let (o, n) = (&old[i], &new[j]);
        let at = |field: &str| format!("{path}[{j}].{field}");
        c.text(at("name"), words(&o.name), words(&n.name));
        c.text(at("behavior"), behavior(o.behavior), behavior(n.behavior));
        c.text(at("period"), period(o.period), period(n.period));
        c.text(at("start_month"), format!("month {}", o.start_month), format!("month {}", n.start_month));
        c.text(at("end_month"), end(o.end_month), end(n.end_month));
        c.text(at("note"), words(&o.note), words(&n.note));
    }
    let names = |l: &[CostLine]| -> Vec<String> { l.iter().map(|x| x.name.clone()).collect() };
    c.order(path, matched, &refs(&names(old)), &refs(&names(new)));
}

/// Everything of an option in both files that is not a number: `j` is its index in the new
/// file, `i` in the old.
fn option(c: &mut Changes<'_>, j: usize, o: &SourcingOption, n: &SourcingOption, matching: &Matching, i: usize) {
    let at = |field: &str| format!("options[{j}].{field}");
    c.text(at("name"), words(&o.name), words(&n.name));
    c.text(at("shore"), o.shore.label(), n.shore.label());
    c.text(at("region"), words(&o.region), words(&n.region));
    c.text(at("pricing"), pricing(&o.pricing), pricing(&n.pricing));
    if let (Pricing::Tiered { tiers: a }, Pricing::Tiered { tiers: b }) = (&o.pricing, &n.pricing) {
        c.text(at("pricing.tiers"), format!("{} tiers", a.len()), format!("{} tiers", b.len()));
        for (k, (x, y)) in a.iter().zip(b).enumerate() {
            let up_to = |u: Option<f64>| u.map_or_else(|| "no limit".to_owned(), number_text);
            c.text(at(&format!("pricing.tiers[{k}].up_to")), up_to(x.up_to), up_to(y.up_to));
        }
    }
    let learning = |l: &Option<crate::model::Learning>| {
        l.as_ref().map_or_else(|| "none".to_owned(), |l| format!("over {}", months(l.months)))
    };
    c.text(at("learning"), learning(&o.learning), learning(&n.learning));
    let fx = |f: &Option<crate::model::Fx>| {
        f.as_ref().map_or_else(|| "none (the model's currency)".to_owned(), |f| words(&f.currency))
    };
    c.text(at("fx"), fx(&o.fx), fx(&n.fx));
    c.text(at("transition.ramp_months"), months(o.transition.ramp_months), months(n.transition.ramp_months));
    c.text(
        at("transition.parallel_months"),
        months(o.transition.parallel_months),
        months(n.transition.parallel_months),
    );
    c.text(at("note"), words(&o.note), words(&n.note));
    if let Some(Some(retained)) = matching.retained.get(i) {
        lines(c, &format!("options[{j}].retained"), &o.retained, &n.retained, retained);
    }
    if let Some(Some(hidden)) = matching.hidden.get(i) {
        for (a, b) in hidden.pairs() {
            hidden_cost(c, &format!("options[{j}].hidden[{b}]"), &o.hidden[a], &n.hidden[b]);
        }
        let names = |h: &[HiddenCost]| -> Vec<String> { h.iter().map(|x| x.name.clone()).collect() };
        c.order(&at("hidden"), hidden, &refs(&names(&o.hidden)), &refs(&names(&n.hidden)));
    }
}

fn hidden_cost(c: &mut Changes<'_>, path: &str, o: &HiddenCost, n: &HiddenCost) {
    c.text(format!("{path}.name"), words(&o.name), words(&n.name));
    c.text(format!("{path}.category"), o.category.label(), n.category.label());
    c.text(format!("{path}.cost"), hidden_form(&o.cost), hidden_form(&n.cost));
    c.text(format!("{path}.note"), words(&o.note), words(&n.note));
}

/// What an override does, in words: "set to 0.12", "−25 %".
fn override_text(value: &OverrideValue) -> String {
    match value {
        OverrideValue::Set(e) => format!("set to {}", estimate_text(e)),
        OverrideValue::Change(change) => change.label(),
    }
}

/// The overrides of the scenarios both files have, matched by the input they replace (an old
/// path read as the new file writes the same input).
fn scenarios(c: &mut Changes<'_>, old: &Model, new: &Model, matching: &Matching) {
    for (i, j) in matching.scenarios.pairs() {
        let (o, n) = (&old.scenarios[i], &new.scenarios[j]);
        c.text(format!("scenarios[{j}].name"), words(&o.name), words(&n.name));
        let before: Vec<String> = o.overrides.iter().map(|x| matching.path(old, &x.input)).collect();
        let after_paths: Vec<&str> = n.overrides.iter().map(|x| x.input.as_str()).collect();
        let paired = ListMatch::by_name(&refs(&before), &after_paths);
        // Each input is named in its own file's words: a removed override's input may be gone.
        let label = |model: &Model, input: &str| format!("{} › {}", n.name, label_of(model, input));
        for (a, b) in paired.pairs() {
            let path = format!("scenarios[{j}].overrides[{b}]");
            let (before, after) = (override_text(&o.overrides[a].value), override_text(&n.overrides[b].value));
            c.labelled(path, label(new, after_paths[b]), before, after);
        }
        for a in paired.removed() {
            let input = &o.overrides[a].input;
            let path = format!("scenarios[{i}].overrides[{a}] (old file)");
            c.labelled(path, label(old, input), override_text(&o.overrides[a].value), "no override");
        }
        for b in paired.added() {
            let path = format!("scenarios[{j}].overrides[{b}]");
            c.labelled(path, label(new, after_paths[b]), "no override", override_text(&n.overrides[b].value));
        }
    }
    let names = |m: &Model| -> Vec<String> { m.scenarios.iter().map(|s| s.name.clone()).collect() };
    c.order("scenarios", &matching.scenarios, &refs(&names(old)), &refs(&names(new)));
}
