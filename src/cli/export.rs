//! `shoreline export`: the monthly series as CSV, or every result as an Excel workbook.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{EXIT_INVALID, EXIT_UNWRITABLE, Failure, escape, load, load_valid};
use crate::export::{Bundle, ExportError, csv, xlsx};
use crate::model::io::{self, SaveError};

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SpreadsheetFormat {
    /// Every monthly series, one row per month (UTF-8 with a byte-order mark).
    Csv,
    /// A workbook: summary with a chart, assumptions, monthly sheets, sensitivity, Monte Carlo.
    Xlsx,
}

impl SpreadsheetFormat {
    /// The format the output's extension names (`.csv`, `.xlsx`, any case), if it names one.
    fn of_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The model file.
    pub file: PathBuf,
    /// `csv` or `xlsx`; may be left out when the output ends in `.csv` or `.xlsx`.
    #[arg(long, value_enum)]
    pub format: Option<SpreadsheetFormat>,
    /// Where to write the spreadsheet.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Export this scenario's figures instead of the base model's (the workbook's Summary lists
    /// every scenario either way).
    #[arg(long)]
    pub scenario: Option<String>,
}

/// Writes the spreadsheet; exit 0, or the failure.
pub(super) fn run(args: ExportArgs) -> Result<u8, Failure> {
    let output = escape(&args.output.display().to_string());
    let format = args.format.or_else(|| SpreadsheetFormat::of_path(&args.output)).ok_or_else(|| {
        Failure::unreadable(format!("{output}: give --format csv or --format xlsx (or end the name in .csv or .xlsx)"))
    })?;
    if same_file(&args.file, &args.output) {
        return Err(Failure::unreadable(format!("{output} is the model file itself: choose another output")));
    }
    let valid = load_valid(&args.file, args.scenario.as_deref())?;
    let unbuilt = |e: ExportError| Failure { message: escape(&e.to_string()), code: EXIT_UNWRITABLE };
    let bytes = match format {
        SpreadsheetFormat::Csv => csv::monthly_csv(&valid.model, &valid.evaluation).map_err(unbuilt)?,
        SpreadsheetFormat::Xlsx => {
            let base = load(&args.file)?;
            let mut bundle = Bundle::new(valid.model, valid.plan, valid.evaluation, 0)
                .with_sensitivity()
                .with_scenarios(&base)
                .with_simulation()
                .map_err(|e| Failure { message: escape(&e), code: EXIT_INVALID })?;
            bundle.scenario = args.scenario;
            xlsx::workbook(&bundle).map_err(unbuilt)?
        }
    };
    io::write_atomically(&args.output, &bytes, false).map_err(|e| Failure {
        message: match e {
            SaveError::Io { source, .. } => format!("cannot write {output}: {}", escape(&source.to_string())),
            other => escape(&other.to_string()),
        },
        code: EXIT_UNWRITABLE,
    })?;
    Ok(0)
}

/// True when `a` and `b` are one existing file (an export must never replace its model).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
