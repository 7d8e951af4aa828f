//! Reading a provider's CSV of vacancy updates and checking it against a directory.
//! Every problem is collected, located by line and column, before anything is kept:
//! the CLI (not the browser) calls this, so the `csv` crate stays out of the wasm.

use super::row::{Row, COLUMNS};
use super::VacancyUpdate;
use crate::date::Date;
use crate::index::Directory;
use crate::model::Vacancy;
use crate::problem::Problem;
use std::collections::HashMap;

/// The updates of a CSV, or every problem in it.
pub(super) fn read(
    name: &str,
    text: &str,
    directory: &Directory,
    today: Date,
) -> Result<Vec<VacancyUpdate>, Vec<Problem>> {
    // Spreadsheets' "CSV UTF-8" starts with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let mut problems = Vec::new();
    let header = match rows.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            problems.push(unreadable(name, &e));
            return Err(problems);
        }
        None => {
            problems.push(Problem::error(
                name,
                "-",
                "-",
                format!(
                    "expected a header row \"{}\", found an empty file",
                    COLUMNS.join(",")
                ),
            ));
            return Err(problems);
        }
    };
    let header_line = format!("line {}", header.position().map_or(1, |p| p.line()));
    let columns = Columns::read(name, &header_line, &header, &mut problems);
    let ids = ids(directory);
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut updates = Vec::new();
    for row in rows {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                problems.push(unreadable(name, &e));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line());
        let mut check = Row::new(name, line, &mut problems);
        if row.len() != header.len() {
            check.error(
                "-",
                format!(
                    "expected {} fields, as in the header, found {}",
                    header.len(),
                    row.len()
                ),
            );
        }
        let cell = |at: Option<usize>| at.and_then(|i| row.get(i)).map(str::trim);
        let id = cell(columns.id).and_then(|id| check.id(id, &ids, directory, &seen));
        if let Some(id) = id {
            seen.insert(id.to_string(), line);
        }
        let status = cell(columns.status).and_then(|s| check.status(s));
        let units_free = cell(columns.units).and_then(|u| check.units(u, status));
        let updated_at = cell(columns.updated).and_then(|d| check.date(d, today));
        if check.failed {
            continue;
        }
        if let (Some(id), Some(status), Some(units_free), Some(updated_at)) =
            (id, status, units_free, updated_at)
        {
            updates.push(VacancyUpdate {
                id: id.to_string(),
                vacancy: Vacancy {
                    status,
                    units_free,
                    updated_at,
                },
            });
        }
    }
    if problems.is_empty() {
        Ok(updates)
    } else {
        Err(problems)
    }
}

/// Where each column is in the header.
struct Columns {
    id: Option<usize>,
    status: Option<usize>,
    units: Option<usize>,
    updated: Option<usize>,
}

impl Columns {
    /// Finds the columns; a missing, repeated or unknown one is an error (an unknown
    /// one is usually a misspelt one, and a silently ignored column loses data).
    fn read(
        name: &str,
        line: &str,
        header: &::csv::StringRecord,
        problems: &mut Vec<Problem>,
    ) -> Columns {
        let found: Vec<&str> = header.iter().map(str::trim).collect();
        let expected = COLUMNS.join(", ");
        for (i, column) in found.iter().enumerate() {
            if !COLUMNS.contains(column) {
                let unnamed = format!("column {}", i + 1);
                problems.push(Problem::error(
                    name,
                    line,
                    if column.is_empty() { &unnamed } else { column },
                    format!("unknown column; expected only {expected}"),
                ));
            } else if found[..i].contains(column) {
                problems.push(Problem::error(
                    name,
                    line,
                    column,
                    "the column appears twice; expected it once",
                ));
            }
        }
        let mut at = |column: &str| {
            let i = found.iter().position(|c| *c == column);
            if i.is_none() {
                problems.push(Problem::error(
                    name,
                    line,
                    column,
                    format!(
                        "expected a column \"{column}\" in the header ({expected}), found only \"{}\"",
                        found.join(",")
                    ),
                ));
            }
            i
        };
        Columns {
            id: at(COLUMNS[0]),
            status: at(COLUMNS[1]),
            units: at(COLUMNS[2]),
            updated: at(COLUMNS[3]),
        }
    }
}

