//! `shoreline chart`: one chart of a model written as a PNG or SVG image, and `--list` of the
//! charts there are.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{EXIT_INVALID, EXIT_UNWRITABLE, Failure, Valid, escape, load, load_valid, resolve_option};
use crate::chart::{ChartKind, build, png, svg};
use crate::export::Bundle;
use crate::model::io;

/// The narrowest and widest image `--width` takes, in CSS pixels.
const WIDTHS: std::ops::RangeInclusive<u32> = 320..=8192;
/// The largest `--scale`: 8 device pixels per CSS pixel is already print quality.
const MAX_SCALE: f32 = 8.0;

/// Arguments of `chart`.
#[derive(Debug, Args)]
pub struct ChartArgs {
    /// The model file.
    #[arg(required_unless_present = "list")]
    pub file: Option<PathBuf>,
    /// The chart, by name (`--list` names them all).
    #[arg(long, required_unless_present = "list")]
    pub chart: Option<String>,
    /// The image to write; its extension chooses the format: `.png` or `.svg`.
    #[arg(short, long, required_unless_present = "list")]
    pub output: Option<PathBuf>,
    /// List every chart with what it shows, and stop.
    #[arg(long)]
    pub list: bool,
    /// The option the charts about one option show: its number, counted from 1, or its name
    /// (any case). The first by default.
    #[arg(long)]
    pub option: Option<String>,
    /// Chart this scenario instead of the base model.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Device pixels per CSS pixel of a PNG (2: sharp on slides and high-density screens).
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
    /// Width in CSS pixels (960 by default); the height follows the chart.
    #[arg(long)]
    pub width: Option<u32>,
}

/// The image formats, chosen by the output's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Png,
    Svg,
}

/// Runs `chart`: the list, or one chart written to its file.
pub(super) fn run(args: ChartArgs) -> Result<u8, Failure> {
    if args.list {
        for kind in ChartKind::ALL {
            println!("{:<22} {}", kind.name(), kind.describe());
        }
        return Ok(0);
    }
    let (Some(file), Some(name), Some(output)) = (&args.file, &args.chart, &args.output) else {
        return Err(Failure::unreadable("give a model file, --chart NAME and -o OUT.png or OUT.svg (or --list)"));
    };
    let format = format_of(output)?;
    let kind = ChartKind::from_name(name).ok_or_else(|| unknown_chart(name))?;
    let width = args.width.unwrap_or(svg::Size::default().width);
    if !WIDTHS.contains(&width) {
        return Err(Failure::unreadable(format!(
            "--width {width}: give {} to {} CSS pixels",
            WIDTHS.start(),
            WIDTHS.end()
        )));
    }
    if !(args.scale.is_finite() && args.scale > 0.0 && args.scale <= MAX_SCALE) {
        return Err(Failure::unreadable(format!("--scale {}: give a number above 0, at most {MAX_SCALE}", args.scale)));
    }

    let bundle = analysed(file, kind, args.option.as_deref(), args.scenario.as_deref())?;
    let chart = build::build(kind, &bundle.chart_data())
        .map_err(|e| Failure { message: format!("{}: {e}", kind.name()), code: EXIT_INVALID })?;
    let size = svg::Size::fitting(&chart, width);
    let image = svg::write(&chart, size);
    let bytes = match format {
        Format::Svg => image.into_bytes(),
        Format::Png => png::render(&image, args.scale)
            .map_err(|e| Failure::unreadable(format!("{e}; try a smaller --scale or --width")))?,
    };
    io::write_atomically(output, &bytes, false)
        .map_err(|e| Failure { message: e.to_string(), code: EXIT_UNWRITABLE })?;
    Ok(0)
}

/// The format the output's extension names.
fn format_of(output: &Path) -> Result<Format, Failure> {
    let extension = output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("png") => Ok(Format::Png),
        Some("svg") => Ok(Format::Svg),
        _ => Err(Failure::unreadable(format!(
            "{}: the extension chooses the image format; use .png or .svg",
            output.display()
        ))),
    }
}

fn unknown_chart(name: &str) -> Failure {
    let names: Vec<&str> = ChartKind::ALL.iter().map(|k| k.name()).collect();
    Failure::unreadable(format!(
        "no chart named {:?}; the charts are: {} (`shoreline chart --list` says what each shows)",
        escape(name),
        names.join(", ")
    ))
}

/// The model's results with only the analyses `kind` draws from: a sensitivity run for the
/// tornado, spider and headroom, a Monte Carlo run for its two charts, every scenario evaluated
/// for the comparison. The rest would only cost time.
fn analysed(file: &Path, kind: ChartKind, option: Option<&str>, scenario: Option<&str>) -> Result<Bundle, Failure> {
    let Valid { model, plan, evaluation } = load_valid(file, scenario)?;
    let option = resolve_option(&model, option)?;
    // The comparison starts from the model before any scenario, which `load_valid` applied.
    let base = match (kind, scenario) {
        (ChartKind::Scenarios, Some(_)) => Some(load(file)?),
        (ChartKind::Scenarios, None) => Some(model.clone()),
        _ => None,
    };
    let mut bundle = Bundle::new(model, plan, evaluation, option);
    if let Some(name) = scenario {
        bundle.scenario = Some(name.to_owned());
    }
    Ok(match kind {
        ChartKind::Tornado | ChartKind::Spider | ChartKind::Headroom => bundle.with_sensitivity(),
        ChartKind::McHistogram | ChartKind::McFan => bundle
            .with_simulation()
            .map_err(|e| Failure { message: format!("{}: {}", file.display(), escape(&e)), code: EXIT_INVALID })?,
        ChartKind::Scenarios => match &base {
            Some(base) => bundle.with_scenarios(base),
            None => bundle,
        },
        _ => bundle,
    })
}
