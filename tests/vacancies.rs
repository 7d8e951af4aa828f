//! Vacancy updates: a provider's CSV of the day's vacancies, checked against the
//! directory, written as a small file and laid over a loaded directory, where the newer
//! report wins and search counts its space.

mod common;

use haven::{
    AppliedVacancies, Date, Directory, FileError, Hit, Input, Kind, LatLon, Pipeline, Query,
    VacancyStatus, VacancyUpdates,
};
use proptest::prelude::*;
use std::path::Path;
use std::process::{Command, Output};

const HEADER: &str = "service_id,status,units_free,updated_at\n";

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn root(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}

fn haven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .output()
        .unwrap()
}

/// The starter bundle's bytes, checked as of 2026-12-01 (its records' verified-on day).
fn starter_bytes() -> &'static [u8] {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| {
        let text = std::fs::read_to_string(root("data/directory.json")).unwrap();
        let pipeline = Pipeline::new(day("2026-12-01"));
        let report = pipeline.check(&[Input::text("data/directory.json", text)]);
        let bundle = pipeline
            .bundle(report)
            .unwrap_or_else(|r| panic!("{:#?}", r.problems));
        bundle.encode().unwrap()
    })
}

/// The starter directory, as the page loads it.
fn starter() -> Directory {
    Directory::from_bytes(starter_bytes()).unwrap()
}

fn updates(dir: &Directory, rows: &str) -> VacancyUpdates {
    let csv = format!("{HEADER}{rows}");
    VacancyUpdates::from_csv("v.csv", &csv, dir, day("2026-12-01"))
        .unwrap_or_else(|p| panic!("{p:#?}"))
}

/// Accommodation near Weston-super-Mare (North Somerset) on `today`, by id.
fn stay_in_north_somerset(dir: &Directory, id: &str, today: &str) -> Hit {
    let query = Query {
        kinds: Kind::ALL
            .iter()
            .copied()
            .filter(|k| k.is_accommodation())
            .collect(),
        today: Some(day(today)),
        ..Query::near(LatLon::new(51.346, -2.977))
    };
    let response = dir.search(&query).unwrap();
    response
        .results
        .into_iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("{id} should be found"))
}

fn has_space_now(hit: &Hit) -> bool {
    hit.matches.iter().any(|m| m.code() == "vacancy")
}

