//! For random directories and random queries, the indexed search returns exactly what a
//! scan of every record returns, in the same order, with the same hidden counts.

use haven::*;
use proptest::prelude::*;
use proptest::sample::subsequence;
use std::sync::OnceLock;

/// A handful of real council areas, close enough together that radii and avoid zones
/// cut across them.
const AREAS: [&str; 8] = [
    "E06000055",
    "E06000056",
    "E06000042",
    "E06000060",
    "E07000099",
    "E06000032",
    "E07000242",
    "W06000015",
];

fn area_table() -> AreaTable {
    let all = AreaTable::builtin();
    AreaTable::new(AREAS.iter().filter_map(|c| all.get(c).cloned()).collect())
}

fn tri() -> impl Strategy<Value = Option<bool>> {
    prop_oneof![Just(None), Just(Some(true)), Just(Some(false))]
}

prop_compose! {
    fn eligibility()(
        genders in subsequence(Gender::ALL.to_vec(), 0..=3),
        trans in tri(), children in tri(),
        min_age in proptest::option::of(14u8..20), max_boy_age in proptest::option::of(10u8..18),
        max_household in proptest::option::of(1u8..6),
        needs in proptest::collection::vec(tri(), Need::ALL.len()),
    ) -> Eligibility {
        let mut e = Eligibility {
            genders: CodeSet::from_bits(genders.iter().map(|g| g.bit())),
            trans_inclusive: trans, children, min_age, max_boy_age, max_household, ..Eligibility::default()
        };
        for (need, v) in Need::ALL.iter().zip(needs) { e.set_need(*need, v); }
        e
    }
}

fn place() -> impl Strategy<Value = Place> {
    let area = proptest::sample::select(AREAS.to_vec()).prop_map(String::from);
    prop_oneof![
        6 => (51.5f64..53.0, -3.5f64..0.5, area.clone()).prop_map(|(lat, lon, area)| Place::Exact {
            // Quantise as the bundle does, so ties in distance really happen.
            point: LatLon::new((lat * 100.0).round() / 100.0, (lon * 100.0).round() / 100.0),
            address: None, postcode: None, area
        }),
        3 => area.prop_map(|area| Place::Area { area }),
        1 => Just(Place::Remote),
    ]
}

/// What the source of a confidential service gave and the service must never show.
const SECRET_ADDRESS: &str = "17 Secret Lane";
const SECRET_POSTCODE: &str = "MK41 9ZZ";

/// A place as a source states it in full: coordinates (on UK land or waters, as the
/// checks require), a street address and a postcode, in one of the council areas.
#[derive(Debug, Clone)]
struct Stated {
    lat: f64,
    lon: f64,
    area: String,
}

fn stated() -> impl Strategy<Value = Stated> {
    static CELLS: OnceLock<UkCells> = OnceLock::new();
    (
        51.5f64..53.0,
        -3.5f64..0.5,
        proptest::sample::select(AREAS.to_vec()),
    )
        .prop_filter("on UK cells", |(lat, lon, _)| {
            CELLS
                .get_or_init(UkCells::builtin)
                .contains(LatLon::new(*lat, *lon))
        })
        .prop_map(|(lat, lon, area)| Stated {
            lat,
            lon,
            area: area.into(),
        })
}

/// Where a service whose source states its place in full is, once checked as `haven build
/// --allow-coarsening` checks it: a refuge (whose address is always confidential) or a
/// service whose source asks for `precision: area`. The checks decide what is kept.
fn coarsened(kind: Kind, stated: &Stated) -> Place {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let pipeline = PIPELINE
        .get_or_init(|| Pipeline::new(Date::from_ymd(2026, 1, 12).unwrap()).allow_coarsening(true));
    let precision = (!kind.always_confidential()).then_some("area");
    let record = serde_json::json!({
        "id": "stated", "name": "Stated in full", "kind": kind.code(), "precision": precision,
        "area": stated.area,
        "location": {"lat": stated.lat, "lon": stated.lon, "address": SECRET_ADDRESS, "postcode": SECRET_POSTCODE},
        "source": {"name": "test", "verified_on": "2026-01-01"},
    });
    let text = serde_json::json!({"format": "haven", "version": 1, "services": [record]});
    let report = pipeline.check(&[Input::text("stated.json", text.to_string())]);
    assert!(!report.has_errors(), "{:#?}", report.problems);
    report.services[0].place.clone()
}

