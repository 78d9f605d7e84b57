//! The spreadsheets (issue 12): the CSV and the workbook hold the engine's figures exactly,
//! numbers as numbers in the right formats, names as inert text, and `shoreline export` writes
//! both, failing with the documented exit codes.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use shoreline::engine::scenarios::compare;
use shoreline::engine::{Evaluation, Plan};
use shoreline::export::csv::{BOM, monthly_csv};
use shoreline::export::{Bundle, xlsx};
use shoreline::model::{Model, io};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_models/contact_center.ron");

/// Option names a spreadsheet would run, or a browser would, if they were not kept as text.
const PAYLOADS: [&str; 5] = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "<script>"];

fn sample() -> Model {
    io::load(Path::new(SAMPLE)).expect("the sample loads")
}

/// The sample with its options (cloned as needed) and cost lines named by [`PAYLOADS`].
fn hostile() -> Model {
    let mut model = sample();
    while model.options.len() < PAYLOADS.len() {
        model.options.push(model.options[0].clone());
    }
    for (option, payload) in model.options.iter_mut().zip(PAYLOADS) {
        option.name = payload.to_owned();
        option.hidden[0].name = payload.to_owned();
    }
    for (line, payload) in model.in_house.costs.iter_mut().zip(PAYLOADS) {
        line.name = payload.to_owned();
        line.note = payload.to_owned();
    }
    model.scenarios.clear();
    model
}

/// The CSV's header and rows, after checking it starts with the byte-order mark.
fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(bytes.starts_with(BOM), "the CSV starts with the UTF-8 byte-order mark EF BB BF");
    assert!(!bytes[BOM.len()..].starts_with(BOM), "one mark only");
    let mut reader = csv::Reader::from_reader(&bytes[BOM.len()..]);
    let header = reader.headers().expect("a header row").iter().map(str::to_owned).collect();
    let rows = reader.records().map(|r| r.expect("a record").iter().map(str::to_owned).collect()).collect();
    (header, rows)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + b.abs())
}

#[test]
fn the_csv_holds_every_series_of_in_house_and_every_option_for_every_month() {
    let model = sample();
    let evaluation = Evaluation::of_model(&model);
    let (header, rows) = read_csv(&monthly_csv(&model, &evaluation).expect("the CSV is built"));
    assert_eq!(header.len(), 1 + 3 + 8 * evaluation.options.len(), "{header:?}");
    assert_eq!(rows.len(), model.horizon_months as usize, "one row per month");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name:?}"));
    let mut expected: Vec<(usize, &[f64])> = vec![
        (column("In-house volume (contacts)"), &evaluation.in_house.volume),
        (column("In-house FTE"), &evaluation.in_house.fte),
        (column("In-house cost (USD)"), &evaluation.in_house.cost),
    ];
    for o in &evaluation.options {
        let n = &o.name;
        expected.extend([
            (column(&format!("{n}: fees (USD)")), o.fees.as_slice()),
            (column(&format!("{n}: retained (USD)")), &o.retained),
            (column(&format!("{n}: parallel running (USD)")), &o.parallel),
            (column(&format!("{n}: hidden costs (USD)")), &o.hidden),
            (column(&format!("{n}: cost (USD)")), &o.cost),
            (column(&format!("{n}: savings (USD)")), &o.savings),
            (column(&format!("{n}: cumulative savings (USD)")), &o.cumulative_savings),
            (column(&format!("{n}: vendor FTE")), &o.fte),
        ]);
    }
    for (t, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), header.len(), "month {} has a cell per column", t + 1);
        assert_eq!(row[0], (t + 1).to_string(), "the month column counts from 1");
        for &(col, series) in &expected {
            let cell: f64 = row[col].parse().unwrap_or_else(|_| panic!("{:?} is a plain number", row[col]));
            assert!(close(cell, series[t]), "{} month {}: {cell} vs {}", header[col], t + 1, series[t]);
        }
    }
}

