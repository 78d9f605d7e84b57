//! Writes a generated benchmark model (see `shoreline::model::generate`) as RON to stdout, so
//! the command line can be timed on it too:
//! `cargo run --release --example generate_model -- 120 8 200 > large.ron`.

use shoreline::model::{generate::large_model, io};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let months = args.next().transpose()?.unwrap_or(120);
    let options = args.next().transpose()?.unwrap_or(8);
    let lines = args.next().transpose()?.unwrap_or(200);
    let model = large_model(u32::try_from(months)?, options, lines);
    println!("{}", io::to_ron_string(&model)?);
    Ok(())
}
