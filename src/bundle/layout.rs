//! The payload's layout: council areas, a language list, one small *profile* per service
//! (what search filters on, decoded at load) and the services' *records* (names,
//! contacts, sources) as one block of bytes, each record read in place only when
//! needed.
//!
//! Codes are small numbers, flags are bitsets, coordinates are quantised to 1e-5°,
//! dates are day numbers and areas are positions in the area table.

use crate::container::{FileError, DIRECTORY};
use crate::date::Date;
use crate::geometry::LatLon;
use serde::{Deserialize, Serialize};

pub(super) const MAX_LANGUAGES: usize = 64;

#[derive(Serialize, Deserialize)]
pub(super) struct Body<'a> {
    pub(super) built_on: i32,
    pub(super) areas: Vec<CArea>,
    pub(super) languages: Vec<[u8; 3]>,
    pub(super) profiles: Vec<CProfile>,
    /// Where each service's record starts in `records`.
    pub(super) offsets: Vec<u32>,
    #[serde(borrow)]
    pub(super) records: &'a [u8],
}

#[derive(Serialize, Deserialize)]
pub(super) struct CArea {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) point: (i32, i32),
}

#[derive(Serialize, Deserialize)]
pub(super) struct CProfile {
    pub(super) kind: u8,
    pub(super) place: CPlace,
    pub(super) coverage: Vec<CCoverage>,
    pub(super) eligibility: CEligibility,
    pub(super) communities: u32,
    pub(super) languages: u64,
    /// Bits: interpreters, (unused), example, general, a non-voice route.
    pub(super) flags: u8,
    /// The day an "available" vacancy was last updated (fresh or not is the query's
    /// business, since it depends on the day of the search).
    pub(super) space_on: Option<i32>,
}

#[derive(Serialize, Deserialize)]
pub(super) enum CPlace {
    Exact { point: (i32, i32), area: u16 },
    Area(u16),
    Remote,
}

#[derive(Serialize, Deserialize)]
pub(super) enum CCoverage {
    Uk,
    Nation(u8),
    Area(u16),
}

/// Tri-state flags as two bits each (known, value) in `flags`: trans-inclusive, children.
#[derive(Serialize, Deserialize)]
pub(super) struct CEligibility {
    pub(super) genders: u8,
    pub(super) flags: u8,
    pub(super) ages: [Option<u8>; 5],
    pub(super) needs_met: u8,
    pub(super) needs_unmet: u8,
}

/// A service's record, read in place from the bundle's bytes.
#[derive(Serialize, Deserialize)]
pub(crate) struct CRecord<'a> {
    pub id: &'a str,
    pub name: &'a str,
    #[serde(borrow)]
    pub organisation: Option<&'a str>,
    pub description: &'a str,
    #[serde(borrow)]
    pub(super) address: Option<&'a str>,
    #[serde(borrow)]
    pub(super) postcode: Option<&'a str>,
    #[serde(borrow)]
    pub(super) phones: Vec<CPhone<'a>>,
    #[serde(borrow)]
    pub(super) web: Option<&'a str>,
    #[serde(borrow)]
    pub(super) email: Option<&'a str>,
    #[serde(borrow)]
    pub(super) chat: Option<&'a str>,
    #[serde(borrow)]
    pub(super) video: Option<&'a str>,
    pub(super) referral: u8,
    #[serde(borrow)]
    pub(super) hours: Option<&'a str>,
    pub(super) vacancy: Option<(u8, Option<u16>, i32)>,
    pub(super) source: &'a str,
    #[serde(borrow)]
    pub(super) source_url: Option<&'a str>,
    pub(super) verified_on: i32,
    #[serde(borrow)]
    pub(super) source_date: Option<&'a str>,
    #[serde(borrow)]
    pub(super) contract_ends: Option<&'a str>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct CPhone<'a> {
    pub(super) number: &'a str,
    #[serde(borrow)]
    pub(super) label: Option<&'a str>,
    #[serde(borrow)]
    pub(super) hours: Option<&'a str>,
    /// Bits: 24/7, free, sms.
    pub(super) flags: u8,
}

pub(super) fn bad(message: String) -> FileError {
    DIRECTORY.inconsistent(message)
}

pub(super) use crate::geometry::quantise;

pub(super) fn dequantise(q: (i32, i32)) -> Result<LatLon, FileError> {
    crate::geometry::dequantise(q).ok_or_else(|| {
        bad(format!(
            "coordinate steps {},{} lie off the globe",
            q.0, q.1
        ))
    })
}

pub(super) fn tri(value: Option<bool>, shift: u8) -> u8 {
    match value {
        None => 0,
        Some(false) => 1 << shift,
        Some(true) => 3 << shift,
    }
}

pub(super) fn untri(flags: u8, shift: u8) -> Option<bool> {
    (flags >> shift & 1 == 1).then_some(flags >> (shift + 1) & 1 == 1)
}

pub(super) fn from_set<T: Copy>(all: &[T], bits: u32, what: &str) -> Result<Vec<T>, FileError> {
    if all.len() < 32 && bits >> all.len() != 0 {
        return Err(bad(format!(
            "{what} bitset {bits} has bits beyond the {} known values",
            all.len()
        )));
    }
    Ok(all
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, v)| *v)
        .collect())
}

pub(super) fn get<T: Copy>(all: &[T], index: u8, what: &str) -> Result<T, FileError> {
    all.get(usize::from(index))
        .copied()
        .ok_or_else(|| bad(format!("{what} number {index} is unknown")))
}

pub(super) fn date(days: i32) -> Result<Date, FileError> {
    Date::from_days(days).ok_or_else(|| bad(format!("day number {days} is not a date")))
}
