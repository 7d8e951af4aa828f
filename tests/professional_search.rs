//! What a professional placing a household gets back: each criterion the household
//! brings answered as met, failed or unknown; failing services listed on request with
//! every reason; several places to avoid at once; "anywhere at least N km away"; and the
//! three orders.

mod common;

use haven::{
    Adult, AvoidZone, Child, CriterionAnswer, Date, Directory, Gender, HideReason, Hit, Household,
    Kind, LatLon, Location, Need, Query, Response, Sex, Sort,
};

/// Refuges in Bedford, Luton, Milton Keynes, Northampton, Leicester and Cardiff, each
/// stating different things (and one stating almost nothing).
const DIRECTORY: &str = r#"{"format": "haven", "version": 1, "services": [
  {"id": "bedford", "name": "Bedford refuge", "kind": "refuge", "area": "E06000055",
   "description": "A refuge for women and children.",
   "eligibility": {"genders": ["woman"], "children": true, "max_boy_age": 12, "max_household": 4, "wheelchair": true},
   "vacancy": {"status": "available", "units_free": 1, "updated_at": "2026-11-20"},
   "source": {"name": "test", "verified_on": "2026-11-20"}},
  {"id": "luton", "name": "Luton refuge", "kind": "refuge", "area": "E06000032",
   "description": "A refuge for women and children.",
   "eligibility": {"genders": ["woman"], "children": true, "max_boy_age": 16, "max_household": 3},
   "source": {"name": "test", "verified_on": "2026-11-20"}},
  {"id": "milton-keynes", "name": "Milton Keynes refuge", "kind": "refuge", "area": "E06000042",
   "description": "A refuge for women and children.",
   "eligibility": {"genders": ["woman"], "children": true, "max_boy_age": 14, "max_household": 5, "wheelchair": false},
   "vacancy": {"status": "full", "updated_at": "2026-11-21"},
   "source": {"name": "test", "verified_on": "2026-11-20"}},
  {"id": "northampton", "name": "Northampton refuge", "kind": "refuge", "area": "E06000062",
   "description": "A refuge.",
   "source": {"name": "test", "verified_on": "2026-11-20"}},
  {"id": "leicester", "name": "Leicester refuge", "kind": "refuge", "area": "E06000016",
   "description": "A refuge for women and children.",
   "eligibility": {"genders": ["woman"], "children": false},
   "vacancy": {"status": "available", "units_free": 2, "updated_at": "2026-11-12"},
   "source": {"name": "test", "verified_on": "2026-11-20"}},
  {"id": "cardiff", "name": "Cardiff refuge", "kind": "refuge", "area": "W06000015",
   "description": "A refuge for women and children.",
   "eligibility": {"genders": ["woman"], "children": true, "max_boy_age": 14, "max_household": 6, "wheelchair": true},
   "vacancy": {"status": "available", "units_free": 3, "updated_at": "2026-11-21"},
   "source": {"name": "test", "verified_on": "2026-11-20"}}
]}"#;

fn directory() -> Directory {
    let mut dir = common::directory(DIRECTORY);
    dir.set_gazetteer(haven::Gazetteer::builtin());
    dir
}

/// A mother with a son of `boy` years, in a search from Bedford.
fn mother_and_son(boy: u8) -> Query {
    Query {
        household: Household {
            adults: vec![Adult {
                gender: Gender::Woman,
                trans: false,
                age: None,
            }],
            children: vec![Child {
                age: boy,
                sex: Sex::Boy,
            }],
        },
        kinds: vec![Kind::Refuge],
        today: Some(Date::parse("2026-11-22").unwrap()),
        ..Query::near(Location::Named("Bedford".into()))
    }
}

fn hit<'a>(r: &'a Response, id: &str) -> Option<&'a Hit> {
    r.results.iter().find(|h| h.id == id)
}

fn answer(h: &Hit, criterion: &str) -> Option<CriterionAnswer> {
    h.criteria.get(criterion).copied()
}

