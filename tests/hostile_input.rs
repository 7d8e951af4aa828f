//! Hostile and mistaken input answered with an error naming what is wrong, never with a
//! silently wrong answer: points outside the UK, Crown dependencies, districts that do
//! not exist, sizes past the stated limits, and damaged files that still checksum.

mod common;

use haven::limits::{MAX_AVOID_ZONES, MAX_HOUSEHOLD};
use haven::{Adult, AvoidZone, Directory, Gender, LatLon, Query};

fn refusal(query: &Query) -> String {
    common::starter().search(query).unwrap_err().to_string()
}

#[test]
fn a_point_outside_the_uk_and_its_waters_is_refused_not_answered_with_the_nearest_service() {
    for (lat, lon) in [(90.0, 0.0), (48.857, 2.352), (0.0, 0.0), (53.349, -6.260)] {
        let message = refusal(&Query::near(LatLon::new(lat, lon)));
        assert!(
            message.starts_with("query.near: expected a point in the UK or its waters"),
            "{lat},{lon}: {message}"
        );
    }
}

#[test]
fn swapped_coordinates_are_refused_with_a_hint() {
    let message = refusal(&Query::near(LatLon::new(-0.467, 52.136)));
    assert!(
        message.ends_with("(are lat and lon swapped? 52.136,-0.467 is in the UK)"),
        "{message}"
    );
}

#[test]
fn the_crown_dependencies_are_said_to_be_outside_havens_coverage() {
    for (lat, lon, name) in [
        (54.150, -4.482, "Isle of Man"),
        (49.186, -2.106, "Jersey"),
        (49.455, -2.536, "Bailiwick of Guernsey"),
    ] {
        let message = refusal(&Query::near(LatLon::new(lat, lon)));
        assert!(
            message.contains(&format!("is in {name}, which Haven does not cover")),
            "{message}"
        );
    }
}

#[test]
fn a_point_at_sea_off_the_coast_is_still_searched() {
    let near_hastings = Query::near(LatLon::new(50.7, 0.6));
    assert!(common::starter().search(&near_hastings).is_ok());
}

#[test]
fn a_postcode_district_that_does_not_exist_matches_nothing_rather_than_a_shorter_one() {
    assert!(common::gaz().geocode("MK99").is_none());
    assert_eq!(common::at("MK9").label.split(',').next(), Some("MK9"));
}

#[test]
fn a_tab_between_the_parts_of_a_postcode_is_a_space() {
    assert_eq!(
        common::at("MK40\t1AA").area_code,
        common::at("MK40 1AA").area_code
    );
}

#[test]
fn more_places_to_avoid_than_the_limit_are_refused_before_any_search() {
    let mut query = Query::near(LatLon::new(52.136, -0.467));
    query.avoid = vec![AvoidZone::around(LatLon::new(52.0, -0.4), 5.0); 100_000];
    let started = std::time::Instant::now();
    let message = refusal(&query);
    assert_eq!(
        message,
        format!("query.avoid: expected at most {MAX_AVOID_ZONES} places to avoid, found 100000")
    );
    // Refused at once, not after 100 000 distance checks (a generous bound: not a timing
    // test of the search, only that it did not run).
    assert!(started.elapsed().as_secs() < 2);
}

#[test]
fn a_household_larger_than_the_limit_is_refused_naming_the_field() {
    let mut query = Query::near(LatLon::new(52.136, -0.467));
    query.household.adults = vec![
        Adult {
            gender: Gender::Woman,
            trans: false,
            age: None
        };
        MAX_HOUSEHOLD + 1
    ];
    assert_eq!(
        refusal(&query),
        format!("query.household: expected at most {MAX_HOUSEHOLD} people, found 21")
    );
}

/// The starter bundle's payload replaced by `payload`, with the header's length and
/// checksum made to match, as someone altering the file would.
fn with_payload(payload: &[u8]) -> Vec<u8> {
    let mut bytes = common::starter_bytes()[..20].to_vec();
    bytes[12..16].copy_from_slice(&(payload.len() as u32).to_le_bytes());
    bytes[16..20].copy_from_slice(&xxhash_rust::xxh32::xxh32(payload, 0).to_le_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

#[test]
fn a_bundle_with_junk_inside_its_payload_and_a_recomputed_checksum_is_refused() {
    let original = common::starter_bytes();
    let mut payload = original[20..].to_vec();
    payload.extend_from_slice(b"junk appended by someone");
    let message = Directory::from_bytes(&with_payload(&payload))
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "directory bundle data is malformed: 24 bytes follow the end of its data"
    );
}

#[test]
fn a_bundle_whose_payload_is_all_zeros_is_refused() {
    for len in [1, 16, 4096] {
        let message = Directory::from_bytes(&with_payload(&vec![0; len]))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            [
                "before Haven existed",
                "follow the end",
                "ends in the middle"
            ]
            .iter()
            .any(|w| message.contains(w)),
            "{len} zeros: {message:?}"
        );
    }
}

#[test]
fn a_count_that_claims_more_than_the_file_holds_is_refused_in_words() {
    // The area count (the payload's first varint) claiming 2^28 areas.
    let original = common::starter_bytes();
    let mut payload = vec![0x80, 0x80, 0x80, 0x80, 0x01];
    payload.extend_from_slice(&original[21..]);
    let message = Directory::from_bytes(&with_payload(&payload))
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("directory bundle data is malformed: "),
        "{message}"
    );
    assert!(!message.contains("Serde"), "{message}");
}
