//! `haven validate` and `haven build`: the pipeline with terminal progress.

use super::trust::{write_file, SealOptions};
use haven::{Date, Input, Pipeline, Progress, Report};
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
    /// A mapping (TOML, data/README.md) for ORUK feeds: which services to take, and the
    /// kind, area and eligibility ORUK has no fields for.
    #[arg(long)]
    mapping: Option<PathBuf>,
}

/// A bar over the records. Like the spinner, it is hidden when stderr is not a
/// terminal, so logs stay clean.
fn bar(len: usize) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("checking records");
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

/// The pipeline the options ask for, with the mapping read and checked.
fn pipeline(options: &CheckOptions) -> Result<Pipeline, String> {
    let pipeline = Pipeline::new(options.today.unwrap_or_else(Date::today))
        .allow_coarsening(options.allow_coarsening);
    let Some(path) = &options.mapping else {
        return Ok(pipeline);
    };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    match pipeline.read_mapping(&name, &text) {
        Ok(mapping) => Ok(pipeline.mapping(Some(mapping))),
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            Err(format!(
                "the mapping has problems; nothing was checked\n{}",
                lines.join("\n")
            ))
        }
    }
}

/// Runs the pipeline's check on the files, showing progress.
pub fn check(inputs: &[PathBuf], options: &CheckOptions) -> Result<(Pipeline, Report), String> {
    let pipeline = pipeline(options)?;
    let inputs: Vec<Input> = inputs.iter().map(|p| Input::file(p)).collect();
    let mut current: Option<ProgressBar> = None;
    let report = pipeline.check_with_progress(&inputs, |step| match step {
        Progress::Parsing(name, bytes) => {
            if let Some(old) = current.replace(spinner(format!(
                "reading {name} ({:.1} MB)",
                bytes as f64 / 1e6
            ))) {
                old.finish_and_clear();
            }
        }
        Progress::Checking(done, total) => {
            if current.as_ref().and_then(ProgressBar::length) != Some(total as u64) {
                if let Some(old) = current.replace(bar(total)) {
                    old.finish_and_clear();
                }
            }
            if let Some(bar) = &current {
                bar.set_position(done as u64);
            }
        }
        Progress::Done => {
            if let Some(old) = current.take() {
                old.finish_and_clear();
            }
        }
    });
    Ok((pipeline, report))
}

/// The report, for a person: the summary, then problems grouped by service.
fn print(report: &Report) {
    let text = report.render();
    if !text.is_empty() {
        errln!("{}", text.trim_end());
    }
}

/// `haven validate`.
pub fn validate(inputs: &[PathBuf], options: &CheckOptions) -> Result<ExitCode, String> {
    let (_, report) = check(inputs, options)?;
    print(&report);
    errln!("{}", report.summary());
    Ok(if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `haven build`: writes nothing unless every input is free of errors.
pub fn build(
    inputs: &[PathBuf],
    out: &Path,
    options: &CheckOptions,
    seal: &SealOptions,
) -> Result<ExitCode, String> {
    let (pipeline, report) = check(inputs, options)?;
    print(&report);
    let built = match pipeline.bundle(report) {
        Ok(built) => built,
        Err(report) => {
            errln!("{}; nothing written", report.summary());
            return Ok(ExitCode::FAILURE);
        }
    };
    let services = built.services.len();
    let examples = built
        .services
        .iter()
        .filter(|s| s.provenance.example)
        .count();
    let writing = spinner(format!("writing {}", out.display()));
    let (bytes, sealed) =
        seal.apply(&built.encode().map_err(|e| e.to_string())?, built.built_on)?;
    write_file(out, &bytes)?;
    writing.finish_and_clear();
    errln!(
        "{services} services ({examples} examples) written to {} ({} bytes, {sealed})",
        out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
