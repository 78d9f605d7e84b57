//! The `shoreline` binary: the window, or a subcommand of the command line.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = shoreline::cli::Cli::parse();
    match cli.command {
        Some(command) => shoreline::cli::run(command),
        None => match shoreline::ui::run(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("shoreline: cannot open the window: {e}");
                ExitCode::from(shoreline::cli::EXIT_UNREADABLE)
            }
        },
    }
}
