//! The Summary sheet: every §3 result of the in-house case and each option, for the base model
//! and each scenario, and a native line chart of each option's cumulative savings.

use std::collections::BTreeSet;

use rust_xlsxwriter::{Chart, ChartLine, ChartType, ColNum, Color, Worksheet, XlsxError};

use super::sheets::{MONTHLY_CUMULATIVE_COLUMN, MONTHLY_NAME_COLUMN};
use super::{Formats, fit, header, maybe, number, text};
use crate::engine::scenarios::BASE_MODEL;
use crate::engine::{Evaluation, OptionResult};
use crate::export::Bundle;
use crate::model::{HiddenCategory, units};

/// The first column of the Summary: the base model or a scenario's name.
pub const CASE_COLUMN: &str = "Case";
/// Excel draws at most this many series in one chart.
const CHART_SERIES_MAX: usize = 255;

/// One case of the comparison: its name, and its results or why the scenario cannot be applied.
type Case<'a> = (&'a str, Result<&'a Evaluation, &'a str>);

/// Writes the Summary sheet and its chart.
pub(super) fn write(
    ws: &mut Worksheet,
    bundle: &Bundle,
    formats: &Formats,
    monthly_names: &[String],
) -> Result<(), XlsxError> {
    let cases: Vec<Case<'_>> = if bundle.scenarios.is_empty() {
        vec![(bundle.scenario.as_deref().unwrap_or(BASE_MODEL), Ok(&bundle.evaluation))]
    } else {
        bundle.scenarios.iter().map(|s| (s.name.as_str(), s.evaluation.as_ref().map_err(String::as_str))).collect()
    };
    let categories: BTreeSet<HiddenCategory> = cases
        .iter()
        .filter_map(|(_, evaluation)| evaluation.ok())
        .flat_map(|e| e.options.iter().flat_map(|o| o.hidden_by_category.keys().copied()))
        .collect();
    let currency = &bundle.model.currency;
    let unit = &bundle.model.workload.unit;
    let mut titles: Vec<String> = vec![
        CASE_COLUMN.to_owned(),
        "Option".to_owned(),
        format!("Total cost ({currency})"),
        format!("Savings ({currency})"),
        "Savings %".to_owned(),
        format!("NPV of savings ({currency})"),
        "IRR (annual)".to_owned(),
        "Payback (months)".to_owned(),
        format!("Break-even volume ({unit} per month)"),
        format!("Cost per {} ({currency})", units::singular(unit)),
        format!("Fixed cost ({currency})"),
        format!("Variable cost ({currency})"),
        format!("Hidden costs ({currency})"),
        "Hidden costs % of fees".to_owned(),
        "Hidden costs can grow (×) before the NPV is 0".to_owned(),
    ];
    titles.extend(categories.iter().map(|c| format!("Hidden: {} ({currency})", c.label())));
    let notes_column = titles.len() as ColNum;
    titles.push("Notes".to_owned());
    header(ws, &titles, formats, 2)?;

    let mut row = 1;
    for &(case, evaluation) in &cases {
        text(ws, row, 0, case)?;
        let evaluation = match evaluation {
            Ok(evaluation) => evaluation,
            Err(why) => {
                text(ws, row, notes_column, &format!("This scenario cannot be applied: {why}"))?;
                row += 1;
                continue;
            }
        };
        let h = &evaluation.in_house;
        text(ws, row, 1, "In-house")?;
        number(ws, row, 2, h.total, &formats.money)?;
        maybe(ws, row, 9, h.cost_per_unit, &formats.money_precise)?;
        number(ws, row, 10, h.fixed_total, &formats.money)?;
        number(ws, row, 11, h.variable_total, &formats.money)?;
        row += 1;
        for o in &evaluation.options {
            text(ws, row, 0, case)?;
            option_row(ws, row, o, formats, &categories, notes_column)?;
            row += 1;
        }
    }

    let shown = bundle.scenario.as_deref().unwrap_or(BASE_MODEL);
    text(ws, row + 1, 0, "The Monthly sheets and the chart show")?;
    text(ws, row + 1, 1, shown)?;
    fit(ws);
    chart(ws, row + 3, bundle, formats, monthly_names)
}

