//! The rules of contract §2–§3, one small hand-computed model each.
//!
//! Every model is written as RON text, the way a user would write it, and every expected number
//! was worked out by hand from the contract (the arithmetic is in the comment above the assert).

use shoreline::engine::{Evaluation, OptionResult};
use shoreline::model::{self, HiddenCategory, Model, UnknownInput, io};

/// Parses `Model(format_version: 1, name: "rule", currency: "USD", <body>)` and checks it is valid.
fn model(body: &str) -> Model {
    let text = format!("Model(format_version: 1, name: \"rule\", currency: \"USD\", {body})");
    let m = io::from_ron_str(&text).unwrap_or_else(|e| panic!("the model parses: {e}\n{text}"));
    let problems = model::validate(&m);
    assert!(!problems.has_errors(), "the model is valid: {problems:?}\n{text}");
    m
}

fn evaluate(body: &str) -> Evaluation {
    Evaluation::of_model(&model(body))
}

fn option(e: &Evaluation, i: usize) -> &OptionResult {
    e.options.get(i).expect("the option exists")
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tolerance, "expected {expected}, got {actual}");
}

#[track_caller]
fn close_some(actual: Option<f64>, expected: f64) {
    match actual {
        Some(a) => close(a, expected),
        None => panic!("expected {expected}, got null"),
    }
}

#[track_caller]
fn series(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "series length: {actual:?} vs {expected:?}");
    for (t, (a, e)) in actual.iter().zip(expected).enumerate() {
        let tolerance = 1e-9 * e.abs().max(1.0);
        assert!(
            (a - e).abs() <= tolerance,
            "month {t}: expected {e}, got {a}\n  actual   {actual:?}\n  expected {expected:?}"
        );
    }
}

/// 1 000 units a month, 100 per FTE: 10 in-house staff at 3 000 = 30 000 a month.
const TEN_AGENTS: &str = r#"
    workload: (unit: "tickets", monthly_volume: 1000.0),
    in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 3000.0)]),
"#;

fn with_pricing(pricing: &str, extra: &str) -> Evaluation {
    evaluate(&format!(
        r#"horizon_months: 3, discount_rate: 0.0, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Offshore, pricing: {pricing}{extra})]"#
    ))
}

// ---------------------------------------------------------------------------------------------
// Pricing forms (§2 fees)

#[test]
fn per_fte_fees_are_the_rate_times_vendor_staff_at_the_vendors_productivity() {
    let e = evaluate(&format!(
        r#"horizon_months: 3, discount_rate: 0.08, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Offshore, pricing: PerFte(rate: 2000.0), productivity: 0.8)]"#
    ));
    let o = option(&e, 0);
    // vfte = ceil*(1000 / (100 · 0.8)) = ceil(12.5) = 13; fees = 2000 · 13 = 26 000
    series(&o.fte, &[13.0; 3]);
    series(&o.fees, &[26000.0; 3]);
    // savings = 30 000 − 26 000 = 4 000 a month
    series(&o.savings, &[4000.0; 3]);
    series(&o.cumulative_savings, &[4000.0, 8000.0, 12000.0]);
    close(o.total, 78000.0);
    close(o.savings_total, 12000.0);
    // 12 000 / 90 000
    close_some(o.savings_pct, 12000.0 / 90000.0);
    // NPV = Σ 4000 · 1.08^(−(t+1)/12), t = 0..2
    let npv: f64 = (1..=3).map(|k| 4000.0 * 1.08_f64.powf(-f64::from(k) / 12.0)).sum();
    close(o.npv, npv);
    // 78 000 / 3 000 units
    close_some(o.cost_per_unit, 26.0);
    close(e.in_house.total, 90000.0);
    close_some(e.in_house.cost_per_unit, 30.0);
}

#[test]
fn per_hour_fees_are_rate_times_hours_per_fte_times_vendor_staff() {
    let e = with_pricing("PerHour(rate: 12.5, hours_per_fte: 160.0)", "");
    // vfte = 10; 12.5 · 160 · 10 = 20 000
    series(&option(&e, 0).fees, &[20000.0; 3]);
}

#[test]
fn per_unit_fees_are_the_price_times_vendor_units() {
    let e = with_pricing("PerUnit(price: 18.0)", "");
    // 18 · 1000
    series(&option(&e, 0).fees, &[18000.0; 3]);
    close(option(&e, 0).variable_total, 54000.0);
}

#[test]
fn a_fixed_fee_is_paid_whatever_the_volume_and_is_fixed() {
    let e = with_pricing("FixedFee(monthly: 25000.0)", "");
    let o = option(&e, 0);
    series(&o.fees, &[25000.0; 3]);
    close(o.fixed_total, 75000.0);
    close(o.variable_total, 0.0);
}

#[test]
fn tiered_prices_are_graduated_each_tier_priced_on_the_units_inside_it() {
    // Seasonality makes the volumes 1000, 500 and 250.
    let e = evaluate(
        r#"horizon_months: 3, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0,
                   seasonality: [1.0, 0.5, 0.25, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 3000.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: Tiered(tiers: [
            (up_to: Some(300.0), price: 20.0),
            (up_to: Some(800.0), price: 15.0),
            (up_to: None, price: 10.0),
        ]))]"#,
    );
    // 1000 units: 300·20 + 500·15 + 200·10 = 6000 + 7500 + 2000 = 15 500
    // 500 units:  300·20 + 200·15 = 6000 + 3000 = 9 000
    // 250 units:  250·20 = 5 000
    series(&option(&e, 0).fees, &[15500.0, 9000.0, 5000.0]);
}

#[test]
fn per_outcome_fees_are_price_times_outcome_rate_times_units() {
    let e = with_pricing("PerOutcome(price: 40.0, outcome_rate: 0.25)", "");
    // 40 · 0.25 · 1000 = 10 000
    series(&option(&e, 0).fees, &[10000.0; 3]);
}

