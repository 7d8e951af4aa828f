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

fn progress(len: usize, what: &str) -> ProgressBar {
    // Hidden automatically when stderr is not a terminal, so logs stay clean.
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
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
    let bar = progress(inputs.len(), "reading");
    for path in inputs {
        let name = path.display().to_string();
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
        bar.inc(1);
    }
    bar.finish_and_clear();
    let bar = progress(records.len(), "checking");
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
    let bytes = bundle::encode(&built).map_err(|e| e.to_string())?;
    // Write beside the target, then rename, so a failed write never leaves half a bundle.
    let tmp = out.with_extension("tmp");
    std::fs::write(&tmp, &bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, out).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "{services} services ({examples} examples) written to {} ({} bytes)",
        out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
