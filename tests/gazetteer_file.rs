//! The gazetteer file the page loads: every postcode sector, district and place comes back
//! with its point and council, as the tables under `data/` give them.

mod common;

use common::gaz;
use haven::{Answer, Candidate, Gazetteer, LatLon, Precision};
use std::collections::{BTreeMap, HashSet};

/// The file keeps points in 1/500° steps from 49°N 9°W, rounded to the nearest, and
/// answers round them to 1e-5°: each coordinate comes back within half a step of the table
/// (about 111 m north–south, 70 m east–west at most).
const HALF_STEP: f64 = 1.0 / 1000.0 + 0.5e-5 + 1e-9;

/// A district's point is the postcode-weighted mean of its sectors; the file keeps the
/// weights only in halves of a doubling, which moves districts by up to about 1.1 km
/// (BT51, LE55) from the mean of the exact counts.
const DISTRICT_KM: f64 = 1.5;

fn table(name: &str) -> Vec<csv::StringRecord> {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    csv::Reader::from_path(&path)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect()
}

fn number(r: &csv::StringRecord, i: usize) -> f64 {
    r[i].parse().unwrap()
}

fn within_half_a_step(c: &Candidate, lat: f64, lon: f64) -> bool {
    (c.lat - lat).abs() <= HALF_STEP && (c.lon - lon).abs() <= HALF_STEP
}

/// Every candidate of an answer, best first (an unambiguous answer lists none).
fn all(a: &Answer) -> Vec<Candidate> {
    if a.candidates.is_empty() {
        vec![a.best.clone()]
    } else {
        a.candidates.clone()
    }
}

fn decoded() -> Gazetteer {
    Gazetteer::decode(&gaz().encode().unwrap()).unwrap()
}

#[test]
fn every_postcode_sector_comes_back_from_the_file_with_its_point_and_council() {
    let decoded = decoded();
    let rows = table("sectors.csv");
    assert_eq!(decoded.counts().0, rows.len());
    for r in &rows {
        let key = &r[0];
        let a = decoded.geocode(key).unwrap_or_else(|| panic!("{key} lost"));
        assert_eq!(
            Some(&a),
            gaz().geocode(key).as_ref(),
            "{key}: a second trip changes it"
        );
        assert_eq!(
            (a.precision, a.area_code.as_str()),
            (Precision::Sector, &r[3]),
            "{key}"
        );
        assert!(
            a.label.starts_with(&format!("{key}, ")),
            "{key}: {}",
            a.label
        );
        assert!(
            within_half_a_step(&a.best, number(r, 1), number(r, 2)),
            "{key}: {a:?} against {},{}",
            &r[1],
            &r[2]
        );
    }
}

#[test]
fn every_postcode_district_comes_back_from_the_file_with_its_point_and_council() {
    let decoded = decoded();
    // Per district: postcode-weighted sums, postcodes per council, and its sectors' extent.
    #[derive(Default)]
    struct District {
        lat: f64,
        lon: f64,
        postcodes: f64,
        by_area: BTreeMap<String, f64>,
        south: f64,
        north: f64,
        west: f64,
        east: f64,
    }
    let mut districts: BTreeMap<String, District> = BTreeMap::new();
    for r in table("sectors.csv") {
        let (lat, lon, w) = (number(&r, 1), number(&r, 2), number(&r, 4).max(1.0));
        let d = districts
            .entry(r[0][..r[0].len() - 2].to_string())
            .or_insert(District {
                south: 90.0,
                north: -90.0,
                west: 180.0,
                east: -180.0,
                ..District::default()
            });
        d.lat += lat * w;
        d.lon += lon * w;
        d.postcodes += w;
        *d.by_area.entry(r[3].to_string()).or_default() += w;
        (d.south, d.north) = (d.south.min(lat), d.north.max(lat));
        (d.west, d.east) = (d.west.min(lon), d.east.max(lon));
    }
    assert_eq!(decoded.counts().1, districts.len());
    for (key, d) in &districts {
        let a = decoded.geocode(key).unwrap_or_else(|| panic!("{key} lost"));
        assert_eq!(
            Some(&a),
            gaz().geocode(key).as_ref(),
            "{key}: a second trip changes it"
        );
        assert_eq!(a.precision, Precision::District, "{key}");
        let (major, share) = d.by_area.iter().max_by(|x, y| x.1.total_cmp(y.1)).unwrap();
        if share / d.postcodes > 0.6 {
            assert_eq!(
                &a.area_code, major,
                "{key}: most of its postcodes are in {major}"
            );
        } else {
            assert!(
                d.by_area.contains_key(&a.area_code),
                "{key}: {}",
                a.area_code
            );
        }
        let mean = LatLon::new(d.lat / d.postcodes, d.lon / d.postcodes);
        assert!(
            a.point().distance_km(&mean) < DISTRICT_KM,
            "{key}: {a:?} is {:.2} km from its sectors' mean",
            a.point().distance_km(&mean)
        );
        assert!(
            (d.south - HALF_STEP..=d.north + HALF_STEP).contains(&a.lat)
                && (d.west - HALF_STEP..=d.east + HALF_STEP).contains(&a.lon),
            "{key}: {a:?} lies outside its sectors"
        );
    }
}

#[test]
fn every_place_comes_back_from_the_file_with_its_point_and_council_most_populous_first() {
    let decoded = decoded();
    let rows = table("places.csv");
    assert_eq!(decoded.counts().2, rows.len());
    let mut seen = HashSet::new();
    let mut names: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    names.dedup();
    for name in names {
        // Asked for as written, commas and all ("Armagh City, Banbridge and Craigavon",
        // "Basford, Stoke-on-Trent"): a name with a comma is found whole before the text
        // is read as "place, council".
        let query = name.to_string();
        let a = decoded
            .geocode(&query)
            .unwrap_or_else(|| panic!("{name} lost"));
        assert_eq!(
            Some(&a),
            gaz().geocode(&query).as_ref(),
            "{name}: a second trip changes it"
        );
        // Each candidate is one row of the table, named as it is, in its council, at its
        // point; and they come most populous first.
        let mut populations = Vec::new();
        for c in all(&a) {
            assert_eq!(c.precision, Precision::Place, "{name}");
            let row = rows
                .iter()
                .find(|r| {
                    r[3] == c.area_code
                        && (c.label == r[0] || c.label.starts_with(&format!("{}, ", &r[0])))
                        && within_half_a_step(&c, number(r, 1), number(r, 2))
                })
                .unwrap_or_else(|| panic!("{name}: {c:?} is no row of places.csv"));
            populations.push(number(row, 4));
            seen.insert((row[0].to_string(), row[3].to_string()));
        }
        assert!(
            populations.windows(2).all(|w| w[0] >= w[1]),
            "{name}: not most populous first: {populations:?}"
        );
    }
    for r in &rows {
        assert!(
            seen.contains(&(r[0].to_string(), r[3].to_string())),
            "{} in {} is not found by its name",
            &r[0],
            &r[3]
        );
    }
}
