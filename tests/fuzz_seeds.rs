//! The fuzz corpus stays worth fuzzing from: its binary seeds are files this build reads
//! (a format change that left them unreadable would leave the fuzzers stuck at the
//! header), and every target is known to the Makefile, cargo-fuzz and the harness alike.

mod common;

use haven::{Directory, Gazetteer, VacancyUpdates};
use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(common::root("fuzz/corpus")).join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    // Inputs kept because they once failed are damaged on purpose.
    let seeds: Vec<_> = corpus(target)
        .into_iter()
        .filter(|(name, _)| !name.contains("/regression-"))
        .collect();
    assert!(!seeds.is_empty(), "fuzz/corpus/{target} has no seeds");
    seeds
}

fn file(name: &str) -> String {
    std::fs::read_to_string(common::root(name)).unwrap()
}

#[test]
fn every_directory_seed_is_a_bundle_this_build_reads() {
    for (name, bytes) in seeds("bundle") {
        let dir = Directory::from_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!dir.is_empty(), "{name} holds no services");
    }
}

#[test]
fn every_vacancy_seed_is_a_vacancy_file_this_build_reads() {
    for (name, bytes) in seeds("vacancies") {
        let updates = VacancyUpdates::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!updates.is_empty(), "{name} holds no updates");
    }
}

#[test]
fn every_gazetteer_seed_is_a_gazetteer_this_build_reads() {
    for (name, bytes) in seeds("gazetteer") {
        let gaz = Gazetteer::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            gaz.geocode("MK40 1AA").is_some(),
            "{name} finds no MK40 1AA"
        );
    }
}

#[test]
fn every_json_seed_is_json() {
    for target in ["haven_json", "oruk", "query"] {
        for (name, bytes) in seeds(target) {
            // A feed may follow its maintainer's mapping and a line of `---`.
            let text = String::from_utf8(bytes).unwrap();
            let json = text
                .split_once("\n---\n")
                .map_or(text.as_str(), |(_, feed)| feed);
            // Council feeds often start with a byte-order mark, and Haven reads them.
            let json = json.trim_start_matches('\u{feff}');
            serde_json::from_str::<serde_json::Value>(json)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn every_fuzz_target_has_seeds_a_cargo_fuzz_binary_and_a_place_in_make_fuzz() {
    let harness = file("fuzz/src/lib.rs");
    let names: Vec<&str> = harness
        .lines()
        .filter_map(|l| l.trim().strip_prefix("name: \""))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert_eq!(names.len(), 7, "the harness's targets: {names:?}");
    let manifest = file("fuzz/Cargo.toml");
    let makefile = file("Makefile");
    let make_targets = makefile
        .lines()
        .find_map(|l| l.strip_prefix("FUZZ_TARGETS := "))
        .expect("FUZZ_TARGETS in the Makefile");
    assert_eq!(make_targets.split_whitespace().collect::<Vec<_>>(), names);
    for name in names {
        seeds(name);
        assert!(
            manifest.contains(&format!(
                "name = \"{name}\"\npath = \"fuzz_targets/{name}.rs\""
            )),
            "fuzz/Cargo.toml has no cargo-fuzz binary for {name}"
        );
        let target = file(&format!("fuzz/fuzz_targets/{name}.rs"));
        assert!(
            target.contains(&format!("haven_fuzz::{name}(data)")),
            "{name}"
        );
        assert!(
            target.contains("fail_past_cap"),
            "{name} runs without the cap"
        );
    }
}
