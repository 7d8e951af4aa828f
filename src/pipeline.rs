//! The one way input becomes a directory: read each input → check every record → report
//! every problem → bundle. The CLI, the tests and the benchmarks all come through here.

use crate::areas::{AreaTable, UkCells};
use crate::bundle::Bundle;
use crate::date::Date;
use crate::input::{self, Mapping, Page};
use crate::problem::Problem;
use crate::report::Report;
use crate::validate::{self, Context};
use std::collections::BTreeSet;

/// One input: a name for messages and its text.
#[derive(Debug, Clone)]
pub struct Input {
    /// What problems call it (a file path, usually).
    pub name: String,
    /// Its text, or why it could not be read.
    pub text: Result<String, String>,
}

impl Input {
    /// An input already in memory.
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Input {
        Input {
            name: name.into(),
            text: Ok(text.into()),
        }
    }

    /// A file, read now; a file that cannot be read becomes a problem in the report.
    #[cfg(feature = "files")]
    pub fn file(path: &std::path::Path) -> Input {
        Input {
            name: path.display().to_string(),
            text: std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}")),
        }
    }
}

/// How far a long check has got, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'a> {
    /// About to parse an input of this many bytes.
    Parsing(&'a str, usize),
    /// Checked this many of so many records.
    Checking(usize, usize),
    /// Done.
    Done,
}

/// What a pipeline checks against: the council areas, where the UK is, today's date,
/// and whether a confidential service's location may be dropped with a warning.
#[derive(Debug, Clone)]
pub struct Pipeline {
    areas: AreaTable,
    cells: UkCells,
    today: Date,
    allow_coarsening: bool,
    mapping: Option<Mapping>,
}

impl Pipeline {
    /// A pipeline with the built-in ONS tables, treating `today` as today.
    pub fn new(today: Date) -> Pipeline {
        Pipeline {
            areas: AreaTable::builtin(),
            cells: UkCells::builtin(),
            today,
            allow_coarsening: false,
            mapping: None,
        }
    }

    /// Reads ORUK feeds through a maintainer's mapping (which services to take, and
    /// what Haven needs that ORUK lacks).
    pub fn mapping(mut self, mapping: Option<Mapping>) -> Pipeline {
        self.mapping = mapping;
        self
    }

    /// Reads a mapping file against this pipeline's council areas.
    pub fn read_mapping(&self, name: &str, text: &str) -> Result<Mapping, Vec<Problem>> {
        Mapping::parse(name, text, &self.areas)
    }

    /// Drop the coordinates and address of confidential services (with a warning)
    /// instead of failing.
    pub fn allow_coarsening(mut self, allow: bool) -> Pipeline {
        self.allow_coarsening = allow;
        self
    }

    /// Reads and checks every input, reporting every problem at once.
    pub fn check(&self, inputs: &[Input]) -> Report {
        self.check_with_progress(inputs, |_| {})
    }

