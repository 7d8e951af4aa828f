//! Helpers shared by the integration tests.
#![allow(dead_code)]

use haven::{Date, Directory, Input, Pipeline, Report};

/// The date the tests treat as today.
pub fn today() -> Date {
    Date::parse("2026-11-22").unwrap()
}

/// The pipeline the tests check with.
pub fn pipeline(allow_coarsening: bool) -> Pipeline {
    Pipeline::new(today()).allow_coarsening(allow_coarsening)
}

/// Parses and validates one file's text.
pub fn check(name: &str, text: &str, allow_coarsening: bool) -> Report {
    pipeline(allow_coarsening).check(&[Input::text(name, text)])
}

/// Builds bundle bytes from one file's text, panicking on errors.
pub fn bundle_bytes(text: &str, allow_coarsening: bool) -> Vec<u8> {
    let report = check("test.json", text, allow_coarsening);
    let bundle = pipeline(allow_coarsening)
        .bundle(report)
        .unwrap_or_else(|report| panic!("{:#?}", report.problems));
    bundle.encode().unwrap()
}

/// A directory from one file's text.
pub fn directory(text: &str) -> Directory {
    Directory::from_bytes(&bundle_bytes(text, false)).unwrap()
}

/// The built-in gazetteer, loaded once for all of a file's tests.
pub fn gaz() -> &'static haven::Gazetteer {
    static G: std::sync::OnceLock<haven::Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(haven::Gazetteer::builtin)
}

/// Where `text` resolves to; panics, naming it, when it does not.
pub fn at(text: &str) -> haven::Answer {
    gaz()
        .geocode(text)
        .unwrap_or_else(|| panic!("{text:?} should resolve"))
}

/// The starter directory (`data/directory.json`), checked on a day after every record's
/// `verified_on`, without the gazetteer.
pub fn starter() -> Directory {
    Directory::from_bytes(&starter_bytes()).unwrap()
}

/// The starter directory's bundle, as `starter` builds it (unsealed).
pub fn starter_bytes() -> Vec<u8> {
    let pipeline = Pipeline::new(Date::parse("2026-12-01").unwrap());
    let text = include_str!("../../data/directory.json");
    let report = pipeline.check(&[Input::text("data/directory.json", text)]);
    let bundle = pipeline
        .bundle(report)
        .unwrap_or_else(|r| panic!("{:#?}", r.problems));
    bundle.encode().unwrap()
}

/// Runs the `haven` command with `args`.
pub fn haven(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .output()
        .unwrap()
}

/// A path inside the repository, as text.
pub fn root(path: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}
