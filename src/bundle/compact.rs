//! The compact payload: the model with codes as small numbers, flags as bitsets,
//! coordinates quantised, dates as day numbers and areas as indexes into the area table.

use super::{Bundle, BundleError};
use crate::areas::{Area, AreaTable, Nation};
use crate::codes::CodeSet;
use crate::date::Date;
use crate::geometry::LatLon;
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

#[derive(Serialize, Deserialize)]
pub(super) struct Body {
    built_on: i32,
    areas: Vec<CArea>,
    services: Vec<CService>,
}

#[derive(Serialize, Deserialize)]
struct CArea {
    code: String,
    name: String,
    point: (i32, i32),
}

#[derive(Serialize, Deserialize)]
struct CService {
    id: String,
    name: String,
    organisation: Option<String>,
    kind: u8,
    description: String,
    place: CPlace,
    coverage: Vec<CCoverage>,
    eligibility: CEligibility,
    communities: u32,
    languages: Vec<[u8; 3]>,
    interpreters: bool,
    phones: Vec<CPhone>,
    web: Option<String>,
    email: Option<String>,
    referral: u8,
    hours: Option<String>,
    vacancy: Option<(u8, Option<u16>, i32)>,
    source: String,
    source_url: Option<String>,
    verified_on: i32,
    example: bool,
}

