//! Every file in tests/bad-inputs/ is a bad input. Its `.expected` file lists every
//! problem (error or warning) reported for it, one a line, exactly as reported without
//! the leading file name: `record: field: message`, warnings as `record: field: warning:
//! message`. Each line must be matched by its own problem, and no problem may be left
//! over. Lines starting with `#` are comments.

use haven::{Date, Input, Pipeline};
use std::path::Path;

/// Every problem reported for one file, as the `.expected` lines write them.
fn problems_for(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let input = Input::text(name.clone(), std::fs::read_to_string(path).unwrap());
    let report = Pipeline::new(Date::parse("2026-11-22").unwrap()).check(&[input]);
    let prefix = format!("{name}: ");
    report
        .problems
        .iter()
        .map(|p| {
            let line = p.to_string();
            line.strip_prefix(&prefix).map(String::from).unwrap_or(line)
        })
        .collect()
}

/// The expected lines of a `.expected` file.
fn expected_for(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path.with_extension("expected"))
        .unwrap_or_else(|e| panic!("{}: no .expected file: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Matches expected lines to problems one to one: what is wrong, or nothing.
fn compare(expected: &[String], problems: &[String]) -> Option<String> {
    let mut left: Vec<&String> = problems.iter().collect();
    let mut missing = Vec::new();
    for want in expected {
        match left.iter().position(|p| *p == want) {
            Some(i) => {
                left.remove(i);
            }
            None => missing.push(want.as_str()),
        }
    }
    if missing.is_empty() && left.is_empty() {
        return None;
    }
    let list = |lines: &[&str]| {
        lines
            .iter()
            .map(|l| format!("\n    {l}"))
            .collect::<String>()
    };
    let extra: Vec<&str> = left.iter().map(|s| s.as_str()).collect();
    let all: Vec<&str> = problems.iter().map(String::as_str).collect();
    Some(format!(
        "  expected but not reported:{}\n  reported but not expected:{}\n  everything reported:{}",
        list(&missing),
        list(&extra),
        list(&all)
    ))
}

#[test]
fn every_bad_input_reports_exactly_its_expected_problems_at_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs");
    let mut cases = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for path in paths {
        cases += 1;
        let expected = expected_for(&path);
        if expected.is_empty() {
            failures.push(format!("{}: expects no problem at all", path.display()));
            continue;
        }
        if let Some(why) = compare(&expected, &problems_for(&path)) {
            failures.push(format!("{}:\n{why}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(cases >= 60, "the corpus has only {cases} cases");
}

#[test]
fn an_expected_problem_is_matched_once_and_an_unexpected_one_is_a_failure() {
    let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let one = lines(&["a: name: required, but missing or empty"]);
    assert_eq!(compare(&one, &one), None);
    // Two expected lines are not both satisfied by one problem.
    let twice = lines(&[&one[0], &one[0]]);
    assert!(compare(&twice, &one).is_some());
    // A problem nobody expected fails the case.
    let more = lines(&[&one[0], "a: kind: required, but missing or empty"]);
    assert!(compare(&one, &more).is_some());
    // Part of a message is not the message.
    assert!(compare(&lines(&["a: name: required"]), &one).is_some());
}

#[test]
fn the_open_referral_standard_example_is_counted_not_selected_and_reported_when_a_mapping_takes_it()
{
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oruk/service_full.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let pipeline = Pipeline::new(Date::parse("2026-11-22").unwrap());
    let report = pipeline.check(&[Input::text("service_full.json", text.clone())]);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!((report.tally.read, report.tally.not_selected), (1, 1));

    let mapping = pipeline
        .read_mapping(
            "map.toml",
            "[select]\nids = [\"ac148810-d857-441c-9679-408f346de14b\"]\n",
        )
        .unwrap();
    let report = pipeline
        .mapping(Some(mapping))
        .check(&[Input::text("service_full.json", text)]);
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(problems.iter().any(|p| p.contains("ac148810-d857-441c-9679-408f346de14b: kind: expected a taxonomy term naming a Haven kind")), "{problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("location.lat: expected a latitude from -90 to 90, found 100")),
        "{problems:?}"
    );
    assert!(
        !problems.iter().any(|p| p.contains("location.lon")),
        "longitude 101 is on the globe: {problems:?}"
    );
}
