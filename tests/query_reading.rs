//! Reading a query from JSON (as from a JavaScript object): every field, the CLI's short
//! forms for the same fields, and a mistake named by its field.

use haven::{
    Adult, AvoidZone, Child, Community, Gender, Household, Kind, Language, LatLon, Location, Need,
    Query, QueryError, Sex,
};
use serde_json::json;

fn read(v: serde_json::Value) -> Result<Query, QueryError> {
    let q = Query::from_json(&v.to_string())?;
    q.check()?;
    Ok(q)
}

#[test]
fn a_full_query_reads_every_field() {
    let v = json!({
        "near": {"lat": 52.13, "lon": -0.46}, "radius_km": 30, "kinds": ["refuge", "dispersed"],
        "avoid": [{"lat": 52.0, "lon": -0.5, "km": 10}, {"place": "Luton", "km": 5}],
        "household": {"adults": [{"gender": "woman", "trans": true, "age": 34}], "children": [{"age": 13, "sex": "boy"}]},
        "needs": ["wheelchair"], "languages": ["pl"], "communities": ["south_asian"], "text": "aid", "limit": 5
    });
    let q = read(v).unwrap();
    let expected = Query {
        radius_km: Some(30.0),
        kinds: vec![Kind::Refuge, Kind::Dispersed],
        avoid: vec![
            AvoidZone::around(LatLon::new(52.0, -0.5), 10.0),
            AvoidZone::around(Location::Named("Luton".into()), 5.0),
        ],
        household: Household {
            adults: vec![Adult {
                gender: Gender::Woman,
                trans: true,
                age: Some(34),
            }],
            children: vec![Child {
                age: 13,
                sex: Sex::Boy,
            }],
        },
        needs: vec![Need::Wheelchair],
        languages: vec![Language::parse("pl").unwrap()],
        communities: vec![Community::SouthAsian],
        text: Some("aid".into()),
        limit: Some(5),
        ..Query::near(LatLon::new(52.13, -0.46))
    };
    assert_eq!(q, expected);
}

#[test]
fn the_cli_short_forms_read_as_the_same_query_fields() {
    assert_eq!(
        "woman:trans:34".parse::<Adult>(),
        Ok(Adult {
            gender: Gender::Woman,
            trans: true,
            age: Some(34)
        })
    );
    assert_eq!(
        "Luton:15".parse::<AvoidZone>(),
        Ok(AvoidZone::around(Location::Named("Luton".into()), 15.0))
    );
    assert_eq!(
        "52.17,-0.43:10".parse::<AvoidZone>(),
        Ok(AvoidZone::around(LatLon::new(52.17, -0.43), 10.0))
    );
    assert!("7:puppy"
        .parse::<Child>()
        .unwrap_err()
        .contains("unknown child sex \"puppy\""));
}

#[test]
fn a_bad_field_is_named_in_the_error() {
    let cases = [
        (json!({}), "query.near: required"),
        (
            json!({"near": {"lat": "x", "lon": 1}}),
            "query.near.lat: expected a number, found the text \"x\"",
        ),
        (
            json!({"near": {"lat": 52, "lon": 0}, "kinds": ["refuge", "castle"]}),
            "query.kinds[1]: unknown kind \"castle\"",
        ),
        (
            json!({"near": {"lat": 52, "lon": 0}, "radius": 5}),
            "query.radius: unknown field; expected one of near, radius_km",
        ),
        (
            json!({"near": {"lat": 52, "lon": 0}, "household": {"children": [{"age": 4.5, "sex": "boy"}]}}),
            "query.household.children[0].age: expected a whole number from 0 to 25, found 4.5",
        ),
        (
            json!({"near": {"lat": 52, "lon": 0}, "avoid": [{"lat": 52, "lon": 0, "km": -1}]}),
            "query.avoid[0].km: expected a distance above 0",
        ),
        (
            json!({"near": {"lat": 52, "lon": 0}, "limit": 0}),
            "query.limit: expected 1 to 1000, found 0",
        ),
        (json!([1, 2]), "query: expected an object"),
        (json!("Bedford"), "query: expected an object"),
    ];
    for (v, want) in cases {
        let got = read(v.clone()).unwrap_err().to_string();
        assert!(got.starts_with(want), "{v}: got {got:?}, want {want:?}");
    }
}

#[test]
fn a_professionals_query_reads_its_order_failing_services_and_minimum_distance() {
    let q = read(json!({
        "avoid": [{"place": "Bedford", "km": 8}], "min_distance_km": 80,
        "include_failing": true, "sort": "vacancy"
    }))
    .unwrap();
    assert_eq!(
        q.near,
        Location::Named("Bedford".into()),
        "from the first zone"
    );
    assert_eq!(q.min_distance_km, Some(80.0));
    assert!(q.include_failing);
    assert_eq!(q.sort, haven::Sort::Vacancy);
    let err = read(json!({"near": "Bedford", "sort": "nearest"})).unwrap_err();
    assert_eq!(
        err.to_string(),
        "query.sort: unknown sort \"nearest\"; expected one of distance, vacancy, criteria"
    );
    let err = read(json!({"near": "Bedford", "include_failing": "yes"})).unwrap_err();
    assert!(err
        .to_string()
        .starts_with("query.include_failing: expected true or false"));
}
