//! What each fuzz target feeds to Haven, and what must hold of every answer. A target
//! panics only when Haven does, or when an answer is not sensible (NaN, a point outside
//! the UK, more results than asked for, the index disagreeing with a scan); both
//! harnesses (libFuzzer on nightly, `haven-fuzz` on stable) call these same functions.
#![deny(unsafe_code)]

pub mod cap;

use haven::{
    council_by_code, read_seal, Answer, Date, Directory, Gazetteer, Input, LatLon, Pipeline, Query,
    Response, UkCells, VacancyUpdates, FILE_KINDS,
};
use std::sync::OnceLock;

/// One target: its name (its corpus is `fuzz/corpus/NAME`) and its function.
pub struct Target {
    /// The name `make fuzz`, `cargo fuzz run` and `haven-fuzz` know it by.
    pub name: &'static str,
    /// Feeds one input to Haven.
    pub run: fn(&[u8]),
    /// Fragments a mutation may splice in: what this format's readers find hardest.
    pub dictionary: &'static [&'static [u8]],
}

const JSON_WORDS: &[&[u8]] = &[
    b"null",
    b"true",
    b"1e309",
    b"-1e309",
    b"1e-320",
    b"-0",
    b"NaN",
    b"18446744073709551616",
    b"\"\\u0000\"",
    b"\"\\ud800\"",
    b"[[[[[[[[[[[[",
    b"{\"a\":{\"a\":{\"a\":",
    b"\"\"",
    b"\"2026-02-30\"",
    b"\"9999-12-31\"",
    b"\"0000-01-01\"",
    b"\"<b>x</b>\"",
    b"\"\x1b[2J\"",
    b"90",
    b"-180",
    b"52.136",
    b"-0.467",
    b"\"refuge\"",
    b"\"E06000055\"",
];
const BINARY_WORDS: &[&[u8]] = &[
    b"\x00",
    b"\xff",
    b"\x7f",
    b"\x80",
    b"\xff\xff\xff\xff\x0f",
    b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",
    b"\x00\x00\x00\x00",
    b"\xff\xff\xff\xff",
];
const PLACE_WORDS: &[&[u8]] = &[
    b"MK40 1AA",
    b"MK99",
    b"BT1",
    b"\t",
    b",",
    b"Bedford",
    b"Newport",
    b"Armagh City, Banbridge",
    b"E06000055",
    b"nan,nan",
    b"91,0",
    b"1e309,0",
    b"52.136,-0.467",
    b"\xcc\x81",
    b"\xef\xbb\xbf",
    b"Llan",
    b"St.",
    b"-",
    b"'",
    b"  ",
];

/// Every target, in the order `make fuzz` runs them.
pub const TARGETS: &[Target] = &[
    Target {
        name: "bundle",
        run: bundle,
        dictionary: BINARY_WORDS,
    },
    Target {
        name: "vacancies",
        run: vacancies,
        dictionary: BINARY_WORDS,
    },
    Target {
        name: "gazetteer",
        run: gazetteer,
        dictionary: BINARY_WORDS,
    },
    Target {
        name: "haven_json",
        run: haven_json,
        dictionary: JSON_WORDS,
    },
    Target {
        name: "oruk",
        run: oruk,
        dictionary: JSON_WORDS,
    },
    Target {
        name: "place_text",
        run: place_text,
        dictionary: PLACE_WORDS,
    },
    Target {
        name: "query",
        run: query,
        dictionary: JSON_WORDS,
    },
];

/// The day every target treats as today.
fn today() -> Date {
    Date::parse("2026-12-01").expect("a valid date")
}

fn gazetteer_builtin() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::builtin)
}

fn cells() -> &'static UkCells {
    static C: OnceLock<UkCells> = OnceLock::new();
    C.get_or_init(UkCells::builtin)
}

/// The starter directory with the built-in gazetteer, as the page searches it.
fn starter() -> &'static Directory {
    static D: OnceLock<Directory> = OnceLock::new();
    D.get_or_init(|| {
        let text = include_str!("../../data/directory.json");
        let mut dir =
            Directory::from_bytes(&bundle_of(text).expect("the starter directory builds"))
                .expect("the starter bundle reads");
        dir.set_gazetteer(gazetteer_builtin().clone());
        dir
    })
}