#[test]
fn anchored_fees_charge_arc_above_the_band_nothing_inside_and_credit_rrc_below() {
    // Volumes 1200, 1050 and 800 against a baseline of 1000 ± 10 % (900..1100).
    let e = evaluate(
        r#"horizon_months: 3, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0,
                   seasonality: [1.2, 1.05, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 3000.0)]),
        options: [(name: "Vendor", shore: Offshore,
                   pricing: Anchored(baseline_units: 1000.0, baseline_fee: 20000.0, band: 0.1, arc: 15.0, rrc: 12.0))]"#,
    );
    let o = option(&e, 0);
    // above: 20 000 + 15 · (1200 − 1100) = 21 500
    // inside: 20 000
    // below: 20 000 − 12 · (900 − 800) = 18 800
    series(&o.fees, &[21500.0, 20000.0, 18800.0]);
    // the baseline fee is fixed (3 · 20 000); the rest is variable (+1500 − 1200)
    close(o.fixed_total, 60000.0);
    close(o.variable_total, 300.0);
}

// ---------------------------------------------------------------------------------------------
// Volume and staffing

const OFFSET_SEASON: &str = r#"
    start_month: 11, horizon_months: 15, discount_rate: 0.0,
    workload: (unit: "tickets", monthly_volume: 1000.0,
               seasonality: [0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0]),
"#;

#[test]
fn seasonality_is_looked_up_from_the_start_month() {
    let e = evaluate(&format!(
        r#"{OFFSET_SEASON}
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 1000.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0))]"#
    ));
    // t = 0 is November: S[(11 − 1 + t) mod 12]. October (×2) is t = 11, January (×0.5) t = 2 and 14.
    let mut volume = vec![1000.0; 15];
    volume[2] = 500.0;
    volume[11] = 2000.0;
    volume[14] = 500.0;
    series(&e.in_house.volume, &volume);
}

#[test]
fn sized_to_peak_staffs_every_month_for_the_busiest_month_of_its_plan_year() {
    let e = evaluate(&format!(
        r#"{OFFSET_SEASON}
        in_house: (units_per_fte_month: 100.0, staffing: SizedToPeak,
                   costs: [(name: "Agent", behavior: PerFte, amount: 1000.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0))]"#
    ));
    // Plan year 0 (t 0..11, Nov..Oct) peaks in October at 2000/100 = 20 staff.
    // Plan year 1 (t 12..14, Nov, Dec, Jan — the horizon ends there) peaks at 10.
    let mut fte = vec![20.0; 12];
    fte.extend([10.0; 3]);
    series(&e.in_house.fte, &fte);
    let cost: Vec<f64> = fte.iter().map(|f| f * 1000.0).collect();
    series(&e.in_house.cost, &cost);
}

#[test]
fn flexible_staff_follow_each_months_need() {
    let e = evaluate(&format!(
        r#"{OFFSET_SEASON}
        in_house: (units_per_fte_month: 100.0, staffing: Flexible,
                   costs: [(name: "Agent", behavior: PerFte, amount: 1000.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0))]"#
    ));
    let mut fte = vec![10.0; 15];
    fte[2] = 5.0;
    fte[11] = 20.0;
    fte[14] = 5.0;
    series(&e.in_house.fte, &fte);
}

#[test]
fn ceil_star_rounds_12_0000000001_staff_to_12_not_13() {
    // 1200.00000001 / 100 = 12.0000000001 → 12, for in-house and vendor staff alike
    let e = evaluate(
        r#"horizon_months: 1, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1200.00000001),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 1.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerFte(rate: 1.0))]"#,
    );
    series(&e.in_house.fte, &[12.0]);
    series(&option(&e, 0).fte, &[12.0]);
    // ... but 12.00001 staff are 13.
    let e = evaluate(
        r#"horizon_months: 1, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1200.001),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 1.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerFte(rate: 1.0))]"#,
    );
    series(&e.in_house.fte, &[13.0]);
    series(&option(&e, 0).fte, &[13.0]);
}

#[test]
fn volume_grows_by_annual_growth_to_the_power_t_over_12() {
    let e = evaluate(
        r#"horizon_months: 13, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0, annual_growth: 0.21),
        in_house: (units_per_fte_month: 100.0, staffing: Flexible,
                   costs: [(name: "Postage", behavior: PerUnit, amount: 1.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0))]"#,
    );
    let v = &e.in_house.volume;
    // 1000 · 1.21^(1/12), 1000 · 1.21^(6/12) = 1100, 1000 · 1.21 = 1210
    close(v[1], 1000.0 * 1.21_f64.powf(1.0 / 12.0));
    close(v[6], 1100.0);
    close(v[12], 1210.0);
    // fte: 10, ceil*(10.16) = 11, ceil*(11.0) = 11, ceil*(12.1) = 13
    assert_eq!([e.in_house.fte[0], e.in_house.fte[1], e.in_house.fte[6], e.in_house.fte[12]], [10.0, 11.0, 11.0, 13.0]);
    // a PerUnit line costs amount · volume
    close(e.in_house.cost[12], 1210.0);
}

// ---------------------------------------------------------------------------------------------
// Escalation, periods and windows

#[test]
fn escalation_steps_up_by_plan_year_month_11_versus_month_12() {
    let e = evaluate(
        r#"horizon_months: 25, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Rent", behavior: Fixed, amount: 1000.0, escalation: 0.1)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0))]"#,
    );
    let c = &e.in_house.cost;
    // 1000 · 1.1^0 through month 11, 1000 · 1.1^1 from month 12, 1000 · 1.1^2 at month 24
    close(c[0], 1000.0);
    close(c[11], 1000.0);
    close(c[12], 1100.0);
    close(c[23], 1100.0);
    close(c[24], 1210.0);
}

#[test]
fn a_yearly_amount_is_divided_by_12_before_escalation() {
    let e = evaluate(
        r#"horizon_months: 25, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [
            (name: "Lease", behavior: Fixed, period: Year, amount: 24000.0, escalation: 0.5),
            (name: "Salary", behavior: PerFte, period: Year, amount: 36000.0),
        ]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0))]"#,
    );
    let c = &e.in_house.cost;
    // lease 24 000 / 12 = 2 000, ·1.5 = 3 000, ·1.5² = 4 500; salary 36 000 / 12 · 10 staff = 30 000
    close(c[11], 32000.0);
    close(c[12], 33000.0);
    close(c[24], 34500.0);
}