#[test]
fn names_that_look_like_formulas_are_guarded_in_the_csv() {
    let model = hostile();
    let (header, rows) = read_csv(&monthly_csv(&model, &Evaluation::of_model(&model)).expect("the CSV is built"));
    for payload in &PAYLOADS[..4] {
        let fees = format!("'{payload}: fees (USD)");
        assert!(header.contains(&fees), "{fees:?} is guarded with a leading ' in {header:?}");
    }
    assert!(header.contains(&"<script>: fees (USD)".to_owned()), "other text is left as it is");
    for cell in &header {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?} would run as a formula");
    }
    for cell in rows.iter().flatten() {
        assert!(cell.parse::<f64>().is_ok(), "a data cell is a plain number, not {cell:?}");
    }
}

/// The sample as a bundle: its results with the sensitivity, a small Monte Carlo run and the
/// scenarios.
fn bundle(model: Model) -> Bundle {
    let mut model = model;
    model.simulation.samples = 400;
    let base = model.clone();
    let plan = Plan::new(&model);
    let evaluation = Evaluation::of_plan(&plan, &plan.base_values());
    Bundle::new(model, plan, evaluation, 0)
        .with_sensitivity()
        .with_scenarios(&base)
        .with_simulation()
        .expect("the simulation runs")
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("the workbook opens")
}

/// The column of `sheet`'s header row titled `title`.
fn column_of(sheet: &calamine::Range<Data>, title: &str) -> u32 {
    (0..sheet.width() as u32)
        .find(|&c| sheet.get_value((0, c)) == Some(&Data::String(title.to_owned())))
        .unwrap_or_else(|| panic!("no column {title:?}"))
}

fn float(cell: Option<&Data>) -> Option<f64> {
    match cell? {
        Data::Float(x) => Some(*x),
        Data::Int(x) => Some(*x as f64),
        Data::Empty => None,
        other => panic!("{other:?} is not a number"),
    }
}

