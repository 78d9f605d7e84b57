//! The workbook's detail sheets: Assumptions, one Monthly sheet per option, Sensitivity and
//! Monte Carlo.

use std::collections::HashMap;

use rust_xlsxwriter::{ColNum, Format, Worksheet, XlsxError};

use super::{Formats, fit, header, number, text};
use crate::export::Bundle;
use crate::export::csv::option_series;
use crate::model::inputs::{self, note_of};
use crate::model::{Estimate, Method, Model, ValueKind, units};

/// The Monthly sheets' column of cumulative savings (the chart draws it).
pub const MONTHLY_CUMULATIVE_COLUMN: ColNum = 10;
/// The Monthly sheets' column whose second row holds the option's name (the chart's legend).
pub const MONTHLY_NAME_COLUMN: ColNum = 13;
/// The columns of the Monthly sheets before the option's series.
const MONTHLY_IN_HOUSE_COLUMNS: ColNum = 4;

/// The parameters a distribution can have, each in a column of its own.
const PARAMETERS: [&str; 7] = ["low", "mode", "high", "mean", "sd", "p5", "p95"];

/// Every real-valued input: its path, label, estimate (plain number or distribution with its
/// parameters, in the input's unit) and the note that gives its source.
pub(super) fn assumptions(ws: &mut Worksheet, model: &Model, formats: &Formats) -> Result<(), XlsxError> {
    let mut titles: Vec<String> =
        ["Path", "Input", "Estimate", "Form", "Base value", "P10", "P90"].map(str::to_owned).to_vec();
    titles.extend(PARAMETERS.map(str::to_owned));
    titles.push("Note / source".to_owned());
    header(ws, &titles, formats, 2)?;
    for (row, input) in (1..).zip(inputs::inputs(model)) {
        let format = value_format(input.kind, formats);
        text(ws, row, 0, &input.path)?;
        text(ws, row, 1, &input.label)?;
        text(ws, row, 2, &units::estimate_with_unit(model, &input.path, &input.estimate))?;
        number(ws, row, 4, input.estimate.base(), format)?;
        match &input.estimate {
            Estimate::Fixed(_) => text(ws, row, 3, "Fixed")?,
            Estimate::Uncertain(d) => {
                text(ws, row, 3, d.name())?;
                number(ws, row, 5, d.p10(), format)?;
                number(ws, row, 6, d.p90(), format)?;
                for (name, value) in d.parameters() {
                    // A standard deviation is a spread, yet it reads in the input's unit too.
                    if let Some(at) = PARAMETERS.iter().position(|p| *p == name) {
                        number(ws, row, 7 + at as ColNum, value, format)?;
                    }
                }
            }
        }
        if let Some(note) = note_of(model, &input.path) {
            text(ws, row, 7 + PARAMETERS.len() as ColNum, note)?;
        }
    }
    fit(ws);
    Ok(())
}

/// The format a value of an input of `kind` reads best in.
fn value_format(kind: ValueKind, formats: &Formats) -> &Format {
    match kind {
        k if k.is_percentage() => &formats.percent,
        ValueKind::Money => &formats.money_precise,
        _ => &formats.general,
    }
}

/// The monthly series of in-house and of option `index`, and the option's name.
pub(super) fn monthly(ws: &mut Worksheet, bundle: &Bundle, index: usize, formats: &Formats) -> Result<(), XlsxError> {
    let currency = &bundle.model.currency;
    let in_house = &bundle.evaluation.in_house;
    let Some(option) = bundle.evaluation.options.get(index) else { return Ok(()) };
    let series = option_series(option);
    let mut titles = vec![
        "Month".to_owned(),
        format!("Volume ({})", bundle.model.workload.unit),
        "In-house FTE".to_owned(),
        format!("In-house cost ({currency})"),
    ];
    titles.extend(series.iter().map(|s| match (s.what, s.money) {
        ("cost", _) => format!("Option cost ({currency})"),
        (what, true) => format!("{} ({currency})", capitalised(what)),
        (what, false) => capitalised(what),
    }));
    header(ws, &titles, formats, 1)?;
    ws.write_string_with_format(0, MONTHLY_NAME_COLUMN, "Option", &formats.header)?;
    text(ws, 1, MONTHLY_NAME_COLUMN, &option.name)?;
    for (row, month) in (1..).zip(1..=in_house.volume.len()) {
        number(ws, row, 0, month as f64, &formats.general)?;
    }
    let columns =
        [(&in_house.volume, &formats.count), (&in_house.fte, &formats.count), (&in_house.cost, &formats.money)];
    for (col, (values, format)) in (1..).zip(columns) {
        column(ws, col, values, format)?;
    }
    for (col, s) in (MONTHLY_IN_HOUSE_COLUMNS..).zip(&series) {
        column(ws, col, s.values, if s.money { &formats.money } else { &formats.count })?;
    }
    fit(ws);
    Ok(())
}