#[test]
fn pricing_money_escalates_by_plan_year_but_hours_tiers_baseline_and_band_do_not() {
    let e = evaluate(
        r#"horizon_months: 13, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1200.0),
        in_house: (units_per_fte_month: 120.0, costs: [(name: "Agent", behavior: PerFte, amount: 3000.0)]),
        options: [
            (name: "Hourly", shore: Offshore, pricing: PerHour(rate: 10.0, hours_per_fte: 100.0), rate_escalation: 0.2),
            (name: "Tiered", shore: Offshore, rate_escalation: 0.5,
             pricing: Tiered(tiers: [(up_to: Some(300.0), price: 20.0), (up_to: None, price: 10.0)])),
            (name: "Anchored", shore: Offshore, rate_escalation: 0.1,
             pricing: Anchored(baseline_units: 1000.0, baseline_fee: 20000.0, band: 0.1, arc: 15.0, rrc: 12.0)),
        ]"#,
    );
    // vfte = 1200 / 120 = 10; year 0: 10 · 100 · 10 = 10 000; year 1: 12 · 100 · 10 = 12 000 (not 14 400)
    close(option(&e, 0).fees[11], 10000.0);
    close(option(&e, 0).fees[12], 12000.0);
    // year 0: 300·20 + 900·10 = 15 000; year 1: 300·30 + 900·15 = 22 500 (up_to stays 300)
    close(option(&e, 1).fees[11], 15000.0);
    close(option(&e, 1).fees[12], 22500.0);
    // year 0: 20 000 + 15 · (1200 − 1100) = 21 500; year 1: 22 000 + 16.5 · 100 = 23 650
    close(option(&e, 2).fees[11], 21500.0);
    close(option(&e, 2).fees[12], 23650.0);
}

#[test]
fn a_line_applies_from_its_start_month_up_to_but_not_including_its_end_month() {
    let e = evaluate(
        r#"horizon_months: 6, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [
            (name: "Project", behavior: Fixed, amount: 100.0, start_month: 2, end_month: Some(4)),
        ]),
        options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 0.0), retained: [
            (name: "Tool", behavior: Fixed, amount: 50.0, start_month: 1, end_month: Some(3)),
            (name: "Audit", behavior: Fixed, amount: 7.0, start_month: 4),
        ])]"#,
    );
    series(&e.in_house.cost, &[0.0, 0.0, 100.0, 100.0, 0.0, 0.0]);
    series(&option(&e, 0).retained, &[0.0, 50.0, 50.0, 0.0, 7.0, 7.0]);
}

// ---------------------------------------------------------------------------------------------
// Transition

#[test]
fn the_vendor_share_ramps_up_linearly_and_in_house_cost_is_paid_while_running_in_parallel() {
    let e = evaluate(&format!(
        r#"horizon_months: 5, discount_rate: 0.0, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 10.0),
                   transition: (ramp_months: 4, parallel_months: 2),
                   retained: [
                       (name: "QA per unit", behavior: PerUnit, amount: 1.0),
                       (name: "Licence per vendor FTE", behavior: PerFte, amount: 100.0),
                   ])]"#
    ));
    let o = option(&e, 0);
    // share = min(1, (t+1)/4): 0.25, 0.5, 0.75, 1, 1 → units 250, 500, 750, 1000, 1000
    series(&o.fees, &[2500.0, 5000.0, 7500.0, 10000.0, 10000.0]);
    // vfte = ceil*(units / 100): 3, 5, 8, 10, 10
    series(&o.fte, &[3.0, 5.0, 8.0, 10.0, 10.0]);
    // retained on (vfte, u): units·1 + vfte·100
    series(&o.retained, &[550.0, 1000.0, 1550.0, 2000.0, 2000.0]);
    // in-house 30 000 paid for t < 2
    series(&o.parallel, &[30000.0, 30000.0, 0.0, 0.0, 0.0]);
    series(&o.cost, &[33050.0, 36000.0, 9050.0, 12000.0, 12000.0]);
    series(&o.savings, &[-3050.0, -6000.0, 20950.0, 18000.0, 18000.0]);
}

#[test]
fn the_learning_dip_fades_linearly_and_raises_vendor_staff() {
    let e = with_pricing("PerFte(rate: 1000.0)", ", learning: Some((initial_dip: 0.2, months: 4))");
    let e5 = evaluate(&format!(
        r#"horizon_months: 5, discount_rate: 0.0, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Offshore, pricing: PerFte(rate: 1000.0),
                   learning: Some((initial_dip: 0.2, months: 4)))]"#
    ));
    // L = 0.8, 0.85, 0.9, 0.95, 1 → vfte = ceil*(1000/80, /85, /90, /95, /100) = 13, 12, 12, 11, 10
    series(&option(&e5, 0).fte, &[13.0, 12.0, 12.0, 11.0, 10.0]);
    series(&option(&e5, 0).fees, &[13000.0, 12000.0, 12000.0, 11000.0, 10000.0]);
    series(&option(&e, 0).fte, &[13.0, 12.0, 12.0]);
}

// ---------------------------------------------------------------------------------------------
// Minimum and fx

#[test]
fn the_minimum_monthly_fee_is_not_escalated_and_its_top_up_is_fixed() {
    let e = evaluate(&format!(
        r#"horizon_months: 13, discount_rate: 0.0, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 10.0),
                   minimum_monthly: 12000.0, rate_escalation: 0.5)]"#
    ));
    let o = option(&e, 0);
    // year 0: max(10 · 1000, 12 000) = 12 000; year 1: max(15 · 1000, 12 000) = 15 000
    let mut fees = vec![12000.0; 12];
    fees.push(15000.0);
    series(&o.fees, &fees);
    // the top-up 2 000 a month for 12 months is fixed; the raw fees 12·10 000 + 15 000 are variable
    close(o.fixed_total, 24000.0);
    close(o.variable_total, 135000.0);
}

