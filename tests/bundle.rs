//! The bundle: what goes in comes out, nothing confidential goes in at all, and no bytes
//! can make decoding panic.

mod common;

use haven::Place;
use haven::{Bundle, FileError};
use proptest::prelude::*;

/// The documented header (data/README.md): magic, version, reserved, length, xxHash32.
const HEADER_LEN: usize = 20;

fn synthetic(count: usize, seed: u64) -> String {
    haven::synth::synthesize(count, seed, common::today()).to_string()
}

/// Coordinates are stored in whole 1e-5° steps, rounded to the nearest: each comes back
/// within half a step (about 0.6 m), plus a little for the floating-point arithmetic.
const HALF_STEP: f64 = 0.5e-5 + 1e-9;

/// A synthetic directory whose public offices also carry a street address, a postcode
/// and coordinates finer than the bundle keeps.
fn synthetic_with_addresses(count: usize, seed: u64) -> String {
    let mut json = haven::synth::synthesize(count, seed, common::today());
    let services = json["services"].as_array_mut().unwrap();
    for (n, s) in services.iter_mut().enumerate() {
        let Some(location) = s.get_mut("location").and_then(|l| l.as_object_mut()) else {
            continue;
        };
        for (key, by) in [("lat", 3.3e-6), ("lon", -4.4e-6)] {
            let x = location[key].as_f64().unwrap();
            location.insert(key.into(), (x + by * (n % 3) as f64).into());
        }
        if n % 4 != 3 {
            location.insert("address".into(), format!("{n} Test Street").into());
        }
        if n % 4 != 2 {
            location.insert(
                "postcode".into(),
                format!("MK{} {}AB", 40 + n % 9, n % 10).into(),
            );
        }
    }
    json.to_string()
}

#[test]
fn a_bundle_decodes_to_the_services_that_were_encoded() {
    let text = synthetic_with_addresses(600, 3);
    let report = common::check("synth.json", &text, false);
    assert!(!report.has_errors(), "{:#?}", report.problems);
    let bytes = common::bundle_bytes(&text, false);
    let decoded = Bundle::decode(&bytes).unwrap();
    assert_eq!(decoded.services.len(), report.services.len());
    let (mut exact, mut addressed, mut postcoded, mut moved) = (0, 0, 0, 0);
    for (a, b) in report.services.iter().zip(&decoded.services) {
        match (&a.place, &b.place) {
            (
                Place::Exact {
                    point: p,
                    address,
                    postcode,
                    area,
                },
                Place::Exact {
                    point: q,
                    address: address2,
                    postcode: postcode2,
                    area: area2,
                },
            ) => {
                assert!(
                    (p.lat - q.lat).abs() <= HALF_STEP && (p.lon - q.lon).abs() <= HALF_STEP,
                    "{}: {p:?} came back as {q:?}",
                    a.id
                );
                assert_eq!(
                    (address, postcode, area),
                    (address2, postcode2, area2),
                    "{}",
                    a.id
                );
                exact += 1;
                addressed += usize::from(address.is_some());
                postcoded += usize::from(postcode.is_some());
                moved += usize::from(p != q);
                // Everything but the quantised point is compared exactly.
                let mut b = b.clone();
                if let Place::Exact { point, .. } = &mut b.place {
                    *point = *p;
                }
                assert_eq!(*a, b);
            }
            _ => assert_eq!(a, b),
        }
    }
    assert!(
        exact > 100 && addressed > 50 && postcoded > 50 && moved > 50,
        "too few public offices to prove anything: {exact} exact, {addressed} with an address, \
         {postcoded} with a postcode, {moved} quantised"
    );
    assert_eq!(
        decoded.encode().unwrap(),
        bytes,
        "re-encoding a decoded bundle gives the same bytes"
    );
}

