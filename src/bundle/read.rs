//! Reading the payload: profiles decoded for search, records left in place until shown.

use super::layout::*;
use crate::areas::{Area, AreaTable, Nation};
use crate::codes::CodeSet;
use crate::container::{postcard_message, FileError, DIRECTORY};
use crate::date::Date;
use crate::model::{
    Community, Contact, Coverage, Eligibility, Kind, Language, Phone, Place, Provenance, Referral,
    Service, Vacancy, VacancyStatus,
};
use crate::profile::{Covers, Placement, Profile};

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

/// Reads a payload, checking every profile and every record, but leaving records
/// encoded.
pub(crate) fn load(payload: &[u8]) -> Result<Loaded, FileError> {
    let body: Body<'_> = DIRECTORY.decode(payload)?;
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
        .collect::<Result<Vec<_>, FileError>>()?;
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
            Language::from_bytes(*b).ok_or_else(|| {
                bad(format!(
                    "bytes {} {} {} are not a language code",
                    b[0], b[1], b[2]
                ))
            })
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
            .collect::<Result<_, FileError>>()?;
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
            space_on: p.space_on.map(date).transpose()?,
            example: p.flags & 4 != 0,
            general: p.flags & 8 != 0,
            non_voice: p.flags & 16 != 0,
        });
    }
    // A payload of zeros decodes as an empty directory built 6 000 years ago.
    let built_on = date(body.built_on)?;
    if built_on.year() < 2020 {
        return Err(bad(format!(
            "its build date, {built_on}, is before Haven existed"
        )));
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
        built_on,
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
    fn check(&self) -> Result<(), FileError> {
        date(self.verified_on)?;
        if let Some((status, _, updated)) = self.vacancy {
            get(VacancyStatus::ALL, status, "vacancy status")?;
            date(updated)?;
        }
        from_set(Referral::ALL, u32::from(self.referral), "referral").map(|_| ())
    }
}

impl Loaded {
    /// The bytes of service `i`'s record.
    fn record_bytes(&self, i: usize) -> Result<&[u8], FileError> {
        let start = self.offsets.get(i).map(|&o| o as usize);
        let end = self
            .offsets
            .get(i + 1)
            .map_or(self.records.len(), |&o| o as usize);
        let bytes = start
            .filter(|&s| s <= end)
            .and_then(|s| self.records.get(s..end));
        bytes.ok_or_else(|| {
            bad(format!(
                "service {i}'s record lies outside the record block"
            ))
        })
    }

    /// The encoded record of service `i`, read in place.
    pub fn record(&self, i: usize) -> Result<CRecord<'_>, FileError> {
        postcard::from_bytes(self.record_bytes(i)?).map_err(|e| {
            DIRECTORY.malformed(format!("service {i}'s record: {}", postcard_message(&e)))
        })
    }

    /// The id of service `i`, read alone: it comes first in the record, and postcard
    /// leaves the rest unread, so matching ids against every service stays cheap.
    pub fn id(&self, i: usize) -> Option<&str> {
        postcard::from_bytes(self.record_bytes(i).ok()?).ok()
    }

    /// The vacancy service `i`'s record states.
    pub fn vacancy(&self, i: usize) -> Result<Option<Vacancy>, FileError> {
        vacancy(self.record(i)?.vacancy)
    }

    /// Service `i` in full.
    pub fn service(&self, i: usize) -> Result<Service, FileError> {
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
            .collect::<Result<_, FileError>>()?;
        let vacancy = vacancy(r.vacancy)?;
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
            general: p.general,
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
                chat: owned(r.chat),
                video: owned(r.video),
            },
            referral: from_set(Referral::ALL, u32::from(r.referral), "referral")?,
            hours: owned(r.hours),
            vacancy,
            provenance: Provenance {
                source: r.source.into(),
                url: owned(r.source_url),
                date: owned(r.source_date),
                contract_ends: owned(r.contract_ends),
                verified_on: date(r.verified_on)?,
                example: p.example,
            },
        })
    }
}

fn vacancy(v: Option<(u8, Option<u16>, i32)>) -> Result<Option<Vacancy>, FileError> {
    let Some((status, units_free, updated)) = v else {
        return Ok(None);
    };
    Ok(Some(Vacancy {
        status: get(VacancyStatus::ALL, status, "vacancy status")?,
        units_free,
        updated_at: date(updated)?,
    }))
}
