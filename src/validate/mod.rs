//! Checking input records and turning them into the [`crate::model`]. Every problem in
//! every record is reported at once.

mod checker;
mod description;
mod phone;
mod place;
mod record;
mod size;

pub(crate) use phone::check_uk_phone;

use crate::areas::{AreaTable, UkCells};
use crate::date::Date;
use crate::input::InputRecord;
use crate::model::Service;
use crate::problem::Problem;
use std::collections::HashMap;

/// What the checks need to know beyond the records.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
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

/// The services that passed and every problem found.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    /// Records that passed, in input order.
    pub services: Vec<Service>,
    /// Errors and warnings, in input order.
    pub problems: Vec<Problem>,
}

/// Checks every record, including that ids are unique across all files, calling
/// `progress` with the number of records checked so far.
pub(crate) fn validate_with_progress(
    records: Vec<InputRecord>,
    ctx: &Context<'_>,
    mut progress: impl FnMut(usize),
) -> Checked {
    let mut report = Checked::default();
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
