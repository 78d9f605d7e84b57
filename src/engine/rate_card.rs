//! Labour rates side by side: what one FTE-month costs in-house and at each vendor, plan year
//! by plan year, and what it costs per FTE of in-house-equivalent work, so "41 % cheaper" can
//! be read as "1,760 against 5,400 per productive FTE-month".
//!
//! The contract defines no rate card; the allocation rule is Shoreline's own and is documented
//! in `docs/figures.md`:
//! - in-house: every in-house cost line (fixed and step lines included) divided by the paid
//!   in-house staff, month by month summed over the plan year;
//! - an option: its fees (after the minimum, through fx, in the model currency) and retained
//!   cost divided by the vendor's staff. Parallel running and hidden costs are left out: they
//!   are costs of the move, not of the labour, and the totals already carry them;
//! - productivity: in-house-equivalent FTE of work per paid FTE, i.e. units done divided by
//!   `units_per_fte_month`, per paid FTE-month. An option's includes its learning dip and the
//!   rounding up of vendor staff; in-house it is below 1 when staff are sized to the peak;
//! - rate per productive FTE-month = rate per paid FTE-month ÷ productivity;
//! - per hour = rate per FTE-month ÷ the hours of an FTE-month: the first per-hour offer's
//!   `hours_per_fte`, so the in-house figure is on the vendor's billing basis, else 160.

use serde::Serialize;

use super::plan::{Fees, Plan};
use super::project::Projection;

pub use crate::model::pricing_switch::STANDARD_HOURS_PER_FTE_MONTH;

/// The rate card of a model: one entry per plan year of the horizon.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RateCard {
    /// The hours of an FTE-month the hourly rates are based on.
    pub hours_per_fte_month: f64,
    /// Each plan year, in order (the last may be shorter than 12 months).
    pub years: Vec<RateYear>,
}

/// One plan year of the rate card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RateYear {
    /// Plan year, counted from 1.
    pub year: u32,
    /// Months of the horizon in this plan year (12, or fewer in a last, partial year).
    pub months: u32,
    /// The in-house operation.
    pub in_house: Rate,
    /// Each option, in model order.
    pub options: Vec<Rate>,
}

/// The rates of in-house or one option over a plan year, in the model currency.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Rate {
    /// Average paid staff per month.
    pub fte: f64,
    /// Cost per paid FTE-month; `None` without staff.
    pub per_fte_month: Option<f64>,
    /// Cost per paid FTE-hour; `None` without staff.
    pub per_hour: Option<f64>,
    /// In-house-equivalent FTE of work per paid FTE; `None` without staff.
    pub productivity: Option<f64>,
    /// Cost per in-house-equivalent FTE-month of work; `None` without work.
    pub per_productive_fte_month: Option<f64>,
}

impl Rate {
    /// The rate of `cost` for `paid` FTE-months doing `productive` in-house-equivalent
    /// FTE-months of work, over `months` months.
    fn of(cost: f64, paid: f64, productive: f64, months: f64, hours: f64) -> Self {
        let per = |total: f64, by: f64| (by > 0.0).then(|| total / by);
        let per_fte_month = per(cost, paid);
        Self {
            fte: paid / months,
            per_fte_month,
            per_hour: per_fte_month.and_then(|r| per(r, hours)),
            productivity: per(productive, paid),
            per_productive_fte_month: per(cost, productive),
        }
    }

    /// How much cheaper than `other` per productive FTE-month, as a share of `other`'s rate
    /// (0.41 = 41 % cheaper; negative when dearer).
    pub fn cheaper_than(&self, other: &Rate) -> Option<f64> {
        match (self.per_productive_fte_month, other.per_productive_fte_month) {
            (Some(a), Some(b)) if b > 0.0 => Some(1.0 - a / b),
            _ => None,
        }
    }
}

/// The rate card of `projection`, a run of `plan` with input values `values`.
pub fn rate_card(plan: &Plan, values: &[f64], projection: &Projection) -> RateCard {
    let hours = hours_per_fte_month(plan, values);
    let per_fte = values[plan.units_per_fte.0];
    let h = plan.horizon;
    let years = (0..h.div_ceil(12))
        .map(|y| {
            let months = y * 12..((y + 1) * 12).min(h);
            let n = months.len() as f64;
            let sum = |series: &[f64]| series[months.clone()].iter().sum::<f64>();
            let in_house =
                Rate::of(sum(&projection.cost), sum(&projection.fte), sum(&projection.volume) / per_fte, n, hours);
            let options = projection
                .options
                .iter()
                .map(|o| {
                    let cost = sum(&o.fees) + sum(&o.retained);
                    Rate::of(cost, sum(&o.fte), sum(&o.units) / per_fte, n, hours)
                })
                .collect();
            RateYear { year: y as u32 + 1, months: months.len() as u32, in_house, options }
        })
        .collect();
    RateCard { hours_per_fte_month: hours, years }
}