    /// [`Pipeline::check`], telling `progress` how far it has got.
    pub fn check_with_progress(
        &self,
        inputs: &[Input],
        mut progress: impl FnMut(Progress<'_>),
    ) -> Report {
        let mut report = Report::default();
        let mut records = Vec::new();
        let mut pages: Vec<(String, Page)> = Vec::new();
        let mut seen = BTreeSet::new();
        for input in inputs {
            match &input.text {
                Ok(text) => {
                    progress(Progress::Parsing(&input.name, text.len()));
                    let parsed = input::parse(&input.name, text, self.mapping.as_ref());
                    records.extend(parsed.records);
                    report.problems.extend(parsed.problems);
                    report.tally += parsed.tally;
                    let file = &input.name;
                    report
                        .unselected
                        .extend(parsed.unselected.into_iter().map(|u| (file.clone(), u)));
                    pages.extend(parsed.page.map(|p| (file.clone(), p)));
                    seen.extend(parsed.seen);
                }
                Err(why) => {
                    report
                        .problems
                        .push(Problem::error(&input.name, "-", "file", why.clone()))
                }
            }
        }
        report.problems.extend(missing_pages(&pages));
        if let Some(mapping) = &self.mapping {
            report
                .problems
                .extend(unused_rules(mapping, &seen, &report));
        }
        for r in &records {
            if let Some(name) = &r.raw.name {
                report
                    .names
                    .insert((r.file.clone(), r.label.clone()), name.clone());
            }
        }
        let total = records.len();
        let ctx = Context {
            areas: &self.areas,
            cells: &self.cells,
            today: self.today,
            allow_coarsening: self.allow_coarsening,
        };
        let checked = validate::validate_with_progress(records, &ctx, |done| {
            progress(Progress::Checking(done, total))
        });
        report.problems.extend(checked.problems);
        report.services = checked.services;
        progress(Progress::Done);
        report
    }

    /// The bundle of a report's services, built today; the report back when any
    /// problem is an error, since nothing may be built from such input.
    pub fn bundle(&self, report: Report) -> Result<Bundle, Box<Report>> {
        if report.has_errors() {
            return Err(Box::new(report));
        }
        Ok(Bundle {
            areas: self.areas.clone(),
            services: report.services,
            built_on: self.today,
        })
    }
}

/// A warning for each many-page feed whose pages are not all among the inputs (pages of
/// one feed are told apart by how many pages it says it has).
fn missing_pages(pages: &[(String, Page)]) -> Vec<Problem> {
    let mut out = Vec::new();
    let totals: BTreeSet<u64> = pages.iter().map(|(_, p)| p.pages).collect();
    for total in totals.into_iter().filter(|t| *t > 1) {
        let given: Vec<&(String, Page)> = pages.iter().filter(|(_, p)| p.pages == total).collect();
        let missing: Vec<u64> = (1..=total)
            .filter(|n| !given.iter().any(|(_, p)| p.page == *n))
            .collect();
        let Some((file, first)) = given.first() else {
            continue;
        };
        if missing.is_empty() {
            continue;
        }
        let listed: Vec<String> = given.iter().map(|(_, p)| p.page.to_string()).collect();
        out.push(Problem::warning(
            file,
            "-",
            first.field,
            format!(
                "this is page {} of {total}; {} missing, so only the services on page{} {} are imported (`haven oruk fetch` reads every page)",
                listed.join(", "),
                describe_pages(&missing),
                if listed.len() == 1 { "" } else { "s" },
                listed.join(", ")
            ),
        ));
    }
    out
}

/// "page 2 is" or "pages 2–10 are" or "pages 2, 4 are".
fn describe_pages(pages: &[u64]) -> String {
    match pages {
        [one] => format!("page {one} is"),
        [first, .., last] if (last - first) as usize + 1 == pages.len() => {
            format!("pages {first}–{last} are")
        }
        _ => {
            let list: Vec<String> = pages.iter().map(u64::to_string).collect();
            format!("pages {} are", list.join(", "))
        }
    }
}

/// Warnings for the mapping's rules and selections that match nothing in the inputs
/// (usually a typo), and for rules about services `[select]` does not take.
fn unused_rules(mapping: &Mapping, seen: &BTreeSet<String>, report: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    let name = mapping.name();
    for id in mapping.service_ids() {
        let table = format!("[services.{id:?}]");
        if !seen.contains(id) {
            out.push(Problem::warning(
                name,
                &table,
                "-",
                "no service in the inputs has this id",
            ));
        } else if report
            .unselected
            .iter()
            .any(|(_, u)| u.id.as_deref() == Some(id))
        {
            out.push(Problem::warning(name, &table, "-", "[select] does not take this service, so this rule is not used; add its id to [select] ids"));
        }
    }
    for id in mapping.selected_ids().filter(|id| !seen.contains(*id)) {
        out.push(Problem::warning(
            name,
            "[select]",
            "ids",
            format!("no service in the inputs has the id {id:?}"),
        ));
    }
    for (folded, written) in mapping.term_names() {
        if !seen.contains(&folded) {
            out.push(Problem::warning(name, &format!("[terms.{written:?}]"), "-", "no service in the inputs has this term (a term is matched whole, by its name, id or code, ignoring case)"));
        }
    }
    out
}
