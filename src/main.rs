//! `haven`: validate and build directory bundles, search them, make synthetic ones.
#![forbid(unsafe_code)]

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("haven: {}", cli::printable(&message));
            ExitCode::FAILURE
        }
    }
}
