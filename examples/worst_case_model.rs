//! Writes one of the memory worst cases (see `shoreline::model::generate`) as RON to stdout, for
//! measuring a simulation's peak memory from the command line:
//! `cargo run --release --example worst_case_model -- lines 1000 > lines.ron`, or
//! `cargo run --release --example worst_case_model -- options 33 600 > options.ron`, then
//! `/usr/bin/time -f '%M KB' target/release/shoreline simulate lines.ron`.

use anyhow::{Context as _, bail};
use shoreline::model::{generate, io};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: usize| -> anyhow::Result<usize> {
        args.get(i).map_or(Ok(default), |a| a.parse().with_context(|| format!("{a} is not a whole number")))
    };
    let model = match args.first().map(String::as_str) {
        Some("lines") => generate::uncertain_lines_model(number(1, 1000)?, 1_000_000),
        Some("options") => generate::many_options_model(number(1, 30)?, u32::try_from(number(2, 36)?)?, 1_000_000),
        _ => bail!("usage: worst_case_model lines [N] | options [N] [MONTHS]"),
    };
    println!("{}", io::to_ron_string(&model)?);
    Ok(())
}
