//! The checks of one row of a vacancy CSV: each cell against what the directory holds
//! and what the other cells say. Each check records its own problem, so a row reports
//! everything wrong with it at once.

use crate::date::Date;
use crate::index::Directory;
use crate::model::{Kind, VacancyStatus};
use crate::problem::Problem;
use std::collections::HashMap;

/// The columns, in the order `haven vacancies` documents them (any order is read).
pub(super) const COLUMNS: [&str; 4] = ["service_id", "status", "units_free", "updated_at"];
/// As the directory's own `vacancy.units_free` allows.
const MAX_UNITS: u16 = 1000;

/// One row's checks; each records its own problem and gives `None` on failure.
pub(super) struct Row<'a> {
    name: &'a str,
    record: String,
    problems: &'a mut Vec<Problem>,
    /// Whether any check of this row failed.
    pub(super) failed: bool,
}

impl<'a> Row<'a> {
    pub(super) fn new(name: &'a str, line: u64, problems: &'a mut Vec<Problem>) -> Row<'a> {
        Row {
            name,
            record: format!("line {line}"),
            problems,
            failed: false,
        }
    }

    pub(super) fn error(&mut self, field: &str, message: String) {
        self.failed = true;
        self.problems
            .push(Problem::error(self.name, &self.record, field, message));
    }

    pub(super) fn id<'t>(
        &mut self,
        id: &'t str,
        ids: &HashMap<&str, usize>,
        directory: &Directory,
        seen: &HashMap<String, u64>,
    ) -> Option<&'t str> {
        let field = COLUMNS[0];
        if id.is_empty() {
            self.error(field, "expected a service's id, found nothing".into());
            return None;
        }
        let Some(&i) = ids.get(id) else {
            self.error(
                field,
                format!(
                    "expected the id of a service in the directory, found \"{id}\", which none has"
                ),
            );
            return None;
        };
        let kind = directory.profile(i).map(|p| p.kind);
        if let Some(kind) = kind.filter(|k| !k.is_accommodation()) {
            let accommodation: Vec<&str> = Kind::ALL
                .iter()
                .filter(|k| k.is_accommodation())
                .map(|k| k.code())
                .collect();
            self.error(
                field,
                format!(
                    "expected accommodation ({}), found \"{id}\", whose kind is {kind}: only accommodation has vacancies",
                    accommodation.join(", ")
                ),
            );
            return None;
        }
        if let Some(line) = seen.get(id) {
            self.error(
                field,
                format!(
                    "expected one line per service, found \"{id}\" again (first on line {line})"
                ),
            );
            return None;
        }
        Some(id)
    }

    pub(super) fn status(&mut self, text: &str) -> Option<VacancyStatus> {
        let parsed = if text.is_empty() {
            Err(format!(
                "expected one of {}, found nothing",
                VacancyStatus::expected()
            ))
        } else {
            VacancyStatus::parse(text)
        };
        parsed.map_err(|e| self.error(COLUMNS[1], e)).ok()
    }

    /// `Some(None)` for a cell left empty (not stated).
    pub(super) fn units(
        &mut self,
        text: &str,
        status: Option<VacancyStatus>,
    ) -> Option<Option<u16>> {
        let field = COLUMNS[2];
        if text.is_empty() {
            return Some(None);
        }
        let n = Some(text)
            .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|t| t.parse::<u16>().ok())
            .filter(|n| *n <= MAX_UNITS);
        let Some(n) = n else {
            self.error(
                field,
                format!("expected a whole number from 0 to {MAX_UNITS}, or nothing when not stated, found \"{text}\""),
            );
            return None;
        };
        match status {
            Some(VacancyStatus::Full) if n > 0 => self.error(
                field,
                format!("expected 0 or nothing when the status is full, found {n}"),
            ),
            Some(VacancyStatus::Available) if n == 0 => self.error(
                field,
                "expected at least 1 when the status is available, found 0 (status full says nothing is free)".into(),
            ),
            _ => return Some(Some(n)),
        }
        None
    }

    pub(super) fn date(&mut self, text: &str, today: Date) -> Option<Date> {
        let field = COLUMNS[3];
        if text.is_empty() {
            self.error(field, "expected a date as YYYY-MM-DD, found nothing".into());
            return None;
        }
        match Date::parse(text) {
            Ok(d) if d > today => {
                self.error(
                    field,
                    format!(
                        "expected a date no later than today ({today}), found {d}, in the future"
                    ),
                );
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.error(field, e);
                None
            }
        }
    }
}
