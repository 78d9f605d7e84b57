//! The report's sections, each appended to the page in order.

use std::fmt::Write as _;

use super::html::{head, row, text};
use super::{ReportContext, SECTIONS};
use crate::chart::{ChartKind, build, svg};
use crate::engine::{Evaluation, OptionResult};
use crate::export::Bundle;
use crate::format;
use crate::model::catalog::catalog;
use crate::model::inputs::{inputs, note_of};
use crate::model::meeting_log::MeetingLog;
use crate::model::units::estimate_with_unit;
use crate::model::{Distribution, HiddenCostKind, Model};

/// Title, where the numbers come from, the headline and the model's own description.
pub(super) fn header(out: &mut String, bundle: &Bundle, context: &ReportContext) {
    let model = &bundle.model;
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">Outsourcing case · keep in-house or outsource?</p>\n<h1>{}</h1>\n<table class=\"meta\">\n",
        text(&model.name)
    );
    let mut meta = |name: &str, value: String| {
        let _ = writeln!(out, "<tr><th>{}</th><td>{value}</td></tr>", text(name));
    };
    match context.source {
        Some(s) => {
            meta("Model file", text(&s.file_name));
            meta("SHA-256", text(&s.sha256));
        }
        None => meta("Model file", "not saved: the figures are of the model as it was open".to_owned()),
    }
    meta("Report made", text(context.date));
    meta("Made with", format!("Shoreline {}", env!("CARGO_PKG_VERSION")));
    meta("Figures shown", text(bundle.scenario.as_deref().map_or("the base model", |s| s)));
    meta(
        "Horizon",
        format!(
            "{} months, from calendar month {}; amounts in {}; discounted at {} a year",
            model.horizon_months,
            model.start_month,
            text(&model.currency),
            format::percent(model.discount_rate.base())
        ),
    );
    out.push_str("</table>\n</header>\n");
    let _ = writeln!(out, "<p class=\"headline\">{}.</p>", text(&format::headline(model, &bundle.evaluation)));
    if !model.description.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"description\">{}</p>", text(model.description.trim()));
    }
}

/// Every option's key figures, for the base model and each scenario.
pub(super) fn key_figures(out: &mut String, bundle: &Bundle) {
    let currency = &bundle.model.currency;
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", SECTIONS[0]);
    out.push_str(
        "<p class=\"small\">Savings are in-house cost minus the option's cost over the horizon; NPV discounts \
         them at the model's rate. Payback is the month from which cumulative savings stay above zero.</p>\n",
    );
    out.push_str("<table class=\"data\">\n");
    let numeric = [false, true, true, true, true, true, true, true];
    out.push_str(&head(&["Option", "Cost", "Savings", "Savings %", "NPV", "IRR", "Payback", "Hidden costs"], &numeric));
    let group = |out: &mut String, name: &str, evaluation: &Evaluation| {
        let _ = writeln!(
            out,
            "<tr class=\"group\"><td colspan=\"8\">{} · in-house {}</td></tr>",
            text(name),
            text(&format::money(evaluation.in_house.total, currency))
        );
        for o in &evaluation.options {
            out.push_str(&row(&option_cells(o, currency), &numeric));
        }
    };
    if bundle.scenarios.is_empty() {
        group(out, bundle.scenario.as_deref().unwrap_or("Base model"), &bundle.evaluation);
    } else {
        for s in &bundle.scenarios {
            match &s.evaluation {
                Ok(e) => group(out, &s.name, e),
                Err(why) => {
                    let _ = writeln!(
                        out,
                        "<tr class=\"group\"><td colspan=\"8\">{} · cannot be applied: {}</td></tr>",
                        text(&s.name),
                        text(why)
                    );
                }
            }
        }
    }
    out.push_str("</table>\n</section>\n");
}

fn option_cells(o: &OptionResult, currency: &str) -> Vec<String> {
    vec![
        text(&o.name),
        text(&format::money(o.total, currency)),
        signed(o.savings_total, &format::money(o.savings_total, currency)),
        format::or_dash(o.savings_pct, |p| signed(p, &format::percent(p))),
        signed(o.npv, &format::money(o.npv, currency)),
        text(&format::irr(o.irr)),
        text(&format::or_dash(o.payback_months, format::months)),
        text(&format::money(o.hidden_total, currency)),
    ]
}

/// A figure coloured by its sign (red when money is lost).
fn signed(x: f64, shown: &str) -> String {
    if x < 0.0 { format!("<span class=\"neg\">{}</span>", text(shown)) } else { text(shown) }
}