/// A bundle of the starter directory written by the CLI into `dir`.
fn starter_bundle(dir: &Path) -> String {
    let bundle = dir.join("directory.bin").display().to_string();
    let out = haven(&[
        "build",
        &root("data/directory.json"),
        "--out",
        &bundle,
        "--today",
        "2026-12-01",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    bundle
}

#[test]
fn every_problem_in_a_csv_is_reported_at_once_by_line_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let bundle = starter_bundle(tmp.path());
    let csv = tmp.path().join("vacancies.csv");
    std::fs::write(
        &csv,
        format!(
            "{HEADER}\
             no-such-refuge,available,1,2026-11-30\n\
             national-domestic-abuse-helpline,available,1,2026-11-30\n\
             example-refuge-herefordshire,available,1,2026-12-09\n\
             example-refuge-north-somerset,available,-2,2026-11-30\n\
             example-specialist-refuge-bedford,open,,2026-11-30\n"
        ),
    )
    .unwrap();
    let out_path = tmp.path().join("vacancies.bin");
    std::fs::write(&out_path, b"yesterday's file").unwrap();
    let csv = csv.display().to_string();
    let out = haven(&[
        "vacancies",
        &csv,
        "--bundle",
        &bundle,
        "--out",
        out_path.to_str().unwrap(),
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        format!("{csv}: line 2: service_id: expected the id of a service in the directory, found \"no-such-refuge\""),
        format!("{csv}: line 3: service_id: expected accommodation (refuge, specialist_refuge, dispersed, second_stage, emergency), found \"national-domestic-abuse-helpline\", whose kind is helpline"),
        format!("{csv}: line 4: updated_at: expected a date no later than today (2026-12-01), found 2026-12-09"),
        format!("{csv}: line 5: units_free: expected a whole number from 0 to 1000, or nothing when not stated, found \"-2\""),
        format!("{csv}: line 6: status: unknown vacancy status \"open\"; expected one of available, full, unknown"),
        "5 problems; nothing written".to_string(),
    ] {
        assert!(stderr.contains(&expected), "{expected:?} in\n{stderr}");
    }
    assert_eq!(
        std::fs::read(&out_path).unwrap(),
        b"yesterday's file",
        "the previous file must be left as it was"
    );
}

#[test]
fn the_starter_vacancies_check_against_the_starter_bundle_and_write_a_file_the_page_can_load() {
    let tmp = tempfile::tempdir().unwrap();
    let bundle = starter_bundle(tmp.path());
    let out_path = tmp.path().join("vacancies.bin");
    let out = haven(&[
        "vacancies",
        &root("data/vacancies.csv"),
        "--bundle",
        &bundle,
        "--out",
        out_path.to_str().unwrap(),
        "--today",
        "2026-12-01",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.starts_with("3 vacancy updates (2 available, 1 full, 0 unknown) for 3 of the 11 accommodation services in"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    let updates = VacancyUpdates::decode(&std::fs::read(&out_path).unwrap()).unwrap();
    let mut dir = Directory::from_bytes(&std::fs::read(&bundle).unwrap()).unwrap();
    assert_eq!(
        dir.apply_vacancies(&updates),
        AppliedVacancies {
            applied: 3,
            older: 0,
            unknown: 0
        },
        "every starter update is newer than the directory's own"
    );
}

#[test]
fn the_starter_vacancies_update_only_example_records() {
    let dir = starter();
    let csv = std::fs::read_to_string(root("data/vacancies.csv")).unwrap();
    let updates = VacancyUpdates::from_csv("data/vacancies.csv", &csv, &dir, day("2026-12-01"))
        .unwrap_or_else(|p| panic!("{p:#?}"));
    let examples: Vec<String> = (0..dir.len())
        .filter_map(|i| dir.service(i))
        .filter(|s| s.provenance.example)
        .map(|s| s.id)
        .collect();
    for u in updates.updates() {
        assert!(
            examples.contains(&u.id),
            "{} is a real service: never invent its vacancy",
            u.id
        );
    }
}

#[test]
fn the_csv_example_in_the_data_readme_is_valid() {
    let readme = std::fs::read_to_string(root("data/README.md")).unwrap();
    let start = readme.find("```csv\n").expect("a csv block") + 7;
    let end = start + readme[start..].find("```").unwrap();
    let updates = VacancyUpdates::from_csv(
        "data/README.md",
        &readme[start..end],
        &starter(),
        day("2026-12-01"),
    )
    .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(updates.len(), 2);
}

#[test]
fn a_newer_update_replaces_the_directorys_vacancy_and_counts_as_space_now() {
    let mut dir = starter();
    let id = "example-refuge-north-somerset";
    // The directory says full, on 2026-11-18.
    let before = stay_in_north_somerset(&dir, id, "2026-12-01");
    assert!(!has_space_now(&before));
    assert_eq!(before.vacancy.unwrap().status, VacancyStatus::Full);

    let counts = dir.apply_vacancies(&updates(&dir, &format!("{id},available,1,2026-11-30\n")));
    assert_eq!(counts.applied, 1);
    let after = stay_in_north_somerset(&dir, id, "2026-12-01");
    assert!(has_space_now(&after), "{:?}", after.matches);
    let v = after.vacancy.unwrap();
    assert_eq!(
        (v.status, v.units_free, v.updated_at),
        (VacancyStatus::Available, Some(1), day("2026-11-30"))
    );
    // A week on, the update is only the last known state, as the directory's own would be.
    assert!(!has_space_now(&stay_in_north_somerset(
        &dir,
        id,
        "2026-12-08"
    )));
}

#[test]
fn an_older_update_leaves_the_directorys_newer_vacancy_in_place() {
    let mut dir = starter();
    // The directory says 3 units free on 2026-11-22.
    let counts = dir.apply_vacancies(&updates(
        &dir,
        "example-emergency-bedford,full,,2026-11-21\n",
    ));
    assert_eq!(
        counts,
        AppliedVacancies {
            applied: 0,
            older: 1,
            unknown: 0
        }
    );
    let i = (0..dir.len())
        .find(|&i| dir.service(i).unwrap().id == "example-emergency-bedford")
        .unwrap();
    let v = dir.service(i).unwrap().vacancy.unwrap();
    assert_eq!(
        (v.status, v.units_free),
        (VacancyStatus::Available, Some(3))
    );
}

#[test]
fn updates_for_services_a_rebuilt_directory_no_longer_holds_are_counted_not_errors() {
    let updates = updates(
        &starter(),
        "example-refuge-north-somerset,available,1,2026-11-30\nexample-emergency-bedford,full,0,2026-12-01\n",
    );
    let rebuilt = common::directory(
        r#"{"format": "haven", "version": 1, "services": [
          {"id": "example-emergency-bedford", "name": "Now an outreach service", "kind": "outreach",
           "location": {"lat": 52.1359, "lon": -0.4667}, "example": true,
           "source": {"name": "test", "verified_on": "2026-11-21"}}
        ]}"#,
    );
    let mut rebuilt = rebuilt;
    assert_eq!(
        rebuilt.apply_vacancies(&updates),
        AppliedVacancies {
            applied: 0,
            older: 0,
            unknown: 2
        }
    );
    assert_eq!(rebuilt.service(0).unwrap().vacancy, None);
}

#[test]
fn updates_read_back_exactly_as_they_were_written() {
    let dir = starter();
    let written = updates(
        &dir,
        "example-refuge-herefordshire,full,,2026-12-01\nexample-second-stage-bexley,unknown,,2026-11-29\nexample-emergency-bedford,available,1000,2026-12-01\n",
    );
    let bytes = written.encode().unwrap();
    assert_eq!(&bytes[..8], b"HAVENVAC");
    assert_eq!(VacancyUpdates::decode(&bytes).unwrap(), written);
}

#[test]
fn a_bundle_or_a_damaged_file_is_refused_with_an_error_naming_vacancy_updates() {
    let err = VacancyUpdates::decode(starter_bytes())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "not a Haven vacancy updates file: expected it to start with \"HAVENVAC\", found \"HAVENDIR\""
    );
    let good = updates(
        &starter(),
        "example-refuge-herefordshire,full,,2026-12-01\n",
    )
    .encode()
    .unwrap();
    let truncated = VacancyUpdates::decode(&good[..good.len() - 1]).unwrap_err();
    assert!(
        matches!(
            truncated,
            FileError::Length {
                kind: "vacancy updates file",
                ..
            }
        ),
        "{truncated}"
    );
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x20;
    assert!(VacancyUpdates::decode(&flipped)
        .unwrap_err()
        .to_string()
        .starts_with("vacancy updates file is corrupt"));
    let mut newer = good;
    newer[8] = 2;
    assert!(VacancyUpdates::decode(&newer)
        .unwrap_err()
        .to_string()
        .ends_with("write it again with `haven vacancies`"));
}

proptest! {
    #[test]
    fn arbitrary_bytes_give_an_error_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = VacancyUpdates::decode(&bytes);
        let mut with_header = b"HAVENVAC\x01\0\0\0".to_vec();
        with_header.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        with_header.extend_from_slice(&xxhash_rust::xxh32::xxh32(&bytes, 0).to_le_bytes());
        with_header.extend_from_slice(&bytes);
        let _ = VacancyUpdates::decode(&with_header);
    }

    #[test]
    fn arbitrary_csv_gives_updates_or_problems_not_a_panic(text in "[a-z0-9,\"\n\r -]{0,120}") {
        let dir = starter();
        let _ = VacancyUpdates::from_csv("v.csv", &format!("{HEADER}{text}"), &dir, day("2026-12-01"));
        let _ = VacancyUpdates::from_csv("v.csv", &text, &dir, day("2026-12-01"));
    }
}