fn option_row(
    ws: &mut Worksheet,
    row: u32,
    o: &OptionResult,
    formats: &Formats,
    categories: &BTreeSet<HiddenCategory>,
    notes_column: ColNum,
) -> Result<(), XlsxError> {
    text(ws, row, 1, &o.name)?;
    number(ws, row, 2, o.total, &formats.money)?;
    number(ws, row, 3, o.savings_total, &formats.money)?;
    maybe(ws, row, 4, o.savings_pct, &formats.percent)?;
    number(ws, row, 5, o.npv, &formats.money)?;
    maybe(ws, row, 6, o.irr, &formats.percent)?;
    maybe(ws, row, 7, o.payback_months.map(f64::from), &formats.general)?;
    maybe(ws, row, 8, o.break_even_volume, &formats.count)?;
    maybe(ws, row, 9, o.cost_per_unit, &formats.money_precise)?;
    number(ws, row, 10, o.fixed_total, &formats.money)?;
    number(ws, row, 11, o.variable_total, &formats.money)?;
    number(ws, row, 12, o.hidden_total, &formats.money)?;
    maybe(ws, row, 13, o.hidden_pct_of_fees, &formats.percent)?;
    maybe(ws, row, 14, o.hidden_multiplier_at_break_even, &formats.decimal)?;
    for (col, category) in (15..).zip(categories) {
        maybe(ws, row, col, o.hidden_by_category.get(category).copied(), &formats.money)?;
    }
    let mut notes: Vec<String> = Vec::new();
    if let Some(reason) = o.no_break_even {
        notes.push(format!("Break-even volume: {}.", crate::format::no_break_even(reason)));
    }
    match o.irr {
        None => notes.push("No IRR: the savings never change sign, or no rate brings them to 0.".to_owned()),
        // The window shows such an IRR as "n/m"; the cell keeps the number, the note says why.
        irr => notes.extend(crate::format::irr_note(irr)),
    }
    if o.payback_months.is_none() {
        notes.push("No payback within the horizon.".to_owned());
    }
    if !notes.is_empty() {
        text(ws, row, notes_column, &notes.join(" "))?;
    }
    Ok(())
}

/// A line per option of its cumulative savings, drawn from its Monthly sheet, named by the
/// option-name cell there (a cell reference: a name is never parsed as a formula or a range).
fn chart(
    ws: &mut Worksheet,
    row: u32,
    bundle: &Bundle,
    formats: &Formats,
    monthly_names: &[String],
) -> Result<(), XlsxError> {
    let months = bundle.evaluation.in_house.volume.len() as u32;
    if months == 0 || monthly_names.is_empty() {
        return Ok(());
    }
    let mut chart = Chart::new(ChartType::Line);
    chart.title().set_name("Cumulative savings by option");
    chart.x_axis().set_name("Month");
    chart.y_axis().set_name("Cumulative savings").set_num_format(&formats.money_code);
    for (index, sheet) in monthly_names.iter().enumerate().take(CHART_SERIES_MAX) {
        let crate::palette::Rgb(r, g, b) = crate::palette::option(index);
        let colour = Color::RGB(u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b));
        chart
            .add_series()
            .set_name((sheet.as_str(), 1, MONTHLY_NAME_COLUMN))
            .set_categories((sheet.as_str(), 1, 0, months, 0))
            .set_values((sheet.as_str(), 1, MONTHLY_CUMULATIVE_COLUMN, months, MONTHLY_CUMULATIVE_COLUMN))
            .set_format(ChartLine::new().set_color(colour).set_width(2.0));
    }
    if monthly_names.len() > CHART_SERIES_MAX {
        let note = format!("The chart shows the first {CHART_SERIES_MAX} options: Excel draws no more in one chart.");
        text(ws, row - 1, 0, &note)?;
    }
    chart.set_width(760).set_height(380);
    ws.insert_chart(row, 0, &chart)?;
    Ok(())
}
