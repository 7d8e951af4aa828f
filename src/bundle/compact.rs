//! The payload: council areas, a language list, one small *profile* per service (what
//! search filters on, decoded at load) and the services' *records* (names, contacts,
//! sources) as one block of bytes, each record read in place only when needed.
//!
//! Codes are small numbers, flags are bitsets, coordinates are quantised to 1e-5°,
//! dates are day numbers and areas are positions in the area table.

use super::BundleError;
use crate::areas::{Area, AreaTable, Nation};
use crate::codes::CodeSet;
use crate::date::Date;
use crate::geometry::LatLon;
use crate::index::{Covers, Placement, Profile};
use crate::model::{
    Community, Contact, Coverage, Eligibility, Kind, Language, Phone, Place, Provenance, Referral,
    Service, Vacancy, VacancyStatus,
};
use crate::text::show_number;
use serde::{Deserialize, Serialize};

/// Coordinates are stored as 1e-5° steps from this corner (south-west of the UK), so a
/// UK point needs three bytes per axis.
const ORIGIN_LAT: f64 = 49.0;
const ORIGIN_LON: f64 = -9.0;
const STEPS_PER_DEGREE: f64 = 100_000.0;
/// Languages are a 64-bit set over the bundle's language list.
const MAX_LANGUAGES: usize = 64;

#[derive(Serialize, Deserialize)]
struct Body<'a> {
    built_on: i32,
    areas: Vec<CArea>,
    languages: Vec<[u8; 3]>,
    profiles: Vec<CProfile>,
    /// Where each service's record starts in `records`.
    offsets: Vec<u32>,
    #[serde(borrow)]
    records: &'a [u8],
}

#[derive(Serialize, Deserialize)]
struct CArea {
    code: String,
    name: String,
    point: (i32, i32),
}

#[derive(Serialize, Deserialize)]
struct CProfile {
    kind: u8,
    place: CPlace,
    coverage: Vec<CCoverage>,
    eligibility: CEligibility,
    communities: u32,
    languages: u64,
    /// Bits: interpreters, vacancy available, example.
    flags: u8,
}

#[derive(Serialize, Deserialize)]
enum CPlace {
    Exact { point: (i32, i32), area: u16 },
    Area(u16),
    Remote,
}

#[derive(Serialize, Deserialize)]
enum CCoverage {
    Uk,
    Nation(u8),
    Area(u16),
}

/// Tri-state flags as two bits each (known, value) in `flags`: trans-inclusive, children.
#[derive(Serialize, Deserialize)]
struct CEligibility {
    genders: u8,
    flags: u8,
    ages: [Option<u8>; 5],
    needs_met: u8,
    needs_unmet: u8,
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
    address: Option<&'a str>,
    #[serde(borrow)]
    postcode: Option<&'a str>,
    #[serde(borrow)]
    phones: Vec<CPhone<'a>>,
    #[serde(borrow)]
    web: Option<&'a str>,
    #[serde(borrow)]
    email: Option<&'a str>,
    referral: u8,
    #[serde(borrow)]
    hours: Option<&'a str>,
    vacancy: Option<(u8, Option<u16>, i32)>,
    source: &'a str,
    #[serde(borrow)]
    source_url: Option<&'a str>,
    verified_on: i32,
}

#[derive(Serialize, Deserialize)]
struct CPhone<'a> {
    number: &'a str,
    #[serde(borrow)]
    label: Option<&'a str>,
    #[serde(borrow)]
    hours: Option<&'a str>,
    /// Bits: 24/7, free, sms.
    flags: u8,
}

/// A decoded bundle whose records stay encoded until asked for.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub areas: AreaTable,
    pub languages: Vec<Language>,
    pub profiles: Vec<Profile>,
    pub built_on: Date,
    records: Vec<u8>,
    offsets: Vec<u32>,
}

fn bad(message: String) -> BundleError {
    BundleError::Inconsistent(message)
}

fn quantise(p: LatLon) -> (i32, i32) {
    (
        ((p.lat - ORIGIN_LAT) * STEPS_PER_DEGREE).round() as i32,
        ((p.lon - ORIGIN_LON) * STEPS_PER_DEGREE).round() as i32,
    )
}

fn dequantise((lat, lon): (i32, i32)) -> Result<LatLon, BundleError> {
    let p = LatLon::new(
        ORIGIN_LAT + f64::from(lat) / STEPS_PER_DEGREE,
        ORIGIN_LON + f64::from(lon) / STEPS_PER_DEGREE,
    );
    if p.is_valid() {
        Ok(p)
    } else {
        Err(bad(format!(
            "a coordinate decodes to {},{}, off the globe",
            show_number(p.lat),
            show_number(p.lon)
        )))
    }
}