#[test]
fn fx_converts_fees_and_the_minimum_at_a_rate_changing_by_plan_year() {
    let e = evaluate(&format!(
        r#"horizon_months: 13, discount_rate: 0.0, {TEN_AGENTS}
        options: [
            (name: "Manila", shore: Offshore, pricing: PerUnit(price: 500.0),
             fx: Some((currency: "PHP", rate: 0.02, annual_change: 0.1))),
            (name: "Manila with minimum", shore: Offshore, pricing: PerUnit(price: 500.0), minimum_monthly: 600000.0,
             fx: Some((currency: "PHP", rate: 0.02, annual_change: 0.1))),
        ]"#
    ));
    // 500 · 1000 PHP · 0.02 = 10 000 USD; year 1: · 0.022 = 11 000
    close(option(&e, 0).fees[11], 10000.0);
    close(option(&e, 0).fees[12], 11000.0);
    // the minimum is in PHP: 600 000 · 0.02 = 12 000; 600 000 · 0.022 = 13 200
    close(option(&e, 1).fees[0], 12000.0);
    close(option(&e, 1).fees[12], 13200.0);
}

// ---------------------------------------------------------------------------------------------
// Hidden costs

#[test]
fn a_one_time_hidden_cost_is_paid_once_in_its_month() {
    let e = evaluate(&format!(
        r#"horizon_months: 4, discount_rate: 0.0, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 1000.0), rate_escalation: 0.5,
                   hidden: [(name: "Selection", category: VendorSelection, cost: OneTime(amount: 5000.0, month: 2))])]"#
    ));
    series(&option(&e, 0).hidden, &[0.0, 0.0, 5000.0, 0.0]);
    close(option(&e, 0).hidden_total, 5000.0);
}

#[test]
fn a_monthly_hidden_cost_applies_from_from_up_to_to_or_the_horizon() {
    let e = evaluate(&format!(
        r#"horizon_months: 4, discount_rate: 0.0, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 1000.0), hidden: [
            (name: "Knowledge transfer", category: KnowledgeTransfer, cost: Monthly(amount: 300.0, from: 1, to: Some(3))),
            (name: "Travel", category: Travel, cost: Monthly(amount: 100.0, from: 2)),
        ])]"#
    ));
    let o = option(&e, 0);
    // 300 in months 1, 2; 100 in months 2, 3
    series(&o.hidden, &[0.0, 300.0, 400.0, 100.0]);
    assert_eq!(o.hidden_by_category.len(), 2);
    close(o.hidden_by_category[&HiddenCategory::KnowledgeTransfer], 600.0);
    close(o.hidden_by_category[&HiddenCategory::Travel], 200.0);
}

#[test]
fn percent_of_fees_applies_to_fees_in_the_model_currency_and_an_sla_credit_is_negative() {
    let e = evaluate(&format!(
        r#"horizon_months: 2, discount_rate: 0.0, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Nearshore, pricing: PerUnit(price: 5.0),
                   fx: Some((currency: "EUR", rate: 2.0)),
                   hidden: [
                       (name: "Governance", category: Governance, cost: PercentOfFees(pct: 0.05)),
                       (name: "SLA credits", category: Sla, cost: PercentOfFees(pct: -0.02)),
                   ])]"#
    ));
    let o = option(&e, 0);
    // fees = 5 · 1000 EUR · 2 = 10 000 USD; 5 % = 500, −2 % = −200
    series(&o.fees, &[10000.0; 2]);
    series(&o.hidden, &[300.0; 2]);
    close(o.hidden_by_category[&HiddenCategory::Governance], 1000.0);
    close(o.hidden_by_category[&HiddenCategory::Sla], -400.0);
    // 600 / 20 000
    close_some(o.hidden_pct_of_fees, 0.03);
    // percentages of fees are variable
    close(o.fixed_total, 0.0);
}

#[test]
fn a_per_unit_hidden_cost_applies_to_vendor_units_during_the_ramp() {
    let e = evaluate(&format!(
        r#"horizon_months: 3, discount_rate: 0.0, {TEN_AGENTS}
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 10.0),
                   transition: (ramp_months: 2, parallel_months: 2),
                   hidden: [(name: "Rework", category: Quality, cost: PerUnit(amount: 0.5))])]"#
    ));
    // units 500, 1000, 1000 → 250, 500, 500
    series(&option(&e, 0).hidden, &[250.0, 500.0, 500.0]);
}

