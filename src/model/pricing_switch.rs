//! Changing how an offer is priced without losing its price: the one rule the editor (and any
//! other caller) uses when the pricing form of an option changes.
//!
//! What the two forms share carries over as it is (a unit price between per unit, tiered, per
//! outcome and the anchored extra-unit rate; a monthly fee between fixed fee and the anchored
//! baseline fee; an FTE-month rate between per FTE and per hour, through the hours). What they
//! do not share is priced to cost the same in a steady month at base volume (year-0 prices, the
//! whole volume at the vendor): a per-FTE rate of 2,000 for 13 vendor staff doing 1,000 units
//! becomes a unit price of 26. A distribution keeps its shape, scaled. When the old form costs
//! nothing at all (a new option), the price is set so that its fee is the average of the other
//! options' fees, in this option's currency; with no other priced option it stays 0, and
//! validation warns about the zero price.

use super::{Estimate, Model, Pricing, SourcingOption, Tier};

/// Hours in an FTE-month (40 a week, four weeks) where the model gives none: an hourly price
/// made from a monthly one, the rate card's hourly rates without an hourly offer.
pub const STANDARD_HOURS_PER_FTE_MONTH: f64 = 160.0;

/// What an option's price is converted through: its steady month at base volume.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SteadyMonth {
    /// Units at the vendor: the base monthly volume.
    pub units: f64,
    /// Vendor staff for those units at the option's productivity, rounded up.
    pub vendor_fte: f64,
    /// The average monthly fee of the other priced options, in this option's pricing
    /// currency; the fallback when this option's fee is 0.
    pub others_fee: Option<f64>,
}

/// Whole staff for `units` units at `per_fte` units each, rounded up as the engine's `ceil*`
/// rounds (12.0000000001 staff are 12); 0 when nothing can be said (no output per FTE).
pub(crate) fn staff_for(units: f64, per_fte: f64) -> f64 {
    let staff = (units / per_fte - 1e-9).ceil().max(0.0);
    if per_fte > 0.0 && staff.is_finite() { staff } else { 0.0 }
}

impl SteadyMonth {
    /// The steady month of option `option` of `model` (a missing option gets the in-house
    /// productivity and every option as "others").
    pub fn of(model: &Model, option: usize) -> Self {
        let units = model.workload.monthly_volume.base().max(0.0);
        let per_fte = model.in_house.units_per_fte_month.base();
        let staff = |o: &SourcingOption| staff_for(units, per_fte * o.productivity.base());
        let fx = |o: &SourcingOption| o.fx.as_ref().map_or(1.0, |fx| fx.rate.base());
        let this = model.options.get(option);
        let vendor_fte = this.map_or_else(|| staff_for(units, per_fte), staff);
        // Other options' fees in the model currency, then in this option's currency.
        let fees: Vec<f64> = model
            .options
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != option)
            .map(|(_, o)| monthly_fee(&o.pricing, units, staff(o)) * fx(o))
            .filter(|fee| fee.is_finite() && *fee > 0.0)
            .collect();
        let own_fx = this.map_or(1.0, fx);
        let others_fee = (!fees.is_empty() && own_fx > 0.0)
            .then(|| fees.iter().sum::<f64>() / fees.len() as f64 / own_fx)
            .filter(|fee| fee.is_finite());
        Self { units, vendor_fte, others_fee }
    }
}

/// The fee of `pricing` for `units` units done by `vendor_fte` staff, at base values and
/// year-0 prices, before any minimum.
pub fn monthly_fee(pricing: &Pricing, units: f64, vendor_fte: f64) -> f64 {
    match pricing {
        Pricing::PerFte { rate } => rate.base() * vendor_fte,
        Pricing::PerHour { rate, hours_per_fte } => rate.base() * hours_per_fte.base() * vendor_fte,
        Pricing::PerUnit { price } => price.base() * units,
        Pricing::FixedFee { monthly } => monthly.base(),
        Pricing::Tiered { tiers } => {
            let (mut total, mut floor) = (0.0, 0.0);
            for tier in tiers {
                if units <= floor {
                    break;
                }
                let up_to = tier.up_to.unwrap_or(f64::INFINITY);
                total += (units.min(up_to) - floor) * tier.price.base();
                floor = up_to;
            }
            total
        }
        Pricing::PerOutcome { price, outcome_rate } => price.base() * outcome_rate.base() * units,
        Pricing::Anchored { baseline_units, baseline_fee, band, arc, rrc } => {
            let (b, band) = (baseline_units.base(), band.base());
            let above = (units - b * (1.0 + band)).max(0.0);
            let below = (b * (1.0 - band) - units).max(0.0);
            baseline_fee.base() + arc.base() * above - rrc.base() * below
        }
    }
}

