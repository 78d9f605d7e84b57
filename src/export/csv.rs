//! Every monthly series as CSV: one header row, one row per month, plain numbers, UTF-8 with a
//! byte-order mark so Excel reads the names' accents right. Names come from colleagues and
//! vendors, so a text cell a spreadsheet could run as a formula is guarded with a leading `'`.

use std::borrow::Cow;

use super::ExportError;
use crate::engine::{Evaluation, OptionResult};
use crate::model::Model;

/// The UTF-8 byte-order mark: without it Excel reads the file in the system's code page.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One monthly series of an option, as the exports name it.
pub(super) struct OptionSeries<'a> {
    /// What the series is, in lower case ("cumulative savings").
    pub what: &'static str,
    /// One value per month.
    pub values: &'a [f64],
    /// True for money (its header names the currency), false for staff.
    pub money: bool,
}

/// An option's monthly series in column order: fees, retained, parallel running, hidden costs,
/// cost, savings, cumulative savings, vendor FTE.
pub(super) fn option_series(o: &OptionResult) -> [OptionSeries<'_>; 8] {
    let money = |what, values| OptionSeries { what, values, money: true };
    [
        money("fees", &o.fees),
        money("retained", &o.retained),
        money("parallel running", &o.parallel),
        money("hidden costs", &o.hidden),
        money("cost", &o.cost),
        money("savings", &o.savings),
        money("cumulative savings", &o.cumulative_savings),
        OptionSeries { what: "vendor FTE", values: &o.fte, money: false },
    ]
}

/// The in-house case's and every option's monthly series, one row per month (numbered from 1),
/// as CSV bytes with a byte-order mark.
pub fn monthly_csv(model: &Model, evaluation: &Evaluation) -> Result<Vec<u8>, ExportError> {
    let currency = &model.currency;
    let in_house = &evaluation.in_house;
    let mut columns: Vec<(String, &[f64])> = vec![
        (format!("In-house volume ({})", model.workload.unit), &in_house.volume),
        ("In-house FTE".to_owned(), &in_house.fte),
        (format!("In-house cost ({currency})"), &in_house.cost),
    ];
    for o in &evaluation.options {
        for s in option_series(o) {
            let header = if s.money {
                format!("{}: {} ({currency})", o.name, s.what)
            } else {
                format!("{}: {}", o.name, s.what)
            };
            columns.push((header, s.values));
        }
    }
    let months = in_house.volume.len();
    if let Some((what, values)) = columns.iter().find(|(_, values)| values.len() != months) {
        return Err(ExportError::SeriesLength { what: what.clone(), expected: months, found: values.len() });
    }
    let mut writer = ::csv::Writer::from_writer(BOM.to_vec());
    let headers = columns.iter().map(|(header, _)| guarded(header));
    writer.write_record(std::iter::once(Cow::Borrowed("Month")).chain(headers).map(|h| h.into_owned()))?;
    for t in 0..months {
        let cells = columns.iter().map(|(_, values)| number(values[t]));
        writer.write_record(std::iter::once((t + 1).to_string()).chain(cells))?;
    }
    writer.into_inner().map_err(|e| ExportError::Csv(e.into_error().into()))
}

/// A number as a spreadsheet reads it: no separators or currency, every digit Rust prints (it
/// reads back exactly). A value that is not finite is left empty rather than written as text.
fn number(x: f64) -> String {
    // `+ 0.0` turns -0 into 0: a "-0" cell puzzles readers.
    if x.is_finite() { (x + 0.0).to_string() } else { String::new() }
}

/// The characters that make Excel or LibreOffice read a cell as a formula (the full-width forms
/// too, which some input methods type and some spreadsheets accept).
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// `text` safe as a spreadsheet cell: when it starts with a formula character (or does after
/// leading spaces, which spreadsheets skip), a leading `'` makes it plain text.
pub fn guarded(text: &str) -> Cow<'_, str> {
    let starts = |s: &str| s.starts_with(FORMULA_STARTS);
    if starts(text) || starts(text.trim_start()) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_characters_are_guarded_and_other_text_is_left_alone() {
        for risky in ["=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "  =1", "\n=1", "＝1"] {
            assert_eq!(guarded(risky), format!("'{risky}"), "{risky:?}");
        }
        for plain in ["Manila partner", "<script>", "1-2", "a=b", ""] {
            assert_eq!(guarded(plain), plain, "{plain:?}");
        }
    }

    #[test]
    fn numbers_are_plain_and_never_minus_zero() {
        assert_eq!(number(1234567.25), "1234567.25");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(-3.5), "-3.5");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(number(f64::INFINITY), "");
    }
}