#[test]
fn per_displaced_fte_is_paid_once_on_in_house_staff_at_min_of_parallel_months_and_the_last_month() {
    // Flexible staff 10, 10, 13, 10, 10, 17 (March ×1.3, June ×1.7).
    let e = evaluate(
        r#"horizon_months: 6, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0,
                   seasonality: [1.0, 1.0, 1.3, 1.0, 1.0, 1.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
        in_house: (units_per_fte_month: 100.0, staffing: Flexible,
                   costs: [(name: "Agent", behavior: PerFte, amount: 3000.0)]),
        options: [
            (name: "Parallel 2", shore: Offshore, pricing: FixedFee(monthly: 0.0), transition: (parallel_months: 2),
             hidden: [(name: "Severance", category: Severance, cost: PerDisplacedFte(amount: 4000.0))]),
            (name: "Parallel 10", shore: Offshore, pricing: FixedFee(monthly: 0.0), transition: (parallel_months: 10),
             hidden: [(name: "Severance", category: Severance, cost: PerDisplacedFte(amount: 4000.0))]),
            (name: "No parallel", shore: Offshore, pricing: FixedFee(monthly: 0.0),
             hidden: [(name: "Severance", category: Severance, cost: PerDisplacedFte(amount: 4000.0))]),
        ]"#,
    );
    series(&e.in_house.fte, &[10.0, 10.0, 13.0, 10.0, 10.0, 17.0]);
    // m = 2: 4000 · 13
    series(&option(&e, 0).hidden, &[0.0, 0.0, 52000.0, 0.0, 0.0, 0.0]);
    // m = min(10, 5) = 5: 4000 · 17
    series(&option(&e, 1).hidden, &[0.0, 0.0, 0.0, 0.0, 0.0, 68000.0]);
    // m = 0: 4000 · 10
    series(&option(&e, 2).hidden, &[40000.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    close(option(&e, 0).fixed_total, 52000.0 + 2.0 * 30000.0);
}

// ---------------------------------------------------------------------------------------------
// Fixed vs variable

const FOUR_LINES: &str = r#"[
    (name: "Office", behavior: Fixed, amount: 5000.0),
    (name: "Agent", behavior: PerFte, amount: 3000.0),
    (name: "Team lead", behavior: Step(per: 4.0), amount: 6000.0),
    (name: "Postage", behavior: PerUnit, amount: 2.0),
]"#;

#[test]
fn in_house_per_fte_and_step_lines_are_fixed_when_sized_to_peak() {
    let e = evaluate(&format!(
        r#"horizon_months: 2, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, staffing: SizedToPeak, costs: {FOUR_LINES}),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0))]"#
    ));
    // 5000 + 3000·10 + 6000·ceil*(10/4)=18 000 + 2·1000 = 55 000 a month
    series(&e.in_house.cost, &[55000.0; 2]);
    // fixed: 5000 + 30 000 + 18 000 = 53 000 a month; variable: postage 2 000
    close(e.in_house.fixed_total, 106000.0);
    close(e.in_house.variable_total, 4000.0);
}

#[test]
fn in_house_per_fte_and_step_lines_are_variable_when_flexible() {
    let e = evaluate(&format!(
        r#"horizon_months: 2, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, staffing: Flexible, costs: {FOUR_LINES}),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0))]"#
    ));
    close(e.in_house.total, 110000.0);
    close(e.in_house.fixed_total, 10000.0);
    close(e.in_house.variable_total, 100000.0);
}

/// One option with every kind of cost (see the fixed/variable test for the arithmetic).
const EVERY_COST: &str = r#"
    horizon_months: 3, discount_rate: 0.0,
    workload: (unit: "tickets", monthly_volume: 1000.0),
    in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 3000.0)]),
    options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 10.0),
        transition: (parallel_months: 1),
        retained: [
            (name: "Vendor manager", behavior: Fixed, amount: 1000.0),
            (name: "QA", behavior: PerUnit, amount: 0.5),
            (name: "Licences", behavior: PerFte, amount: 100.0),
        ],
        hidden: [
            (name: "Selection", category: VendorSelection, cost: OneTime(amount: 3000.0)),
            (name: "Governance team", category: Governance, cost: Monthly(amount: 200.0)),
            (name: "Governance share", category: Governance, cost: PercentOfFees(pct: 0.1)),
            (name: "Rework", category: Quality, cost: PerUnit(amount: 0.2)),
            (name: "Severance", category: Severance, cost: PerDisplacedFte(amount: 100.0)),
        ])]
"#;

#[test]
fn option_fixed_costs_are_retained_fixed_lines_parallel_running_one_time_monthly_and_displaced_fte() {
    let e = evaluate(EVERY_COST);
    let o = option(&e, 0);
    // fees 10 000 a month (variable); retained 1 000 fixed + 500 + 10·100 variable
    series(&o.fees, &[10000.0; 3]);
    series(&o.retained, &[2500.0; 3]);
    series(&o.parallel, &[30000.0, 0.0, 0.0]);
    // hidden: t0 3000 + 200 + 1000 + 200; t1 200 + 1000 + 200 + severance 100·10 (m = 1); t2 200 + 1000 + 200
    series(&o.hidden, &[4400.0, 2400.0, 1400.0]);
    series(&o.cost, &[46900.0, 14900.0, 13900.0]);
    // fixed: 3·1000 + 30 000 + 3000 + 3·200 + 1000 = 37 600
    close(o.fixed_total, 37600.0);
    // variable: 3·10 000 + 3·1500 + 3·1000 + 3·200 = 38 100
    close(o.variable_total, 38100.0);
    close(o.total, 75700.0);
    close(o.hidden_total, 8200.0);
    close(o.hidden_by_category[&HiddenCategory::VendorSelection], 3000.0);
    close(o.hidden_by_category[&HiddenCategory::Governance], 3600.0);
    close(o.hidden_by_category[&HiddenCategory::Quality], 600.0);
    close(o.hidden_by_category[&HiddenCategory::Severance], 1000.0);
    assert_eq!(o.hidden_by_category.len(), 4);
    // 8 200 / 30 000
    close_some(o.hidden_pct_of_fees, 8200.0 / 30000.0);
    // savings −16 900, 15 100, 16 100 → cumulative −16 900, −1 800, 14 300 → payback in month 3
    series(&o.cumulative_savings, &[-16900.0, -1800.0, 14300.0]);
    assert_eq!(o.payback_months, Some(3));
}

// ---------------------------------------------------------------------------------------------
// IRR, payback and the hidden-cost multiplier

/// Savings −1000 in month 0 and +1100 in month 12: a one-year loan at 10 %.
const LOAN: &str = r#"
    horizon_months: 13, discount_rate: 0.1,
    workload: (unit: "tickets", monthly_volume: 1000.0),
    in_house: (units_per_fte_month: 100.0, costs: [(name: "Bonus", behavior: Fixed, amount: 1100.0, start_month: 12)]),
    options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 0.0),
               hidden: [(name: "Selection", category: VendorSelection, cost: OneTime(amount: 1000.0, month: 0))])]
"#;

#[test]
fn irr_is_the_annualised_rate_at_which_the_savings_npv_is_zero() {
    let e = evaluate(LOAN);
    let o = option(&e, 0);
    // −1000·(1+ρ)^−1 + 1100·(1+ρ)^−13 = 0 → (1+ρ)^12 = 1.1 → IRR = 10 %
    let irr = o.irr.expect("the savings change sign once");
    assert!((irr - 0.1).abs() < 1e-9, "irr {irr}");
    // at the IRR as discount rate the NPV is 0
    assert!(o.npv.abs() < 1e-9, "npv {}", o.npv);
}

#[test]
fn payback_is_the_first_month_after_which_cumulative_savings_stay_non_negative() {
    let e = evaluate(LOAN);
    // cumulative −1000 through month 11, +100 in month 12 → k = 13
    assert_eq!(option(&e, 0).payback_months, Some(13));
}

