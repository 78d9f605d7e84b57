//! Every monthly series as a table, and the whole of it (every option) as tab-separated text for
//! a spreadsheet.

use egui::{Grid, RichText, ScrollArea, Ui};

use crate::format::thousands;
use crate::ui::charts::{ChartInput, common};
use crate::ui::palette;

/// How a column's numbers read on screen.
#[derive(Clone, Copy)]
enum Kind {
    /// Staff: whole numbers.
    Count,
    /// Volume and money: rounded, thousands separated.
    Amount,
}

/// One column: header and values, one per month.
struct Column<'a> {
    header: String,
    kind: Kind,
    values: &'a [f64],
}

/// The in-house columns, then option `i`'s columns; option headers prefixed with its name when
/// `prefix` (the TSV holds every option side by side).
fn columns<'a>(input: &ChartInput<'a>, options: &[usize], prefix: bool) -> Vec<Column<'a>> {
    let currency = clean(&input.model.currency);
    let unit = clean(&input.model.workload.unit);
    let h = &input.evaluation.in_house;
    let mut columns = vec![
        Column { header: format!("Volume ({unit})"), kind: Kind::Amount, values: &h.volume },
        Column { header: "In-house FTE".into(), kind: Kind::Count, values: &h.fte },
        Column { header: format!("In-house cost ({currency})"), kind: Kind::Amount, values: &h.cost },
    ];
    for &i in options {
        let Some(o) = input.evaluation.options.get(i) else { continue };
        // On screen the caption names the option; in the copy every option needs its name.
        let name = if prefix { format!("{} ", clean(&o.name)) } else { String::new() };
        let money =
            |label: &str, values| Column { header: format!("{name}{label} ({currency})"), kind: Kind::Amount, values };
        let fte = if prefix { format!("{name}FTE") } else { "Vendor FTE".to_owned() };
        columns.push(Column { header: fte, kind: Kind::Count, values: &o.fte });
        columns.push(money("Fees", &o.fees));
        columns.push(money("Retained", &o.retained));
        columns.push(money("Parallel", &o.parallel));
        columns.push(money("Hidden", &o.hidden));
        columns.push(money("Cost", &o.cost));
        columns.push(money("Savings", &o.savings));
        columns.push(money("Cumulative", &o.cumulative_savings));
    }
    columns
}

/// A name or unit fit for one cell: tabs and line breaks would split the row or the column.
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ").trim().to_owned()
}

/// A number a spreadsheet parses in any locale: no thousands separators, at most 2 decimals.
fn plain(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_owned() } else { s.to_owned() }
}

/// Every monthly series of every option as tab-separated text with a header row. Month 1 is the
/// first month of the horizon.
pub fn to_tsv(input: &ChartInput) -> String {
    let all: Vec<usize> = (0..input.evaluation.options.len()).collect();
    let columns = columns(input, &all, true);
    let months = input.evaluation.in_house.volume.len();
    let mut out = String::from("Month");
    for c in &columns {
        out.push('\t');
        out.push_str(&c.header);
    }
    out.push('\n');
    for t in 0..months {
        out.push_str(&(t + 1).to_string());
        for c in &columns {
            out.push('\t');
            out.push_str(&c.values.get(t).map(|&x| plain(x)).unwrap_or_default());
        }
        out.push('\n');
    }
    out
}

/// Draws the table of the focused option's monthly series and the copy button.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    ui.vertical(|ui| {
        ui.heading("Month by month");
        if input.stale {
            ui.label(RichText::new(common::STALE_NOTE).color(ui.visuals().warn_fg_color));
            ui.multiply_opacity(palette::STALE_OPACITY);
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Copy as TSV")
                .on_hover_text("Every option's monthly series, tab-separated, for pasting into a spreadsheet")
                .clicked()
            {
                ui.ctx().copy_text(to_tsv(input));
            }
            let focus = common::focused(input).map(|o| common::one_line(&o.name)).unwrap_or_default();
            ui.weak(format!("Showing {focus}; the copy holds every option."));
        });
        table(ui, input);
    });
}

fn table(ui: &mut Ui, input: &ChartInput) {
    let columns = columns(input, &[input.option], false);
    let months = input.evaluation.in_house.volume.len();
    // Numbers are right-aligned by padding in a monospace font: a Grid cell has no right alignment
    // that does not also stretch the column.
    let cells: Vec<Vec<String>> = columns
        .iter()
        .map(|c| {
            c.values
                .iter()
                .map(|&x| match c.kind {
                    Kind::Count => format!("{x}"),
                    Kind::Amount => thousands(x),
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = cells.iter().map(|col| col.iter().map(|s| s.chars().count()).max().unwrap_or(0)).collect();
    ScrollArea::both().id_salt("monthly_table").auto_shrink([false, false]).show(ui, |ui| {
        Grid::new("monthly_table_grid").striped(true).spacing([14.0, 2.0]).show(ui, |ui| {
            ui.strong("Month");
            for c in &columns {
                ui.strong(&c.header);
            }
            ui.end_row();
            for t in 0..months {
                ui.monospace(format!("{:>3}", t + 1));
                for (col, width) in cells.iter().zip(&widths) {
                    let text = col.get(t).map(String::as_str).unwrap_or("");
                    ui.monospace(format!("{text:>width$}"));
                }
                ui.end_row();
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Evaluation, Plan};

    #[test]
    fn plain_numbers_parse_in_a_spreadsheet() {
        assert_eq!(plain(1_234_567.891), "1234567.89");
        assert_eq!(plain(120.0), "120");
        assert_eq!(plain(-0.001), "0");
        assert_eq!(plain(2.5), "2.5");
    }

    #[test]
    fn tsv_holds_every_series_of_every_option() {
        let mut model = crate::model::samples::contract_example();
        let mut second = model.options[0].clone();
        second.name = "Tab\there\nand newline".into();
        model.options.push(second);
        let plan = Plan::new(&model);
        let evaluation = Evaluation::of_model(&model);
        let input =
            ChartInput { model: &model, plan: &plan, evaluation: &evaluation, revision: 0, option: 0, stale: false };
        let tsv = to_tsv(&input);
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines.len(), 1 + 36);
        let header: Vec<&str> = lines[0].split('\t').collect();
        assert_eq!(header.len(), 1 + 3 + 2 * 8);
        assert_eq!(header[0], "Month");
        assert_eq!(header[1], "Volume (contacts)");
        assert_eq!(header[4], "Manila partner FTE");
        assert_eq!(header[12], "Tab here and newline FTE");
        assert!(lines.iter().all(|l| l.split('\t').count() == header.len()));
        let first: Vec<&str> = lines[1].split('\t').collect();
        assert_eq!(first[0], "1");
        assert_eq!(first[1], "165000");
        assert!(lines.iter().skip(1).flat_map(|l| l.split('\t')).all(|cell| cell.parse::<f64>().is_ok()));
        let cumulative: f64 = lines[36].split('\t').nth(11).and_then(|c| c.parse().ok()).unwrap_or(f64::NAN);
        assert!((cumulative - evaluation.options[0].savings_total).abs() < 0.01);
    }
}
