//! `haven vacancies`: a provider's CSV of the day's vacancies, checked against the
//! directory bundle, written as the small updates file the page lays over it.

use super::trust::{write_file, SealOptions, TrustOptions};
use haven::{Date, Directory, VacancyStatus, VacancyUpdates};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Check a CSV of vacancy updates against a bundle and, only if it has no errors,
/// write the updates file.
#[derive(clap::Args)]
pub struct VacanciesArgs {
    /// The CSV (UTF-8, with a header row): service_id,status,units_free,updated_at.
    input: PathBuf,
    /// The directory bundle the updates are for: every id must be accommodation in it.
    #[arg(long)]
    bundle: PathBuf,
    /// Where to write the updates file.
    #[arg(long)]
    out: PathBuf,
    /// Treat this date (YYYY-MM-DD) as today: an update dated later is an error.
    #[arg(long, value_parser = |s: &str| Date::parse(s))]
    today: Option<Date>,
    #[command(flatten)]
    seal: SealOptions,
    #[command(flatten)]
    trust: TrustOptions,
}

/// Runs the check and writes nothing unless the CSV is free of problems.
pub fn run(args: &VacanciesArgs) -> Result<ExitCode, String> {
    let name = args.input.display().to_string();
    let text = read_text(&args.input)?;
    let bundle = args.bundle.display().to_string();
    let bytes = std::fs::read(&args.bundle).map_err(|e| format!("{bundle}: {e}"))?;
    let today = args.today.unwrap_or_else(Date::today);
    args.trust
        .check(&args.bundle, &bytes, haven::DIRECTORY, today)?;
    let mut directory = Directory::from_bytes(&bytes).map_err(|e| format!("{bundle}: {e}"))?;
    let updates = match VacancyUpdates::from_csv(&name, &text, &directory, today) {
        Ok(updates) => updates,
        Err(problems) => {
            for p in &problems {
                errln!("{p}");
            }
            let s = if problems.len() == 1 { "" } else { "s" };
            errln!("{} problem{s}; nothing written", problems.len());
            return Ok(ExitCode::FAILURE);
        }
    };
    let encoded = updates.encode().map_err(|e| e.to_string())?;
    let (bytes, sealed) = args.seal.apply(&encoded, today)?;
    write_file(&args.out, &bytes)?;
    let accommodation = (0..directory.len())
        .filter_map(|i| directory.service(i))
        .filter(|s| s.kind.is_accommodation())
        .count();
    let count = |status: VacancyStatus| {
        updates
            .updates()
            .iter()
            .filter(|u| u.vacancy.status == status)
            .count()
    };
    let (available, full, unknown) = (
        count(VacancyStatus::Available),
        count(VacancyStatus::Full),
        count(VacancyStatus::Unknown),
    );
    let newer = directory.apply_vacancies(&updates).applied;
    let n = updates.len();
    let s = if n == 1 { "" } else { "s" };
    errln!(
        "{n} vacancy update{s} ({available} available, {full} full, {unknown} unknown) for {n} of the {accommodation} accommodation services in {bundle}, {newer} newer than its own, written to {} ({} bytes, {sealed})",
        args.out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// The file as text, or what is wrong with it: a spreadsheet saved in another encoding
/// is told how to save it instead.
fn read_text(path: &Path) -> Result<String, String> {
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: expected UTF-8 text, found a byte that is not at byte {}; save it as \"CSV UTF-8\"",
            e.utf8_error().valid_up_to()
        )
    })
}