#[test]
fn payback_waits_for_the_cumulative_to_stay_non_negative_after_a_dip() {
    let e = evaluate(
        r#"horizon_months: 4, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Office", behavior: Fixed, amount: 1000.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 990.0),
                   hidden: [(name: "Audit", category: Compliance, cost: OneTime(amount: 30.0, month: 1))])]"#,
    );
    let o = option(&e, 0);
    // savings 10, −20, 10, 10 → cumulative 10, −10, 0, 10: non-negative from month 2 on → k = 3
    series(&o.cumulative_savings, &[10.0, -10.0, 0.0, 10.0]);
    assert_eq!(o.payback_months, Some(3));
}

#[test]
fn savings_positive_from_the_start_pay_back_in_month_1_and_have_no_irr() {
    let e = with_pricing("FixedFee(monthly: 25000.0)", "");
    let o = option(&e, 0);
    assert_eq!(o.payback_months, Some(1));
    assert_eq!(o.irr, None);
}

#[test]
fn an_option_that_never_saves_has_no_payback_no_irr_and_no_hidden_multiplier() {
    let e = with_pricing("PerUnit(price: 40.0)", "");
    let o = option(&e, 0);
    // savings 30 000 − 40 000 = −10 000 every month
    series(&o.savings, &[-10000.0; 3]);
    assert_eq!(o.payback_months, None);
    assert_eq!(o.irr, None);
    assert_eq!(o.hidden_multiplier_at_break_even, None);
}

#[test]
fn irr_is_null_when_no_root_is_bracketed_on_minus_099_to_100() {
    // savings −24 000, +50 000, −25 000: NPV(x) = −1000·x·25·(x − 0.8)(x − 1.2), x = (1+ρ)^−1.
    // Both roots lie inside the bracket, so the NPV has the same sign at both ends.
    let e = evaluate(
        r#"horizon_months: 3, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [
            (name: "Bonus", behavior: Fixed, amount: 50000.0, start_month: 1, end_month: Some(2)),
        ]),
        options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 0.0), hidden: [
            (name: "Entry", category: Transition, cost: OneTime(amount: 24000.0, month: 0)),
            (name: "Exit", category: Exit, cost: OneTime(amount: 25000.0, month: 2)),
        ])]"#,
    );
    let o = option(&e, 0);
    series(&o.savings, &[-24000.0, 50000.0, -25000.0]);
    assert_eq!(o.irr, None);
    // cumulative −24 000, 26 000, 1 000 → payback 2
    assert_eq!(o.payback_months, Some(2));
}

#[test]
fn the_hidden_multiplier_is_npv_without_hidden_over_pv_of_hidden() {
    let e = evaluate(
        r#"horizon_months: 12, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Office", behavior: Fixed, amount: 30000.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 20000.0),
                   hidden: [(name: "Governance", category: Governance, cost: Monthly(amount: 2000.0))])]"#,
    );
    // without hidden 12 · 10 000 = 120 000; PV(hidden) = 12 · 2 000 = 24 000 → k = 5
    close_some(option(&e, 0).hidden_multiplier_at_break_even, 5.0);
    // and at the loan's IRR the multiplier is exactly 1:
    // (1100 · 1.1^(−13/12)) / (1000 · 1.1^(−1/12)) = 1.1 · 1.1^(−1) = 1
    close_some(option(&evaluate(LOAN), 0).hidden_multiplier_at_break_even, 1.0);
}

#[test]
fn the_hidden_multiplier_is_null_when_pv_of_hidden_costs_is_not_positive() {
    // only an SLA credit: PV(hidden) < 0
    let e = with_pricing(
        "FixedFee(monthly: 20000.0)",
        r#", hidden: [(name: "SLA", category: Sla, cost: PercentOfFees(pct: -0.01))]"#,
    );
    series(&option(&e, 0).hidden, &[-200.0; 3]);
    assert_eq!(option(&e, 0).hidden_multiplier_at_break_even, None);
    // no hidden costs at all: PV(hidden) = 0
    let e = with_pricing("FixedFee(monthly: 20000.0)", "");
    assert_eq!(option(&e, 0).hidden_multiplier_at_break_even, None);
}

#[test]
fn the_hidden_multiplier_is_null_when_the_npv_without_hidden_costs_is_not_positive() {
    // fees 40 000 > in-house 30 000 even before the 1 000 of hidden cost
    let e = with_pricing(
        "FixedFee(monthly: 40000.0)",
        r#", hidden: [(name: "Travel", category: Travel, cost: Monthly(amount: 1000.0))]"#,
    );
    assert_eq!(option(&e, 0).hidden_multiplier_at_break_even, None);
}

// ---------------------------------------------------------------------------------------------
// Break-even volume

#[test]
fn break_even_volume_is_found_by_bisection_between_grid_points() {
    // f(V) = 25·V − (10 018.5 + 20·V) = 5·V − 10 018.5 = 0 at V = 2003.7 (between grid points 2000 and 2010)
    let e = evaluate(
        r#"horizon_months: 12, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [
            (name: "Office", behavior: Fixed, amount: 10018.5),
            (name: "Postage", behavior: PerUnit, amount: 20.0),
        ]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 25.0))]"#,
    );
    close_some(option(&e, 0).break_even_volume, 2003.7);
}

#[test]
fn break_even_volume_is_a_steady_state_at_year_0_prices_ignoring_windows_ramp_learning_and_one_offs() {
    // in-house: 9 000 (its window ignored) + 20·V (escalation ignored)
    // option: 20·V fees + 500 retained (window ignored) + 1 000 Monthly (window ignored) + 10 % of fees;
    // OneTime and PerDisplacedFte are not recurring. f(V) = 2·V − 7 500 → V = 3 750
    let e = evaluate(
        r#"horizon_months: 24, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0, annual_growth: 0.3,
                   seasonality: [0.2, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
        in_house: (units_per_fte_month: 100.0, costs: [
            (name: "Office", behavior: Fixed, amount: 9000.0, end_month: Some(2)),
            (name: "Postage", behavior: PerUnit, amount: 20.0, escalation: 0.5),
        ]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 20.0), rate_escalation: 0.3,
            learning: Some((initial_dip: 0.5, months: 12)),
            transition: (ramp_months: 6, parallel_months: 6),
            retained: [(name: "Manager", behavior: Fixed, amount: 500.0, start_month: 10, end_month: Some(11))],
            hidden: [
                (name: "Setup", category: Transition, cost: OneTime(amount: 99999.0)),
                (name: "KT", category: KnowledgeTransfer, cost: Monthly(amount: 1000.0, from: 3, to: Some(5))),
                (name: "Governance", category: Governance, cost: PercentOfFees(pct: 0.1)),
                (name: "Severance", category: Severance, cost: PerDisplacedFte(amount: 5000.0)),
            ])]"#,
    );
    close_some(option(&e, 0).break_even_volume, 3750.0);
}

