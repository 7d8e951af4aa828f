//! `haven search`: the CLI form of a [`Query`], and its output. Each flag is parsed by
//! the query type's own short form, and places are looked up by the search itself, as
//! for JSON and JavaScript queries.

use super::trust::TrustOptions;
use haven::{
    Adult, AvoidZone, Child, Community, Date, Directory, FileKind, Gazetteer, Household, Kind,
    Language, Location, Need, Query, Response, Sort, VacancyUpdates, DIRECTORY, GAZETTEER,
    MAX_LIMIT, VACANCIES,
};
use std::path::PathBuf;
use std::process::ExitCode;

/// Search a bundle. Every option has the same meaning as the query field of the same
/// name in the JavaScript API.
#[derive(clap::Args)]
pub struct SearchArgs {
    /// The bundle to search.
    #[arg(long)]
    bundle: PathBuf,
    /// Where to search from: "lat,lon", a postcode or a place. Optional with
    /// --min-distance-km, when distances are from the first --avoid.
    #[arg(
        long,
        allow_hyphen_values = true,
        required_unless_present = "min_distance_km"
    )]
    near: Option<Location>,
    /// Only services within this many kilometres.
    #[arg(long)]
    radius_km: Option<f64>,
    /// Only this kind (repeatable).
    #[arg(long = "kind", value_parser = Kind::parse)]
    kinds: Vec<Kind>,
    /// A place to avoid: "lat,lon:km" or "PLACE:km", e.g. "Luton:15" (repeatable).
    #[arg(long = "avoid", allow_hyphen_values = true)]
    avoid: Vec<AvoidZone>,
    /// Anywhere at least this many kilometres from every --avoid (needs one or more).
    #[arg(long)]
    min_distance_km: Option<f64>,
    /// An adult in the household: woman, man or non_binary, optionally with ":trans" and
    /// ":AGE", e.g. "woman:trans:34" (repeatable).
    #[arg(long = "adult")]
    adults: Vec<Adult>,
    /// A child in the household: "AGE:boy" or "AGE:girl" (repeatable).
    #[arg(long = "child")]
    children: Vec<Child>,
    /// A need: wheelchair, limited_mobility, nrpf, pets, substance_use, mental_health, complex_needs, bsl (repeatable).
    #[arg(long = "need", value_parser = Need::parse)]
    needs: Vec<Need>,
    /// A language spoken, as an ISO 639-1 code (repeatable).
    #[arg(long = "language", value_parser = Language::parse)]
    languages: Vec<Language>,
    /// A community whose specialist services are wanted (repeatable).
    #[arg(long = "community", value_parser = Community::parse)]
    communities: Vec<Community>,
    /// Words every result must contain.
    #[arg(long)]
    text: Option<String>,
    /// At most this many results (1 to 1000).
    #[arg(long, allow_negative_numbers = true, value_parser = limit)]
    limit: Option<usize>,
    /// Also list the services that fail a household criterion, after the rest, each
    /// with every reason it fails.
    #[arg(long)]
    include_failing: bool,
    /// The order: distance (nearest first), vacancy (space now, then most recently
    /// updated) or criteria (most criteria met).
    #[arg(long, value_parser = Sort::parse, default_value = "distance")]
    sort: Sort,
    /// The day of the search, YYYY-MM-DD (default today): a vacancy older than a week
    /// on this day is only the last known state.
    #[arg(long, value_parser = Date::parse)]
    today: Option<Date>,
    /// Vacancy updates (`haven vacancies`): an update newer than the directory's own
    /// vacancy replaces it.
    #[arg(long)]
    vacancies: Option<PathBuf>,
    /// A gazetteer file (`haven gazetteer`) to find places with, instead of the one
    /// built in.
    #[arg(long)]
    gazetteer: Option<PathBuf>,
    #[command(flatten)]
    trust: TrustOptions,
    /// Print the response as JSON.
    #[arg(long)]
    json: bool,
}

