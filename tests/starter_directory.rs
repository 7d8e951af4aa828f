//! The shipped starter directory: real services with sources and their sources' dates,
//! examples flagged, every kind present (its phone numbers: tests/starter_phone_numbers.rs).

mod common;

use haven::Household;
use haven::Kind;
use haven::{Date, Directory, Input, LatLon, Pipeline, Query, Report};
use serde_json::Value;

/// The day the starter directory's real records were last checked against their
/// sources (their `verified_on`), treated as today so that no date is in the future.
const CHECKED_ON: &str = "2026-12-01";

fn starter() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/directory.json")).unwrap()
}

fn pipeline() -> Pipeline {
    Pipeline::new(Date::parse(CHECKED_ON).unwrap())
}

fn check() -> Report {
    pipeline().check(&[Input::text("data/directory.json", starter())])
}

fn directory() -> Directory {
    let bundle = pipeline()
        .bundle(check())
        .unwrap_or_else(|report| panic!("{:#?}", report.problems));
    Directory::from_bytes(&bundle.encode().unwrap()).unwrap()
}

/// The real (not example) records as written, for the fields the engine does not keep.
fn real_records() -> Vec<Value> {
    let json: Value = serde_json::from_str(&starter()).unwrap();
    json["services"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["example"] != Value::Bool(true))
        .cloned()
        .collect()
}

#[test]
fn the_starter_directory_has_no_errors_and_warns_only_of_old_sources_or_ended_contracts() {
    let report = check();
    let errors: Vec<_> = report.problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // An honest directory built from 2019-2025 sources is warned about: the age of a
    // source and a commissioning contract that has ended. Nothing else.
    for p in &report.problems {
        let about_age_or_contract =
            matches!(p.field.as_str(), "source.date" | "source.contract_ends")
                || (p.field == "source"
                    && (p.message.contains("date") || p.message.contains("contract")));
        assert!(about_age_or_contract, "an unexpected warning: {p:#?}");
    }
    assert!(report.services.len() >= 40);
}

#[test]
fn every_real_record_names_its_source_and_strategies_carry_their_year() {
    let date_shape = |d: &str| {
        let parts: Vec<&str> = d.split('-').collect();
        !parts.is_empty()
            && parts.len() <= 3
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
    };
    for s in real_records() {
        let id = s["id"].as_str().unwrap();
        let source = &s["source"];
        let name = source["name"].as_str().unwrap_or_default();
        assert!(!name.trim().is_empty(), "{id} names no source");
        assert_eq!(
            source["verified_on"], CHECKED_ON,
            "{id} was not checked against its source"
        );
        for field in ["date", "contract_ends"] {
            if let Some(d) = source[field].as_str() {
                assert!(
                    date_shape(d),
                    "{id}: source.{field} {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD"
                );
            }
        }
        if name.contains("Strategy") {
            assert!(
                source["date"].is_string(),
                "{id}: a strategy has a year; say it"
            );
        }
    }
    // Bexley commissioned Solace in April 2019 for five years.
    for id in [
        "bexley-solace-refuge",
        "bexley-idva-service",
        "bexley-one-stop-shop",
    ] {
        let s = real_records().into_iter().find(|s| s["id"] == id).unwrap();
        assert_eq!(s["source"]["contract_ends"], "2024", "{id}");
    }
}

#[test]
fn a_strategys_address_for_copies_and_formats_is_no_one_s_contact() {
    for s in real_records() {
        let id = s["id"].as_str().unwrap();
        assert_ne!(
            s["email"], "DAsupport@bedford.gov.uk",
            "{id}: Bedford's address for large-print copies"
        );
        for phone in s["phones"].as_array().into_iter().flatten() {
            assert_ne!(
                phone["number"], "020 8303 7777",
                "{id}: Bexley's number for other formats"
            );
        }
    }
}

#[test]
fn every_kind_appears_and_examples_carry_no_phone_number() {
    let report = check();
    for kind in Kind::ALL {
        assert!(
            report.services.iter().any(|s| s.kind == *kind),
            "no {kind} in the starter directory"
        );
    }
    for s in report.services.iter().filter(|s| s.provenance.example) {
        assert!(
            s.contact.phones.is_empty(),
            "example {} has a phone number",
            s.id
        );
        assert!(
            s.name.starts_with("Example:"),
            "example {} is not named as one",
            s.id
        );
    }
}

