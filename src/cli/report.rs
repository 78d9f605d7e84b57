//! `shoreline report`: the model as one self-contained HTML report.

use std::path::PathBuf;

use clap::Args;

use super::{EXIT_UNWRITABLE, Failure, escape, load, load_valid, resolve_option};
use crate::export::Bundle;
use crate::export::report::{ReportContext, Source, report};
use crate::model::{io, meeting_log};

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The model file.
    pub file: PathBuf,
    /// Where to write the report (`.html`).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Show this scenario's figures instead of the base model's (the key figures list every
    /// scenario either way).
    #[arg(long)]
    pub scenario: Option<String>,
    /// The option the one-option charts (tornado, Monte Carlo) are about: its number, counted
    /// from 1, or its name. The option with the best NPV by default.
    #[arg(long)]
    pub option: Option<String>,
}

/// Writes the report; exit 0, or the failure.
pub(super) fn run(args: ReportArgs) -> Result<u8, Failure> {
    let base = load(&args.file)?;
    let valid = load_valid(&args.file, args.scenario.as_deref())?;
    let option = match args.option.as_deref() {
        Some(_) => resolve_option(&valid.model, args.option.as_deref())?,
        None => best_option(&valid.evaluation),
    };
    let mut bundle = Bundle::new(valid.model, valid.plan, valid.evaluation, option)
        .with_sensitivity()
        .with_scenarios(&base)
        .with_simulation()
        .map_err(|e| Failure { message: escape(&e), code: super::EXIT_INVALID })?;
    bundle.scenario = args.scenario.clone();
    let source = Source::of_file(&args.file)
        .map_err(|e| Failure::unreadable(format!("{}: {e}", escape(&args.file.display().to_string()))))?;
    let (meetings, unreadable) = meeting_log::logs_beside(&args.file);
    for why in unreadable {
        eprintln!("shoreline: a meeting log is left out of the report: {}", escape(&why));
    }
    let date = jiff::ZonedDateTime::now().strftime("%Y-%m-%d").to_string();
    let html = report(&bundle, &ReportContext { source: Some(&source), meetings: &meetings, date: &date });
    io::write_atomically(&args.output, html.as_bytes(), false).map_err(|e| Failure {
        message: format!("cannot write {}: {}", escape(&args.output.display().to_string()), escape(&e.to_string())),
        code: EXIT_UNWRITABLE,
    })?;
    Ok(0)
}

/// The option the headline speaks of: the best NPV (the first when none has options, clamped later).
fn best_option(evaluation: &crate::engine::Evaluation) -> usize {
    evaluation.options.iter().enumerate().max_by(|a, b| a.1.npv.total_cmp(&b.1.npv)).map_or(0, |(i, _)| i)
}
