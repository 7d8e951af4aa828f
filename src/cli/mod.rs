//! Command-line arguments and dispatch. Each subcommand lives in its own file.

/// `println!` that never panics (a closed pipe, `haven search … | head`, ends the
/// output quietly) and never sends a control character from the data to the terminal.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), "{}", $crate::cli::printable(&format!($($arg)*)));
    }};
}

/// `eprintln!` for text that may hold the data's words (a record's name, a field's
/// value): control characters are shown escaped, never sent raw.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "{}", $crate::cli::printable(&format!($($arg)*)));
    }};
}

/// `text` safe to print to a terminal: control characters (an escape sequence in a
/// query, say) shown as `\u{1b}`, never sent raw; line breaks kept.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

mod build;
mod candidates;
mod export;
mod fetch;
mod geocode;
mod search;
mod sources;
mod synth;
mod trust;
mod vacancies;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Haven: a domestic-abuse service directory and safe-accommodation finder.
#[derive(Parser)]
#[command(name = "haven", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check input files (Haven JSON or Open Referral UK JSON) and report every problem.
    Validate {
        /// Input files.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        options: build::CheckOptions,
    },
    /// Check input files and, only if there are no errors, write a directory bundle.
    Build {
        /// Input files.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the bundle.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        options: build::CheckOptions,
        #[command(flatten)]
        seal: trust::SealOptions,
    },
    /// Make a signing key pair: NAME.key (secret, readable only by you) and NAME.pub.
    Keygen {
        /// The path and name of the pair, e.g. keys/bedford-2026.
        #[arg(long)]
        out: PathBuf,
        /// The signer's name files will carry (default: the file name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Check that a bundle, gazetteer or vacancy file is intact, signed by a trusted key
    /// and not expired; print who signed it and when. Exits 1 otherwise.
    Verify {
        /// The file.
        file: PathBuf,
        /// A public key it may be signed by (repeatable, for a key being rotated).
        #[arg(long = "key", value_name = "PUB")]
        keys: Vec<PathBuf>,
        /// Treat this date (YYYY-MM-DD) as today.
        #[arg(long, value_parser = |s: &str| haven::Date::parse(s))]
        today: Option<haven::Date>,
    },
    /// Open Referral UK feeds: fetch one from its API, review what to take, export.
    Oruk {
        #[command(subcommand)]
        command: OrukCommand,
    },
    /// Write the table of every record's stated fields, source and dates
    /// (data/sources/records.md).
    Sources(sources::SourcesArgs),
    /// Search a bundle.
    Search(Box<search::SearchArgs>),
    /// Find a council (its GSS code), a postcode (full, sector or district) or a place, offline.
    Geocode {
        /// What to look up, e.g. "MK40 1", "mk401aa" or "Aylesbury".
        query: String,
        /// Print the answer as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the gazetteer file the page loads.
    Gazetteer {
        /// Where to write it.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        seal: trust::SealOptions,
    },
    /// Print every code the data, queries and responses use (kinds, needs, communities,
    /// hide and match reasons…), the table the page's wording is keyed by.
    Vocabulary {
        /// Print it as JSON (the only form).
        #[arg(long)]
        json: bool,
    },
    /// Check a CSV of the day's vacancies against a bundle and, only if it has no
    /// problems, write the vacancy updates file the page lays over the bundle.
    Vacancies(vacancies::VacanciesArgs),
    /// Write a synthetic directory (every record flagged as an example).
    Synth {
        /// How many services.
        #[arg(long)]
        count: usize,
        /// Random seed; the same seed gives the same directory.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the JSON.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum OrukCommand {
    /// Read a live ORUK API (`/services` pages and each `/services/{id}`) into one feed file.
    Fetch(fetch::FetchArgs),
    /// List the services not yet selected whose name, description or terms speak of
    /// domestic abuse, sexual violence, stalking, forced marriage, FGM, honour-based
    /// abuse or refuge (whole words), to review and add to the mapping.
    Candidates(candidates::CandidatesArgs),
    /// Write Haven's directory (a bundle, or input files) as Open Referral UK 3.0 JSON:
    /// what ORUK has no field for as terms of Haven's taxonomy (data/README.md).
    Export(export::ExportArgs),
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Validate { inputs, options } => build::validate(&inputs, &options),
        Command::Build {
            inputs,
            out,
            options,
            seal,
        } => build::build(&inputs, &out, &options, &seal),
        Command::Keygen { out, name } => trust::keygen(&out, name.as_deref()),
        Command::Verify { file, keys, today } => trust::verify_file(&file, &keys, today),
        Command::Oruk { command } => match command {
            OrukCommand::Fetch(args) => fetch::run(&args),
            OrukCommand::Candidates(args) => candidates::run(&args),
            OrukCommand::Export(args) => export::run(&args),
        },
        Command::Sources(args) => sources::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Vacancies(args) => vacancies::run(&args),
        Command::Synth { count, seed, out } => synth::run(count, seed, &out),
        Command::Geocode { query, json } => geocode::run(&query, json),
        Command::Gazetteer { out, seal } => geocode::write(&out, &seal),
        Command::Vocabulary { json: _ } => {
            let table =
                serde_json::to_string_pretty(&haven::vocabulary()).map_err(|e| e.to_string())?;
            outln!("{table}");
            Ok(ExitCode::SUCCESS)
        }
    }
}