#[test]
fn a_survivor_in_bedford_sees_helplines_first_then_local_services_and_refuges_only_by_area() {
    let dir = directory();
    let bedford = LatLon::new(52.136, -0.467);
    let r = dir.search(&Query::near(bedford)).unwrap();
    assert_eq!(r.area.as_ref().map(|a| a.code.as_str()), Some("E06000055"));
    let first_local = r
        .results
        .iter()
        .position(|h| h.distance_band.code() != "serves_your_area")
        .unwrap();
    assert!(r.results[..first_local]
        .iter()
        .any(|h| h.id == "national-domestic-abuse-helpline"));
    assert!(
        !r.results.iter().any(|h| h.id == "live-fear-free-helpline"),
        "a Welsh helpline is not offered in Bedford"
    );
    for id in [
        "example-specialist-refuge-bedford",
        "bedford-refuge-stonewater",
    ] {
        let refuge = r
            .results
            .iter()
            .find(|h| h.id == id)
            .unwrap_or_else(|| panic!("{id} not found near Bedford"));
        assert!(
            refuge.confidential && refuge.distance_km.is_none() && refuge.location.is_none(),
            "{id}"
        );
        assert_eq!(refuge.distance_band.code(), "under_5_miles", "{id}");
    }
}

#[test]
fn a_search_in_each_seed_area_finds_real_accommodation_and_community_support() {
    let dir = directory();
    for (place, point) in [
        ("Bedford", LatLon::new(52.136, -0.467)),
        ("Hereford", LatLon::new(52.056, -2.716)),
        ("Bexleyheath", LatLon::new(51.457, 0.14)),
        ("Aylesbury", LatLon::new(51.816, -0.812)),
        ("Weston-super-Mare", LatLon::new(51.346, -2.977)),
    ] {
        let r = dir
            .search(&Query {
                limit: Some(1000),
                ..Query::near(point)
            })
            .unwrap();
        let local: Vec<_> = r
            .results
            .iter()
            .filter(|h| !h.example && h.area_code == r.area.as_ref().map(|a| a.code.clone()))
            .collect();
        assert!(
            local.iter().any(|h| !h.kind.is_accommodation()),
            "{place}: no real community support in its own area"
        );
        // North Somerset is the one seed area where no retrieved page names a refuge.
        if place != "Weston-super-Mare" {
            assert!(
                local.iter().any(|h| h.kind.is_accommodation()),
                "{place}: no real accommodation in its own area"
            );
        }
    }
}

#[test]
fn a_mother_with_a_boy_of_thirteen_is_told_which_refuges_are_hidden_and_why() {
    let dir = directory();
    let q = Query {
        kinds: vec![Kind::Refuge, Kind::SpecialistRefuge],
        household: Household {
            adults: vec![haven::Adult {
                gender: haven::Gender::Woman,
                trans: false,
                age: None,
            }],
            children: vec![haven::Child {
                age: 13,
                sex: haven::Sex::Boy,
            }],
        },
        ..Query::near(LatLon::new(51.46, 0.14))
    };
    let r = dir.search(&q).unwrap();
    assert_eq!(
        r.hidden.get("boys_age"),
        Some(&1),
        "the North Somerset example takes boys only up to 12: {:?}",
        r.hidden
    );
    let ids: Vec<_> = r.results.iter().map(|h| h.id.as_str()).collect();
    assert!(
        ids.contains(&"example-specialist-refuge-bedford")
            && ids.contains(&"example-refuge-herefordshire")
            && ids.contains(&"bexley-solace-refuge"),
        "{ids:?}"
    );
    assert!(r
        .results
        .iter()
        .all(|h| matches!(h.kind, Kind::Refuge | Kind::SpecialistRefuge)));
    assert!(!ids.contains(&"example-refuge-north-somerset"));
}