/// Every chart the data allows, as inline SVG.
pub(super) fn charts(out: &mut String, bundle: &Bundle) {
    let _ = writeln!(out, "<section class=\"chapter\">\n<h2>{}</h2>", SECTIONS[1]);
    let data = bundle.chart_data();
    if let Some(i) = data.focused() {
        let _ = writeln!(
            out,
            "<p class=\"small\">Charts about one option (tornado, spider, hidden-cost headroom, Monte Carlo) show {}.</p>",
            text(&bundle.evaluation.options[i].name)
        );
    }
    for kind in ChartKind::ALL {
        match build::build(kind, &data) {
            Ok(chart) => {
                let image = svg::write(&chart, svg::Size::for_chart(&chart));
                let image = image.trim_start();
                // An XML declaration is not allowed inside an HTML document.
                let image = match image.strip_prefix("<?xml") {
                    Some(rest) => rest.split_once("?>").map_or(rest, |(_, svg)| svg).trim_start(),
                    None => image,
                };
                let _ = writeln!(out, "<figure>\n{image}\n</figure>");
            }
            Err(build::BuildError::Nothing(_) | build::BuildError::NoOption) => {}
            Err(e) => {
                let _ = writeln!(out, "<p class=\"small\">{}: {}</p>", text(kind.describe()), text(&e.to_string()));
            }
        }
    }
    out.push_str("</section>\n");
}

/// P10, P50 and P90 of each option's NPV over the draws, and the chance of a loss.
pub(super) fn monte_carlo(out: &mut String, bundle: &Bundle) {
    let _ = writeln!(out, "<section class=\"keep\">\n<h2>{}</h2>", SECTIONS[2]);
    let Some(sim) = &bundle.simulation else {
        out.push_str("<p>No simulation was run for this report.</p>\n</section>\n");
        return;
    };
    let currency = &bundle.model.currency;
    let method = match bundle.model.simulation.method {
        crate::model::Method::LatinHypercube => "Latin hypercube",
        crate::model::Method::Random => "random",
    };
    let _ = writeln!(
        out,
        "<p>{} draws ({method} sampling, seed {}) of every uncertain input at once. One time in ten the NPV \
         falls below P10, and one time in ten it rises above P90.</p>",
        format::thousands(sim.samples as f64),
        sim.seed
    );
    let numeric = [false, true, true, true, true, true];
    out.push_str("<table class=\"data\">\n");
    out.push_str(&head(&["Option", "NPV P10", "NPV P50", "NPV P90", "Chance of a loss", "Chance cheapest"], &numeric));
    for o in &sim.options {
        let cells = vec![
            text(&o.name),
            signed(o.npv.p10, &format::money(o.npv.p10, currency)),
            signed(o.npv.p50, &format::money(o.npv.p50, currency)),
            signed(o.npv.p90, &format::money(o.npv.p90, currency)),
            text(&format::percent(o.prob_loss)),
            text(&format::percent(o.prob_cheapest)),
        ];
        out.push_str(&row(&cells, &numeric));
    }
    let _ = writeln!(
        out,
        "</table>\n<p class=\"small\">In {} of the draws no option saves money and keeping the work in-house is cheapest.</p>\n</section>",
        format::percent(sim.in_house_cheapest)
    );
}

/// Every input with its value or distribution and the source written beside it.
pub(super) fn assumptions(out: &mut String, bundle: &Bundle) {
    let model = &bundle.model;
    let _ = writeln!(out, "<section class=\"chapter\">\n<h2>{}</h2>", SECTIONS[3]);
    out.push_str(
        "<p class=\"small\">Every number of the model. A distribution is what the Monte Carlo draws from; \
         the charts and key figures use its base value.</p>\n<table class=\"data\">\n",
    );
    out.push_str(&head(&["Input", "Value", "Source or reasoning"], &[]));
    for input in inputs(model) {
        let cells = vec![
            format!("{}<div class=\"path\">{}</div>", text(&input.label), text(&input.path)),
            text(&estimate_with_unit(model, &input.path, &input.estimate)),
            format!("<span class=\"note\">{}</span>", text(note_of(model, &input.path).unwrap_or(""))),
        ];
        out.push_str(&row(&cells, &[]));
    }
    out.push_str("</table>\n</section>\n");
}