/// `old` as the form named `form` (one of [`Pricing::NAMES`]), costing what `old` costs in
/// `month` where nothing carries over as it is.
pub fn switch_pricing(old: &Pricing, form: &str, month: &SteadyMonth) -> Pricing {
    if old.name() == form {
        return old.clone();
    }
    let hours = match old {
        Pricing::PerHour { hours_per_fte, .. } => *hours_per_fte,
        _ => Estimate::Fixed(STANDARD_HOURS_PER_FTE_MONTH),
    };
    let fte_rate = match old {
        Pricing::PerFte { rate } => Some(*rate),
        Pricing::PerHour { rate, hours_per_fte } => Some(rate.scaled(hours_per_fte.base())),
        _ => None,
    };
    let unit_price = match old {
        Pricing::PerUnit { price } | Pricing::PerOutcome { price, .. } => Some(*price),
        Pricing::Tiered { tiers } => tiers.first().map(|t| t.price),
        Pricing::Anchored { arc, .. } => Some(*arc),
        _ => None,
    };
    let monthly = match old {
        Pricing::FixedFee { monthly } => Some(*monthly),
        Pricing::Anchored { baseline_fee, .. } => Some(*baseline_fee),
        _ => None,
    };
    // What the old form costs, or the other options' average when it costs nothing.
    let fee = Some(monthly_fee(old, month.units, month.vendor_fte))
        .filter(|f| f.is_finite() && *f > 0.0)
        .or(month.others_fee)
        .unwrap_or(0.0);
    let shape = main_price(old);
    // A price costing `fee` when multiplied by `per`, shaped like the old main price.
    let priced = |per: f64| -> Estimate {
        if per.is_nan() || per <= 0.0 {
            return Estimate::Fixed(0.0);
        }
        let target = round_price(fee / per);
        match shape.base() {
            b if b > 0.0 && b.is_finite() => shape.scaled(target / b),
            _ => Estimate::Fixed(target),
        }
    };
    let units = month.units;
    let price = unit_price.unwrap_or_else(|| priced(units));
    match form {
        "PerFte" => Pricing::PerFte { rate: fte_rate.unwrap_or_else(|| priced(month.vendor_fte)) },
        "PerHour" => {
            let h = hours.base();
            let rate = match fte_rate {
                Some(r) if h > 0.0 => r.scaled(1.0 / h),
                _ => priced(month.vendor_fte * h),
            };
            Pricing::PerHour { rate, hours_per_fte: hours }
        }
        "PerUnit" => Pricing::PerUnit { price },
        "FixedFee" => Pricing::FixedFee { monthly: monthly.unwrap_or_else(|| priced(1.0)) },
        "Tiered" => Pricing::Tiered { tiers: vec![Tier { up_to: None, price }] },
        "PerOutcome" => Pricing::PerOutcome { price, outcome_rate: Estimate::Fixed(1.0) },
        _ => Pricing::Anchored {
            baseline_units: Estimate::Fixed(units),
            baseline_fee: monthly.unwrap_or_else(|| priced(1.0)),
            band: Estimate::Fixed(0.1),
            arc: price,
            rrc: price,
        },
    }
}

/// The estimate a form's fee mostly follows, whose shape a converted price keeps.
fn main_price(pricing: &Pricing) -> Estimate {
    match pricing {
        Pricing::PerFte { rate } | Pricing::PerHour { rate, .. } => *rate,
        Pricing::PerUnit { price } | Pricing::PerOutcome { price, .. } => *price,
        Pricing::FixedFee { monthly } => *monthly,
        Pricing::Tiered { tiers } => tiers.first().map(|t| t.price).unwrap_or_default(),
        Pricing::Anchored { baseline_fee, .. } => *baseline_fee,
    }
}