#[derive(Serialize, Deserialize)]
enum CPlace {
    Exact {
        point: (i32, i32),
        area: u16,
        address: Option<String>,
        postcode: Option<String>,
    },
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

#[derive(Serialize, Deserialize)]
struct CPhone {
    number: String,
    label: Option<String>,
    hours: Option<String>,
    /// Bits: 24/7, free, sms.
    flags: u8,
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
        Err(BundleError::Inconsistent(format!(
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

fn small_set<T: Copy>(values: &[T], bit: impl Fn(T) -> u32) -> u32 {
    CodeSet::from_bits(values.iter().map(|v| bit(*v))).0
}

fn from_set<T: Copy>(all: &[T], bits: u32, what: &str) -> Result<Vec<T>, BundleError> {
    if all.len() < 32 && bits >> all.len() != 0 {
        return Err(BundleError::Inconsistent(format!(
            "{what} bitset {bits:#x} has bits beyond the {} known values",
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
        .ok_or_else(|| BundleError::Inconsistent(format!("{what} number {index} is unknown")))
}

fn date(days: i32) -> Result<Date, BundleError> {
    Date::from_days(days)
        .ok_or_else(|| BundleError::Inconsistent(format!("day number {days} is not a date")))
}

impl Body {
    pub(super) fn from_bundle(bundle: &Bundle) -> Result<Body, BundleError> {
        let areas = &bundle.areas;
        let area_index = |code: &str, id: &str| {
            areas.index_of(code).ok_or_else(|| {
                BundleError::Inconsistent(format!(
                    "service {id} refers to council area {code}, which the bundle does not hold"
                ))
            })
        };
        let mut services = Vec::with_capacity(bundle.services.len());
        for s in &bundle.services {
            let place = match &s.place {
                Place::Exact {
                    point,
                    area,
                    address,
                    postcode,
                } => CPlace::Exact {
                    point: quantise(*point),
                    area: area_index(area, &s.id)?,
                    address: address.clone(),
                    postcode: postcode.clone(),
                },
                Place::Area { area } => CPlace::Area(area_index(area, &s.id)?),
                Place::Remote => CPlace::Remote,
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
            services.push(CService {
                id: s.id.clone(),
                name: s.name.clone(),
                organisation: s.organisation.clone(),
                kind: s.kind.bit() as u8,
                description: s.description.clone(),
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
                communities: small_set(&s.communities, Community::bit),
                languages: s.languages.iter().map(|l| l.to_bytes()).collect(),
                interpreters: s.interpreters,
                phones: s
                    .contact
                    .phones
                    .iter()
                    .map(|p| CPhone {
                        number: p.number.clone(),
                        label: p.label.clone(),
                        hours: p.hours.clone(),
                        flags: u8::from(p.twenty_four_seven)
                            | u8::from(p.free) << 1
                            | u8::from(p.sms) << 2,
                    })
                    .collect(),
                web: s.contact.web.clone(),
                email: s.contact.email.clone(),
                referral: small_set(&s.referral, Referral::bit) as u8,
                hours: s.hours.clone(),
                vacancy: s
                    .vacancy
                    .as_ref()
                    .map(|v| (v.status.bit() as u8, v.units_free, v.updated_at.to_days())),
                source: s.provenance.source.clone(),
                source_url: s.provenance.url.clone(),
                verified_on: s.provenance.verified_on.to_days(),
                example: s.provenance.example,
            });
        }
        Ok(Body {
            built_on: bundle.built_on.to_days(),
            areas: areas
                .iter()
                .map(|a| CArea {
                    code: a.code.clone(),
                    name: a.name.clone(),
                    point: quantise(a.point),
                })
                .collect(),
            services,
        })
    }

    pub(super) fn into_bundle(self) -> Result<Bundle, BundleError> {
        let areas = self
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
        let n_areas = areas.len();
        let table = AreaTable::new(areas);
        if table.len() != n_areas {
            return Err(BundleError::Inconsistent(
                "the area table repeats a code".into(),
            ));
        }
        let area_code = |i: u16| {
            table.by_index(i).map(|a| a.code.clone()).ok_or_else(|| {
                BundleError::Inconsistent(format!("area number {i} is beyond the {n_areas} areas"))
            })
        };
        let mut services = Vec::with_capacity(self.services.len());
        for s in self.services {
            let place = match s.place {
                CPlace::Exact {
                    point,
                    area,
                    address,
                    postcode,
                } => Place::Exact {
                    point: dequantise(point)?,
                    area: area_code(area)?,
                    address,
                    postcode,
                },
                CPlace::Area(a) => Place::Area {
                    area: area_code(a)?,
                },
                CPlace::Remote => Place::Remote,
            };
            let coverage = s
                .coverage
                .into_iter()
                .map(|c| {
                    Ok(match c {
                        CCoverage::Uk => Coverage::Uk,
                        CCoverage::Nation(n) => Coverage::Nation(get(Nation::ALL, n, "nation")?),
                        CCoverage::Area(a) => Coverage::Area(area_code(a)?),
                    })
                })
                .collect::<Result<_, BundleError>>()?;
            let ce = s.eligibility;
            let [min_age, max_age, max_boy_age, max_household, max_bedrooms] = ce.ages;
            let eligibility = Eligibility {
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
            };
            let languages = s
                .languages
                .into_iter()
                .map(|b| {
                    Language::from_bytes(b).ok_or_else(|| {
                        BundleError::Inconsistent(format!("{b:?} is not a language code"))
                    })
                })
                .collect::<Result<_, _>>()?;
            let vacancy = match s.vacancy {
                None => None,
                Some((status, units_free, updated)) => Some(Vacancy {
                    status: get(VacancyStatus::ALL, status, "vacancy status")?,
                    units_free,
                    updated_at: date(updated)?,
                }),
            };
            services.push(Service {
                id: s.id,
                name: s.name,
                organisation: s.organisation,
                kind: get(Kind::ALL, s.kind, "kind")?,
                description: s.description,
                place,
                coverage,
                eligibility,
                communities: from_set(Community::ALL, s.communities, "community")?,
                languages,
                interpreters: s.interpreters,
                contact: Contact {
                    phones: s
                        .phones
                        .into_iter()
                        .map(|p| Phone {
                            number: p.number,
                            label: p.label,
                            hours: p.hours,
                            twenty_four_seven: p.flags & 1 != 0,
                            free: p.flags & 2 != 0,
                            sms: p.flags & 4 != 0,
                        })
                        .collect(),
                    web: s.web,
                    email: s.email,
                },
                referral: from_set(Referral::ALL, u32::from(s.referral), "referral")?,
                hours: s.hours,
                vacancy,
                provenance: Provenance {
                    source: s.source,
                    url: s.source_url,
                    verified_on: date(s.verified_on)?,
                    example: s.example,
                },
            });
        }
        Ok(Bundle {
            areas: table,
            services,
            built_on: date(self.built_on)?,
        })
    }
}
