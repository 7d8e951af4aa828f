//! `haven oruk candidates`: the services of a feed not yet selected that speak of
//! domestic abuse or a related harm, for the maintainer to review and add.

use super::build::{check, CheckOptions};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `haven oruk candidates`.
#[derive(clap::Args)]
pub struct CandidatesArgs {
    /// ORUK feed files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    options: CheckOptions,
}

/// Runs `haven oruk candidates`: one line per candidate on stdout (id, name, what it
/// speaks of and where), then the terms they share, which `[select] terms` can take.
pub fn run(args: &CandidatesArgs) -> Result<ExitCode, String> {
    let (_, report) = check(&args.inputs, &args.options)?;
    let found = report.candidates();
    let mut terms: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &found {
        let id = c.service.id.as_deref().unwrap_or(&c.service.label);
        let name = c.service.name.as_deref().unwrap_or("(no name)");
        outln!(
            "{id}\t{name}\t{} (in {})\t{}",
            c.topics.join(", "),
            c.found_in.join(", "),
            c.file
        );
        for t in &c.service.terms {
            *terms.entry(t.as_str()).or_default() += 1;
        }
    }
    let t = report.tally;
    errln!(
        "{} candidates among the {} services not selected ({} read, {} selected)",
        found.len(),
        t.not_selected,
        t.read,
        t.selected
    );
    if !terms.is_empty() {
        let mut by_count: Vec<(&str, usize)> = terms.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let listed: Vec<String> = by_count
            .iter()
            .take(15)
            .map(|(term, n)| format!("{term:?} ({n})"))
            .collect();
        errln!("their terms, most used first: {}", listed.join(", "));
        errln!("add ids to [select] ids, or whole terms to [select] terms, in the mapping (data/README.md)");
    }
    Ok(ExitCode::SUCCESS)
}
