//! Helpers shared by the integration tests.
#![allow(dead_code)]

use haven::areas::UkCells;
use haven::bundle::{self, Bundle};
use haven::validate::{validate, Context, Report};
use haven::{input, AreaTable, Date, Directory};

/// The date the tests treat as today.
pub fn today() -> Date {
    Date::parse("2026-11-22").unwrap()
}

/// Parses and validates one file's text.
pub fn check(name: &str, text: &str, allow_coarsening: bool) -> Report {
    let areas = AreaTable::builtin();
    let cells = UkCells::builtin();
    let ctx = Context {
        areas: &areas,
        cells: &cells,
        today: today(),
        allow_coarsening,
    };
    let parsed = input::parse(name, text);
    let mut report = validate(parsed.records, &ctx);
    let mut problems = parsed.problems;
    problems.append(&mut report.problems);
    report.problems = problems;
    report
}

/// Builds bundle bytes from one file's text, panicking on errors.
pub fn bundle_bytes(text: &str, allow_coarsening: bool) -> Vec<u8> {
    let report = check("test.json", text, allow_coarsening);
    assert!(!report.has_errors(), "{:#?}", report.problems);
    bundle::encode(&Bundle {
        areas: AreaTable::builtin(),
        services: report.services,
        built_on: today(),
    })
    .unwrap()
}

/// A directory from one file's text.
pub fn directory(text: &str) -> Directory {
    Directory::from_bytes(&bundle_bytes(text, false)).unwrap()
}
