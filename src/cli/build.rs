//! `haven validate` and `haven build`.

use haven::bundle::{self, Bundle};
use haven::input::{self, InputRecord};
use haven::validate::{self, Context, Report};
use haven::{AreaTable, Date};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Options shared by validate and build.
#[derive(clap::Args)]
pub struct CheckOptions {
    /// Drop the coordinates, postcode and street address of confidential services (with a
    /// warning) instead of failing.
    #[arg(long)]
    allow_coarsening: bool,
    /// Treat this date (YYYY-MM-DD) as today when checking verified-on dates.
    #[arg(long, value_parser = |s: &str| Date::parse(s))]
    today: Option<Date>,
}

/// A bar over `len` steps. Like the spinner, it is hidden when stderr is not a
/// terminal, so logs stay clean.
fn bar(len: usize, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// A ticking spinner for a step with no count (parsing one large file, writing).
fn spinner(what: String) -> ProgressBar {
    let spinner = ProgressBar::new_spinner();
    spinner.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    spinner.set_message(what);
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    spinner
}

/// Reads and checks every input, printing every problem.
fn check(inputs: &[PathBuf], options: &CheckOptions) -> Report {
    let areas = AreaTable::builtin();
    let cells = haven::areas::UkCells::builtin();
    let ctx = Context {
        areas: &areas,
        cells: &cells,
        today: options.today.unwrap_or_else(Date::today),
        allow_coarsening: options.allow_coarsening,
    };
    let mut records: Vec<InputRecord> = Vec::new();
    let mut problems = Vec::new();
    for path in inputs {
        let name = path.display().to_string();
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        let reading = spinner(format!("reading {name} ({:.1} MB)", size as f64 / 1e6));
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let parsed = input::parse(&name, &text);
                records.extend(parsed.records);
                problems.extend(parsed.problems);
            }
            Err(e) => problems.push(validate::Problem::error(
                &name,
                "-",
                "file",
                format!("cannot read: {e}"),
            )),
        }
        reading.finish_and_clear();
    }
    let bar = bar(records.len(), "checking records");
    let mut report =
        validate::validate_with_progress(records, &ctx, |done| bar.set_position(done as u64));
    bar.finish_and_clear();
    problems.append(&mut report.problems);
    report.problems = problems;
    for p in &report.problems {
        eprintln!("{p}");
    }
    report
}

fn summary(report: &Report) -> String {
    let (errors, warnings) = report.counts();
    format!(
        "{} services, {errors} errors, {warnings} warnings",
        report.services.len()
    )
}

/// `haven validate`.
pub fn validate(inputs: &[PathBuf], options: &CheckOptions) -> Result<ExitCode, String> {
    let report = check(inputs, options);
    eprintln!("{}", summary(&report));
    Ok(if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `haven build`: writes nothing unless every input is free of errors.
pub fn build(inputs: &[PathBuf], out: &Path, options: &CheckOptions) -> Result<ExitCode, String> {
    let report = check(inputs, options);
    if report.has_errors() {
        eprintln!("{}; nothing written", summary(&report));
        return Ok(ExitCode::FAILURE);
    }
    let services = report.services.len();
    let examples = report
        .services
        .iter()
        .filter(|s| s.provenance.example)
        .count();
    let built = Bundle {
        areas: AreaTable::builtin(),
        services: report.services,
        built_on: options.today.unwrap_or_else(Date::today),
    };
    let writing = spinner(format!("writing {}", out.display()));
    let bytes = bundle::encode(&built).map_err(|e| e.to_string())?;
    // Write beside the target, then rename, so a failed write never leaves half a bundle.
    let tmp = out.with_extension("tmp");
    std::fs::write(&tmp, &bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, out).map_err(|e| format!("{}: {e}", out.display()))?;
    writing.finish_and_clear();
    eprintln!(
        "{services} services ({examples} examples) written to {} ({} bytes)",
        out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
