//! The `haven` command as other tools use it: exit codes, messages, files written.

mod common;

use common::{haven, root};

#[test]
fn validate_reports_every_problem_and_exits_1() {
    let bad = root("tests/bad-inputs/bad-coordinates.json");
    let out = haven(&["validate", &bad, "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // One heading per service, by name and id, with its problems under it.
    for n in 1..=5 {
        let heading = format!("Test outreach (ok-{n}, in {bad})\n  error    location");
        assert!(stderr.contains(&heading), "{heading:?} in {stderr}");
    }
    assert!(
        stderr.starts_with("Read 5 services: 5 selected, 0 not selected, 0 inactive."),
        "{stderr}"
    );
    assert!(stderr.contains("0 services, 5 errors"), "{stderr}");
}

#[test]
fn build_writes_nothing_when_any_input_has_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("directory.bin");
    let out = haven(&[
        "build",
        &root("data/directory.json"),
        &root("tests/bad-inputs/duplicate-ids.json"),
        "--out",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_path.exists(), "a bundle was written despite errors");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing written"));
}

#[test]
fn build_then_search_prints_the_documented_json() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("directory.bin");
    let out = haven(&[
        "build",
        &root("data/directory.json"),
        "--out",
        bundle.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = haven(&[
        "search",
        "--bundle",
        bundle.to_str().unwrap(),
        "--near",
        "51.816,-0.812",
        "--kind",
        "outreach",
        "--limit",
        "3",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["origin"],
        serde_json::json!({"lat": 51.816, "lon": -0.812})
    );
    let first = &json["results"][0];
    for key in [
        "id",
        "name",
        "kind",
        "area_code",
        "distance_km",
        "distance_band",
        "confidential",
        "phones",
        "vacancy",
    ] {
        assert!(first.get(key).is_some(), "result lacks {key}: {first}");
    }
    assert_eq!(first["kind"], "outreach");
    assert!(json["hidden"].is_object());
}

#[test]
fn search_explains_a_bad_argument_or_a_bad_bundle() {
    let out = haven(&[
        "search",
        "--bundle",
        &root("data/areas.csv"),
        "--near",
        "52,-1",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Haven directory bundle"));
    let out = haven(&[
        "search", "--bundle", "x.bin", "--near", "52,-1", "--kind", "castle",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind \"castle\""));
    let out = haven(&[
        "search", "--bundle", "x.bin", "--near", "52,-1", "--child", "7:puppy",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown child sex \"puppy\""));
}

#[test]
fn synth_writes_a_directory_that_validates_with_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("synth.json");
    assert!(haven(&[
        "synth",
        "--count",
        "300",
        "--seed",
        "5",
        "--out",
        path.to_str().unwrap()
    ])
    .status
    .success());
    let out = haven(&["validate", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    for kind in haven::Kind::ALL {
        assert!(text.contains(&format!("\"kind\": \"{kind}\"")), "no {kind}");
    }
    assert!(!text.contains("\"example\": false"));
}

#[test]
fn the_sources_table_in_data_sources_is_the_one_the_starter_directory_gives_with_every_route_it_states(
) {
    let out = haven(&[
        "sources",
        &root("data/directory.json"),
        "--today",
        "2026-12-01",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8_lossy(&out.stdout);
    let kept = std::fs::read_to_string(root("data/sources/records.md")).unwrap();
    assert_eq!(
        table.trim_end(),
        kept.trim_end(),
        "data/sources/records.md is stale: run `make sources`"
    );
    assert!(table.contains("| Aylesbury Women's Aid (`aylesbury-womens-aid`) | outreach | "));
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.contains(&format!("(`{id}`)")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        row("childline").contains("web, web chat, general line"),
        "{}",
        row("childline")
    );
    assert!(row("999-bsl").contains("video"), "{}", row("999-bsl"));
}