/// Each service's index by id, in the directory the updates are for.
fn ids(directory: &Directory) -> HashMap<&str, usize> {
    (0..directory.len())
        .filter_map(|i| Some((directory.id(i)?, i)))
        .collect()
}

fn unreadable(name: &str, e: &::csv::Error) -> Problem {
    let line = e.position().map_or(0, |p| p.line());
    Problem::error(
        name,
        &format!("line {line}"),
        "-",
        format!("expected CSV (RFC 4180), found what cannot be read: {e}"),
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::{day, directory};
    use super::read;
    use crate::model::VacancyStatus;

    fn problems(text: &str) -> Vec<String> {
        match read("v.csv", text, &directory(), day("2026-11-22")) {
            Ok(updates) => panic!("expected problems, read {updates:?}"),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_spreadsheets_byte_order_mark_and_padded_cells_read_as_plain_text() {
        let text = "\u{feff}service_id, status ,units_free,updated_at\r\n r1 ,available, 2 ,2026-11-22\r\n";
        let updates = read("v.csv", text, &directory(), day("2026-11-22")).unwrap();
        assert_eq!(updates.len(), 1);
        assert_eq!(updates[0].id, "r1");
        assert_eq!(updates[0].vacancy.status, VacancyStatus::Available);
        assert_eq!(updates[0].vacancy.units_free, Some(2));
    }

    #[test]
    fn columns_may_come_in_any_order_and_empty_units_are_not_stated() {
        let text = "updated_at,service_id,units_free,status\n2026-11-21,r2,,unknown\n";
        let updates = read("v.csv", text, &directory(), day("2026-11-22")).unwrap();
        assert_eq!(updates[0].vacancy.units_free, None);
        assert_eq!(updates[0].vacancy.status, VacancyStatus::Unknown);
    }

    #[test]
    fn a_missing_column_is_named_with_the_header_that_was_found() {
        let found = problems("service_id,status,updated_at\nr1,full,2026-11-22\n");
        assert_eq!(
            found,
            ["v.csv: line 1: units_free: expected a column \"units_free\" in the header \
              (service_id, status, units_free, updated_at), found only \"service_id,status,updated_at\""]
        );
    }

    #[test]
    fn an_empty_file_asks_for_the_header_row() {
        assert_eq!(
            problems(""),
            ["v.csv: -: -: expected a header row \"service_id,status,units_free,updated_at\", found an empty file"]
        );
    }

    #[test]
    fn units_that_contradict_the_status_are_refused() {
        let found = problems(
            "service_id,status,units_free,updated_at\nr1,full,3,2026-11-22\nr2,available,0,2026-11-22\n",
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].starts_with(
            "v.csv: line 2: units_free: expected 0 or nothing when the status is full, found 3"
        ));
        assert!(found[1].starts_with(
            "v.csv: line 3: units_free: expected at least 1 when the status is available"
        ));
    }

    #[test]
    fn a_repeated_service_names_the_line_it_first_appeared_on_even_if_that_line_had_errors() {
        let found = problems(
            "service_id,status,units_free,updated_at\nr1,full,,someday\nr1,full,,2026-11-22\n",
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[1].contains("line 3: service_id: expected one line per service, found \"r1\" again (first on line 2)"));
    }

    #[test]
    fn garbage_gives_problems_not_a_panic() {
        for text in [
            "\"",
            "a,b\n\"c",
            ",,,,\n,,,\n",
            "\0\0\0",
            "service_id\n\"\"\"\n",
            "\n\n\n",
            "service_id,status,units_free,updated_at\nr1,available,65536,2026-11-22\n",
            "service_id,status,units_free,updated_at\nr1,available,+1,2026-11-22T99\n",
        ] {
            assert!(!problems(text).is_empty(), "{text:?}");
        }
    }
}
