//! The unit of every input, so a value reads as what it is: "USD 4.30 per invoice",
//! "EUR 2,950 per FTE-month", "1,000 invoices per FTE-month", "3.5 % a year".

use super::inputs::{HiddenField, InputSite, LineField, OptionField, input, site_of};
use super::{Behavior, CostLine, HiddenCostKind, Model, Period, Pricing, ValueKind};

/// An input's value with its currency and unit, as a person would say it.
pub fn value_with_unit(model: &Model, path: &str, value: f64) -> String {
    let Ok(info) = input(model, path) else { return plain(value) };
    let Some(site) = site_of(model, path) else { return plain(value) };
    if info.kind.is_percentage() {
        let yearly = matches!(info.kind, ValueKind::Growth);
        return format!("{} %{}", decimals(value * 100.0), if yearly { " a year" } else { "" });
    }
    let unit = singular(&model.workload.unit);
    let units = model.workload.unit.trim();
    let option = |o: usize| model.options.get(o);
    let money = |currency: &str, per: &str| {
        let per = if per.is_empty() { String::new() } else { format!(" {per}") };
        format!("{currency} {}{per}", plain(value))
    };
    let model_money = |per: &str| money(&model.currency, per);
    // An option's prices are in its pricing currency.
    let priced = |o: usize, per: &str| {
        let currency = option(o).and_then(|o| o.fx.as_ref()).map_or(model.currency.as_str(), |fx| fx.currency.as_str());
        money(currency, per)
    };
    match site {
        InputSite::DiscountRate | InputSite::AnnualGrowth => format!("{} % a year", decimals(value * 100.0)),
        InputSite::MonthlyVolume => format!("{} {units} a month", plain(value)),
        InputSite::UnitsPerFte => format!("{} {units} per FTE-month", plain(value)),
        InputSite::InHouseCost { line, field: LineField::Amount } => {
            model_money(&line_unit(model.in_house.costs.get(line), unit))
        }
        InputSite::InHouseCost { field: LineField::Escalation, .. } => format!("{} % a year", decimals(value * 100.0)),
        InputSite::Option { option: o, field } => match field {
            OptionField::Rate => match option(o).map(|x| &x.pricing) {
                Some(Pricing::PerHour { .. }) => priced(o, "per hour"),
                _ => priced(o, "per FTE-month"),
            },
            OptionField::HoursPerFte => format!("{} hours per FTE-month", plain(value)),
            OptionField::Price => match option(o).map(|x| &x.pricing) {
                Some(Pricing::PerOutcome { .. }) => priced(o, "per outcome"),
                _ => priced(o, &format!("per {unit}")),
            },
            OptionField::TierPrice(_) | OptionField::Arc | OptionField::Rrc => priced(o, &format!("per {unit}")),
            OptionField::Monthly | OptionField::BaselineFee | OptionField::MinimumMonthly => priced(o, "a month"),
            OptionField::BaselineUnits => format!("{} {units} a month", plain(value)),
            OptionField::Productivity => format!("{}× an in-house FTE", decimals(value)),
            OptionField::FxRate => {
                let theirs = option(o).and_then(|x| x.fx.as_ref()).map_or("", |fx| fx.currency.as_str());
                format!("{} {} per {theirs}", model.currency, decimals(value))
            }
            OptionField::Retained { line, field: LineField::Amount } => {
                model_money(&line_unit(option(o).and_then(|x| x.retained.get(line)), unit))
            }
            OptionField::Hidden { item, field: HiddenField::Amount } => {
                let per = match option(o).and_then(|x| x.hidden.get(item)).map(|h| &h.cost) {
                    Some(HiddenCostKind::OneTime { .. }) => "once".to_owned(),
                    Some(HiddenCostKind::Monthly { .. }) => "a month".to_owned(),
                    Some(HiddenCostKind::PerUnit { .. }) => format!("per {unit}"),
                    _ => "per FTE let go".to_owned(),
                };
                model_money(&per)
            }
            // Percentages are handled above; any other number of an option is plain.
            _ => plain(value),
        },
    }
}