fn ids(r: &Response) -> Vec<&str> {
    r.results.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn a_son_of_exactly_the_age_limit_is_taken_and_a_son_a_year_older_is_not() {
    let dir = directory();
    let at_limit = dir.search(&mother_and_son(12)).unwrap();
    let bedford = hit(&at_limit, "bedford").expect("a boy of 12 fits a limit of 12");
    assert_eq!(answer(bedford, "boys_age"), Some(CriterionAnswer::Meets));
    let over = dir.search(&mother_and_son(13)).unwrap();
    assert!(hit(&over, "bedford").is_none(), "a boy of 13 does not");
    assert!(over
        .hidden_results
        .iter()
        .any(|h| h.id == "bedford" && h.hidden_by == Some(HideReason::BoysAge)));
}

#[test]
fn a_household_larger_than_a_refuge_takes_fails_household_size_and_one_that_fits_meets_it() {
    let dir = directory();
    let mut q = mother_and_son(5);
    q.household.children.push(Child {
        age: 3,
        sex: Sex::Girl,
    });
    q.household.children.push(Child {
        age: 1,
        sex: Sex::Girl,
    });
    q.include_failing = true;
    let r = dir.search(&q).unwrap();
    let luton = hit(&r, "luton").expect("listed on request");
    assert_eq!(
        answer(luton, "household_size"),
        Some(CriterionAnswer::Fails)
    );
    assert_eq!(
        luton.fails.as_deref(),
        Some(&[HideReason::HouseholdSize][..])
    );
    let bedford = hit(&r, "bedford").unwrap();
    assert_eq!(
        answer(bedford, "household_size"),
        Some(CriterionAnswer::Meets)
    );
    assert_eq!(bedford.fails.as_deref(), Some(&[][..]));
    let at = |id: &str| ids(&r).iter().position(|i| *i == id).unwrap();
    assert!(
        at("luton") > at("bedford"),
        "failing services come after the rest"
    );
}

#[test]
fn what_a_record_does_not_state_is_unknown_never_met_nor_failed() {
    let dir = directory();
    let q = Query {
        needs: vec![Need::Wheelchair, Need::Pets],
        ..mother_and_son(10)
    };
    let r = dir.search(&q).unwrap();
    let northampton = hit(&r, "northampton").expect("a refuge that states nothing is listed");
    for criterion in [
        "gender",
        "children",
        "boys_age",
        "household_size",
        "wheelchair",
        "pets",
    ] {
        assert_eq!(
            answer(northampton, criterion),
            Some(CriterionAnswer::Unknown),
            "{criterion}"
        );
    }
    assert!(northampton.matches.is_empty(), "unknown is never a match");
    let bedford = hit(&r, "bedford").unwrap();
    assert_eq!(answer(bedford, "wheelchair"), Some(CriterionAnswer::Meets));
    assert_eq!(answer(bedford, "pets"), Some(CriterionAnswer::Unknown));
    let keys: Vec<&str> = bedford.criteria.iter().map(|(c, _)| *c).collect();
    assert_eq!(
        keys,
        [
            "gender",
            "children",
            "boys_age",
            "household_size",
            "wheelchair",
            "pets"
        ],
        "only the criteria this household brings, in order"
    );
}

#[test]
fn several_places_to_avoid_each_hide_what_is_near_them() {
    let dir = directory();
    let q = Query {
        avoid: vec![
            AvoidZone::around(Location::Named("Luton".into()), 10.0),
            AvoidZone::around(Location::Named("Milton Keynes".into()), 10.0),
        ],
        ..mother_and_son(10)
    };
    let r = dir.search(&q).unwrap();
    assert!(hit(&r, "luton").is_none());
    assert!(hit(&r, "milton-keynes").is_none());
    assert!(
        hit(&r, "bedford").is_some(),
        "Bedford is beyond 10 km of both"
    );
    assert_eq!(r.hidden.get("avoid"), Some(&2));
    let with_failing = dir
        .search(&Query {
            include_failing: true,
            ..q
        })
        .unwrap();
    assert!(
        hit(&with_failing, "luton").is_none(),
        "a service near a place to avoid is never listed, even on request"
    );
}

#[test]
fn anywhere_at_least_the_minimum_distance_from_every_avoid_zone_needs_no_destination() {
    let dir = directory();
    let q = Query::from_json(
        r#"{"avoid": [{"place": "Bedford", "km": 5}, {"place": "Luton", "km": 5}],
            "min_distance_km": 60, "kinds": ["refuge"]}"#,
    )
    .unwrap();
    let r = dir.search(&q).unwrap();
    let bedford = LatLon::new(52.136, -0.467);
    assert!(
        (r.origin.distance_km(&bedford)) < 10.0,
        "distances are from the first zone"
    );
    let found = ids(&r);
    for near in ["bedford", "luton", "milton-keynes", "northampton"] {
        assert!(!found.contains(&near), "{near} is within 60 km: {found:?}");
    }
    assert!(
        found.contains(&"leicester") && found.contains(&"cardiff"),
        "{found:?}"
    );
    assert_eq!(
        found.first(),
        Some(&"leicester"),
        "nearest first beyond the minimum"
    );
}

#[test]
fn a_minimum_distance_without_a_place_to_avoid_is_refused_naming_the_field() {
    let err = Query::from_json(r#"{"near": "Bedford", "min_distance_km": 50}"#)
        .unwrap()
        .check()
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("query.min_distance_km: expected at least one place to avoid"),
        "{err}"
    );
    let err = Query::from_json(r#"{"min_distance_km": 50}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("query.near: required"), "{err}");
}

#[test]
fn sorting_by_vacancy_puts_space_now_first_then_the_most_recently_updated() {
    let dir = directory();
    let q = Query {
        sort: Sort::Vacancy,
        household: Household::default(),
        ..mother_and_son(0)
    };
    let r = dir.search(&q).unwrap();
    // Cardiff (space, 21st) and Bedford (space, 20th) are news; Milton Keynes (full,
    // 21st) and Leicester (space, but 10 days old) are not; the rest never said.
    assert_eq!(
        ids(&r),
        [
            "cardiff",
            "bedford",
            "milton-keynes",
            "leicester",
            "luton",
            "northampton"
        ]
    );
}

#[test]
fn sorting_by_criteria_puts_the_services_meeting_most_of_the_household_first() {
    let dir = directory();
    let q = Query {
        sort: Sort::Criteria,
        needs: vec![Need::Wheelchair],
        radius_km: Some(400.0),
        ..mother_and_son(10)
    };
    let r = dir.search(&q).unwrap();
    let order = ids(&r);
    // Bedford and Cardiff meet all five; Luton all but wheelchair (unknown);
    // Northampton none known.
    assert_eq!(order[..2], ["bedford", "cardiff"], "{order:?}");
    assert_eq!(order.last(), Some(&"northampton"), "{order:?}");
    let bedford = hit(&r, "bedford").unwrap();
    assert!(bedford
        .criteria
        .iter()
        .all(|(_, a)| *a == CriterionAnswer::Meets));
}