#[test]
fn the_workbook_has_every_sheet_and_the_engines_figures_for_the_base_model_and_each_scenario() {
    let model = sample();
    let bytes = xlsx::workbook(&bundle(model.clone())).expect("the workbook is built");
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    assert!(has(b"xl/charts/chart1.xml"), "the workbook holds a native chart");
    let mut book = open(bytes);
    let names = book.sheet_names();
    let mut expected = vec!["Summary".to_owned(), "Assumptions".to_owned()];
    expected.extend([
        "Monthly 1 US onshore outsourcer".to_owned(),
        "Monthly 2 Monterrey nearshore c".to_owned(),
        "Monthly 3 Manila offshore partn".to_owned(),
    ]);
    expected.extend(["Sensitivity".to_owned(), "Monte Carlo".to_owned()]);
    assert_eq!(names, expected);

    let summary = book.worksheet_range("Summary").expect("Summary");
    let (case, option) = (column_of(&summary, "Case"), column_of(&summary, "Option"));
    let npv = column_of(&summary, "NPV of savings (USD)");
    let pct = column_of(&summary, "Savings %");
    let payback = column_of(&summary, "Payback (months)");
    let notes = column_of(&summary, "Notes");
    let cases = compare(&model);
    assert_eq!(cases.len(), 1 + model.scenarios.len());
    for results in &cases {
        let evaluation = results.evaluation.as_ref().expect("every scenario applies");
        for o in &evaluation.options {
            let row = (1..summary.height() as u32)
                .find(|&r| {
                    summary.get_value((r, case)) == Some(&Data::String(results.name.clone()))
                        && summary.get_value((r, option)) == Some(&Data::String(o.name.clone()))
                })
                .unwrap_or_else(|| panic!("no Summary row for {} / {}", results.name, o.name));
            let at = |col| float(summary.get_value((row, col)));
            assert!(close(at(npv).expect("an NPV"), o.npv), "{} {} NPV", results.name, o.name);
            assert!(close(at(pct).expect("a share"), o.savings_pct.expect("savings %")), "savings %");
            assert_eq!(at(payback), o.payback_months.map(f64::from), "{} {} payback", results.name, o.name);
            if o.irr.is_some_and(|irr| irr > shoreline::format::IRR_MEANINGFUL_UP_TO) {
                let note = summary.get_value((row, notes));
                assert!(
                    matches!(note, Some(Data::String(n)) if n.contains("n/m")),
                    "an IRR the window shows as n/m is explained"
                );
            }
        }
    }

    let styles = book.worksheet_style("Summary").expect("styles");
    // Row 1 is the base model's in-house case; row 2 its first option.
    let format_of = |col: u32| {
        let style = styles.get((2, col)).expect("an option row has a style");
        style.number_format.as_ref().expect("a number format").format_code.clone()
    };
    assert!(format_of(npv).contains("\"USD\"") && format_of(npv).contains("#,##0"), "{}", format_of(npv));
    assert!(format_of(pct).contains('%'), "{}", format_of(pct));
    let header_style = styles.get((0, 0)).and_then(|s| s.font.as_ref()).expect("the header has a font");
    assert!(header_style.is_bold(), "the header row is bold");

    let evaluation = Evaluation::of_model(&model);
    let monthly = book.worksheet_range(&expected[4]).expect("the third option's Monthly sheet");
    let cumulative = column_of(&monthly, "Cumulative savings (USD)");
    let engine = &evaluation.options[2].cumulative_savings;
    assert_eq!(monthly.get_value((1, 13)), Some(&Data::String(evaluation.options[2].name.clone())));
    for (t, &x) in engine.iter().enumerate() {
        let cell = float(monthly.get_value((t as u32 + 1, cumulative))).expect("a value per month");
        assert!(close(cell, x), "month {}: {cell} vs {x}", t + 1);
    }
    let monthly_styles = book.worksheet_style(&expected[4]).expect("styles");
    let money = monthly_styles.get((1, cumulative)).and_then(|s| s.number_format.as_ref()).expect("a format");
    assert!(money.format_code.contains("\"USD\""), "{}", money.format_code);
}

#[test]
fn the_other_sheets_list_inputs_tornado_rows_and_the_simulation() {
    let model = sample();
    let bundle = bundle(model.clone());
    let mut book = open(xlsx::workbook(&bundle).expect("the workbook is built"));
    let assumptions = book.worksheet_range("Assumptions").expect("Assumptions");
    let inputs = shoreline::model::inputs::inputs(&model);
    assert_eq!(assumptions.height(), 1 + inputs.len(), "a row per input");
    let (path, base) = (column_of(&assumptions, "Path"), column_of(&assumptions, "Base value"));
    for (row, input) in (1..).zip(&inputs) {
        assert_eq!(assumptions.get_value((row, path)), Some(&Data::String(input.path.clone())));
        assert!(close(float(assumptions.get_value((row, base))).expect("a base"), input.estimate.base()));
    }
    column_of(&assumptions, "Note / source");

    let sensitivity = book.worksheet_range("Sensitivity").expect("Sensitivity");
    let bars: usize = bundle.sensitivities.iter().map(|s| s.tornado.len().max(1)).sum();
    assert_eq!(sensitivity.height(), 1 + bars, "a row per tornado bar of every option");
    let swing = column_of(&sensitivity, "Swing (USD)");
    let first = &bundle.sensitivities[0].tornado[0];
    assert!(close(float(sensitivity.get_value((1, swing))).expect("a swing"), first.swing));

    let monte_carlo = book.worksheet_range("Monte Carlo").expect("Monte Carlo");
    let run = bundle.simulation.as_ref().expect("a run");
    let (loss, mean) = (column_of(&monte_carlo, "Probability of a loss"), column_of(&monte_carlo, "NPV mean (USD)"));
    for (row, o) in (1..).zip(&run.options) {
        assert_eq!(monte_carlo.get_value((row, 0)), Some(&Data::String(o.name.clone())));
        assert!(close(float(monte_carlo.get_value((row, loss))).expect("a share"), o.prob_loss));
        assert!(close(float(monte_carlo.get_value((row, mean))).expect("a mean"), o.npv.mean));
    }
    let styles = book.worksheet_style("Monte Carlo").expect("styles");
    let format = styles.get((1, loss)).and_then(|s| s.number_format.as_ref()).expect("a format");
    assert!(format.format_code.contains('%'), "{}", format.format_code);
}

