//! The model as an Excel workbook: a Summary of every result for the base model and each
//! scenario (with a native chart of cumulative savings), the Assumptions, one Monthly sheet per
//! option, the Sensitivity and the Monte Carlo run. Numbers are numbers with a number format;
//! every name is written as a string, never as a formula.

mod sheets;
mod summary;

use std::borrow::Cow;

use rust_xlsxwriter::{ColNum, Format, Workbook, Worksheet, XlsxError};

use super::{Bundle, ExportError};
use crate::model::Model;

/// The workbook's bytes (`.xlsx`), built from `bundle`; its sensitivities, simulation and
/// scenarios fill their sheets when the bundle holds them, else the sheet says they are missing.
pub fn workbook(bundle: &Bundle) -> Result<Vec<u8>, ExportError> {
    let formats = Formats::new(&bundle.model);
    let monthly_names = monthly_sheet_names(bundle.evaluation.options.iter().map(|o| o.name.as_str()));
    let mut book = Workbook::new();
    summary::write(book.add_worksheet().set_name("Summary")?, bundle, &formats, &monthly_names)?;
    sheets::assumptions(book.add_worksheet().set_name("Assumptions")?, &bundle.model, &formats)?;
    for (index, name) in monthly_names.iter().enumerate() {
        sheets::monthly(book.add_worksheet().set_name(name)?, bundle, index, &formats)?;
    }
    sheets::sensitivity(book.add_worksheet().set_name("Sensitivity")?, bundle, &formats)?;
    sheets::monte_carlo(book.add_worksheet().set_name("Monte Carlo")?, bundle, &formats)?;
    Ok(book.save_to_buffer()?)
}

/// Excel's longest sheet name, in UTF-16 units.
const SHEET_NAME_MAX: usize = 31;

/// One Monthly sheet name per option, "Monthly 1 Manila partner", cut to Excel's 31 characters.
/// The number keeps the names unique however alike the options' names are; the characters Excel
/// forbids (`[]:*?/\`) and control characters become spaces, and a name may not end in `'`.
pub fn monthly_sheet_names<'a>(options: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    options
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let cleaned: String =
                name.chars().map(|c| if c.is_control() || "[]:*?/\\".contains(c) { ' ' } else { c }).collect();
            let words = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut sheet = format!("Monthly {}", i + 1);
            let mut units = sheet.len();
            if !words.is_empty() {
                sheet.push(' ');
                units += 1;
                for c in words.chars() {
                    units += c.len_utf16();
                    if units > SHEET_NAME_MAX {
                        break;
                    }
                    sheet.push(c);
                }
            }
            sheet.trim_end_matches(['\'', ' ']).to_owned()
        })
        .collect()
}

/// The cell formats of the workbook, the money ones in the model's currency.
pub(super) struct Formats {
    /// The header row: bold.
    pub header: Format,
    /// Whole amounts of money: `"USD" #,##0`.
    pub money: Format,
    /// Amounts per unit, prices and rates: `"USD" #,##0.00`.
    pub money_precise: Format,
    /// Shares and rates: `0.0%`.
    pub percent: Format,
    /// Counts of staff and units: `#,##0`.
    pub count: Format,
    /// Plain numbers with two decimals (multipliers).
    pub decimal: Format,
    /// Numbers as Excel shows them by default.
    pub general: Format,
    /// The code of `money`, for the chart's axis.
    pub money_code: String,
}

impl Formats {
    fn new(model: &Model) -> Self {
        Self {
            header: Format::new().set_bold(),
            money: Format::new().set_num_format(money_format(&model.currency, "#,##0")),
            money_precise: Format::new().set_num_format(money_format(&model.currency, "#,##0.00")),
            percent: Format::new().set_num_format("0.0%"),
            count: Format::new().set_num_format("#,##0"),
            decimal: Format::new().set_num_format("0.00"),
            general: Format::new(),
            money_code: money_format(&model.currency, "#,##0"),
        }
    }
}