/// A converted price to four significant figures (2,096.15… → 2,096; 0.012345 → 0.01235): the
/// editor shows what a person would type, and the fee stays within 0.05 % of the old one.
fn round_price(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 3 - x.abs().log10().floor() as i32;
    let scale = 10f64.powi(digits);
    (x * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Distribution;

    /// 1,000 units a month done by 13 vendor staff; no other option.
    const MONTH: SteadyMonth = SteadyMonth { units: 1000.0, vendor_fte: 13.0, others_fee: None };

    fn fee(p: &Pricing) -> f64 {
        monthly_fee(p, MONTH.units, MONTH.vendor_fte)
    }

    #[test]
    fn shared_prices_carry_over_exactly() {
        let hourly = Pricing::PerHour { rate: Estimate::Fixed(11.0), hours_per_fte: Estimate::Fixed(160.0) };
        let monthly = switch_pricing(&hourly, "PerFte", &MONTH);
        assert_eq!(monthly, Pricing::PerFte { rate: Estimate::Fixed(1760.0) });
        assert_eq!(switch_pricing(&monthly, "PerHour", &MONTH), hourly);
        let unit = Pricing::PerUnit { price: Estimate::Fixed(2.0) };
        let Pricing::Tiered { tiers } = switch_pricing(&unit, "Tiered", &MONTH) else { panic!("tiered") };
        assert_eq!(tiers, vec![Tier { up_to: None, price: Estimate::Fixed(2.0) }]);
        let fixed = Pricing::FixedFee { monthly: Estimate::Fixed(30_000.0) };
        let Pricing::Anchored { baseline_fee, .. } = switch_pricing(&fixed, "Anchored", &MONTH) else {
            panic!("anchored")
        };
        assert_eq!(baseline_fee, Estimate::Fixed(30_000.0));
    }

    #[test]
    fn a_price_with_nothing_shared_costs_the_same_in_a_steady_month() {
        let per_fte = Pricing::PerFte { rate: Estimate::Fixed(2000.0) };
        for form in Pricing::NAMES {
            let switched = switch_pricing(&per_fte, form, &MONTH);
            assert_eq!(switched.name(), form);
            let (old, new) = (fee(&per_fte), fee(&switched));
            assert!((new - old).abs() <= 5e-4 * old, "{form}: {new} against {old}");
        }
        assert_eq!(switch_pricing(&per_fte, "PerUnit", &MONTH), Pricing::PerUnit { price: Estimate::Fixed(26.0) });
    }

    #[test]
    fn a_distribution_keeps_its_shape_when_converted() {
        let rate = Estimate::Uncertain(Distribution::Triangular { low: 1500.0, mode: 2000.0, high: 3000.0 });
        let Pricing::PerUnit { price } = switch_pricing(&Pricing::PerFte { rate }, "PerUnit", &MONTH) else {
            panic!("per unit")
        };
        assert_eq!(price, Estimate::Uncertain(Distribution::Triangular { low: 19.5, mode: 26.0, high: 39.0 }));
    }

    #[test]
    fn an_unpriced_option_takes_the_other_options_average_fee() {
        let blank = Pricing::PerFte { rate: Estimate::Fixed(0.0) };
        let month = SteadyMonth { others_fee: Some(25_000.0), ..MONTH };
        assert_eq!(switch_pricing(&blank, "PerUnit", &month), Pricing::PerUnit { price: Estimate::Fixed(25.0) });
        assert_eq!(switch_pricing(&blank, "FixedFee", &MONTH), Pricing::FixedFee { monthly: Estimate::Fixed(0.0) });
    }

    #[test]
    fn the_steady_month_counts_vendor_staff_and_averages_the_others_in_this_currency() {
        let text = r#"(format_version: 1, name: "m", currency: "USD", start_month: 1, horizon_months: 12,
            discount_rate: 0.1,
            workload: (unit: "invoice", monthly_volume: 1000.0, annual_growth: 0.0),
            in_house: (units_per_fte_month: 100.0, costs: []),
            options: [
                (name: "A", shore: Offshore, pricing: PerUnit(price: 20.0), productivity: 0.8),
                (name: "B", shore: Nearshore, pricing: FixedFee(monthly: 40000.0)),
                (name: "C", shore: Offshore, pricing: PerFte(rate: 0.0), fx: Some((currency: "EUR", rate: 1.25))),
            ])"#;
        let model = crate::model::io::from_ron_str(text).expect("loads");
        let a = SteadyMonth::of(&model, 0);
        assert_eq!((a.units, a.vendor_fte), (1000.0, 13.0));
        // C costs nothing, so A's fallback is B's fee alone.
        assert_eq!(a.others_fee, Some(40_000.0));
        // (20,000 + 40,000) / 2 USD = 30,000 USD = 24,000 EUR.
        assert_eq!(SteadyMonth::of(&model, 2).others_fee, Some(24_000.0));
    }

    #[test]
    fn converted_prices_read_as_typed() {
        assert_eq!(round_price(2096.153846), 2096.0);
        assert_eq!(round_price(0.0123456), 0.01235);
        assert_eq!(round_price(26.0), 26.0);
    }
}
