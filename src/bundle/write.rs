//! Writing the payload from checked services.

use super::layout::*;
use crate::areas::AreaTable;
use crate::codes::CodeSet;
use crate::container::{WriteError, DIRECTORY};
use crate::date::Date;
use crate::model::{Coverage, Language, Place, Service, VacancyStatus};

/// Writes the payload of a bundle.
pub(crate) fn encode(
    areas: &AreaTable,
    services: &[Service],
    built_on: Date,
) -> Result<Vec<u8>, WriteError> {
    let area_index = |code: &str, id: &str| {
        areas.index_of(code).ok_or_else(|| {
            DIRECTORY.unwritable(format!(
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
        return Err(DIRECTORY.unwritable(format!(
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
            .collect::<Result<_, WriteError>>()?;
        let e = &s.eligibility;
        let space_on = s
            .vacancy
            .as_ref()
            .filter(|v| v.status == VacancyStatus::Available)
            .map(|v| v.updated_at.to_days());
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
                | u8::from(s.provenance.example) << 2
                | u8::from(s.general) << 3
                | u8::from(s.contact.has_non_voice_route()) << 4,
            space_on,
        });
        offsets.push(
            u32::try_from(records.len())
                .map_err(|_| DIRECTORY.unwritable("records exceed 4 GB"))?,
        );
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
            chat: s.contact.chat.as_deref(),
            video: s.contact.video.as_deref(),
            referral: CodeSet::from_bits(s.referral.iter().map(|r| r.bit())).0 as u8,
            hours: s.hours.as_deref(),
            vacancy: s
                .vacancy
                .as_ref()
                .map(|v| (v.status.bit() as u8, v.units_free, v.updated_at.to_days())),
            source: &s.provenance.source,
            source_url: s.provenance.url.as_deref(),
            verified_on: s.provenance.verified_on.to_days(),
            source_date: s.provenance.date.as_deref(),
            contract_ends: s.provenance.contract_ends.as_deref(),
        };
        records = postcard::to_extend(&record, records)
            .map_err(|e| DIRECTORY.unwritable(e.to_string()))?;
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
    postcard::to_allocvec(&body).map_err(|e| DIRECTORY.unwritable(e.to_string()))
}
