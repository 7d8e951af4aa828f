//! Checking input records and turning them into the [`crate::model`]. Every problem in
//! every file is reported at once; a build with any error writes nothing.

mod checker;
mod phone;
mod place;
mod problem;
mod record;

pub use phone::check_uk_phone;
pub use problem::{Problem, Severity};

use crate::areas::{AreaTable, UkCells};
use crate::date::Date;
use crate::input::InputRecord;
use crate::model::Service;
use std::collections::HashMap;

/// What the checks need to know beyond the records.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Council areas, for area codes and placing services.
    pub areas: &'a AreaTable,
    /// Where the UK is, for rejecting coordinates outside it.
    pub cells: &'a UkCells,
    /// Today, for rejecting verified-on dates in the future.
    pub today: Date,
    /// Drop the coordinates and address of confidential services with a warning,
    /// instead of failing.
    pub allow_coarsening: bool,
}

/// The result of checking: the services that passed and every problem found.
#[derive(Debug, Default)]
pub struct Report {
    /// Records that passed, in input order.
    pub services: Vec<Service>,
    /// Errors and warnings, in input order.
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
}

/// Checks every record, including that ids are unique across all files.
pub fn validate(records: Vec<InputRecord>, ctx: &Context<'_>) -> Report {
    validate_with_progress(records, ctx, |_| {})
}

/// [`validate`], calling `progress` with the number of records checked so far.
pub fn validate_with_progress(
    records: Vec<InputRecord>,
    ctx: &Context<'_>,
    mut progress: impl FnMut(usize),
) -> Report {
    let mut report = Report::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (done, input) in records.into_iter().enumerate() {
        if done % 1024 == 0 {
            progress(done);
        }
        if let Some(id) = input
            .raw
            .id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if let Some(first) = seen.get(id) {
                report.problems.push(Problem::error(
                    &input.file,
                    &input.label,
                    "id",
                    format!("duplicate id; first used in {first}"),
                ));
                continue;
            }
            seen.insert(id.to_string(), input.file.clone());
        }
        if let Some(service) = record::check(&input, ctx, &mut report.problems) {
            report.services.push(service);
        }
    }
    report
}