#[test]
fn break_even_volume_counts_the_minimum_and_fx_at_its_base_rate() {
    // option: max(10·V, 4 000) EUR · 1.5 (annual_change ignored); in-house 3 000 + 20·V
    // below V = 400: 6 000 − 3 000 − 20·V = 0 at V = 150
    let e = evaluate(
        r#"horizon_months: 24, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [
            (name: "Office", behavior: Fixed, amount: 3000.0),
            (name: "Postage", behavior: PerUnit, amount: 20.0),
        ]),
        options: [(name: "Vendor", shore: Nearshore, pricing: PerUnit(price: 10.0), minimum_monthly: 4000.0,
                   fx: Some((currency: "EUR", rate: 1.5, annual_change: 0.5)))]"#,
    );
    close_some(option(&e, 0).break_even_volume, 150.0);
}

#[test]
fn break_even_volume_uses_whole_staff_for_in_house_and_the_vendor() {
    // option 1000·ceil*(V/50) + 5 500 (productivity 0.5), in-house 3000·ceil*(V/100):
    // V in (300, 350]: 12 500 vs 12 000; (350, 400]: 13 500 vs 12 000; (400, 450]: 14 500 vs 15 000
    // → the first sign change is at 400 (without whole staff: 20·V + 5 500 = 30·V at V = 550)
    let e = evaluate(
        r#"horizon_months: 12, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 3000.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerFte(rate: 1000.0), productivity: 0.5,
                   retained: [(name: "Manager", behavior: Fixed, amount: 5500.0)])]"#,
    );
    let v = option(&e, 0).break_even_volume.expect("a break-even volume");
    assert!((v - 400.0).abs() < 1e-6, "break-even {v}");
}

#[test]
fn break_even_volume_is_null_when_the_option_is_cheaper_at_every_volume() {
    // f(V) = 0 − 1100 (the in-house line counts whatever its window) < 0 everywhere
    assert_eq!(option(&evaluate(LOAN), 0).break_even_volume, None);
    // f(V) = (40·V + 100) − 30·V > 0 at every V
    let e = evaluate(
        r#"horizon_months: 12, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Postage", behavior: PerUnit, amount: 30.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 40.0),
                   retained: [(name: "Manager", behavior: Fixed, amount: 100.0)])]"#,
    );
    assert_eq!(option(&e, 0).break_even_volume, None);
}

// ---------------------------------------------------------------------------------------------
// Ratios with a zero denominator

#[test]
fn ratios_are_null_when_their_denominator_is_zero() {
    // no volume, no in-house cost, no fees; one hidden cost of 100 a month
    let e = evaluate(
        r#"horizon_months: 2, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 0.0),
        in_house: (units_per_fte_month: 100.0, costs: []),
        options: [(name: "Vendor", shore: Offshore, pricing: FixedFee(monthly: 0.0),
                   hidden: [(name: "Travel", category: Travel, cost: Monthly(amount: 100.0))])]"#,
    );
    let o = option(&e, 0);
    close(o.total, 200.0);
    close(o.savings_total, -200.0);
    assert_eq!(e.in_house.cost_per_unit, None);
    assert_eq!(o.cost_per_unit, None);
    assert_eq!(o.savings_pct, None);
    assert_eq!(o.hidden_pct_of_fees, None);
}

// ---------------------------------------------------------------------------------------------
// Scenarios (§5)

const WITH_SCENARIOS: &str = r#"
    horizon_months: 2, discount_rate: 0.0,
    workload: (unit: "tickets", monthly_volume: 1000.0),
    in_house: (units_per_fte_month: 100.0, costs: [(name: "Postage", behavior: PerUnit, amount: 30.0)]),
    options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 20.0))],
    scenarios: [
        (name: "Cheaper and busier", overrides: [
            (input: "options[0].pricing.price", value: 15.0),
            (input: "workload.monthly_volume", value: Uniform(low: 1800.0, high: 2200.0)),
        ]),
    ],
"#;

#[test]
fn a_scenario_replaces_the_inputs_its_overrides_name() {
    let base = model(WITH_SCENARIOS);
    let scenario = base.with_scenario(0).expect("the override paths exist");
    let e = Evaluation::of_model(&scenario);
    // volume = midpoint 2000; in-house 30·2000 = 60 000; fees 15·2000 = 30 000
    series(&e.in_house.cost, &[60000.0; 2]);
    series(&option(&e, 0).fees, &[30000.0; 2]);
    close(option(&e, 0).savings_total, 60000.0);
    // the base model is untouched: 30 000 − 20 000 = 10 000 a month
    close(option(&Evaluation::of_model(&base), 0).savings_total, 20000.0);
}

const WITH_RELATIVE_SCENARIOS: &str = r#"
    horizon_months: 2, discount_rate: 0.0,
    workload: (unit: "tickets", monthly_volume: Uniform(low: 900.0, high: 1100.0)),
    in_house: (units_per_fte_month: 100.0, costs: [(name: "Postage", behavior: PerUnit, amount: 30.0)]),
    options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 20.0))],
    scenarios: [
        (name: "Busier, dearer", overrides: [
            (input: "workload.monthly_volume", change: Percent(-20.0)),
            (input: "options[0].pricing.price", change: Times(1.1)),
        ]),
    ],
"#;