/// `--limit`, with the query's own message for a number out of range (clap would call
/// "-1" an unknown argument).
fn limit(text: &str) -> Result<usize, String> {
    let n: i64 = text
        .trim()
        .parse()
        .map_err(|_| format!("expected a whole number from 1 to {MAX_LIMIT}, found {text:?}"))?;
    usize::try_from(n)
        .ok()
        .filter(|n| (1..=MAX_LIMIT).contains(n))
        .ok_or_else(|| format!("expected a whole number from 1 to {MAX_LIMIT}, found {n}"))
}

/// Runs a search and prints the answer.
pub fn run(args: &SearchArgs) -> Result<ExitCode, String> {
    let today = args.today.unwrap_or_else(Date::today);
    // Every file is checked (signature with --key, expiry always) before it is used.
    let read = |path: &PathBuf, kind: FileKind| -> Result<Vec<u8>, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        args.trust.check(path, &bytes, kind, today)?;
        Ok(bytes)
    };
    let mut directory = Directory::from_bytes(&read(&args.bundle, DIRECTORY)?)
        .map_err(|e| format!("{}: {e}", args.bundle.display()))?;
    directory.set_gazetteer(match &args.gazetteer {
        Some(path) => Gazetteer::decode(&read(path, GAZETTEER)?)
            .map_err(|e| format!("{}: {e}", path.display()))?,
        None => Gazetteer::builtin(),
    });
    if let Some(path) = &args.vacancies {
        let updates = VacancyUpdates::decode(&read(path, VACANCIES)?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        directory.apply_vacancies(&updates);
    }
    // As the JavaScript reader does: without --near, distances are from the first zone.
    let near = match (&args.near, args.avoid.first()) {
        (Some(near), _) => near.clone(),
        (None, Some(zone)) => zone.centre.clone(),
        (None, None) => {
            return Err(
                "--min-distance-km needs at least one --avoid PLACE:km to be far from, \
                        found none (or give --near)"
                    .into(),
            )
        }
    };
    let query = Query {
        radius_km: args.radius_km,
        kinds: args.kinds.clone(),
        avoid: args.avoid.clone(),
        min_distance_km: args.min_distance_km,
        include_failing: args.include_failing,
        sort: args.sort,
        household: Household {
            adults: args.adults.clone(),
            children: args.children.clone(),
        },
        needs: args.needs.clone(),
        languages: args.languages.clone(),
        communities: args.communities.clone(),
        text: args.text.clone(),
        limit: args.limit,
        today: Some(today),
        ..Query::near(near)
    };
    let response = directory.search(&query).map_err(|e| e.to_string())?;
    if args.json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&response).map_err(|e| e.to_string())?
        );
    } else {
        print_table(&response, directory.example_count() > 0);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(response: &Response, has_examples: bool) {
    if has_examples {
        outln!("Note: this directory contains example records, marked (example).");
    }
    for hit in &response.results {
        let distance = match hit.distance_km {
            Some(km) => format!("{km:.1} km"),
            None => hit.distance_band.code().replace('_', " "),
        };
        let area = hit.area_name.as_deref().unwrap_or("");
        let phone = hit.phones.first().map_or("", |p| p.number.as_str());
        let example = if hit.example { " (example)" } else { "" };
        outln!(
            "{distance:>18}  {:<22} {}{example}  {area}  {phone}",
            hit.kind.code(),
            hit.name
        );
        if !hit.criteria.is_empty() {
            let row: Vec<String> = hit
                .criteria
                .iter()
                .map(|(criterion, answer)| format!("{criterion} {answer}"))
                .collect();
            outln!("{:>18}  {}", "", row.join(", "));
        }
    }
    if response.results.is_empty() {
        outln!("No services found.");
    }
    for (reason, count) in response.hidden.iter() {
        outln!("{count} hidden by {reason}");
    }
}