fn column(ws: &mut Worksheet, col: ColNum, values: &[f64], format: &Format) -> Result<(), XlsxError> {
    for (row, &x) in (1..).zip(values) {
        number(ws, row, col, x, format)?;
    }
    Ok(())
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The tornado of every option: each input at its P10 and P90, the NPV at each, the swing.
pub(super) fn sensitivity(ws: &mut Worksheet, bundle: &Bundle, formats: &Formats) -> Result<(), XlsxError> {
    let currency = &bundle.model.currency;
    let titles = [
        "Option".to_owned(),
        "Input".to_owned(),
        "Path".to_owned(),
        "P10 value".to_owned(),
        "P90 value".to_owned(),
        format!("NPV at P10 ({currency})"),
        format!("NPV at P90 ({currency})"),
        format!("Swing ({currency})"),
    ];
    header(ws, &titles, formats, 2)?;
    if bundle.sensitivities.is_empty() {
        text(ws, 1, 0, "The sensitivity was not computed for this export.")?;
    }
    let kinds: HashMap<String, ValueKind> =
        inputs::inputs(&bundle.model).into_iter().map(|i| (i.path, i.kind)).collect();
    let mut row = 1;
    for s in &bundle.sensitivities {
        if s.tornado.is_empty() {
            text(ws, row, 0, &s.option)?;
            text(ws, row, 1, "No input is a distribution: nothing to swing.")?;
            row += 1;
        }
        for bar in &s.tornado {
            let format = kinds.get(&bar.path).map_or(&formats.general, |k| value_format(*k, formats));
            text(ws, row, 0, &s.option)?;
            text(ws, row, 1, &bar.label)?;
            text(ws, row, 2, &bar.path)?;
            number(ws, row, 3, bar.low, format)?;
            number(ws, row, 4, bar.high, format)?;
            number(ws, row, 5, bar.npv_low, &formats.money)?;
            number(ws, row, 6, bar.npv_high, &formats.money)?;
            number(ws, row, 7, bar.swing, &formats.money)?;
            row += 1;
        }
    }
    fit(ws);
    Ok(())
}

/// The Monte Carlo run: NPV and total savings summarised per option, the chance of a loss and of
/// being the cheapest, then the run's draws, seed and method.
pub(super) fn monte_carlo(ws: &mut Worksheet, bundle: &Bundle, formats: &Formats) -> Result<(), XlsxError> {
    let currency = &bundle.model.currency;
    const STATISTICS: [&str; 9] = ["mean", "SD", "P5", "P10", "P25", "P50", "P75", "P90", "P95"];
    let mut titles = vec!["Option".to_owned()];
    for figure in ["NPV", "Savings"] {
        titles.extend(STATISTICS.iter().map(|s| format!("{figure} {s} ({currency})")));
    }
    titles.extend(["Probability of a loss".to_owned(), "Probability of being cheapest".to_owned()]);
    header(ws, &titles, formats, 1)?;
    let Some(run) = &bundle.simulation else {
        text(ws, 1, 0, "No Monte Carlo run was made for this export.")?;
        fit(ws);
        return Ok(());
    };
    let mut row = 1;
    for o in &run.options {
        text(ws, row, 0, &o.name)?;
        for (start, s) in [(1, &o.npv), (10, &o.savings_total)] {
            let values = [s.mean, s.sd, s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95];
            for (col, x) in (start..).zip(values) {
                number(ws, row, col, x, &formats.money)?;
            }
        }
        number(ws, row, 19, o.prob_loss, &formats.percent)?;
        number(ws, row, 20, o.prob_cheapest, &formats.percent)?;
        row += 1;
    }
    text(ws, row, 0, "In-house (no option saves)")?;
    number(ws, row, 20, run.in_house_cheapest, &formats.percent)?;
    row += 2;
    text(ws, row, 0, "Draws")?;
    number(ws, row, 1, run.samples as f64, &formats.count)?;
    text(ws, row + 1, 0, "Seed")?;
    // A seed past 2^53 would lose digits as a number: it is an identifier, kept exact as text.
    if run.seed <= 1 << 53 {
        number(ws, row + 1, 1, run.seed as f64, &formats.general)?;
    } else {
        text(ws, row + 1, 1, &run.seed.to_string())?;
    }
    text(ws, row + 2, 0, "Method")?;
    let method = match bundle.model.simulation.method {
        Method::Random => "Random",
        Method::LatinHypercube => "Latin hypercube",
    };
    text(ws, row + 2, 1, method)?;
    fit(ws);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Evaluation;
    use crate::model::samples::default_model;

    #[test]
    fn the_chart_reads_the_cumulative_savings_column() {
        let evaluation = Evaluation::of_model(&default_model().expect("the sample loads"));
        let series = option_series(&evaluation.options[0]);
        let at = usize::from(MONTHLY_CUMULATIVE_COLUMN - MONTHLY_IN_HOUSE_COLUMNS);
        assert_eq!(series[at].what, "cumulative savings");
        assert!(usize::from(MONTHLY_NAME_COLUMN) > usize::from(MONTHLY_IN_HOUSE_COLUMNS) + series.len());
    }
}
