//! `haven oruk fetch`: reads a live ORUK API into one feed file.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `haven oruk fetch`.
#[derive(clap::Args)]
pub struct FetchArgs {
    /// The API's base address (the one that serves `/services`).
    pub url: String,
    /// Where to write the feed.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `haven oruk fetch`.
pub fn run(args: &FetchArgs) -> Result<ExitCode, String> {
    Err(format!("fetching {} is not written yet", args.url))
}
