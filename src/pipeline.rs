//! The one way input becomes a directory: read each input → check every record → report
//! every problem → bundle. The CLI, the tests and the benchmarks all come through here.

use crate::areas::{AreaTable, UkCells};
use crate::bundle::Bundle;
use crate::date::Date;
use crate::input;
use crate::model::Service;
use crate::problem::Problem;
use crate::validate::{self, Context};

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

/// The outcome of checking: the services that passed and every problem found.
#[derive(Debug, Default)]
pub struct Report {
    /// Records that passed, in input order.
    pub services: Vec<Service>,
    /// Errors and warnings, in input order (reading problems first).
    pub problems: Vec<Problem>,
}

impl Report {
    /// Whether any problem is an error (so nothing may be written).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// How many errors and warnings there are.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.problems.iter().filter(|p| p.is_error()).count();
        (errors, self.problems.len() - errors)
    }

    /// "N services, N errors, N warnings".
    pub fn summary(&self) -> String {
        let (errors, warnings) = self.counts();
        format!(
            "{} services, {errors} errors, {warnings} warnings",
            self.services.len()
        )
    }
}

/// What a pipeline checks against: the council areas, where the UK is, today's date,
/// and whether a confidential service's location may be dropped with a warning.
#[derive(Debug, Clone)]
pub struct Pipeline {
    areas: AreaTable,
    cells: UkCells,
    today: Date,
    allow_coarsening: bool,
}

impl Pipeline {
    /// A pipeline with the built-in ONS tables, treating `today` as today.
    pub fn new(today: Date) -> Pipeline {
        Pipeline {
            areas: AreaTable::builtin(),
            cells: UkCells::builtin(),
            today,
            allow_coarsening: false,
        }
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
        let mut records = Vec::new();
        let mut problems = Vec::new();
        for input in inputs {
            match &input.text {
                Ok(text) => {
                    progress(Progress::Parsing(&input.name, text.len()));
                    let parsed = input::parse(&input.name, text);
                    records.extend(parsed.records);
                    problems.extend(parsed.problems);
                }
                Err(why) => problems.push(Problem::error(&input.name, "-", "file", why.clone())),
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
        problems.extend(checked.problems);
        progress(Progress::Done);
        Report {
            services: checked.services,
            problems,
        }
    }

    /// The bundle of a report's services, built today; the report back when any
    /// problem is an error, since nothing may be built from such input.
    pub fn bundle(&self, report: Report) -> Result<Bundle, Report> {
        if report.has_errors() {
            return Err(report);
        }
        Ok(Bundle {
            areas: self.areas.clone(),
            services: report.services,
            built_on: self.today,
        })
    }
}