fn coverage() -> impl Strategy<Value = Vec<Coverage>> {
    let one = prop_oneof![
        Just(Coverage::Uk),
        Just(Coverage::Nation(Nation::England)),
        Just(Coverage::Nation(Nation::Wales)),
        proptest::sample::select(AREAS.to_vec()).prop_map(|c| Coverage::Area(c.into())),
    ];
    proptest::collection::vec(one, 0..=2)
}

prop_compose! {
    fn service()(
        id in 0u32..1_000_000, kind in proptest::sample::select(Kind::ALL.to_vec()), place in place(),
        stated in stated(), by_area in proptest::bool::weighted(0.2),
        coverage in coverage(), eligibility in eligibility(),
        communities in subsequence(Community::ALL[..4].to_vec(), 0..=2),
        languages in subsequence(vec!["en", "pl", "ur", "cy"], 0..=3), interpreters in any::<bool>(),
        word in proptest::sample::select(vec!["refuge", "haven", "safe", "support", "women"]),
        general in any::<bool>(), space in proptest::option::of(0u8..14),
    ) -> Service {
        // A refuge is stated by its area, or in full and coarsened; so is any service
        // whose source asks for precision "area". Never an exact place, never remote.
        let place = match place {
            Place::Area { .. } if kind.always_confidential() => place,
            _ if kind.always_confidential() || by_area => coarsened(kind, &stated),
            place => place,
        };
        let mut coverage = coverage;
        if place == Place::Remote && coverage.is_empty() { coverage.push(Coverage::Uk); }
        Service {
            id: format!("s{id}"), name: format!("{word} {id}"), organisation: None, kind,
            description: String::new(), place, coverage, eligibility, communities,
            languages: languages.iter().map(|l| Language::parse(l).unwrap()).collect(), interpreters, general,
            contact: Contact::default(), referral: vec![], hours: None,
            vacancy: space.map(|days| Vacancy { status: VacancyStatus::Available, units_free: Some(1), updated_at: Date::from_ymd(2026, 1, 1 + days).unwrap() }),
            provenance: Provenance { source: "test".into(), url: None, date: None, contract_ends: None, verified_on: Date::from_ymd(2026, 1, 1).unwrap(), example: true },
        }
    }
}

fn directory() -> impl Strategy<Value = Directory> {
    proptest::collection::vec(service(), 0..120).prop_map(|mut services| {
        services.sort_by(|a, b| a.id.cmp(&b.id));
        services.dedup_by(|a, b| a.id == b.id);
        Directory::new(&Bundle {
            areas: area_table(),
            services,
            built_on: Date::from_ymd(2026, 1, 1).unwrap(),
        })
        .unwrap()
    })
}

