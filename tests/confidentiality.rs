//! A refuge's location, proven not to leak: the same directory built twice with the
//! refuge's true point moved within its council area gives byte-identical files, and an
//! attacker searching from hundreds of points all around it learns nothing the area's
//! published point does not already say.

mod common;

use haven::{add_seal, Date, Directory, Input, LatLon, Pipeline, Query, SecretKey};
use serde_json::Value;

const REFUGE: &str = "bedford-refuge-stonewater";

/// The starter directory with the Bedford refuge given a true point, street address and
/// postcode (as a provider's feed would), built with --allow-coarsening, sealed and
/// signed as `make build` does.
fn built_with_refuge_at(lat: f64, lon: f64, address: &str, postcode: &str) -> Vec<u8> {
    let mut directory: Value =
        serde_json::from_str(include_str!("../data/directory.json")).unwrap();
    let services = directory["services"].as_array_mut().unwrap();
    let refuge = services.iter_mut().find(|s| s["id"] == REFUGE).unwrap();
    refuge["location"] = serde_json::json!({
        "lat": lat, "lon": lon, "address": address, "postcode": postcode,
    });
    let today = Date::parse("2026-12-01").unwrap();
    let pipeline = Pipeline::new(today).allow_coarsening(true);
    let text = directory.to_string();
    let report = pipeline.check(&[Input::text("data/directory.json", &text)]);
    let bundle = pipeline
        .bundle(report)
        .unwrap_or_else(|r| panic!("{:#?}", r.problems));
    let sealed = add_seal(
        &bundle.encode().unwrap(),
        today,
        Date::parse("2027-03-01").unwrap(),
    )
    .unwrap();
    let secret: String = (0..32).map(|i| format!("{:02x}", i + 7)).collect();
    SecretKey::parse(
        &format!("name = \"test\"\nsecret = \"{secret}\"\n"),
        "test.key",
    )
    .unwrap()
    .sign(&sealed)
    .unwrap()
}

/// Two true points for the refuge, 6 km apart, both in Bedford borough.
fn two_builds() -> (Vec<u8>, Vec<u8>) {
    (
        built_with_refuge_at(52.1366, -0.4672, "12 Secret Road, Bedford", "MK40 2PX"),
        built_with_refuge_at(52.1702, -0.5301, "7 Hidden Close, Bromham", "MK43 8LL"),
    )
}

#[test]
fn moving_a_confidential_refuge_within_its_council_area_changes_no_byte_of_the_bundle() {
    let (a, b) = two_builds();
    assert_eq!(a.len(), b.len());
    assert!(
        a == b,
        "the two bundles differ: the refuge's true point leaks"
    );
}

#[test]
fn the_bundle_holds_the_refuges_point_postcode_and_street_in_no_encoding() {
    let (bytes, _) = two_builds();
    let (lat, lon) = (52.1366f64, -0.4672f64);
    let mut canaries: Vec<(String, Vec<u8>)> = vec![
        ("f64 lat".into(), lat.to_le_bytes().to_vec()),
        ("f64 lon".into(), lon.to_le_bytes().to_vec()),
        ("f32 lat".into(), (lat as f32).to_le_bytes().to_vec()),
        ("f32 lon".into(), (lon as f32).to_le_bytes().to_vec()),
    ];
    // Quantised steps as the bundle stores exact points (1e-5° from 49°N, 9°W), and the
    // gazetteer's 1/500°.
    for per_degree in [1e5, 500.0] {
        let steps = (
            ((lat - 49.0) * per_degree).round() as i32,
            ((lon + 9.0) * per_degree).round() as i32,
        );
        canaries.push((
            format!("lat steps {per_degree}"),
            steps.0.to_le_bytes().to_vec(),
        ));
        canaries.push((
            format!("lon steps {per_degree}"),
            steps.1.to_le_bytes().to_vec(),
        ));
    }
    for text in [
        "52.1366",
        "-0.4672",
        "52.137",
        "MK40 2PX",
        "MK402PX",
        "Secret Road",
        "Hidden Close",
        "MK43 8LL",
    ] {
        canaries.push((text.into(), text.as_bytes().to_vec()));
    }
    for (what, needle) in canaries {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_slice()),
            "the bundle holds the refuge's {what}"
        );
    }
}

#[test]
fn hundreds_of_searches_all_around_a_refuge_learn_nothing_finer_than_its_council_area() {
    let (a, b) = two_builds();
    let (da, db) = (
        Directory::from_bytes(&a).unwrap(),
        Directory::from_bytes(&b).unwrap(),
    );
    let area_point = {
        let answer = haven::council_by_code(da.areas(), "E06000055").unwrap();
        LatLon::new(answer.lat, answer.lon)
    };
    let mut searches = 0;
    let mut bands = std::collections::BTreeSet::new();
    for ring_km in [
        0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0, 30.0, 50.0, 70.0, 100.0,
    ] {
        for step in 0..36 {
            let bearing = f64::from(step) * 10f64.to_radians();
            // About 111 km per degree of latitude, less of longitude by cos(lat).
            let origin = LatLon::new(
                area_point.lat + ring_km / 111.0 * bearing.cos(),
                area_point.lon
                    + ring_km / (111.0 * area_point.lat.to_radians().cos()) * bearing.sin(),
            );
            let mut query = Query::near(origin);
            query.limit = Some(1000);
            query.radius_km = Some(200.0);
            query.today = Some(Date::parse("2026-12-02").unwrap());
            let (ra, rb) = (da.search(&query).unwrap(), db.search(&query).unwrap());
            // Everything an attacker sees: every result, in order, every band, every
            // hidden count.
            assert_eq!(
                serde_json::to_value(&ra).unwrap(),
                serde_json::to_value(&rb).unwrap(),
                "the answers differ from {origin:?}: the true point leaks"
            );
            let hit = ra.results.iter().find(|h| h.id == REFUGE).unwrap();
            assert_eq!(hit.distance_km, None);
            assert_eq!(hit.location, None);
            // The band is the band of the area's published point, so it says nothing the
            // area does not.
            let expected = haven::DistanceBand::of_km(origin.distance_km(&area_point));
            assert_eq!(hit.distance_band, expected, "from {origin:?}");
            bands.insert(format!("{:?}", hit.distance_band));
            searches += 1;
        }
    }
    assert!(searches >= 400, "{searches} searches");
    assert!(bands.len() >= 3, "the rings cross the bands: {bands:?}");
}