/// Each option's hidden costs: what they are, how they are incurred and where the figure is from.
pub(super) fn hidden_costs(out: &mut String, bundle: &Bundle) {
    let model = &bundle.model;
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", SECTIONS[4]);
    let all = inputs(model);
    for (i, option) in model.options.iter().enumerate() {
        let total = bundle.evaluation.options.get(i).map(|o| o.hidden_total).unwrap_or(0.0);
        let _ = writeln!(
            out,
            "<h3>{} · {} over the horizon</h3>",
            text(&option.name),
            text(&format::money(total, &model.currency))
        );
        if option.hidden.is_empty() {
            out.push_str("<p class=\"small\">No hidden cost is counted for this option.</p>\n");
            continue;
        }
        out.push_str("<table class=\"data\">\n");
        out.push_str(&head(&["Hidden cost", "Category", "How it is incurred", "Source"], &[]));
        for (j, hidden) in option.hidden.iter().enumerate() {
            let prefix = format!("options[{i}].hidden[{j}].");
            let figures: Vec<String> = all
                .iter()
                .filter(|input| input.path.starts_with(&prefix))
                .map(|input| estimate_with_unit(model, &input.path, &input.estimate))
                .collect();
            let cells = vec![
                text(&hidden.name),
                text(hidden.category.label()),
                text(&format!("{}: {}", kind_name(&hidden.cost), figures.join("; "))),
                format!("<span class=\"note\">{}</span>", text(&hidden.note)),
            ];
            out.push_str(&row(&cells, &[]));
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

/// A hidden cost's form in words.
fn kind_name(kind: &HiddenCostKind) -> &'static str {
    match kind {
        HiddenCostKind::OneTime { .. } => "once",
        HiddenCostKind::Monthly { .. } => "every month",
        HiddenCostKind::PercentOfFees { .. } => "a share of the vendor's fees",
        HiddenCostKind::PerUnit { .. } => "per unit of work",
        HiddenCostKind::PerDisplacedFte { .. } => "per in-house FTE let go",
    }
}

/// The published hidden costs Shoreline knows, with their ranges and sources.
pub(super) fn published_ranges(out: &mut String) {
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", SECTIONS[5]);
    out.push_str(
        "<p class=\"small\">What published studies found, to hold the model's hidden costs against. \
         Shares are of the vendor's fees (\"contract value\" in the sources).</p>\n<table class=\"data\">\n",
    );
    out.push_str(&head(&["Hidden cost", "Category", "Published range", "Source"], &[]));
    for entry in catalog() {
        let range = match &entry.cost {
            HiddenCostKind::PercentOfFees { pct } => match pct.distribution() {
                Some(Distribution::Uniform { low, high }) => {
                    format!("{:.1}–{:.1} % of fees", low * 100.0, high * 100.0).replace(".0", "")
                }
                Some(d) => {
                    let p: Vec<String> =
                        d.parameters().iter().map(|(n, v)| format!("{n} {:.1} %", v * 100.0)).collect();
                    format!("{} of fees", p.join(", "))
                }
                None => format!("{:.1} % of fees", pct.base() * 100.0),
            },
            other => format!("{}: an amount the model must estimate", kind_name(other)),
        };
        let cells = vec![
            text(entry.name),
            text(entry.category.label()),
            text(&range),
            format!("<span class=\"note\">{}</span>", text(entry.note)),
        ];
        out.push_str(&row(&cells, &[]));
    }
    out.push_str("</table>\n</section>\n");
}

/// What was tried while presenting, from the meeting logs beside the model file.
pub(super) fn meetings(out: &mut String, model: &Model, logs: &[MeetingLog]) {
    if logs.iter().all(|l| l.changes.is_empty()) {
        return;
    }
    let _ = writeln!(out, "<section class=\"chapter\">\n<h2>{}</h2>", SECTIONS[6]);
    for log in logs.iter().filter(|l| !l.changes.is_empty()) {
        let _ = writeln!(out, "<h3>Meeting of {}</h3>\n<table class=\"data\">", text(&log.date));
        let numeric = [false, false, false, false, false, true, true];
        out.push_str(&head(&["Time", "Change", "From", "To", "Option", "NPV before", "NPV after"], &numeric));
        for change in &log.changes {
            for (k, (before, after)) in change.before.iter().zip(&change.after).enumerate() {
                let first = k == 0;
                let shown = |s: &str| if first { text(s) } else { String::new() };
                let cells = vec![
                    shown(&change.time),
                    shown(&change.what),
                    shown(&change.old),
                    shown(&change.new),
                    text(&after.name),
                    signed(before.npv, &format::money(before.npv, &model.currency)),
                    signed(after.npv, &format::money(after.npv, &model.currency)),
                ];
                out.push_str(&row(&cells, &numeric));
            }
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

/// The last lines: what made the report, from what.
pub(super) fn footer(out: &mut String, context: &ReportContext) {
    let from = match context.source {
        Some(s) => format!("{} (SHA-256 {})", text(&s.file_name), text(&s.sha256)),
        None => "a model that was not saved".to_owned(),
    };
    let _ = writeln!(
        out,
        "<footer>Made by Shoreline {} on {} from {from}. Open the model file in Shoreline to change any \
         assumption and see every figure follow.</footer>",
        env!("CARGO_PKG_VERSION"),
        text(context.date)
    );
}