prop_compose! {
    fn query()(
        lat in 51.5f64..53.0, lon in -3.5f64..0.5,
        radius in proptest::option::of(1.0f64..150.0),
        kinds in subsequence(Kind::ALL.to_vec(), 0..=4),
        avoid in proptest::collection::vec((51.5f64..53.0, -3.5f64..0.5, 1.0f64..40.0), 0..=2),
        adults in proptest::collection::vec((proptest::sample::select(Gender::ALL.to_vec()), any::<bool>(), proptest::option::of(15u8..70)), 0..=2),
        children in proptest::collection::vec((0u8..18, prop_oneof![Just(Sex::Boy), Just(Sex::Girl)]), 0..=3),
        needs in subsequence(Need::ALL.to_vec(), 0..=2),
        languages in subsequence(vec!["en", "pl", "ur"], 0..=2),
        communities in subsequence(Community::ALL[..4].to_vec(), 0..=1),
        text in proptest::option::of(proptest::sample::select(vec!["saf", "women", "ref", "nothing"])),
        limit in proptest::option::of(1usize..25),
        (include_failing, sort, min_distance) in (any::<bool>(), proptest::sample::select(Sort::ALL.to_vec()), proptest::option::of(5.0f64..80.0)),
    ) -> Query {
        let min_distance_km = min_distance.filter(|_| !avoid.is_empty());
        Query {
            near: LatLon::new(lat, lon).into(), radius_km: radius, kinds, min_distance_km, include_failing, sort,
            avoid: avoid.into_iter().map(|(lat, lon, km)| AvoidZone::around(LatLon::new(lat, lon), km)).collect(),
            household: Household {
                adults: adults.into_iter().map(|(gender, trans, age)| Adult { gender, trans, age }).collect(),
                children: children.into_iter().map(|(age, sex)| Child { age, sex }).collect(),
            },
            needs, languages: languages.iter().map(|l| Language::parse(l).unwrap()).collect(),
            communities, text: text.map(String::from), limit, today: Date::from_ymd(2026, 1, 12),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_index_returns_exactly_what_a_scan_of_every_record_returns(dir in directory(), q in query()) {
        let indexed = dir.search(&q).unwrap();
        let scanned = dir.scan(&q).unwrap();
        prop_assert_eq!(indexed, scanned);
    }

    #[test]
    fn results_that_meet_everything_come_first_each_group_nearest_first_within_the_limit(dir in directory(), q in query()) {
        let q = Query { sort: Sort::Distance, include_failing: false, ..q };
        let r = dir.search(&q).unwrap();
        prop_assert!(r.results.len() <= q.effective_limit());
        let near = q.near.point().unwrap();
        let key = |h: &Hit| {
            let km = h.location.map(|p| p.distance_km(&near))
                .or_else(|| h.area_code.as_ref().and_then(|c| dir.areas().get(c)).map(|a| a.point.distance_km(&near)))
                .unwrap_or(0.0);
            (!h.unknown.is_empty(), km)
        };
        let keys: Vec<(bool, f64)> = r.results.iter().map(key).collect();
        prop_assert!(keys.windows(2).all(|w| w[0] <= w[1]), "not in order: {:?}", keys);
        let hidden: Vec<f64> = r.hidden_results.iter().map(|h| key(h).1).collect();
        prop_assert!(hidden.windows(2).all(|w| w[0] <= w[1]), "hidden not nearest first: {:?}", hidden);
        prop_assert!(r.hidden_results.iter().all(|h| h.hidden_by.is_some()));
        let counted: u32 = r.hidden.iter().map(|(_, n)| n).sum();
        prop_assert_eq!(r.hidden_results.len(), (counted as usize).min(q.effective_limit()));
    }

    #[test]
    fn a_confidential_service_never_shows_a_distance_finer_than_its_band(dir in directory(), q in query()) {
        let r = dir.search(&q).unwrap();
        let near = q.near.point().unwrap();
        for hit in r.results.iter().chain(&r.hidden_results) {
            if !(hit.confidential || hit.kind.always_confidential()) {
                continue;
            }
            prop_assert!(hit.confidential, "{}, a {}, is not shown as confidential", hit.id, hit.kind);
            prop_assert_eq!(hit.distance_km, None, "{}", &hit.id);
            prop_assert_eq!(hit.location, None, "{}", &hit.id);
            prop_assert_eq!(&hit.address, &None, "{}", &hit.id);
            prop_assert_eq!(&hit.postcode, &None, "{}", &hit.id);
            // Its band is its council area's: the area point's distance, give or take the
            // metre the tree measures to.
            let area = hit.area_code.as_ref().and_then(|c| dir.areas().get(c));
            prop_assert!(area.is_some(), "{} has no council area", hit.id);
            let km = area.unwrap().point.distance_km(&near);
            let bands = [DistanceBand::of_km((km - 0.01).max(0.0)), DistanceBand::of_km(km + 0.01)];
            prop_assert!(bands.contains(&hit.distance_band), "{}: {:?} at {:.3} km", hit.id, hit.distance_band, km);
            let json = serde_json::to_value(hit).unwrap();
            prop_assert!(json["distance_km"].is_null() && json["location"].is_null(), "{}", json);
            let text = json.to_string();
            prop_assert!(!text.contains(SECRET_ADDRESS) && !text.contains(SECRET_POSTCODE), "{}", text);
        }
    }

    #[test]
    fn every_result_answers_each_criterion_the_household_brings_and_an_answer_agrees_with_its_lists(dir in directory(), q in query()) {
        let r = dir.search(&q).unwrap();
        let first = r.results.iter().chain(&r.hidden_results).next().map(|h| h.criteria.iter().map(|(c, _)| *c).collect::<Vec<_>>());
        for hit in r.results.iter().chain(&r.hidden_results) {
            let codes: Vec<&str> = hit.criteria.iter().map(|(c, _)| *c).collect();
            prop_assert_eq!(Some(&codes), first.as_ref(), "every result has the same criteria");
            for (criterion, answer) in hit.criteria.iter() {
                let matched = hit.matches.iter().any(|m| m.code() == *criterion || (*criterion == "language" && m.code() == "interpreters"));
                if *answer != CriterionAnswer::Meets {
                    prop_assert!(!matched, "{} is {} but listed as a match", criterion, answer);
                }
                if *answer == CriterionAnswer::Fails && hit.fails.is_some() {
                    prop_assert!(hit.fails.as_ref().unwrap().iter().any(|f| f.code() == *criterion));
                }
            }
        }
    }

    #[test]
    fn failing_services_come_only_on_request_after_the_rest_and_never_from_an_avoid_zone(dir in directory(), q in query()) {
        let plain = dir.search(&Query { include_failing: false, ..q.clone() }).unwrap();
        let with = dir.search(&Query { include_failing: true, ..q.clone() }).unwrap();
        prop_assert!(plain.results.iter().all(|h| h.fails.is_none()));
        let passing: Vec<&str> = with.results.iter().take_while(|h| h.fails.as_ref().is_some_and(Vec::is_empty)).map(|h| h.id.as_str()).collect();
        let before: Vec<&str> = plain.results.iter().map(|h| h.id.as_str()).collect();
        prop_assert_eq!(passing, before);
        for hit in &with.results[plain.results.len()..] {
            let fails = hit.fails.as_ref().unwrap();
            prop_assert!(!fails.is_empty());
            prop_assert!(!fails.iter().any(|f| matches!(f, HideReason::Avoid | HideReason::Text)), "{:?}", fails);
        }
        prop_assert_eq!(plain.hidden, with.hidden);
    }

    #[test]
    fn nothing_listed_lies_within_the_minimum_distance_of_any_avoid_zone(dir in directory(), q in query()) {
        let Some(min) = q.min_distance_km else { return Ok(()) };
        let r = dir.search(&q).unwrap();
        for hit in &r.results {
            let at = hit.location.or_else(|| hit.area_code.as_ref().and_then(|c| dir.areas().get(c)).map(|a| a.point));
            for zone in &q.avoid {
                if let (Some(p), Some(c)) = (at, zone.centre.point()) {
                    prop_assert!(p.distance_km(&c) > min.max(zone.km) - 0.01, "{} is {:.1} km from an avoid zone", hit.id, p.distance_km(&c));
                }
            }
        }
    }
}
