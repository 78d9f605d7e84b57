//! What every field of a model means and what unit it is in, in the user's words: the one place
//! the editor's tooltips (and any other help) are read from. Keyed by the field's path with its
//! list indices left out (`options[].pricing.rate`).

/// The help of the field at `path` (`options[2].hidden[0].cost.pct`), or `None` for a path
/// that has none.
pub fn field_help(path: &str) -> Option<&'static str> {
    HELP.iter().find(|(key, _)| *key == generic(path)).map(|(_, text)| *text)
}

/// `path` with every list index removed: `options[2].retained[0].amount` →
/// `options[].retained[].amount`.
fn generic(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

/// Every field's help. Money is in the model currency unless the option has its own pricing
/// currency; shares are typed in percent.
const HELP: &[(&str, &str)] = &[
    ("name", "The model's title, shown in the window title and on reports."),
    ("description", "Free text: the scope of the process, the sources and the assumptions."),
    (
        "currency",
        "ISO code of the model currency (USD, EUR). Every amount is in it unless an option has its own pricing currency.",
    ),
    ("start_month", "Calendar month of the first modelled month (1 = January). Used to look up the seasonality."),
    ("horizon_months", "How many months are modelled, 1 to 600. Totals, NPV and payback cover this horizon."),
    (
        "discount_rate",
        "Annual discount rate for the NPV, in percent a year (8 % = money a year from now is worth 1/1.08 today).",
    ),
    ("simulation.samples", "Monte Carlo draws. 10,000 gives percentiles stable to about 1 %."),
    ("simulation.seed", "Starting point of the random draws: the same seed gives the same results on any machine."),
    ("simulation.method", "Random draws, or Latin hypercube (stratified: steadier percentiles from fewer draws)."),
    (
        "workload.unit",
        "Name of one unit of work, plural (contacts, invoices, tickets). Volumes and unit prices are per unit.",
    ),
    ("workload.monthly_volume", "Units of work per month in the first month, before seasonality."),
    ("workload.annual_growth", "How much the volume grows a year, in percent a year (−10 % for a shrinking workload)."),
    (
        "workload.seasonality",
        "Twelve factors, January first, that multiply the monthly volume (1.25 = 25 % busier than average). Leave empty for a flat year.",
    ),
    (
        "in_house.units_per_fte_month",
        "Units of work one in-house full-time employee handles per month. Sets the in-house staff and, with an option's productivity, the vendor's.",
    ),
    (
        "in_house.staffing",
        "Sized to peak: in-house staff are set for the busiest month of each plan year and paid all year (the usual reality). Flexible: staff follow each month's need.",
    ),
    ("in_house.costs[].name", "What the cost is."),
    (
        "in_house.costs[].behavior",
        "What the amount is multiplied by: Fixed (paid whatever the volume), per FTE, per unit of work, or per step (per started group of staff, as one team lead per 12 agents).",
    ),
    (
        "in_house.costs[].behavior.per",
        "Staff per step: 12 means one more of this cost for every started group of 12 FTE.",
    ),
    (
        "in_house.costs[].period",
        "Whether the amount is per month or per year (a yearly amount is divided by 12 each month).",
    ),
    (
        "in_house.costs[].amount",
        "The amount per month or year, per FTE, per unit or per step as the line is paid, in the model currency.",
    ),
    (
        "in_house.costs[].escalation",
        "Annual increase of the amount (wage inflation, indexation), in percent a year, applied by plan year.",
    ),
    ("in_house.costs[].start_month", "First month the line applies, counted from 0."),
    (
        "in_house.costs[].end_month",
        "First month the line no longer applies (a lease that ends); none runs to the horizon.",
    ),
    ("in_house.costs[].note", "The source of the figure or the reasoning behind it."),
    ("options[].name", "The vendor's or offer's name."),
    (
        "options[].shore",
        "Where the delivery center is: onshore (same country), nearshore (nearby, similar time zone) or offshore (distant, low cost).",
    ),
    ("options[].region", "Country or city of delivery."),
    ("options[].note", "Notes on the offer: who quoted it, when, and what it covers."),
    (
        "options[].pricing",
        "How the vendor charges: per FTE-month, per hour, per unit, a fixed monthly fee, tiered unit prices, per outcome, or an anchored baseline with extra and reduced unit rates. Changing the form keeps the price (see docs/editing.md).",
    ),
    (
        "options[].pricing.rate",
        "The vendor's rate per FTE-month (Per FTE) or per billed hour (Per hour), in the pricing currency, before escalation.",
    ),
    ("options[].pricing.hours_per_fte", "Hours billed per vendor FTE per month (160 = 40 hours a week)."),
    (
        "options[].pricing.price",
        "Price per unit of work (Per unit) or per successful outcome (Per outcome), in the pricing currency.",
    ),
    ("options[].pricing.monthly", "The fixed monthly fee, whatever the volume, in the pricing currency."),
    (
        "options[].pricing.tiers",
        "Graduated prices: each tier's price applies to the units inside it; the last tier is open-ended.",
    ),
    (
        "options[].pricing.tiers[].up_to",
        "Units per month up to which this tier's price applies; the last tier has no bound.",
    ),
    ("options[].pricing.tiers[].price", "Price per unit inside this tier, in the pricing currency."),
    (
        "options[].pricing.outcome_rate",
        "Share of units that count as a paid outcome, in percent (a resolved ticket, a collected invoice).",
    ),
    ("options[].pricing.baseline_units", "The volume per month the baseline fee covers."),
    (
        "options[].pricing.baseline_fee",
        "The monthly fee for volumes inside the band around the baseline, in the pricing currency.",
    ),
    (
        "options[].pricing.band",
        "The dead band around the baseline, in percent: volumes within ± the band cost the baseline fee alone.",
    ),
    (
        "options[].pricing.arc",
        "Additional resource charge: the price of each unit above the band, in the pricing currency.",
    ),
    (
        "options[].pricing.rrc",
        "Reduced resource credit: the credit for each unit below the band, in the pricing currency.",
    ),
    (
        "options[].productivity",
        "Vendor output per FTE relative to in-house: 1.0 = the same as an in-house FTE, 0.9 = 10 % less, so the vendor needs more staff for the same work.",
    ),
    ("options[].learning", "A productivity dip while the vendor learns the work, fading to none."),
    (
        "options[].learning.initial_dip",
        "How much lower the vendor's productivity is in the first month, in percent; it fades linearly to none.",
    ),
    ("options[].learning.months", "Months until the vendor reaches full productivity."),
    (
        "options[].minimum_monthly",
        "The least the vendor bills in a month, whatever the volume, in the pricing currency (not escalated).",
    ),
    (
        "options[].rate_escalation",
        "Annual increase of every price in the pricing (wage inflation at the vendor), in percent a year, applied by plan year.",
    ),
    ("options[].fx", "The pricing currency, when the vendor bills in another currency than the model's."),
    ("options[].fx.currency", "ISO code of the currency the vendor bills in."),
    ("options[].fx.rate", "Model currency per unit of the pricing currency today (1 EUR = 1.08 USD: 1.08)."),
    (
        "options[].fx.annual_change",
        "Expected change of the exchange rate a year, in percent a year (positive: the pricing currency gets dearer).",
    ),
    (
        "options[].transition.ramp_months",
        "Months over which work moves to the vendor in equal steps; 0 moves it all at once.",
    ),
    (
        "options[].transition.parallel_months",
        "Months in which the in-house cost is still paid in full while the vendor starts.",
    ),
    (
        "options[].retained",
        "Costs kept in-house when outsourcing (a vendor management team), on the vendor's staff and units.",
    ),
    ("options[].retained[].name", "What the retained cost is."),
    (
        "options[].retained[].behavior",
        "What the amount is multiplied by: Fixed, per vendor FTE, per unit at the vendor, or per step of vendor staff.",
    ),
    ("options[].retained[].behavior.per", "Vendor staff per step."),
    ("options[].retained[].period", "Whether the amount is per month or per year."),
    (
        "options[].retained[].amount",
        "The amount per month or year, per FTE, unit or step as the line is paid, in the model currency.",
    ),
    ("options[].retained[].escalation", "Annual increase of the amount, in percent a year."),
    ("options[].retained[].start_month", "First month the line applies, counted from 0."),
    ("options[].retained[].end_month", "First month the line no longer applies; none runs to the horizon."),
    ("options[].retained[].note", "The source of the figure or the reasoning behind it."),
    (
        "options[].hidden",
        "Costs of outsourcing beyond the fees: selection, transition, severance, governance, quality, SLA credits. Never escalated.",
    ),
    ("options[].hidden[].name", "What the hidden cost is."),
    ("options[].hidden[].category", "The kind of hidden cost, for the headroom chart and the totals by category."),
    (
        "options[].hidden[].cost",
        "How the cost is incurred: once, monthly, as a share of the fees, per unit or per in-house FTE let go.",
    ),
    (
        "options[].hidden[].cost.kind",
        "How the cost is incurred: once, monthly, as a share of the fees, per unit or per in-house FTE let go. Changing it converts the figure (see docs/editing.md).",
    ),
    (
        "options[].hidden[].cost.amount",
        "The amount, in the model currency: in total (once), per month, per unit at the vendor, or per in-house FTE let go.",
    ),
    (
        "options[].hidden[].cost.pct",
        "Share of the vendor's fees, in percent; negative for SLA credits paid back to you (−100 % to 0 %).",
    ),
    ("options[].hidden[].cost.month", "The month it is paid, counted from 0."),
    ("options[].hidden[].cost.from", "First month it is paid, counted from 0."),
    ("options[].hidden[].cost.to", "First month it is no longer paid; none runs to the horizon."),
    ("options[].hidden[].note", "The source of the figure (catalog entries carry their published source)."),
    (
        "scenarios[].overrides[].value",
        "The input's value in this scenario, in the input's own unit; it replaces the base model's value.",
    ),
    (
        "scenarios[].overrides[].change",
        "How much the scenario changes the base model's value: a percentage up or down, or a factor. It follows later edits of the base model.",
    ),
    (
        "presentation.slides[]",
        "A slide of the presentation (F5), in the order shown. With none chosen, every slide is shown.",
    ),
    (
        "presentation.slides[].notes",
        "What you want to say on this slide: shown in the presenter view only, never to the audience.",
    ),
    (
        "presentation.pinned[]",
        "An input shown as a large slider while presenting (up to 8): moving it changes every chart at once.",
    ),
    (
        "presentation.pinned[].low",
        "The slider's lowest value, in the input's unit; left automatic, it is the distribution's low end or half the value.",
    ),
    (
        "presentation.pinned[].high",
        "The slider's highest value, in the input's unit; left automatic, it is the distribution's high end or 1.5 times the value.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inputs::inputs;

    #[test]
    fn indices_do_not_matter() {
        assert_eq!(field_help("options[3].retained[12].amount"), field_help("options[0].retained[0].amount"));
        assert!(field_help("options[3].retained[12].amount").is_some());
        assert_eq!(field_help("options[0].nonsense"), None);
    }

    #[test]
    fn every_input_of_every_sample_has_help() {
        for sample in crate::model::samples::SAMPLES {
            let model = crate::model::io::from_ron_str(sample.text).expect("sample loads");
            for input in inputs(&model) {
                assert!(field_help(&input.path).is_some(), "{} has no help", input.path);
            }
        }
    }

    #[test]
    fn every_key_is_written_once() {
        for (i, (key, _)) in HELP.iter().enumerate() {
            assert!(HELP[i + 1..].iter().all(|(k, _)| k != key), "{key} twice");
        }
    }
}