/// A currency number format for any currency code: the code quoted as literal text before the
/// digits (`"USD" #,##0`). Only letters, digits and currency signs are kept, since a `"` or `\`
/// in a model's currency would break the format; with nothing left, the digits alone.
pub fn money_format(currency: &str, digits: &str) -> String {
    let code: String = currency.chars().filter(|c| c.is_alphanumeric() || "$€£¥₹₩₽₺₪₫₱".contains(*c)).take(8).collect();
    if code.is_empty() { digits.to_owned() } else { format!("\"{code}\" {digits}") }
}

/// Excel's longest cell text, in UTF-16 units.
const CELL_TEXT_MAX: usize = 32_767;

/// `text` as a cell holds it: a text longer than Excel allows is cut, with an ellipsis.
fn cell_text(text: &str) -> Cow<'_, str> {
    // UTF-8 never takes fewer bytes than UTF-16 units, so a short byte length is short enough.
    if text.len() <= CELL_TEXT_MAX {
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > CELL_TEXT_MAX - 1
        })
        .map_or(text.len(), |(i, _)| i);
    Cow::Owned(format!("{}…", &text[..end]))
}

/// Writes `text` as a string (a name that looks like a formula stays text).
pub(super) fn text(ws: &mut Worksheet, row: u32, col: ColNum, text: &str) -> Result<(), XlsxError> {
    ws.write_string(row, col, cell_text(text))?;
    Ok(())
}

/// Writes a number in `format`; a value that is not finite leaves the cell empty, since Excel
/// has no such numbers.
pub(super) fn number(ws: &mut Worksheet, row: u32, col: ColNum, x: f64, format: &Format) -> Result<(), XlsxError> {
    if x.is_finite() {
        ws.write_number_with_format(row, col, x, format)?;
    }
    Ok(())
}

/// Writes a number that may be missing (no IRR, no payback): a missing one leaves the cell empty.
pub(super) fn maybe(
    ws: &mut Worksheet,
    row: u32,
    col: ColNum,
    x: Option<f64>,
    format: &Format,
) -> Result<(), XlsxError> {
    x.map_or(Ok(()), |x| number(ws, row, col, x, format))
}

/// Writes the bold header row, freezes it (and the first `frozen_columns` columns).
pub(super) fn header(
    ws: &mut Worksheet,
    titles: &[String],
    formats: &Formats,
    frozen_columns: ColNum,
) -> Result<(), XlsxError> {
    for (col, title) in (0..).zip(titles) {
        ws.write_string_with_format(0, col, cell_text(title), &formats.header)?;
    }
    ws.set_freeze_panes(1, frozen_columns)?;
    Ok(())
}

/// Fits every column to its contents, a long note no wider than a screen's third.
pub(super) fn fit(ws: &mut Worksheet) {
    ws.set_autofit_max_width(420);
    ws.autofit();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_sheet_names_are_short_unique_and_legal() {
        let long = "A very long vendor name that goes on and on";
        let names = monthly_sheet_names([
            "Manila partner",
            long,
            long,
            "a[b]c:d*e?f/g\\h",
            "'quoted'",
            "",
            "\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}",
        ]);
        assert_eq!(names[0], "Monthly 1 Manila partner");
        assert_eq!(names[5], "Monthly 6");
        let mut seen = std::collections::BTreeSet::new();
        for name in &names {
            assert!(name.encode_utf16().count() <= SHEET_NAME_MAX, "{name}");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
            assert!(!name.ends_with('\''), "{name}");
            assert!(seen.insert(name.to_lowercase()), "{name} is not unique");
        }
    }

    #[test]
    fn money_formats_quote_the_currency_and_drop_what_would_break_them() {
        assert_eq!(money_format("USD", "#,##0"), "\"USD\" #,##0");
        assert_eq!(money_format("EU\"R\\", "#,##0"), "\"EUR\" #,##0");
        assert_eq!(money_format("\"", "#,##0.00"), "#,##0.00");
    }

    #[test]
    fn overlong_text_is_cut_to_what_a_cell_holds() {
        let long = "é".repeat(40_000);
        let cut = cell_text(&long);
        assert_eq!(cut.encode_utf16().count(), CELL_TEXT_MAX);
        assert!(cut.ends_with('…'));
        assert_eq!(cell_text("short"), "short");
    }
}
