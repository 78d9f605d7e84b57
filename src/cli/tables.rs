//! Readable tables for the terminal.

use std::fmt::Write as _;

use crate::engine::monte_carlo::SimulationResult;
use crate::engine::sensitivity::{HIDDEN_MULTIPLIERS, SPIDER_FACTORS, Sensitivity};
use crate::engine::{Evaluation, Rate};
use crate::format::{compact, money, months, or_dash, percent, thousands};
use crate::model::Model;

/// Left-aligns the first column and right-aligns the others.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<String>| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate().take(columns) {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i == 0 {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str("  ");
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header.iter().map(|h| (*h).to_owned()).collect());
    line(widths.iter().map(|w| "─".repeat(*w)).collect());
    for row in rows {
        line(row.clone());
    }
    out
}

/// The key results of every option.
pub fn evaluation(model: &Model, e: &Evaluation) -> String {
    let c = &model.currency;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {} months, {}", model.name, model.horizon_months, c);
    let _ = writeln!(
        out,
        "In-house: total {}, {} fixed, {} per {}\n",
        money(e.in_house.total, c),
        percent(e.in_house.fixed_total / e.in_house.total.max(f64::MIN_POSITIVE)),
        or_dash(e.in_house.cost_per_unit, |x| format!("{x:.2}")),
        unit_name(model),
    );
    let rows: Vec<Vec<String>> = e
        .options
        .iter()
        .map(|o| {
            vec![
                super::escape(&o.name),
                thousands(o.total),
                thousands(o.savings_total),
                or_dash(o.savings_pct, percent),
                thousands(o.npv),
                crate::format::irr(o.irr),
                or_dash(o.payback_months, months),
                crate::format::break_even(o, thousands),
                thousands(o.hidden_total),
                or_dash(o.hidden_multiplier_at_break_even, |k| format!("{k:.1}×")),
            ]
        })
        .collect();
    out.push_str(&table(
        &["Option", "Total", "Savings", "Savings %", "NPV", "IRR", "Payback", "Break-even vol.", "Hidden", "Headroom"],
        &rows,
    ));
    out.push_str(&rate_card(model, e));
    out
}

/// Labour rates side by side, one table per plan year.
fn rate_card(model: &Model, e: &Evaluation) -> String {
    let card = &e.rate_card;
    let mut out = format!(
        "\nRate card ({}, hourly at {} h per FTE-month; fees and retained cost per vendor FTE)\n",
        model.currency,
        thousands(card.hours_per_fte_month),
    );
    for year in &card.years {
        let rate_row = |name: &str, r: &Rate, vs: String| {
            let money = |x: Option<f64>| or_dash(x, thousands);
            vec![
                name.to_owned(),
                format!("{:.1}", r.fte),
                money(r.per_fte_month),
                or_dash(r.per_hour, |x| format!("{x:.2}")),
                or_dash(r.productivity, |x| format!("{x:.2}")),
                money(r.per_productive_fte_month),
                vs,
            ]
        };
        let mut rows = vec![rate_row("In-house", &year.in_house, String::new())];
        for (option, rate) in model.options.iter().zip(&year.options) {
            let vs = or_dash(rate.cheaper_than(&year.in_house), crate::format::cheaper);
            rows.push(rate_row(&super::escape(&option.name), rate, vs));
        }
        let title = match year.months {
            12 => format!("Year {}", year.year),
            m => format!("Year {} ({m} mo)", year.year),
        };
        out.push('\n');
        out.push_str(&table(
            &[&title, "FTE", "Per FTE-month", "Per hour", "Productivity", "Per productive FTE-mo", "vs in-house"],
            &rows,
        ));
    }
    out
}

fn unit_name(model: &Model) -> &str {
    model.workload.unit.trim_end_matches('s')
}

/// Tornado, spider and hidden-cost curve.
pub fn sensitivity(model: &Model, s: &Sensitivity) -> String {
    let c = &model.currency;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — NPV at base {}\n\nTornado (each input at its P10 and P90):",
        s.option,
        money(s.base_npv, c)
    );
    let rows: Vec<Vec<String>> = s
        .tornado
        .iter()
        .map(|b| {
            vec![
                b.label.clone(),
                format!("{:.4}", b.low),
                format!("{:.4}", b.high),
                thousands(b.npv_low),
                thousands(b.npv_high),
                thousands(b.swing),
            ]
        })
        .collect();
    if rows.is_empty() {
        out.push_str("  (no input is a distribution)\n");
    } else {
        out.push_str(&table(&["Input", "P10", "P90", "NPV at P10", "NPV at P90", "Swing"], &rows));
    }
    let _ = writeln!(out, "\nSpider (NPV as each input moves from 70 % to 130 % of its base):");
    let header: Vec<String> = std::iter::once("Input".to_owned())
        .chain(SPIDER_FACTORS.iter().map(|f| format!("{:.0}%", f * 100.0)))
        .collect();
    let rows: Vec<Vec<String>> = s
        .spider
        .iter()
        .map(|l| std::iter::once(l.label.clone()).chain(l.npv.iter().map(|x| compact(*x))).collect())
        .collect();
    if !rows.is_empty() {
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        out.push_str(&table(&header, &rows));
    }
    let _ = writeln!(out, "\nHidden-cost curve (NPV with every hidden cost × k):");
    let rows: Vec<Vec<String>> = HIDDEN_MULTIPLIERS
        .iter()
        .zip(&s.hidden_curve)
        .map(|(k, npv)| vec![format!("{k:.2}"), thousands(*npv)])
        .collect();
    out.push_str(&table(&["k", "NPV"], &rows));
    out
}

/// Percentiles and the probability of a loss.
pub fn simulation(model: &Model, r: &SimulationResult, method: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} {} draws, seed {}, {:.0} ms\n",
        model.name,
        thousands(r.samples as f64),
        method,
        r.seed,
        r.elapsed_ms
    );
    let rows: Vec<Vec<String>> = r
        .options
        .iter()
        .map(|o| {
            vec![
                super::escape(&o.name),
                thousands(o.npv.p10),
                thousands(o.npv.p50),
                thousands(o.npv.p90),
                thousands(o.npv.mean),
                thousands(o.npv.sd),
                percent(o.prob_loss),
                percent(o.prob_cheapest),
            ]
        })
        .collect();
    out.push_str(&table(&["Option", "NPV P10", "NPV P50", "NPV P90", "Mean", "SD", "P(loss)", "P(cheapest)"], &rows));
    let _ = writeln!(out, "Keeping it in-house is the cheapest in {} of the draws.", percent(r.in_house_cheapest));
    out
}