#[test]
fn names_that_look_like_formulas_are_stored_as_text_in_the_workbook() {
    let model = hostile();
    let mut book = open(xlsx::workbook(&bundle(model.clone())).expect("the workbook is built"));
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).expect("formulas");
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{sheet} holds no formula");
    }
    let summary = book.worksheet_range("Summary").expect("Summary");
    let option = column_of(&summary, "Option");
    let names: Vec<&Data> = (1..summary.height() as u32).filter_map(|r| summary.get_value((r, option))).collect();
    for payload in PAYLOADS {
        assert!(names.contains(&&Data::String(payload.to_owned())), "{payload:?} is kept as it is, as text");
    }
    let assumptions = book.worksheet_range("Assumptions").expect("Assumptions");
    let label = column_of(&assumptions, "Input");
    let first_line = format!("In-house › {} › amount", PAYLOADS[0]);
    assert!(
        (1..assumptions.height() as u32)
            .any(|r| assumptions.get_value((r, label)) == Some(&Data::String(first_line.clone()))),
        "a cost line's name reaches the Assumptions as text"
    );
}

fn shoreline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shoreline")).args(args).output().expect("runs")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

#[test]
fn export_writes_csv_and_xlsx_the_format_named_or_taken_from_the_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv_out = dir.path().join("monthly.data");
    let run =
        shoreline(&["export", SAMPLE, "--format", "csv", "-o", path(&csv_out), "--scenario", "Volume drop (-25 %)"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let (_, rows) = read_csv(&std::fs::read(&csv_out).expect("the CSV is written"));
    let scenario = sample().with_scenario(2).expect("the scenario applies");
    let volume: f64 = rows[0][1].parse().expect("a number");
    assert!(close(volume, Evaluation::of_model(&scenario).in_house.volume[0]), "the scenario's volume");

    let xlsx_out: PathBuf = dir.path().join("results.XLSX");
    let run = shoreline(&["export", SAMPLE, "-o", path(&xlsx_out)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let mut book = open(std::fs::read(&xlsx_out).expect("the workbook is written"));
    assert_eq!(book.sheet_names().first().map(String::as_str), Some("Summary"));
    assert!(book.worksheet_range("Summary").expect("Summary").height() > 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(leftovers.len(), 2, "no temporary file is left behind");
}

#[test]
fn an_unknown_format_is_bad_usage_and_an_unwritable_path_exit_3_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.csv");
    let run = shoreline(&["export", SAMPLE, "--format", "pdf", "-o", path(&out)]);
    assert_eq!(run.status.code(), Some(2), "{}", String::from_utf8_lossy(&run.stderr));
    let run = shoreline(&["export", SAMPLE, "-o", path(&dir.path().join("out.txt"))]);
    assert_eq!(run.status.code(), Some(2), "no format and no known extension");
    assert!(!out.exists(), "nothing is written");

    let unwritable = dir.path().join("no such folder").join("out.xlsx");
    for format in ["csv", "xlsx"] {
        let run = shoreline(&["export", SAMPLE, "--format", format, "-o", path(&unwritable)]);
        assert_eq!(run.status.code(), Some(3), "{}", String::from_utf8_lossy(&run.stderr));
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(path(&unwritable)), "the message names the path: {stderr}");
    }
}
