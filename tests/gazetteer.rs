//! The offline gazetteer: postcodes and places to a location and council area.

mod common;

use common::{at, gaz};
use haven::LatLon;
use haven::{Gazetteer, Precision};

#[test]
fn a_sector_a_full_postcode_and_a_district_resolve_in_any_case_and_spacing() {
    for text in ["MK40 1", "mk40 1", "MK401AA", "mk40 1aa", "  MK40  1AA "] {
        let a = at(text);
        assert_eq!(
            (
                a.label.as_str(),
                a.precision,
                a.area_code.as_str(),
                a.area_name.as_str()
            ),
            ("MK40 1, Bedford", Precision::Sector, "E06000055", "Bedford"),
            "{text}"
        );
    }
    let d = at("MK40");
    assert_eq!(
        (d.precision, d.area_code.as_str()),
        (Precision::District, "E06000055")
    );
    assert!(d.point().distance_km(&LatLon::new(52.136, -0.467)) < 3.0);
    // A sector that does not exist still places the district.
    assert_eq!(at("MK40 7ZZ").precision, Precision::District);
}

#[test]
fn northern_ireland_postcodes_resolve_on_the_irish_grid() {
    let belfast = at("BT1 5GS");
    assert_eq!(
        (belfast.area_code.as_str(), belfast.area_name.as_str()),
        ("N09000003", "Belfast")
    );
    assert!(
        belfast.point().distance_km(&LatLon::new(54.5964, -5.9301)) < 1.0,
        "BT1 5 is by Belfast City Hall: {belfast:?}"
    );
    assert_eq!(at("BT74").area_name, "Fermanagh and Omagh");
}

#[test]
fn welsh_and_scottish_places_resolve_with_accents_and_welsh_names() {
    let cases = [
        ("Ynys Môn", "W06000001"),
        ("ynys mon", "W06000001"),
        ("Caerdydd", "W06000015"),
        ("Aberystwyth", "W06000008"),
        ("Inverness", "S12000017"),
        ("Kirkwall", "S12000023"),
        ("King's Lynn", "E07000146"),
        ("kings lynn", "E07000146"),
        ("Herefordshire", "E06000019"),
        ("Weston-super-Mare", "E06000024"),
        ("Bexleyheath", "E09000004"),
    ];
    for (text, code) in cases {
        assert_eq!(at(text).area_code, code, "{text}");
    }
}

#[test]
fn an_ambiguous_name_lists_every_candidate_most_populous_first() {
    let a = at("Newport");
    // Every Newport in data/places.csv, by population: 306 844, 24 884, 12 741, 2 352,
    // 1 580 and 851.
    let expected = [
        ("Newport", "W06000022", 51.58774, -2.99835),
        ("Newport, Isle of Wight", "E06000046", 50.70146, -1.29124),
        (
            "Newport, Telford and Wrekin",
            "E06000020",
            52.76684,
            -2.37734,
        ),
        ("Newport, Uttlesford", "E07000077", 51.98425, 0.21355),
        (
            "Newport, East Riding of Yorkshire",
            "E06000011",
            53.76333,
            -0.69986,
        ),
        ("Newport, Pembrokeshire", "W06000009", 52.01667, -4.83333),
    ];
    let got: Vec<(&str, &str)> = a
        .candidates
        .iter()
        .map(|c| (c.label.as_str(), c.area_code.as_str()))
        .collect();
    let want: Vec<(&str, &str)> = expected.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(got, want, "every Newport, most populous first");
    for (c, (label, _, lat, lon)) in a.candidates.iter().zip(expected) {
        assert!(
            c.point().distance_km(&LatLon::new(lat, lon)) < 0.2,
            "{label}: {c:?}"
        );
    }
    assert_eq!(a.best, a.candidates[0], "the best is the most populous");
    assert_eq!(at("Newport, Isle of Wight").area_code, "E06000046");
    // Two of the same size: the larger still comes first (8 413 against 8 360).
    let richmond = at("Richmond");
    let richmond: Vec<&str> = richmond
        .candidates
        .iter()
        .map(|c| c.area_code.as_str())
        .collect();
    assert_eq!(richmond, ["E06000065", "E09000027"]);
}

