//! What a survivor's search gives back, on the starter directory: old vacancies are only
//! the last known state, what a record does not say is listed as unknown rather than
//! hidden, what a filter hides can be shown with its reason, help without voice counts
//! as a way in, and the searched nation's own helpline comes first.

use haven::{Date, Directory, Gazetteer, Household, Kind, Need, Query};

mod common;

fn directory() -> Directory {
    let mut dir = common::starter();
    dir.set_gazetteer(Gazetteer::builtin());
    dir
}

fn stay_near(place: &str, today: &str) -> Query {
    Query {
        kinds: Kind::ALL
            .iter()
            .copied()
            .filter(|k| k.is_accommodation())
            .collect(),
        today: Some(Date::parse(today).unwrap()),
        ..Query::near(place.parse::<haven::Location>().unwrap())
    }
}

#[test]
fn space_reported_within_a_week_matches_and_older_space_is_only_the_last_known_state() {
    let dir = directory();
    let find = |today: &str| {
        let r = dir.search(&stay_near("Bedford", today)).unwrap();
        r.results
            .into_iter()
            .find(|h| h.id == "example-emergency-bedford")
            .unwrap()
    };
    // Updated on 2026-11-22.
    assert!(
        find("2026-11-29")
            .matches
            .iter()
            .any(|m| m.code() == "vacancy"),
        "7 days on, still news"
    );
    let stale = find("2026-11-30");
    assert!(
        !stale.matches.iter().any(|m| m.code() == "vacancy"),
        "8 days on, no longer a match"
    );
    assert_eq!(
        stale.vacancy.unwrap().units_free,
        Some(3),
        "but the last known state is still there to show"
    );
    let mut no_day = stay_near("Bedford", "2026-11-29");
    no_day.today = None;
    let r = dir.search(&no_day).unwrap();
    assert!(
        r.results
            .iter()
            .all(|h| !h.matches.iter().any(|m| m.code() == "vacancy")),
        "without a day, no vacancy is news"
    );
}

#[test]
fn a_criterion_a_record_does_not_state_lists_the_service_after_those_that_meet_it_and_a_stated_no_hides_it(
) {
    let dir = directory();
    let q = Query {
        needs: vec![Need::Wheelchair],
        ..stay_near("Bedford", "2026-12-01")
    };
    let r = dir.search(&q).unwrap();
    let unknown: Vec<bool> = r.results.iter().map(|h| !h.unknown.is_empty()).collect();
    assert!(
        unknown.windows(2).all(|w| w[0] <= w[1]),
        "those that meet everything come first: {unknown:?}"
    );
    let stonewater = r
        .results
        .iter()
        .find(|h| h.id == "bedford-refuge-stonewater")
        .expect("not confirmed is still listed");
    assert_eq!(
        stonewater
            .unknown
            .iter()
            .map(|u| u.code())
            .collect::<Vec<_>>(),
        ["wheelchair"]
    );
    let confirmed = r
        .results
        .iter()
        .position(|h| h.id == "example-refuge-north-somerset")
        .expect("confirmed accessible");
    let unsure = r
        .results
        .iter()
        .position(|h| h.id == "bedford-refuge-stonewater")
        .unwrap();
    assert!(
        confirmed < unsure,
        "the confirmed one is listed first though it is farther"
    );
    // The South Asian refuge states it is not wheelchair accessible: hidden, and shown
    // as hidden with its reason.
    assert!(r
        .results
        .iter()
        .all(|h| h.id != "example-specialist-refuge-bedford"));
    let hidden = r
        .hidden_results
        .iter()
        .find(|h| h.id == "example-specialist-refuge-bedford")
        .unwrap();
    assert_eq!(hidden.hidden_by.map(|h| h.code()), Some("wheelchair"));
    assert_eq!(
        r.hidden.get("wheelchair"),
        Some(
            &(r.hidden_results
                .iter()
                .filter(|h| h.hidden_by.map(|b| b.code()) == Some("wheelchair"))
                .count() as u32)
        )
    );
}

#[test]
fn a_deaf_survivor_finds_999_bsl_as_a_way_in_and_other_lines_are_unknown_not_hidden() {
    let dir = directory();
    let q = Query {
        kinds: vec![Kind::Helpline],
        needs: vec![Need::Bsl],
        household: Household::default(),
        ..Query::near("Cardiff".parse::<haven::Location>().unwrap())
    };
    let r = dir.search(&q).unwrap();
    let bsl = r
        .results
        .iter()
        .find(|h| h.id == "999-bsl")
        .expect("999 BSL is listed");
    assert!(bsl.matches.iter().any(|m| m.code() == "bsl"));
    let lff = r
        .results
        .iter()
        .find(|h| h.id == "live-fear-free-helpline")
        .expect("Live Fear Free is listed");
    assert!(
        lff.matches.iter().any(|m| m.code() == "bsl"),
        "its text number is a way in without voice"
    );
    let mal = r
        .results
        .iter()
        .find(|h| h.id == "mens-advice-line")
        .expect("not hidden for not saying");
    assert_eq!(
        mal.unknown.iter().map(|u| u.code()).collect::<Vec<_>>(),
        ["bsl"]
    );
}

#[test]
fn in_wales_the_nations_own_helpline_comes_first_and_general_lines_come_last() {
    let dir = directory();
    let r = dir
        .search(&Query::near("Cardiff".parse::<haven::Location>().unwrap()))
        .unwrap();
    let area = r.area.expect("Cardiff's council");
    let lines: Vec<String> = dir
        .area_helplines(&area.code)
        .into_iter()
        .filter(|h| !h.phones.is_empty())
        .map(|h| h.id)
        .collect();
    let at = |id: &str| {
        lines
            .iter()
            .position(|l| l == id)
            .unwrap_or_else(|| panic!("{id} in {lines:?}"))
    };
    assert_eq!(
        lines.first().map(String::as_str),
        Some("live-fear-free-helpline"),
        "{lines:?}"
    );
    assert!(at("mens-advice-line") < at("samaritans"), "{lines:?}");
    assert!(
        at("galop-lgbt-helpline") < at("victim-support-supportline"),
        "{lines:?}"
    );
}

#[test]
fn result_cards_name_council_areas_as_people_say_them() {
    let dir = directory();
    let r = dir.search(&stay_near("Hereford", "2026-12-01")).unwrap();
    let names: Vec<&str> = r
        .results
        .iter()
        .filter_map(|h| h.area_name.as_deref())
        .collect();
    assert!(names.contains(&"Herefordshire"), "{names:?}");
    assert!(
        names.iter().all(|n| !n.ends_with(", County of")),
        "{names:?}"
    );
}
