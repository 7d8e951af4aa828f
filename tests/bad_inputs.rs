//! Every file in tests/bad-inputs/ is a bad input; its `.expected` file lists text that
//! must appear in the problems reported for it (one problem line per expected line).

use haven::{Date, Input, Pipeline};
use std::path::Path;

fn problems_for(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let input = Input::text(name, std::fs::read_to_string(path).unwrap());
    let report = Pipeline::new(Date::parse("2026-11-22").unwrap()).check(&[input]);
    report
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_bad_input_reports_each_of_its_expected_errors_at_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs");
    let mut cases = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        cases += 1;
        let problems = problems_for(&path);
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        for want in expected.lines().filter(|l| !l.trim().is_empty()) {
            if !problems.iter().any(|p| p.contains(want)) {
                failures.push(format!(
                    "{}: expected a problem containing {want:?}; got:\n  {}",
                    path.display(),
                    problems.join("\n  ")
                ));
            }
        }
    }
    assert!(cases >= 15, "the corpus has only {cases} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
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
