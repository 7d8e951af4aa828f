//! The shipped starter directory: real services with sources, examples flagged, every
//! kind present, and the numbers the council strategies print exactly as printed.

mod common;

use haven::Household;
use haven::Kind;
use haven::{LatLon, Query};

fn starter() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/directory.json")).unwrap()
}

#[test]
fn the_starter_directory_has_no_errors_or_warnings() {
    let report = common::check("data/directory.json", &starter(), false);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert!(report.services.len() >= 30);
}

#[test]
fn every_kind_appears_and_examples_carry_no_phone_number() {
    let report = common::check("data/directory.json", &starter(), false);
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
fn the_numbers_in_the_council_strategies_are_carried_exactly_with_their_source() {
    let report = common::check("data/directory.json", &starter(), false);
    let seeded = [
        ("national-domestic-abuse-helpline", "0808 2000 247"),
        ("aylesbury-womens-aid", "01296 436827"),
        ("wycombe-womens-aid", "01494 461367"),
        ("av-mk-sexual-assault-abuse-service", "01296 719772"),
        ("rsass-south-bucks", "01494 462222"),
        ("rsass-asian-womens-helpline", "07528 245304"),
        ("samaritans", "116 123"),
    ];
    for (id, number) in seeded {
        let s = report
            .services
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(s.contact.phones[0].number, number);
        assert!(
            s.provenance.source.contains("Buckinghamshire Council"),
            "{id}: {}",
            s.provenance.source
        );
        assert!(!s.provenance.example);
    }
    for s in report
        .services
        .iter()
        .filter(|s| !s.contact.phones.is_empty() && !s.provenance.example)
    {
        assert!(
            s.provenance.url.is_some() || s.provenance.source.contains("Strategy"),
            "{} has numbers without a citable source",
            s.id
        );
    }
}

#[test]
fn a_survivor_in_bedford_sees_helplines_first_then_local_services_and_the_refuge_only_by_area() {
    let dir = common::directory(&starter());
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
    let refuge = r
        .results
        .iter()
        .find(|h| h.id == "example-specialist-refuge-bedford")
        .unwrap();
    assert!(refuge.confidential && refuge.distance_km.is_none() && refuge.location.is_none());
    assert_eq!(refuge.distance_band.code(), "under_5_miles");
}

#[test]
fn a_mother_with_a_boy_of_thirteen_is_told_which_refuges_are_hidden_and_why() {
    let dir = common::directory(&starter());
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
            && ids.contains(&"example-refuge-herefordshire"),
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
    let dir = common::directory(&starter());
    let mut q = Query {
        kinds: vec![Kind::Refuge, Kind::SpecialistRefuge],
        ..Query::near(LatLon::new(51.5, -0.1))
    };
    let before = dir.search(&q).unwrap();
    assert!(before
        .results
        .iter()
        .any(|h| h.id == "example-specialist-refuge-bedford"));
    // Avoid a point in Bedford Borough, 1 km wide: the area-level refuge there must go
    // even though the area's representative point may be outside that kilometre.
    q.avoid = vec![haven::AvoidZone::around(LatLon::new(52.17, -0.43), 1.0)];
    let after = dir.search(&q).unwrap();
    assert!(!after
        .results
        .iter()
        .any(|h| h.id == "example-specialist-refuge-bedford"));
    assert_eq!(after.hidden.get("avoid"), Some(&1));
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
    let dir = common::directory(&starter());
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
            assert!(!hit.phones.is_empty(), "{} has a number to call", hit.id);
        }
    }
}

#[test]
fn an_areas_helplines_are_exactly_those_a_helpline_search_there_lists() {
    let dir = common::directory(&starter());
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
    assert!(dir.area_helplines("X99999999").is_empty());
}