#[test]
fn avoiding_a_town_removes_the_refuges_placed_in_its_council_area() {
    let dir = directory();
    let mut q = Query {
        kinds: vec![Kind::Refuge, Kind::SpecialistRefuge],
        ..Query::near(LatLon::new(51.5, -0.1))
    };
    let before = dir.search(&q).unwrap();
    let in_bedford = |r: &haven::Response| -> Vec<String> {
        r.results
            .iter()
            .filter(|h| h.area_code.as_deref() == Some("E06000055"))
            .map(|h| h.id.clone())
            .collect()
    };
    let bedford_refuges = in_bedford(&before);
    assert!(
        bedford_refuges.contains(&"example-specialist-refuge-bedford".to_string())
            && bedford_refuges.contains(&"bedford-refuge-stonewater".to_string()),
        "{bedford_refuges:?}"
    );
    // Avoid a point in Bedford Borough, 1 km wide: the area-level refuges there must go
    // even though the area's representative point may be outside that kilometre.
    q.avoid = vec![haven::AvoidZone::around(LatLon::new(52.17, -0.43), 1.0)];
    let after = dir.search(&q).unwrap();
    assert!(in_bedford(&after).is_empty(), "{:?}", in_bedford(&after));
    assert_eq!(
        after.hidden.get("avoid"),
        Some(&(bedford_refuges.len() as u32))
    );
}

#[test]
fn the_worked_example_in_the_data_readme_is_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/README.md")).unwrap();
    let start = readme.find("```json\n").expect("a json block") + 8;
    let end = start + readme[start..].find("```").unwrap();
    let report = common::check("data/README.md", &readme[start..end], false);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!(report.services.len(), 2);
}

#[test]
fn each_nation_has_its_own_helpline_and_uk_wide_lines_are_no_one_nations() {
    let dir = directory();
    let lists = dir.nation_helplines();
    let ids = |nation: haven::Nation| -> Vec<String> {
        lists
            .iter()
            .find(|n| n.nation == nation)
            .map(|n| n.helplines.iter().map(|h| h.id.clone()).collect())
            .unwrap_or_default()
    };
    assert!(ids(haven::Nation::England).contains(&"national-domestic-abuse-helpline".to_string()));
    assert!(ids(haven::Nation::Wales).contains(&"live-fear-free-helpline".to_string()));
    assert_eq!(
        ids(haven::Nation::Scotland),
        ["scotland-domestic-abuse-forced-marriage-helpline"]
    );
    assert_eq!(
        ids(haven::Nation::NorthernIreland),
        ["ni-domestic-sexual-abuse-helpline"]
    );
    for list in &lists {
        for hit in &list.helplines {
            assert_eq!(hit.kind, Kind::Helpline);
            assert_ne!(
                hit.id, "samaritans",
                "a UK-wide line is every nation's, not one's own"
            );
            // A line with no sourced number (Women's Aid Live Chat, the Rape Crisis line)
            // is still reachable in writing: help needs no voice.
            assert!(
                !hit.phones.is_empty() || hit.web.is_some() || hit.email.is_some(),
                "{} has no way to reach it",
                hit.id
            );
        }
        assert!(
            list.helplines.iter().any(|h| !h.phones.is_empty()),
            "{:?} has no helpline with a number to call",
            list.nation
        );
    }
}

#[test]
fn an_areas_helplines_are_exactly_those_a_helpline_search_there_lists() {
    let dir = directory();
    for area in dir.areas().iter() {
        let listed: Vec<String> = dir
            .area_helplines(&area.code)
            .into_iter()
            .map(|h| h.id)
            .collect();
        let searched: Vec<String> = dir
            .search(&Query {
                kinds: vec![Kind::Helpline],
                limit: Some(1000),
                ..Query::near(area.point)
            })
            .unwrap()
            .results
            .into_iter()
            .filter(|h| h.distance_band == haven::DistanceBand::Remote)
            .map(|h| h.id)
            .collect();
        assert_eq!(listed, searched, "{} ({})", area.name, area.code);
    }
    let bucks: Vec<String> = dir
        .area_helplines("E06000060")
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert!(bucks.contains(&"rsass-asian-womens-helpline".to_string()));
    assert!(!bucks.contains(&"live-fear-free-helpline".to_string()));
    let hereford: Vec<String> = dir
        .area_helplines("E06000019")
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert!(hereford.contains(&"west-mercia-womens-aid-herefordshire".to_string()));
    assert!(dir.area_helplines("X99999999").is_empty());
}
