//! Every public function of the engine, fed NaN, infinities, out-of-range, antipodal and
//! absurdly large values: it answers with an error naming the field, or with a finite,
//! sensible answer, and never panics, hangs or puts NaN in what it returns.

mod common;

use haven::limits::{MAX_HOUSEHOLD, MAX_SUGGESTIONS};
use haven::{
    council_by_code, show_number, Adult, AvoidZone, Child, Date, Directory, DistanceBand, Gender,
    LatLon, Location, Query, Response, Sex, Sort, UkCells,
};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Numbers as hostile callers send them: the non-finite, the extremes, the edges of
/// the globe and of the UK, and anything at all.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::sample::select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            -0.0,
            1e300,
            -1e300,
            90.0,
            -90.0,
            180.0,
            -180.0,
            90.000001,
            180.000001,
        ]),
        -1000.0..1000.0f64,
        any::<f64>(),
    ]
}

/// Points: hostile pairs, points in and around the UK, and the UK's antipodes.
fn point() -> impl Strategy<Value = LatLon> {
    prop_oneof![
        (number(), number()).prop_map(|(lat, lon)| LatLon::new(lat, lon)),
        (49.0..61.0f64, -9.0..2.0f64).prop_map(|(lat, lon)| LatLon::new(lat, lon)),
        (49.0..61.0f64, -9.0..2.0f64).prop_map(|(lat, lon)| LatLon::new(-lat, lon + 180.0)),
    ]
}

fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        prop::sample::select(vec![0, 1, usize::MAX, usize::MAX / 2, u32::MAX as usize]),
        0..100_000usize,
    ]
}

fn starter() -> &'static Directory {
    static D: OnceLock<Directory> = OnceLock::new();
    D.get_or_init(|| {
        let mut dir = common::starter();
        dir.set_gazetteer(common::gaz().clone());
        dir
    })
}

fn finite(p: LatLon) -> bool {
    p.lat.is_finite() && p.lon.is_finite()
}

/// What any answer to `query` must be: finite, in order, within what was asked.
fn assert_sensible(response: &Response, query: &Query) {
    assert!(finite(response.origin), "origin {:?}", response.origin);
    assert!(response.results.len() <= query.effective_limit());
    let mut last = 0.0;
    for hit in response.results.iter().chain(&response.hidden_results) {
        if let Some(km) = hit.distance_km {
            assert!(km.is_finite() && km >= 0.0, "{}: {km} km", hit.id);
            assert!(
                km <= 20_040.0,
                "{}: {km} km is further than anywhere",
                hit.id
            );
        }
        assert!(hit.location.is_none_or(finite), "{}", hit.id);
    }
    if query.sort == Sort::Distance {
        for hit in &response.results {
            if let Some(km) = hit.distance_km {
                assert!(km + 1e-9 >= last, "results out of order: {km} after {last}");
                last = km;
            }
        }
    }
    if let Some(radius) = query.radius_km {
        for hit in &response.results {
            if let Some(km) = hit.distance_km {
                assert!(
                    km <= radius + 1e-6,
                    "{} at {km} km, radius {radius}",
                    hit.id
                );
            }
        }
    }
}