/// What a cost line's amount is per: "per FTE a year", "a month", "per invoice".
fn line_unit(line: Option<&CostLine>, unit: &str) -> String {
    let Some(line) = line else { return String::new() };
    let period = match line.period {
        Period::Month => "a month",
        Period::Year => "a year",
    };
    match line.behavior {
        Behavior::Fixed => period.to_owned(),
        Behavior::PerFte => format!("per FTE {period}"),
        Behavior::PerUnit => format!("per {unit}"),
        Behavior::Step { per } => format!("per {} FTE {period}", plain(per)),
    }
}

/// "invoices" → "invoice": a per-unit price reads better in the singular.
pub fn singular(unit: &str) -> &str {
    let unit = unit.trim();
    unit.strip_suffix('s').filter(|s| !s.is_empty()).unwrap_or(unit)
}

/// An input's estimate as a person reads it: "USD 55,000 per FTE-year", or its distribution with
/// each parameter in the input's unit ("Triangular: low USD 52,000 per FTE-year, mode …").
pub fn estimate_with_unit(model: &Model, path: &str, estimate: &super::Estimate) -> String {
    match estimate.distribution() {
        None => value_with_unit(model, path, estimate.base()),
        Some(d) => {
            let parameters: Vec<String> = d
                .parameters()
                .into_iter()
                .map(|(name, value)| format!("{name} {}", value_with_unit(model, path, value)))
                .collect();
            format!("{}: {}", d.name(), parameters.join(", "))
        }
    }
}

/// A number as a person would write it: thousands separated at 1,000 and above, else with
/// the decimals it needs (4.30, 0.0125).
fn plain(x: f64) -> String {
    if x.abs() >= 1000.0 { crate::format::thousands(x) } else { decimals(x) }
}

/// Two decimals, up to four for a number below 1 that needs them (0.018, 0.0125).
fn decimals(x: f64) -> String {
    match x.abs() {
        0.0 => "0".to_owned(),
        a if a < 1.0 => {
            let text = format!("{x:.4}");
            let decimals = text.split('.').nth(1).map_or(0, str::len);
            let zeros = text.len() - text.trim_end_matches('0').len();
            text[..text.len() - zeros.min(decimals.saturating_sub(2))].to_owned()
        }
        a if a < 100.0 => format!("{x:.2}"),
        _ => format!("{x:.1}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Model {
        crate::model::samples::contract_example()
    }

    #[test]
    fn prices_read_with_their_currency_and_what_they_are_per() {
        let m = example();
        assert_eq!(value_with_unit(&m, "options[0].pricing.rate", 11.5), "USD 11.50 per hour");
        assert_eq!(value_with_unit(&m, "options[0].minimum_monthly", 100_000.0), "USD 100,000 a month");
        assert_eq!(value_with_unit(&m, "in_house.costs[0].amount", 55_000.0), "USD 55,000 per FTE a year");
        assert_eq!(value_with_unit(&m, "in_house.costs[3].amount", 0.12), "USD 0.12 per contact");
        assert_eq!(value_with_unit(&m, "options[0].hidden[0].cost.amount", 60_000.0), "USD 60,000 once");
    }

    #[test]
    fn quantities_and_percentages_read_with_their_unit() {
        let m = example();
        assert_eq!(value_with_unit(&m, "workload.monthly_volume", 150_000.0), "150,000 contacts a month");
        assert_eq!(value_with_unit(&m, "in_house.units_per_fte_month", 1250.0), "1,250 contacts per FTE-month");
        assert_eq!(value_with_unit(&m, "options[0].productivity", 0.9), "0.90× an in-house FTE");
        assert_eq!(value_with_unit(&m, "options[0].rate_escalation", 0.05), "5.00 % a year");
        assert_eq!(value_with_unit(&m, "options[0].hidden[3].cost.pct", 0.045), "4.50 %");
    }

    #[test]
    fn an_option_billing_in_another_currency_is_priced_in_it() {
        let mut m = example();
        m.options[0].fx = Some(crate::model::Fx {
            currency: "PHP".into(),
            rate: crate::model::Estimate::Fixed(0.018),
            annual_change: crate::model::Estimate::Fixed(0.0),
        });
        assert_eq!(value_with_unit(&m, "options[0].pricing.rate", 620.0), "PHP 620.0 per hour");
        assert_eq!(value_with_unit(&m, "options[0].fx.rate", 0.018), "USD 0.018 per PHP");
    }
}