/// The first per-hour offer's hours per FTE-month, else the standard 160.
fn hours_per_fte_month(plan: &Plan, values: &[f64]) -> f64 {
    plan.options
        .iter()
        .find_map(|o| match o.fees {
            Fees::PerHour { hours, .. } => Some(values[hours.0]),
            _ => None,
        })
        .filter(|h| *h > 0.0)
        .unwrap_or(STANDARD_HOURS_PER_FTE_MONTH)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::io::from_ron_str;

    fn card(pricing: &str, staffing: &str) -> RateCard {
        let text = format!(
            r#"(format_version: 1, name: "r", currency: "USD", start_month: 1, horizon_months: 18,
            discount_rate: 0.0,
            workload: (unit: "invoice", monthly_volume: 1000.0, annual_growth: 0.0),
            in_house: (units_per_fte_month: 100.0, staffing: {staffing}, costs: [
                (name: "Clerk", behavior: PerFte, amount: 5000.0),
                (name: "Office", behavior: Fixed, amount: 10000.0),
            ]),
            options: [(name: "Manila", shore: Offshore, pricing: {pricing}, productivity: 0.8,
                retained: [(name: "Manager", behavior: Fixed, amount: 1250.0)])])"#
        );
        let model = from_ron_str(&text).expect("test model loads");
        let plan = Plan::new(&model);
        let values = plan.base_values();
        rate_card(&plan, &values, &Projection::new(&plan, &values))
    }

    #[test]
    fn in_house_rate_spreads_every_line_over_the_paid_staff() {
        let card = card("PerFte(rate: 2000.0)", "Flexible");
        let year = &card.years[0];
        // 10 clerks: 50,000 + 10,000 office = 60,000 a month, 6,000 per FTE-month.
        assert_eq!(year.in_house.fte, 10.0);
        assert_eq!(year.in_house.per_fte_month, Some(6000.0));
        assert_eq!(year.in_house.per_hour, Some(6000.0 / STANDARD_HOURS_PER_FTE_MONTH));
        assert_eq!(year.in_house.productivity, Some(1.0));
        assert_eq!(year.in_house.per_productive_fte_month, Some(6000.0));
    }

    #[test]
    fn vendor_rate_is_fees_and_retained_per_vendor_fte_and_per_productive_fte() {
        let card = card("PerFte(rate: 2000.0)", "Flexible");
        let manila = &card.years[0].options[0];
        // 1,000 units at 80 a vendor FTE: 12.5 → 13 FTE; 26,000 fees + 1,250 retained.
        assert_eq!(manila.fte, 13.0);
        assert_eq!(manila.per_fte_month, Some(27_250.0 / 13.0));
        assert_eq!(manila.productivity, Some(10.0 / 13.0));
        // 10 in-house-equivalent FTE of work for 27,250.
        assert_eq!(manila.per_productive_fte_month, Some(2725.0));
        let cheaper = manila.cheaper_than(&card.years[0].in_house).expect("both have work");
        assert!((cheaper - (1.0 - 2725.0 / 6000.0)).abs() < 1e-12);
    }

    #[test]
    fn hourly_rates_use_the_first_hourly_offers_hours() {
        let card = card("PerHour(rate: 12.5, hours_per_fte: 168.0)", "Flexible");
        assert_eq!(card.hours_per_fte_month, 168.0);
        let manila = &card.years[0].options[0];
        assert_eq!(manila.per_hour, Some((12.5 * 168.0 * 13.0 + 1250.0) / 13.0 / 168.0));
    }

    #[test]
    fn a_partial_last_year_counts_its_own_months() {
        let card = card("PerFte(rate: 2000.0)", "SizedToPeak");
        assert_eq!(card.years.len(), 2);
        assert_eq!((card.years[0].months, card.years[1].months), (12, 6));
        assert_eq!(card.years[1].in_house.fte, 10.0);
    }

    #[test]
    fn no_staff_means_no_rate_rather_than_infinity() {
        let rate = Rate::of(12_000.0, 0.0, 0.0, 12.0, STANDARD_HOURS_PER_FTE_MONTH);
        assert_eq!((rate.fte, rate.per_fte_month, rate.per_hour), (0.0, None, None));
        assert_eq!((rate.productivity, rate.per_productive_fte_month), (None, None));
    }
}