#[test]
fn garbage_gives_no_match_and_never_panics() {
    let long = "x".repeat(10_000);
    let cases = [
        "",
        "   ",
        "🙂",
        "🙂🙂🙂 MK40",
        &long,
        "DROP TABLE",
        "\0\u{1}",
        "ÅÄÖ",
        ",,,",
        "12345",
        "MK40 1AAAAA",
        "Q1 1AA",
    ];
    for text in cases {
        assert!(
            gaz().geocode(text).is_none(),
            "{:?} matched",
            text.chars().take(20).collect::<String>()
        );
        let _ = gaz().suggest(text, 10);
    }
    assert!(gaz().suggest("", 10).is_empty());
    assert!(gaz().suggest("ayl", 0).is_empty());
}

#[test]
fn suggestions_complete_places_and_postcodes() {
    let places: Vec<String> = gaz()
        .suggest("Ayl", 3)
        .into_iter()
        .map(|a| a.best.label)
        .collect();
    assert_eq!(
        places.first().map(String::as_str),
        Some("Aylesbury, Buckinghamshire"),
        "{places:?}"
    );
    let districts: Vec<String> = gaz()
        .suggest("mk4", 4)
        .into_iter()
        .map(|a| a.best.label)
        .collect();
    assert!(
        districts.iter().any(|l| l.starts_with("MK40,")),
        "{districts:?}"
    );
    let sectors = gaz().suggest("MK40 ", 20);
    assert!(
        !sectors.is_empty() && sectors.iter().all(|a| a.precision == Precision::Sector),
        "{sectors:?}"
    );
    assert!(gaz().suggest("s", 8).len() == 8);
}

#[test]
fn the_gazetteer_file_fits_its_budget_and_rejects_bad_bytes() {
    let bytes = gaz().encode().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gz, &bytes).unwrap();
    let gzipped = gz.finish().unwrap().len();
    println!("gazetteer: {} bytes, {gzipped} gzipped", bytes.len());
    assert!(
        gzipped <= 250 * 1024,
        "the gazetteer is {gzipped} bytes gzipped, over its 250 KB budget"
    );
    assert!(Gazetteer::decode(b"HAVENDIR0000000000000000")
        .unwrap_err()
        .to_string()
        .contains("not a Haven gazetteer"));
    let mut damaged = bytes.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    assert!(Gazetteer::decode(&damaged).is_err());
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Samples of the source data (every 500th ONS postcode, tests/fixtures) against what the
/// gazetteer answers for their sector, and the council it gives for their exact point.
#[test]
fn accuracy_against_sampled_ons_postcodes_is_reported_and_within_bounds() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/postcode-sample.csv"
    ))
    .unwrap();
    let mut distances = Vec::new();
    let (mut sampled, mut area_right, mut sector_area_right) = (0, 0, 0);
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (pcd, area, point) = (
            f[0],
            f[1],
            LatLon::new(f[2].parse().unwrap(), f[3].parse().unwrap()),
        );
        let Some(answer) = gaz().geocode(pcd) else {
            panic!("{pcd} did not resolve")
        };
        sampled += 1;
        distances.push(answer.point().distance_km(&point));
        sector_area_right += usize::from(answer.area_code == area);
        area_right += usize::from(gaz().area_of(point).map(|(code, _)| code) == Some(area));
    }
    distances.sort_by(f64::total_cmp);
    let (median, p95) = (percentile(&distances, 0.5), percentile(&distances, 0.95));
    let area_share = area_right as f64 / sampled as f64;
    println!(
        "accuracy over {sampled} sampled postcodes: postcode to its sector's point median {:.0} m, 95th percentile {:.0} m; \
         point to council right {:.1}%; sector's council right {:.1}%",
        median * 1000.0,
        p95 * 1000.0,
        area_share * 100.0,
        sector_area_right as f64 * 100.0 / sampled as f64
    );
    assert!(sampled > 5000);
    assert!(median < 1.0, "median {median} km");
    // Rural sectors span kilometres; the bounds guard against regressions.
    assert!(p95 < 6.0, "95th percentile {p95} km");
    assert!(
        area_share > 0.95,
        "council right for {:.1}%",
        area_share * 100.0
    );
}