#[test]
fn a_relative_override_changes_the_base_models_value_and_keeps_a_distributions_shape() {
    let base = model(WITH_RELATIVE_SCENARIOS);
    let scenario = base.with_scenario(0).expect("the override paths exist");
    // volume −20 %: Uniform(720, 880), midpoint 800; price ×1.1 = 22
    assert_eq!(
        scenario.workload.monthly_volume,
        model::Estimate::Uncertain(model::Distribution::Uniform { low: 720.0, high: 880.0 })
    );
    let e = Evaluation::of_model(&scenario);
    series(&e.in_house.cost, &[24000.0; 2]);
    series(&option(&e, 0).fees, &[17600.0; 2]);
}

#[test]
fn a_relative_override_is_written_back_as_written() {
    let base = model(WITH_RELATIVE_SCENARIOS);
    let text = io::to_ron_string(&base).expect("writes");
    assert!(text.contains("change: Percent(-20.0)") && text.contains("change: Times(1.1)"), "{text}");
    assert_eq!(io::from_ron_str(&text).expect("reads back"), base);
}

#[test]
fn a_change_that_turns_the_sign_or_leaves_the_range_is_an_error() {
    let sign = WITH_RELATIVE_SCENARIOS.replace("Percent(-20.0)", "Percent(-150.0)");
    let m = io::from_ron_str(&format!("Model(format_version: 1, name: \"rule\", currency: \"USD\", {sign})"))
        .expect("parses");
    let problems = model::validate(&m);
    let error = problems.errors().next().expect("an error");
    assert_eq!(error.path, "scenarios[0].overrides[0].change");
    assert!(error.message.contains("−150 %"), "{}", error.message);
}

#[test]
fn an_override_whose_path_names_no_input_is_a_validation_error_that_names_it() {
    let text = WITH_SCENARIOS.replace("options[0].pricing.price", "options[0].pricing.rate");
    let m = io::from_ron_str(&format!("Model(format_version: 1, name: \"rule\", currency: \"USD\", {text})"))
        .expect("parses");
    let problems = model::validate(&m);
    let errors: Vec<_> = problems.errors().collect();
    assert_eq!(errors.len(), 1, "{problems:?}");
    assert_eq!(errors[0].path, "scenarios[0].overrides[0].input");
    assert!(errors[0].message.contains("options[0].pricing.rate"), "{}", errors[0].message);
    assert_eq!(m.with_scenario(0), Err(UnknownInput("options[0].pricing.rate".to_owned())));
}

// ---------------------------------------------------------------------------------------------
// File format details that change numbers

#[test]
fn integers_are_accepted_where_a_float_is_expected() {
    let e = evaluate(
        r#"horizon_months: 1, discount_rate: 0,
        workload: (unit: "tickets", monthly_volume: 1000, seasonality: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        in_house: (units_per_fte_month: 100, costs: [(name: "Lead", behavior: Step(per: 12), amount: 6000)]),
        options: [(name: "Vendor", shore: Offshore, pricing: Tiered(tiers: [(up_to: Some(1000), price: 2), (up_to: None, price: 1)]))]"#,
    );
    // 2000 units → 20 staff → ceil*(20/12) = 2 leads = 12 000; tiers 1000·2 + 1000·1 = 3 000
    series(&e.in_house.cost, &[12000.0]);
    series(&option(&e, 0).fees, &[3000.0]);
}

#[test]
fn optional_fields_take_their_documented_defaults() {
    let m = model(
        r#"horizon_months: 1, discount_rate: 0.0,
        workload: (unit: "tickets", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: [(name: "Agent", behavior: PerFte, amount: 1.0)]),
        options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 1.0),
                   hidden: [(name: "X", category: Other, cost: Monthly(amount: 1.0))])]"#,
    );
    assert_eq!(m.start_month, 1);
    assert_eq!(m.description, "");
    assert_eq!(m.in_house.staffing, model::Staffing::SizedToPeak);
    assert_eq!(m.in_house.costs[0].period, model::Period::Month);
    assert_eq!(m.in_house.costs[0].end_month, None);
    let o = &m.options[0];
    assert_eq!(o.productivity, model::Estimate::Fixed(1.0));
    assert_eq!(o.minimum_monthly, model::Estimate::Fixed(0.0));
    assert_eq!(o.transition, model::Transition { ramp_months: 0, parallel_months: 0 });
    assert_eq!(
        o.hidden[0].cost,
        model::HiddenCostKind::Monthly { amount: model::Estimate::Fixed(1.0), from: 0, to: None }
    );
    assert_eq!(m.simulation, model::Simulation { samples: 10000, seed: 0, method: model::Method::Random });
}

// ---------------------------------------------------------------------------------------------
// Step-fixed: in-house staff sized for the peak (Shoreline's split of the §2 fixed total)

#[test]
fn staff_sized_for_the_peak_are_the_step_fixed_part_of_the_in_house_fixed_cost() {
    let body = |staffing: &str| {
        format!(
            r#"horizon_months: 12, discount_rate: 0.0,
            workload: (unit: "tickets", monthly_volume: 1000.0, seasonality: [1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
            in_house: (units_per_fte_month: 100.0, staffing: {staffing}, costs: [
                (name: "Agent", behavior: PerFte, amount: 3000.0),
                (name: "Lead", behavior: Step(per: 10.0), amount: 6000.0),
                (name: "Office", behavior: Fixed, amount: 5000.0),
                (name: "Phone", behavior: PerUnit, amount: 0.5),
            ]),
            options: [(name: "Vendor", shore: Offshore, pricing: PerUnit(price: 20.0))]"#
        )
    };
    // Sized to January's 1,500 units: 15 agents all year (45,000) and 2 leads (12,000) a month.
    let peak = evaluate(&body("SizedToPeak")).in_house;
    close(peak.step_fixed_total, 12.0 * (45_000.0 + 12_000.0));
    // The office is the rest of the fixed cost; the phone is variable.
    close(peak.fixed_total - peak.step_fixed_total, 12.0 * 5000.0);
    close(peak.variable_total, 0.5 * 1000.0 * (1.5 + 11.0));
    // Staff who follow the volume are variable, so nothing is step-fixed.
    assert_eq!(evaluate(&body("Flexible")).in_house.step_fixed_total, 0.0);
}