fn assert_refusal_names_a_field(message: &str) {
    assert!(message.starts_with("query."), "{message}");
    // NaN may appear only as what was found.
    assert!(
        !message.contains("NaN") || message.contains("found"),
        "{message}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn distances_between_valid_points_are_finite_and_at_most_half_the_globe(a in point(), b in point()) {
        let km = a.distance_km(&b);
        if a.is_valid() && b.is_valid() {
            prop_assert!(km.is_finite() && (0.0..=20_040.0).contains(&km), "{a:?} {b:?}: {km}");
        }
        let [x, y, z] = a.to_unit_vector();
        if a.is_valid() {
            prop_assert!(((x * x + y * y + z * z) - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn a_point_as_text_is_read_only_when_it_is_on_the_globe(a in point()) {
        let text = format!("{},{}", a.lat, a.lon);
        match LatLon::parse(&text) {
            Ok(p) => prop_assert!(p.is_valid() && p == a, "{text} read as {p:?}"),
            Err(message) => {
                prop_assert!(!a.is_valid(), "{text}: {message}");
                prop_assert!(message.contains("expected"), "{message}");
            }
        }
        match text.parse::<Location>() {
            Ok(Location::Point(p)) => prop_assert!(p.is_valid()),
            Ok(Location::Named(name)) => prop_assert!(false, "{text} taken as a place {name:?}"),
            Err(message) => prop_assert!(message.contains("expected"), "{message}"),
        }
    }

    #[test]
    fn a_search_from_any_point_is_refused_naming_the_field_or_answered_sensibly(
        near in point(),
        radius in proptest::option::of(number()),
        min_distance in proptest::option::of(number()),
        avoid in proptest::collection::vec((point(), number()), 0..4),
        limit in proptest::option::of(size()),
        sort in prop::sample::select(vec![Sort::Distance, Sort::Vacancy, Sort::Criteria]),
    ) {
        let mut query = Query::near(near);
        query.radius_km = radius;
        query.min_distance_km = min_distance;
        query.avoid = avoid.into_iter().map(|(p, km)| AvoidZone::around(p, km)).collect();
        query.limit = limit;
        query.sort = sort;
        let indexed = starter().search(&query);
        prop_assert_eq!(&indexed, &starter().scan(&query), "the index and a scan disagree");
        match indexed {
            Ok(response) => assert_sensible(&response, &query),
            Err(e) => assert_refusal_names_a_field(&e.to_string()),
        }
    }

    #[test]
    fn any_household_is_refused_naming_the_field_or_searched(
        adults in proptest::collection::vec((any::<bool>(), proptest::option::of(any::<u8>())), 0..30),
        children in proptest::collection::vec(any::<u8>(), 0..30),
    ) {
        let mut query = Query::near(LatLon::new(52.136, -0.467));
        query.household.adults = adults
            .iter()
            .map(|&(trans, age)| Adult { gender: Gender::Woman, trans, age })
            .collect();
        query.household.children = children.iter().map(|&age| Child { age, sex: Sex::Boy }).collect();
        let people = adults.len() + children.len();
        match starter().search(&query) {
            Ok(response) => {
                prop_assert!(people <= MAX_HOUSEHOLD);
                assert_sensible(&response, &query);
            }
            Err(e) => assert_refusal_names_a_field(&e.to_string()),
        }
    }

    #[test]
    fn any_text_a_survivor_types_gives_points_in_the_uk_and_no_more_suggestions_than_allowed(
        text in prop_oneof![".{0,40}", "[A-Za-z0-9 ,'-]{0,12}", "[A-Z]{1,2}[0-9]{1,2} ?[0-9]?[A-Z]{0,2}"],
        limit in size(),
    ) {
        let gaz = common::gaz();
        let cells = UkCells::builtin();
        let answers = gaz.geocode(&text).into_iter()
            .chain(gaz.suggest(&text, limit))
            .chain(gaz.did_you_mean(&text, limit))
            .chain(council_by_code(starter().areas(), &text));
        for answer in answers {
            for c in std::iter::once(&answer.best).chain(&answer.candidates) {
                let p = LatLon::new(c.lat, c.lon);
                prop_assert!(finite(p) && cells.contains(p), "{text:?}: {c:?}");
            }
        }
        prop_assert!(gaz.suggest(&text, limit).len() <= limit.min(MAX_SUGGESTIONS));
        prop_assert!(gaz.did_you_mean(&text, limit).len() <= limit.min(MAX_SUGGESTIONS));
    }

    #[test]
    fn any_point_is_in_one_council_area_or_none(p in point()) {
        let gaz = common::gaz();
        if let Some((code, name)) = gaz.area_of(p) {
            prop_assert!(!code.is_empty() && !name.is_empty());
        }
        let _ = UkCells::builtin().contains(p);
        let _ = UkCells::cell_of(p);
    }

    #[test]
    fn any_distance_has_a_band_and_any_number_a_printable_form(x in number()) {
        let _ = DistanceBand::of_km(x);
        let shown = show_number(x);
        prop_assert!(!shown.is_empty() && shown.len() <= 24, "{x}: {shown}");
        if x.is_finite() && x.abs() < 1e15 {
            let back: f64 = shown.parse().unwrap();
            // Millionths below a million million, whole numbers above.
            let tolerance = if x.abs() >= 1e12 { 0.5 } else { 5e-7 };
            prop_assert!((back - x).abs() <= tolerance, "{x} shown as {shown}");
        }
    }

    #[test]
    fn any_day_number_or_date_text_gives_a_date_or_an_error(days in any::<i32>(), years in any::<i32>(), text in ".{0,30}") {
        if let Some(date) = Date::from_days(days) {
            prop_assert_eq!(date.to_days(), days);
            let _ = date.plus_years(years);
            let _ = date.days_until(date.plus_years(years));
        }
        if let Ok(date) = Date::parse(&text) {
            prop_assert_eq!(Date::parse(&date.to_string()), Ok(date));
        }
        let _ = Date::parse_period(&text);
    }

    #[test]
    fn any_text_for_a_place_to_avoid_or_a_person_is_read_or_refused_in_words(text in ".{0,40}") {
        for message in [
            text.parse::<AvoidZone>().err(),
            text.parse::<Adult>().err(),
            text.parse::<Child>().err(),
        ].into_iter().flatten() {
            prop_assert!(message.contains("expected"), "{text:?}: {message}");
        }
    }
}

#[test]
fn the_antipodes_of_the_uk_are_refused_not_answered_with_a_service_half_the_world_away() {
    let message = starter()
        .search(&Query::near(LatLon::new(-52.136, 179.533)))
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("query.near: expected a point in the UK"),
        "{message}"
    );
}

#[test]
fn a_limit_of_usize_max_is_refused_or_capped_never_allocated() {
    let mut query = Query::near(LatLon::new(52.136, -0.467));
    query.limit = Some(usize::MAX);
    match starter().search(&query) {
        Ok(response) => assert!(response.results.len() <= starter().len()),
        Err(e) => assert!(e.to_string().starts_with("query.limit"), "{e}"),
    }
}