#[test]
fn a_confidential_services_coordinates_appear_nowhere_in_the_bundle() {
    let (lat, lon) = (52.123456_f64, -0.654321_f64);
    let text = format!(
        r#"{{"services": [{{"id": "canary", "name": "Canary Refuge", "kind": "refuge", "area": "E06000055",
            "location": {{"lat": {lat}, "lon": {lon}, "address": "17 Secret Lane", "postcode": "MK41 9ZZ"}},
            "source": {{"name": "test", "verified_on": "2026-01-01"}}}}]}}"#
    );
    let report = common::check("canary.json", &text, true);
    assert!(
        report
            .problems
            .iter()
            .any(|p| !p.is_error() && p.field == "location"),
        "coarsening is reported: {:?}",
        report.problems
    );
    let bytes = common::bundle_bytes(&text, true);
    let q = |x: f64, origin: f64| ((x - origin) * 100_000.0).round() as i32;
    let zigzag = |v: i32| ((v << 1) ^ (v >> 31)) as u32;
    let varint = |mut v: u32| {
        let mut out = vec![];
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(byte);
                return out;
            }
            out.push(byte | 0x80);
        }
    };
    let mut forbidden: Vec<(String, Vec<u8>)> = vec![
        ("lat f64".into(), lat.to_le_bytes().to_vec()),
        ("lon f64".into(), lon.to_le_bytes().to_vec()),
        ("lat f32".into(), (lat as f32).to_le_bytes().to_vec()),
        ("lon f32".into(), (lon as f32).to_le_bytes().to_vec()),
        ("lat text".into(), b"52.1234".to_vec()),
        ("lon text".into(), b"0.6543".to_vec()),
        ("address".into(), b"Secret Lane".to_vec()),
        ("postcode".into(), b"MK41".to_vec()),
    ];
    for (name, value) in [
        ("lat", q(lat, 49.0)),
        ("lon", q(lon, -9.0)),
        ("lat e5", q(lat, 0.0)),
        ("lon e5", q(lon, 0.0)),
    ] {
        forbidden.push((format!("{name} i32"), value.to_le_bytes().to_vec()));
        forbidden.push((format!("{name} varint"), varint(zigzag(value))));
    }
    for (name, needle) in forbidden {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_slice()),
            "the bundle contains the canary's {name}"
        );
    }
    let dir = haven::Directory::from_bytes(&bytes).unwrap();
    let hit = &dir
        .search(&haven::Query::near(haven::LatLon::new(lat, lon)))
        .unwrap()
        .results[0];
    assert_eq!(
        (
            hit.id.as_str(),
            hit.confidential,
            hit.distance_km,
            hit.location
        ),
        ("canary", true, None, None)
    );
}

#[test]
fn bad_headers_say_what_was_expected() {
    let good = common::bundle_bytes(&synthetic(20, 1), false);
    assert_eq!(
        Bundle::decode(b"short").unwrap_err(),
        FileError::TooShort {
            kind: "directory bundle",
            found: 5
        }
    );
    let mut wrong_magic = good.clone();
    wrong_magic[..8].copy_from_slice(b"PNG\r\n\x1a\n\0");
    assert!(Bundle::decode(&wrong_magic)
        .unwrap_err()
        .to_string()
        .contains("expected it to start with \"HAVENDIR\""));
    let mut wrong_version = good.clone();
    wrong_version[8] = 7;
    assert_eq!(
        Bundle::decode(&wrong_version).unwrap_err(),
        FileError::Version {
            kind: "directory bundle",
            found: 7,
            expected: 3,
            remedy: "rebuild it with `haven build`"
        }
    );
    let truncated = &good[..good.len() - 10];
    assert!(matches!(
        Bundle::decode(truncated),
        Err(FileError::Length { .. })
    ));
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    assert!(Bundle::decode(&flipped)
        .unwrap_err()
        .to_string()
        .contains("corrupt"));
}

/// Rewrites the header's length and checksum so corrupted payloads reach the decoder.
fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
    let payload_len = (bytes.len() - HEADER_LEN) as u32;
    let crc = xxhash_rust::xxh32::xxh32(&bytes[HEADER_LEN..], 0);
    bytes[12..16].copy_from_slice(&payload_len.to_le_bytes());
    bytes[16..20].copy_from_slice(&crc.to_le_bytes());
    bytes
}

proptest! {
    #[test]
    fn arbitrary_bytes_give_an_error_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = Bundle::decode(&bytes);
        let mut with_header = b"HAVENDIR".to_vec();
        with_header.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        with_header.extend_from_slice(&bytes);
        let _ = haven::Directory::from_bytes(&reseal(with_header));
    }

    #[test]
    fn a_damaged_payload_with_a_valid_checksum_gives_an_error_not_a_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let good = common::bundle_bytes(&synthetic(15, 9), false);
        let mut bytes = good.clone();
        for (at, value) in edits {
            let i = HEADER_LEN + at.index(bytes.len() - HEADER_LEN);
            bytes[i] = value;
        }
        let keep = HEADER_LEN + cut.index(bytes.len() - HEADER_LEN + 1);
        bytes.truncate(keep);
        if let Ok(dir) = haven::Directory::from_bytes(&reseal(bytes)) {
            // Whatever decoded must still be searchable.
            let _ = dir.search(&haven::Query::near(haven::LatLon::new(52.0, -1.0)));
        }
    }
}
