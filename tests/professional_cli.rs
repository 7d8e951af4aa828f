//! The professional's search from the command line: placing a household far from two
//! places with each criterion answered, the orders and mistakes it refuses, and the day's
//! vacancy updates.

use haven::LatLon;

fn haven(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_cli_places_a_household_far_from_two_places_with_each_criterion_answered() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("directory.bin");
    let input = concat!(env!("CARGO_MANIFEST_DIR"), "/data/directory.json");
    let built = haven(&["build", input, "--out", bundle.to_str().unwrap()]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let bundle = bundle.to_str().unwrap();
    let out = haven(&[
        "search",
        "--bundle",
        bundle,
        "--avoid",
        "Bedford:5",
        "--avoid",
        "Luton:5",
        "--min-distance-km",
        "60",
        "--adult",
        "woman",
        "--child",
        "13:boy",
        "--need",
        "wheelchair",
        "--include-failing",
        "--sort",
        "criteria",
        "--today",
        "2026-12-01",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = json["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let bedford = LatLon::new(52.136, -0.467);
    for r in results {
        let criteria = r["criteria"].as_object().unwrap();
        let mut keys: Vec<&str> = criteria.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "boys_age",
                "children",
                "gender",
                "household_size",
                "wheelchair"
            ],
            "{r}"
        );
        assert!(criteria
            .values()
            .all(|v| ["meets", "fails", "unknown"].contains(&v.as_str().unwrap())));
        assert!(r["fails"].is_array(), "{r}");
        if let Some(p) = r["location"].as_object() {
            let at = LatLon::new(p["lat"].as_f64().unwrap(), p["lon"].as_f64().unwrap());
            assert!(at.distance_km(&bedford) > 60.0, "{}", r["name"]);
        }
    }
    let out = haven(&[
        "search", "--bundle", bundle, "--near", "Bedford", "--sort", "nearest",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("unknown sort \"nearest\"; expected one of distance, vacancy, criteria"));
    let out = haven(&["search", "--bundle", bundle, "--min-distance-km", "50"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--avoid"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_search_with_the_days_vacancy_updates_shows_the_newer_state() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("directory.bin");
    let updates = dir.path().join("vacancies.bin");
    let root = env!("CARGO_MANIFEST_DIR");
    let input = format!("{root}/data/directory.json");
    let built = haven(&["build", &input, "--out", bundle.to_str().unwrap()]);
    assert!(built.status.success());
    let csv = format!("{root}/data/vacancies.csv");
    let (bundle, updates) = (bundle.to_str().unwrap(), updates.to_str().unwrap());
    let written = haven(&[
        "vacancies",
        &csv,
        "--bundle",
        bundle,
        "--out",
        updates,
        "--today",
        "2026-12-01",
    ]);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let search = |with: bool| {
        let mut args = vec![
            "search",
            "--bundle",
            bundle,
            "--near",
            "Weston-super-Mare",
            "--kind",
            "refuge",
            "--today",
            "2026-12-01",
            "--json",
        ];
        if with {
            args.extend(["--vacancies", updates]);
        }
        let out = haven(&args);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == "example-refuge-north-somerset")
            .cloned()
            .unwrap()
    };
    assert_eq!(search(false)["vacancy"]["status"], "full");
    let updated = search(true);
    assert_eq!(updated["vacancy"]["status"], "available");
    assert_eq!(updated["vacancy"]["units_free"], 1);
    assert!(updated["matches"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("vacancy")));
}
