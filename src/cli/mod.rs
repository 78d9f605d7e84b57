//! The command line: validate, evaluate, sensitivity, simulate, goal-seek, inputs, fmt, and the
//! exports: chart, export (CSV, XLSX), report and diff.
//!
//! Exit codes: 0 success; 1 the model is invalid, or the question has no answer (goal seek),
//! or the two files differ (diff);
//! 2 bad usage or a file that cannot be read or parsed; 3 a file that cannot be written.

mod chart;
mod diff;
mod export;
mod inputs;
mod report;
mod tables;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::engine::monte_carlo::{self, Control, Settings};
use crate::engine::sensitivity::{Metric, goal_seek, sensitivity};
use crate::engine::{Evaluation, Plan};
use crate::model::{self, Method, Model, io};

/// Exit code: the model is invalid, or the question has no answer.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: bad usage, or a file that cannot be read or parsed.
pub const EXIT_UNREADABLE: u8 = 2;
/// Exit code: a file that cannot be written.
pub const EXIT_UNWRITABLE: u8 = 3;

/// Shoreline: keep a business process in-house or outsource it?
#[derive(Debug, Parser)]
#[command(name = "shoreline", version, about, long_about = None)]
pub struct Cli {
    /// A model file to open in the window (no subcommand).
    pub file: Option<PathBuf>,
    /// What to do without a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a model file and list its problems (exit 0 valid, 1 invalid).
    Validate {
        /// The model file.
        file: PathBuf,
    },
    /// Evaluate every option: savings, NPV, IRR, payback, break-even, hidden costs.
    Evaluate {
        /// The model file.
        file: PathBuf,
        /// Evaluate this scenario instead of the base model.
        #[arg(long)]
        scenario: Option<String>,
        /// Print JSON (monthly series included) instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Tornado, spider and hidden-cost curve of one option's NPV.
    Sensitivity {
        /// The model file.
        file: PathBuf,
        /// The option: its number, counted from 1, or its name (any case). The first by default.
        #[arg(long)]
        option: Option<String>,
        /// Use this scenario instead of the base model.
        #[arg(long)]
        scenario: Option<String>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Monte Carlo simulation of every option.
    Simulate {
        /// The model file.
        file: PathBuf,
        /// Number of draws (default: the model's).
        #[arg(long)]
        samples: Option<usize>,
        /// Seed (default: the model's).
        #[arg(long)]
        seed: Option<u64>,
        /// Worker threads (default: every core); results do not depend on it.
        #[arg(long)]
        threads: Option<usize>,
        /// Use this scenario instead of the base model.
        #[arg(long)]
        scenario: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Find the value of one input at which an option reaches a target.
    GoalSeek(GoalSeekArgs),
    /// Every input a path can name (`--input`, scenario overrides), with its label and value.
    Inputs {
        /// The model file.
        file: PathBuf,
        /// Print JSON: `{"inputs": [{"path", "label", "base", "estimate"}]}`.
        #[arg(long)]
        json: bool,
    },
    /// One chart as a PNG or SVG image (`--list` names the charts).
    Chart(chart::ChartArgs),
    /// Write a self-contained HTML report a CFO can read on screen and print.
    Report(report::ReportArgs),
    /// The monthly series as CSV, or every result as an Excel workbook.
    Export(export::ExportArgs),
    /// What changed between two model files and what it did to each option's results
    /// (exit 0 the same, 1 different).
    Diff {
        /// The file compared from.
        old: PathBuf,
        /// The file compared to.
        new: PathBuf,
        /// Print JSON: `{"inputs", "added", "removed", "other", "options"}`.
        #[arg(long)]
        json: bool,
    },
    /// Rewrite a model file in canonical form, atomically (for clean diffs).
    Fmt {
        /// The model file.
        file: PathBuf,
    },
}

/// Arguments of `goal-seek`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["target_npv", "target_savings_pct"])))]
pub struct GoalSeekArgs {
    /// The model file.
    pub file: PathBuf,
    /// The input's path, e.g. `options[0].pricing.rate`.
    #[arg(long)]
    pub input: String,
    /// The NPV to reach.
    #[arg(long, allow_negative_numbers = true, value_parser = finite_number)]
    pub target_npv: Option<f64>,
    /// The savings to reach, in percent: 25 means 25 %. A value strictly between -1 and 1
    /// (other than 0) is refused, as it is almost always a fraction meant as a percentage.
    #[arg(long, allow_negative_numbers = true, value_parser = finite_number)]
    pub target_savings_pct: Option<f64>,
    /// The option: its number, counted from 1, or its name (any case). The first by default.
    #[arg(long)]
    pub option: Option<String>,
    /// Use this scenario instead of the base model.
    #[arg(long)]
    pub scenario: Option<String>,
}

/// The savings share a `--target-savings-pct` in percent asks for; a fraction such as 0.25 is
/// refused rather than read as 0.25 %, since that is nearly always a mistake.
fn savings_target(percent: f64) -> Result<f64, Failure> {
    if percent != 0.0 && percent.abs() < 1.0 {
        return Err(Failure::unreadable(format!(
            "--target-savings-pct is in percent: did you mean {} (percent)?",
            (percent * 100.0 * 1e6).round() / 1e6
        )));
    }
    Ok(percent / 100.0)
}

/// A failure, reported once on stderr with its exit code.
#[derive(Debug)]
pub struct Failure {
    /// What to print.
    pub message: String,
    /// The exit code.
    pub code: u8,
}

impl Failure {
    fn unreadable(message: impl Into<String>) -> Self {
        Self { message: message.into(), code: EXIT_UNREADABLE }
    }
}

/// Runs a subcommand, printing results on stdout and problems on stderr.
pub fn run(command: Command) -> ExitCode {
    match execute(command) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("shoreline: {}", terminal_text(&failure.message));
            ExitCode::from(failure.code)
        }
    }
}

fn load(file: &Path) -> Result<Model, Failure> {
    io::load(file).map_err(|e| match e {
        io::LoadError::Syntax { .. } | io::LoadError::NewerVersion { .. } => {
            Failure::unreadable(format!("{}: {e}", file.display()))
        }
        other => Failure::unreadable(other.to_string()),
    })
}

/// Loads, refuses an invalid model (listing its errors), and applies the scenario.
/// A valid model (a scenario applied), compiled and evaluated at its base values: what every
/// command that computes needs, worked out once.
struct Valid {
    model: Model,
    plan: Plan,
    evaluation: Evaluation,
}

fn load_valid(file: &Path, scenario: Option<&str>) -> Result<Valid, Failure> {
    let model = load(file)?;
    let problems = model::validate(&model);
    if problems.has_errors() {
        let list: Vec<String> = problems.errors().map(|p| format!("  {p}")).collect();
        return Err(Failure {
            message: format!("{} is not a valid model:\n{}", file.display(), list.join("\n")),
            code: EXIT_INVALID,
        });
    }
    let model = match scenario {
        None => model,
        Some(name) => {
            let index = model.scenario_index(name).ok_or_else(|| {
                let known: Vec<&str> = model.scenarios.iter().map(|s| s.name.as_str()).collect();
                Failure::unreadable(format!(
                    "{} has no scenario named {:?} (it has: {})",
                    escape(&file.display().to_string()),
                    escape(name),
                    if known.is_empty() { "none".to_owned() } else { escape(&known.join(", ")) }
                ))
            })?;
            model.with_scenario(index).map_err(|e| Failure::unreadable(e.to_string()))?
        }
    };
    // The last guard: a model that validates yet overflows is refused, naming the input.
    let plan = Plan::new(&model);
    let values = plan.base_values();
    let evaluation = Evaluation::of_plan(&plan, &values);
    crate::engine::finite::check_finite(&plan, &values, &evaluation).map_err(|e| Failure {
        message: format!("{}: {}", escape(&file.display().to_string()), escape(&e.to_string())),
        code: EXIT_INVALID,
    })?;
    Ok(Valid { model, plan, evaluation })
}

fn json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| Failure::unreadable(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// The option `--option` names: a number counted from 1 (as the window and the tables count
/// them) or a name, compared without regard to case. Anything else lists the options.
fn resolve_option(model: &Model, option: Option<&str>) -> Result<usize, Failure> {
    let Some(given) = option.map(str::trim) else { return Ok(0) };
    let count = model.options.len();
    let found = match given.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => Some(n - 1),
        Ok(_) => None,
        Err(_) => model.options.iter().position(|o| o.name.trim().eq_ignore_ascii_case(given)),
    };
    found.ok_or_else(|| {
        let listed: Vec<String> =
            model.options.iter().enumerate().map(|(i, o)| format!("{} {}", i + 1, escape(&o.name))).collect();
        Failure::unreadable(format!(
            "--option {}: the model has {count} option(s), counted from 1: {}",
            escape(given),
            listed.join(", ")
        ))
    })
}

/// `text` for the terminal: line breaks kept, every other control character shown as an
/// escape (a name in a table cannot clear the line or hide what follows).
fn terminal_text(text: &str) -> String {
    text.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}

/// `text` with control characters shown as escapes, so a name cannot drive the terminal.
fn escape(text: &str) -> String {
    text.chars().flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect()
}

fn execute(command: Command) -> Result<u8, Failure> {
    match command {
        Command::Validate { file } => {
            let model = load(&file)?;
            let problems = model::validate(&model);
            for p in &problems.0 {
                eprintln!("{}: {}", escape(&file.display().to_string()), escape(&p.to_string()));
            }
            if problems.has_errors() {
                Ok(EXIT_INVALID)
            } else {
                println!("{}: valid ({} warning(s))", escape(&file.display().to_string()), problems.warnings().count());
                Ok(0)
            }
        }
        Command::Evaluate { file, scenario, json: as_json } => {
            let Valid { model, evaluation, .. } = load_valid(&file, scenario.as_deref())?;
            if as_json {
                json(&evaluation)?;
            } else {
                print!("{}", terminal_text(&tables::evaluation(&model, &evaluation)));
            }
            Ok(0)
        }
        Command::Sensitivity { file, option, scenario, json: as_json } => {
            let Valid { model, plan, .. } = load_valid(&file, scenario.as_deref())?;
            let option = resolve_option(&model, option.as_deref())?;
            let result = sensitivity(&plan, option);
            if as_json {
                json(&result)?;
            } else {
                print!("{}", terminal_text(&tables::sensitivity(&model, &result)));
            }
            Ok(0)
        }
        Command::Simulate { file, samples, seed, threads, scenario, json: as_json } => {
            let Valid { model, plan, .. } = load_valid(&file, scenario.as_deref())?;
            let settings = Settings {
                samples: samples.unwrap_or(model.simulation.samples as usize),
                seed: seed.unwrap_or(model.simulation.seed),
                method: model.simulation.method,
                threads,
            };
            if settings.samples == 0 || settings.samples > model::MAX_SAMPLES as usize {
                return Err(Failure::unreadable(format!("--samples must be 1 to {}", model::MAX_SAMPLES)));
            }
            let result = monte_carlo::simulate(&plan, settings, &Control::default())
                .map_err(|e| Failure::unreadable(e.to_string()))?;
            crate::engine::finite::check_simulation(&plan, &result)
                .map_err(|e| Failure { message: escape(&e.to_string()), code: EXIT_INVALID })?;
            if as_json {
                json(&result)?;
            } else {
                let method = if settings.method == Method::LatinHypercube { "Latin hypercube" } else { "random" };
                print!("{}", terminal_text(&tables::simulation(&model, &result, method)));
            }
            Ok(0)
        }
        Command::GoalSeek(args) => {
            let Valid { model, plan, .. } = load_valid(&args.file, args.scenario.as_deref())?;
            let option = resolve_option(&model, args.option.as_deref())?;
            let (metric, target) = match (args.target_npv, args.target_savings_pct) {
                (Some(x), _) => (Metric::Npv, x),
                (None, Some(x)) => (Metric::SavingsPct, savings_target(x)?),
                (None, None) => return Err(Failure::unreadable("give --target-npv or --target-savings-pct")),
            };
            match goal_seek(&plan, option, &args.input, metric, target) {
                Ok(found) => {
                    println!("{} = {}", escape(&found.path), found.value);
                    let achieved = match metric {
                        Metric::Npv => crate::format::money(found.achieved, &model.currency),
                        Metric::SavingsPct => crate::format::percent(found.achieved),
                    };
                    // The first line stays exact and machine-readable; the second says it in words.
                    let label = crate::model::inputs::input(&model, &found.path).map(|i| i.label).unwrap_or_default();
                    println!(
                        "{}: {} gives {} of {achieved} for {}",
                        escape(&label),
                        escape(&crate::model::units::value_with_unit(&model, &found.path, found.value)),
                        metric_name(metric),
                        escape(&model.options[option].name)
                    );
                    Ok(0)
                }
                Err(e @ crate::engine::sensitivity::GoalSeekError::Unreachable { .. }) => {
                    eprintln!("shoreline: {}", escape(&e.to_string()));
                    Ok(EXIT_INVALID)
                }
                Err(crate::engine::sensitivity::GoalSeekError::UnknownInput(path)) => {
                    let near = inputs::nearest(&model, &path, 5);
                    Err(Failure::unreadable(format!(
                        "`{}` names no real-valued input of this model; the nearest are: {} \
                         (`shoreline inputs FILE` lists them all)",
                        escape(&path),
                        near.join(", ")
                    )))
                }
                Err(e) => Err(Failure::unreadable(e.to_string())),
            }
        }
        Command::Inputs { file, json: as_json } => {
            let model = load(&file)?;
            if as_json {
                json(&inputs::json(&model))?;
            } else {
                print!("{}", terminal_text(&inputs::table(&model)));
            }
            Ok(0)
        }
        Command::Chart(args) => chart::run(args),
        Command::Report(args) => report::run(args),
        Command::Export(args) => export::run(args),
        Command::Diff { old, new, json: as_json } => diff::run(&old, &new, as_json),
        Command::Fmt { file } => {
            let model = load(&file)?;
            io::save(&file, &model).map_err(|e| Failure { message: e.to_string(), code: EXIT_UNWRITABLE })?;
            Ok(0)
        }
    }
}

fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::Npv => "an NPV",
        Metric::SavingsPct => "savings",
    }
}

/// A number argument: NaN and infinities are refused, since no target or figure can be one.
fn finite_number(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!("{text} is not a finite number")),
        Err(e) => Err(format!("{text} is not a number ({e})")),
    }
}
