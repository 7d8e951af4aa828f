//! Vacancy updates: vacancies change daily and the directory does not, so a provider or
//! commissioner writes the day's vacancies as a small file of their own
//! (`haven vacancies`), and the page lays it over the directory it has loaded.
//!
//! [`csv`] reads a provider's CSV and [`row`] checks each line against a directory;
//! [`file`] is the binary form (the [`container`](crate::container) header, magic
//! `HAVENVAC`, then postcard); [`apply`] lays updates over a [`Directory`].

mod apply;
mod csv;
mod file;
mod row;

use crate::container::{FileError, WriteError};
use crate::date::Date;
use crate::index::Directory;
use crate::model::Vacancy;
use crate::problem::Problem;
use serde::Serialize;

/// One service's vacancy, as its provider last reported it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VacancyUpdate {
    /// The service's id in the directory.
    pub id: String,
    /// Its vacancy.
    pub vacancy: Vacancy,
}

/// A set of vacancy updates, at most one per service, in id order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VacancyUpdates {
    /// Sorted by id, no id twice (so lookups can binary-search).
    updates: Vec<VacancyUpdate>,
}

/// What laying updates over a directory did, one count per update (`u32`, as service
/// indices are: a `usize` would pull 64-bit number formatting into the wasm).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AppliedVacancies {
    /// Newer than the directory's own vacancy (or it had none): now shown and searched.
    pub applied: u32,
    /// The directory's own vacancy was as new or newer, so it stays.
    pub older: u32,
    /// No such service, or one that is not accommodation, in this directory (it may
    /// have been rebuilt since the updates were written): ignored.
    pub unknown: u32,
}

impl VacancyUpdates {
    /// Reads and checks a CSV of updates (`service_id,status,units_free,updated_at`,
    /// data/README.md) against `directory`: every problem is reported at once, each
    /// located by `name` and line, and any problem means no updates.
    pub fn from_csv(
        name: &str,
        text: &str,
        directory: &Directory,
        today: Date,
    ) -> Result<VacancyUpdates, Vec<Problem>> {
        csv::read(name, text, directory, today).map(VacancyUpdates::sorted)
    }

    /// Writes the updates file. Fails only for 4 GB or more of updates.
    pub fn encode(&self) -> Result<Vec<u8>, WriteError> {
        file::encode(&self.updates)
    }

    /// Reads an updates file. Any bytes give either updates or an error naming it as a
    /// "vacancy updates file", never a panic.
    pub fn decode(bytes: &[u8]) -> Result<VacancyUpdates, FileError> {
        file::decode(bytes).map(|updates| VacancyUpdates { updates })
    }

    /// The updates, in id order.
    pub fn updates(&self) -> &[VacancyUpdate] {
        &self.updates
    }

    /// How many updates there are.
    pub fn len(&self) -> usize {
        self.updates.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.updates.is_empty()
    }

    /// The update for service `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Vacancy> {
        let at = self
            .updates
            .binary_search_by(|u| u.id.as_str().cmp(id))
            .ok()?;
        self.updates.get(at).map(|u| &u.vacancy)
    }

    /// Checked updates (no id twice) put in id order.
    fn sorted(mut updates: Vec<VacancyUpdate>) -> VacancyUpdates {
        updates.sort_by(|a, b| a.id.cmp(&b.id));
        VacancyUpdates { updates }
    }
}

#[cfg(test)]
mod tests {
    use crate::date::Date;
    use crate::index::Directory;
    use crate::pipeline::{Input, Pipeline};

    pub fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// Two refuges (one with a vacancy from 2026-11-20) and a helpline.
    pub fn directory() -> Directory {
        let source = r#""source": {"name": "test", "verified_on": "2026-11-21"}, "example": true"#;
        let text = format!(
            r#"{{"format": "haven", "version": 1, "services": [
              {{"id": "r1", "name": "Refuge One", "kind": "refuge", "area": "E06000055",
                "vacancy": {{"status": "full", "updated_at": "2026-11-20"}}, {source}}},
              {{"id": "r2", "name": "Refuge Two", "kind": "refuge", "area": "E06000055", {source}}},
              {{"id": "h1", "name": "Helpline", "kind": "helpline", "coverage": ["uk"], {source}}}
            ]}}"#
        );
        let pipeline = Pipeline::new(day("2026-11-22"));
        let report = pipeline.check(&[Input::text("test.json", text)]);
        let bundle = pipeline
            .bundle(report)
            .unwrap_or_else(|r| panic!("{:#?}", r.problems));
        Directory::new(&bundle).unwrap()
    }
}
