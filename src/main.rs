//! The `shoreline` binary: the window, or a subcommand of the command line.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = shoreline::cli::Cli::parse();
    match cli.command {
        Some(command) => shoreline::cli::run(command),
        None => {
            use clap::CommandFactory as _;
            let _ = shoreline::cli::Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