/// The bundle bytes of one Haven JSON or ORUK text, when it has no errors.
fn bundle_of(text: &str) -> Option<Vec<u8>> {
    let pipeline = Pipeline::new(today());
    let report = pipeline.check(&[Input::text("fuzz.json", text)]);
    let bundle = pipeline.bundle(report).ok()?;
    Some(bundle.encode().expect("a checked directory encodes"))
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The file with its header's length and checksum made to match what follows it (the
/// layout is in data/README.md), as someone altering a file would, so edits reach the
/// payload's decoder instead of stopping at the checksum.
fn repaired(data: &[u8]) -> Option<Vec<u8>> {
    let claimed = u32::from_le_bytes(data.get(12..16)?.try_into().ok()?) as usize;
    let len = claimed.min(data.len().checked_sub(20)?);
    let mut bytes = data.to_vec();
    bytes[12..16].copy_from_slice(&u32::try_from(len).ok()?.to_le_bytes());
    let checksum = xxhash_rust::xxh32::xxh32(&bytes[20..20 + len], 0);
    bytes[16..20].copy_from_slice(&checksum.to_le_bytes());
    Some(bytes)
}

/// Runs `f` on a binary file as it is and as repaired.
fn as_is_and_repaired(data: &[u8], f: fn(&[u8])) {
    f(data);
    if let Some(bytes) = repaired(data) {
        f(&bytes);
    }
}

/// A directory file: read it as the page does, then search it.
pub fn bundle(data: &[u8]) {
    as_is_and_repaired(data, bundle_file)
}

fn bundle_file(data: &[u8]) {
    for kind in FILE_KINDS {
        let _ = read_seal(data, Some(kind));
    }
    let _ = haven::check_seal(data, None, &[], today());
    if let Ok(dir) = Directory::from_bytes(data) {
        for i in 0..dir.len() {
            let _ = dir.service(i);
        }
        for near in [LatLon::new(52.136, -0.467), LatLon::new(57.5, -4.2)] {
            if let Ok(response) = dir.search(&Query::near(near)) {
                sensible(&response, &Query::near(near));
            }
        }
    }
}

/// A vacancy file, read and then laid over the starter directory.
pub fn vacancies(data: &[u8]) {
    as_is_and_repaired(data, vacancies_file)
}

fn vacancies_file(data: &[u8]) {
    if let Ok(updates) = VacancyUpdates::decode(data) {
        let mut dir = starter().clone();
        let applied = dir.apply_vacancies(&updates);
        let _ = format!("{applied:?}");
        let query = Query::near(LatLon::new(52.136, -0.467));
        let response = dir
            .search(&query)
            .expect("a search of the starter directory");
        sensible(&response, &query);
    }
}

/// A gazetteer file, read and then asked what the page asks it.
pub fn gazetteer(data: &[u8]) {
    as_is_and_repaired(data, gazetteer_file)
}

fn gazetteer_file(data: &[u8]) {
    if let Ok(gaz) = Gazetteer::decode(data) {
        for text in ["MK40 1AA", "MK40", "Bedford", "Bed", "bt1 1aa", "Newport"] {
            // A file can say anything; what it says must still be finite.
            checked_answers(gaz.geocode(text).as_slice(), finite);
            checked_answers(&gaz.suggest(text, 8), finite);
            checked_answers(&gaz.did_you_mean(text, 3), finite);
        }
        let _ = gaz.area_of(LatLon::new(52.136, -0.467));
        let _ = gaz.counts();
    }
}

/// Haven's own JSON, checked and, when it has no errors, built and read back.
pub fn haven_json(data: &[u8]) {
    if let Some(bytes) = bundle_of(&text(data)) {
        let dir = Directory::from_bytes(&bytes).expect("a bundle Haven built reads back");
        assert!(dir.len() <= 1_000_000);
    }
}

/// An Open Referral UK feed, the same way; a first line of `# mapping` TOML, up to a
/// line of `---`, is the maintainer's mapping for the feed.
pub fn oruk(data: &[u8]) {
    let text = text(data);
    let (mapping, feed) = match text.split_once("\n---\n") {
        Some((mapping, feed)) => (Some(mapping), feed),
        None => (None, text.as_str()),
    };
    let mut pipeline = Pipeline::new(today());
    if let Some(mapping) = mapping {
        match pipeline.read_mapping("fuzz.toml", mapping) {
            Ok(mapping) => pipeline = pipeline.mapping(Some(mapping)),
            Err(_) => return,
        }
    }
    let report = pipeline.check(&[Input::text("fuzz.json", feed)]);
    if let Ok(bundle) = pipeline.bundle(report) {
        let bytes = bundle.encode().expect("a checked feed encodes");
        Directory::from_bytes(&bytes).expect("a bundle Haven built reads back");
    }
}

/// What a survivor types into the place field.
pub fn place_text(data: &[u8]) {
    let text = text(data);
    let gaz = gazetteer_builtin();
    answers(gaz.geocode(&text).as_slice());
    answers(&gaz.suggest(&text, 8));
    answers(&gaz.did_you_mean(&text, 3));
    answers(council_by_code(starter().areas(), &text).as_slice());
    if let Ok(near) = text.parse::<haven::Location>() {
        let query = Query::near(near);
        if let Ok(response) = starter().search(&query) {
            sensible(&response, &query);
        }
    }
}

/// A search query as JSON (what the page and `haven search --query` send).
pub fn query(data: &[u8]) {
    let Ok(query) = Query::from_json(&text(data)) else {
        return;
    };
    let dir = starter();
    let indexed = dir.search(&query);
    let scanned = dir.scan(&query);
    assert_eq!(indexed, scanned, "the index and a scan disagree");
    if let Ok(response) = indexed {
        sensible(&response, &query);
    }
}

fn in_uk(point: LatLon) -> bool {
    point.lat.is_finite() && point.lon.is_finite() && cells().contains(point)
}

fn finite(point: LatLon) -> bool {
    point.lat.is_finite() && point.lon.is_finite()
}

/// Every answer of the built-in gazetteer is a point in the UK.
fn answers(answers: &[Answer]) {
    checked_answers(answers, in_uk)
}

/// Every answer is a point that passes `good`.
fn checked_answers(answers: &[Answer], good: fn(LatLon) -> bool) {
    for answer in answers {
        for c in std::iter::once(&answer.best).chain(&answer.candidates) {
            assert!(
                good(LatLon::new(c.lat, c.lon)),
                "{:?} answered with {},{}",
                answer.query,
                c.lat,
                c.lon
            );
        }
    }
}

/// A response has finite, non-negative distances in order, no more results than the
/// query's limit, and finite points.
fn sensible(response: &Response, query: &Query) {
    assert!(response.origin.lat.is_finite() && response.origin.lon.is_finite());
    assert!(response.results.len() <= query.effective_limit());
    for hit in response.results.iter().chain(&response.hidden_results) {
        if let Some(km) = hit.distance_km {
            assert!(km.is_finite() && km >= 0.0, "{}: distance {km}", hit.id);
        }
        if let Some(point) = hit.location {
            assert!(finite(point), "{}: at {},{}", hit.id, point.lat, point.lon);
        }
    }
}