fn tri(value: Option<bool>, shift: u8) -> u8 {
    match value {
        None => 0,
        Some(false) => 1 << shift,
        Some(true) => 3 << shift,
    }
}

fn untri(flags: u8, shift: u8) -> Option<bool> {
    (flags >> shift & 1 == 1).then_some(flags >> (shift + 1) & 1 == 1)
}

fn from_set<T: Copy>(all: &[T], bits: u32, what: &str) -> Result<Vec<T>, BundleError> {
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

fn get<T: Copy>(all: &[T], index: u8, what: &str) -> Result<T, BundleError> {
    all.get(usize::from(index))
        .copied()
        .ok_or_else(|| bad(format!("{what} number {index} is unknown")))
}

fn date(days: i32) -> Result<Date, BundleError> {
    Date::from_days(days).ok_or_else(|| bad(format!("day number {days} is not a date")))
}

/// Writes the payload of a bundle.
pub(super) fn encode(
    areas: &AreaTable,
    services: &[Service],
    built_on: Date,
) -> Result<Vec<u8>, BundleError> {
    let area_index = |code: &str, id: &str| {
        areas.index_of(code).ok_or_else(|| {
            bad(format!(
                "service {id} refers to council area {code}, which the bundle does not hold"
            ))
        })
    };
    let mut languages: Vec<Language> = services
        .iter()
        .flat_map(|s| s.languages.iter().copied())
        .collect();
    languages.sort();
    languages.dedup();
    if languages.len() > MAX_LANGUAGES {
        return Err(bad(format!(
            "a bundle holds at most {MAX_LANGUAGES} different languages, found {}",
            languages.len()
        )));
    }
    let mut profiles = Vec::with_capacity(services.len());
    let mut offsets = Vec::with_capacity(services.len());
    let mut records = Vec::new();
    for s in services {
        let (place, address, postcode) = match &s.place {
            Place::Exact {
                point,
                area,
                address,
                postcode,
            } => (
                CPlace::Exact {
                    point: quantise(*point),
                    area: area_index(area, &s.id)?,
                },
                address.as_deref(),
                postcode.as_deref(),
            ),
            Place::Area { area } => (CPlace::Area(area_index(area, &s.id)?), None, None),
            Place::Remote => (CPlace::Remote, None, None),
        };
        let coverage = s
            .coverage
            .iter()
            .map(|c| {
                Ok(match c {
                    Coverage::Uk => CCoverage::Uk,
                    Coverage::Nation(n) => CCoverage::Nation(n.bit() as u8),
                    Coverage::Area(code) => CCoverage::Area(area_index(code, &s.id)?),
                })
            })
            .collect::<Result<_, BundleError>>()?;
        let e = &s.eligibility;
        let vacancy_available = s
            .vacancy
            .as_ref()
            .is_some_and(|v| v.status == VacancyStatus::Available);
        profiles.push(CProfile {
            kind: s.kind.bit() as u8,
            place,
            coverage,
            eligibility: CEligibility {
                genders: e.genders.0 as u8,
                flags: tri(e.trans_inclusive, 0) | tri(e.children, 2),
                ages: [
                    e.min_age,
                    e.max_age,
                    e.max_boy_age,
                    e.max_household,
                    e.max_bedrooms,
                ],
                needs_met: e.needs_met.0 as u8,
                needs_unmet: e.needs_unmet.0 as u8,
            },
            communities: CodeSet::from_bits(s.communities.iter().map(|c| c.bit())).0,
            languages: s
                .languages
                .iter()
                .filter_map(|l| languages.binary_search(l).ok())
                .fold(0, |acc, i| acc | 1 << i),
            flags: u8::from(s.interpreters)
                | u8::from(vacancy_available) << 1
                | u8::from(s.provenance.example) << 2,
        });
        offsets.push(u32::try_from(records.len()).map_err(|_| bad("records exceed 4 GB".into()))?);
        let record = CRecord {
            id: &s.id,
            name: &s.name,
            organisation: s.organisation.as_deref(),
            description: &s.description,
            address,
            postcode,
            phones: s
                .contact
                .phones
                .iter()
                .map(|p| CPhone {
                    number: &p.number,
                    label: p.label.as_deref(),
                    hours: p.hours.as_deref(),
                    flags: u8::from(p.twenty_four_seven)
                        | u8::from(p.free) << 1
                        | u8::from(p.sms) << 2,
                })
                .collect(),
            web: s.contact.web.as_deref(),
            email: s.contact.email.as_deref(),
            referral: CodeSet::from_bits(s.referral.iter().map(|r| r.bit())).0 as u8,
            hours: s.hours.as_deref(),
            vacancy: s
                .vacancy
                .as_ref()
                .map(|v| (v.status.bit() as u8, v.units_free, v.updated_at.to_days())),
            source: &s.provenance.source,
            source_url: s.provenance.url.as_deref(),
            verified_on: s.provenance.verified_on.to_days(),
        };
        records = postcard::to_extend(&record, records)
            .map_err(|e| BundleError::Payload(e.to_string()))?;
    }
    let body = Body {
        built_on: built_on.to_days(),
        areas: areas
            .iter()
            .map(|a| CArea {
                code: a.code.clone(),
                name: a.name.clone(),
                point: quantise(a.point),
            })
            .collect(),
        languages: languages.iter().map(|l| l.to_bytes()).collect(),
        profiles,
        offsets,
        records: &records,
    };
    postcard::to_allocvec(&body).map_err(|e| BundleError::Payload(e.to_string()))
}

/// Reads a payload, checking every profile and every record, but leaving records
/// encoded.
pub(super) fn load(payload: &[u8]) -> Result<Loaded, BundleError> {
    let body: Body<'_> =
        postcard::from_bytes(payload).map_err(|e| BundleError::Payload(e.to_string()))?;
    let n_areas = body.areas.len();
    let areas = body
        .areas
        .into_iter()
        .map(|a| {
            Ok(Area {
                code: a.code,
                name: a.name,
                point: dequantise(a.point)?,
            })
        })
        .collect::<Result<Vec<_>, BundleError>>()?;
    let areas = AreaTable::new(areas);
    if areas.len() != n_areas {
        return Err(bad("the area table repeats a code".into()));
    }
    let area = |i: u16| {
        if usize::from(i) < n_areas {
            Ok(i)
        } else {
            Err(bad(format!(
                "area number {i} is beyond the {n_areas} areas"
            )))
        }
    };
    let languages = body
        .languages
        .iter()
        .map(|b| {
            Language::from_bytes(*b).ok_or_else(|| bad(format!("{b:?} is not a language code")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if languages.len() > MAX_LANGUAGES {
        return Err(bad(format!(
            "{} languages, more than {MAX_LANGUAGES}",
            languages.len()
        )));
    }
    let mut profiles = Vec::with_capacity(body.profiles.len());
    for p in body.profiles {
        let place = match p.place {
            CPlace::Exact { point, area: a } => Placement::Exact {
                point: dequantise(point)?,
                area: area(a)?,
            },
            CPlace::Area(a) => Placement::Area(area(a)?),
            CPlace::Remote => Placement::Remote,
        };
        let coverage = p
            .coverage
            .into_iter()
            .map(|c| {
                Ok(match c {
                    CCoverage::Uk => Covers::Uk,
                    CCoverage::Nation(n) => Covers::Nation(get(Nation::ALL, n, "nation")?),
                    CCoverage::Area(a) => Covers::Area(area(a)?),
                })
            })
            .collect::<Result<_, BundleError>>()?;
        if languages.len() < 64 && p.languages >> languages.len() != 0 {
            return Err(bad(
                "a service refers to a language the bundle does not list".into(),
            ));
        }
        from_set(Community::ALL, p.communities, "community")?;
        let ce = p.eligibility;
        let [min_age, max_age, max_boy_age, max_household, max_bedrooms] = ce.ages;
        profiles.push(Profile {
            kind: get(Kind::ALL, p.kind, "kind")?,
            place,
            coverage,
            eligibility: Eligibility {
                genders: CodeSet(u32::from(ce.genders)),
                trans_inclusive: untri(ce.flags, 0),
                children: untri(ce.flags, 2),
                min_age,
                max_age,
                max_boy_age,
                max_household,
                max_bedrooms,
                needs_met: CodeSet(u32::from(ce.needs_met)),
                needs_unmet: CodeSet(u32::from(ce.needs_unmet)),
            },
            communities: CodeSet(p.communities),
            languages: p.languages,
            interpreters: p.flags & 1 != 0,
            vacancy_available: p.flags & 2 != 0,
            example: p.flags & 4 != 0,
        });
    }
    if body.offsets.len() != profiles.len() {
        return Err(bad(format!(
            "{} record offsets for {} services",
            body.offsets.len(),
            profiles.len()
        )));
    }
    let loaded = Loaded {
        areas,
        languages,
        profiles,
        built_on: date(body.built_on)?,
        records: body.records.to_vec(),
        offsets: body.offsets,
    };
    // Records are read, and checked, when shown: checking all 100 000 of a large
    // directory here took 34 ms of a 50 ms load budget. A bundle written by haven build
    // always reads, and the checksum catches damage on the way.
    Ok(loaded)
}

impl CRecord<'_> {
    /// Checks the fields that must decode to valid values, without copying anything.
    fn check(&self) -> Result<(), BundleError> {
        date(self.verified_on)?;
        if let Some((status, _, updated)) = self.vacancy {
            get(VacancyStatus::ALL, status, "vacancy status")?;
            date(updated)?;
        }
        from_set(Referral::ALL, u32::from(self.referral), "referral").map(|_| ())
    }
}

impl Loaded {
    /// The encoded record of service `i`, read in place.
    pub fn record(&self, i: usize) -> Result<CRecord<'_>, BundleError> {
        let start = self.offsets.get(i).map(|&o| o as usize);
        let end = self
            .offsets
            .get(i + 1)
            .map_or(self.records.len(), |&o| o as usize);
        let bytes = start
            .filter(|&s| s <= end)
            .and_then(|s| self.records.get(s..end));
        let bytes = bytes.ok_or_else(|| {
            bad(format!(
                "service {i}'s record lies outside the record block"
            ))
        })?;
        postcard::from_bytes(bytes)
            .map_err(|e| BundleError::Payload(format!("service {i}'s record: {e}")))
    }

    /// Service `i` in full.
    pub fn service(&self, i: usize) -> Result<Service, BundleError> {
        let p = self
            .profiles
            .get(i)
            .ok_or_else(|| bad(format!("no service {i}")))?;
        let r = self.record(i)?;
        r.check()?;
        let code = |a: u16| {
            self.areas
                .by_index(a)
                .map(|a| a.code.clone())
                .ok_or_else(|| bad(format!("no area {a}")))
        };
        let place = match p.place {
            Placement::Exact { point, area } => Place::Exact {
                point,
                area: code(area)?,
                address: r.address.map(String::from),
                postcode: r.postcode.map(String::from),
            },
            Placement::Area(area) => Place::Area { area: code(area)? },
            Placement::Remote => Place::Remote,
        };
        let coverage = p
            .coverage
            .iter()
            .map(|c| {
                Ok(match *c {
                    Covers::Uk => Coverage::Uk,
                    Covers::Nation(n) => Coverage::Nation(n),
                    Covers::Area(a) => Coverage::Area(code(a)?),
                })
            })
            .collect::<Result<_, BundleError>>()?;
        let vacancy = match r.vacancy {
            None => None,
            Some((status, units_free, updated)) => Some(Vacancy {
                status: get(VacancyStatus::ALL, status, "vacancy status")?,
                units_free,
                updated_at: date(updated)?,
            }),
        };
        let owned = |s: Option<&str>| s.map(String::from);
        Ok(Service {
            id: r.id.into(),
            name: r.name.into(),
            organisation: owned(r.organisation),
            kind: p.kind,
            description: r.description.into(),
            place,
            coverage,
            eligibility: p.eligibility.clone(),
            communities: from_set(Community::ALL, p.communities.0, "community")?,
            languages: self
                .languages
                .iter()
                .enumerate()
                .filter(|(i, _)| p.languages & 1 << i != 0)
                .map(|(_, l)| *l)
                .collect(),
            interpreters: p.interpreters,
            contact: Contact {
                phones: r
                    .phones
                    .iter()
                    .map(|ph| Phone {
                        number: ph.number.into(),
                        label: owned(ph.label),
                        hours: owned(ph.hours),
                        twenty_four_seven: ph.flags & 1 != 0,
                        free: ph.flags & 2 != 0,
                        sms: ph.flags & 4 != 0,
                    })
                    .collect(),
                web: owned(r.web),
                email: owned(r.email),
            },
            referral: from_set(Referral::ALL, u32::from(r.referral), "referral")?,
            hours: owned(r.hours),
            vacancy,
            provenance: Provenance {
                source: r.source.into(),
                url: owned(r.source_url),
                verified_on: date(r.verified_on)?,
                example: p.example,
            },
        })
    }
}
