//! A council named by its GSS code, as an embedding council's website gives it
//! (`data-area="E06000055"`): found from the directory's own area table, so the widget can
//! show the council's services before place names have loaded.

use haven::{Directory, Gazetteer, Query};

mod common;

fn directory() -> Directory {
    common::starter()
}

fn near(text: &str) -> Query {
    Query::near(text.parse::<haven::Location>().unwrap())
}

#[test]
fn a_search_near_a_councils_code_works_before_the_gazetteer_loads() {
    let dir = directory();
    assert!(dir.gazetteer().is_none());
    let response = dir.search(&near("E06000055")).unwrap();
    assert_eq!(
        response.area.as_ref().map(|a| a.code.as_str()),
        Some("E06000055")
    );
    assert!(!response.results.is_empty());
    // A postcode still needs place names, and says so.
    let err = dir.search(&near("MK40 1AA")).unwrap_err().to_string();
    assert!(err.contains("need the gazetteer"), "{err}");
}

#[test]
fn a_councils_code_finds_what_its_name_finds() {
    let mut dir = directory();
    dir.set_gazetteer(Gazetteer::builtin());
    let by_code = dir.search(&near("e06000055")).unwrap();
    let by_name = dir.geocode("E06000055").unwrap();
    assert_eq!(by_name.label, "Bedford");
    assert_eq!(by_name.area_code, "E06000055");
    let ids = |r: &haven::Response| r.results.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
    let by_place = dir.search(&near("Bedford")).unwrap();
    let code = |r: &haven::Response| r.area.as_ref().map(|a| a.code.clone());
    assert_eq!(code(&by_code), code(&by_place));
    assert!(ids(&by_code).iter().any(|id| ids(&by_place).contains(id)));
}

#[test]
fn an_unknown_code_is_reported_as_nothing_found() {
    let dir = directory();
    assert!(dir.geocode("E99999999").is_none());
    let err = dir.search(&near("E99999999")).unwrap_err().to_string();
    assert!(err.contains("near"), "{err}");
}
