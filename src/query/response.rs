//! The answer to a query, as the CLI prints it and the JavaScript API returns it.

use super::criteria::CriterionAnswer;
use super::filter::Verdict;
use super::reasons::{HideReason, MatchReason};
use crate::codes::code_enum;
use crate::geometry::{LatLon, KM_PER_MILE};
use crate::index::Directory;
use crate::model::{Community, Eligibility, Kind, Language, Phone, Place, Referral, Vacancy};
use serde::ser::SerializeMap;
use serde::Serialize;

code_enum! {
    /// How far a service is, in the coarse bands that are all a confidential service
    /// ever shows.
    pub enum DistanceBand: "distance band" {
        /// Under 5 miles.
        Under5 = "under_5_miles",
        /// 5 to 15 miles.
        From5To15 = "5_to_15_miles",
        /// 15 to 40 miles.
        From15To40 = "15_to_40_miles",
        /// Over 40 miles.
        Over40 = "over_40_miles",
        /// No premises: it serves the area searched.
        Remote = "serves_your_area",
    }
}

impl DistanceBand {
    /// The band of a distance in kilometres.
    pub fn of_km(km: f64) -> DistanceBand {
        let miles = km / KM_PER_MILE;
        if miles < 5.0 {
            DistanceBand::Under5
        } else if miles < 15.0 {
            DistanceBand::From5To15
        } else if miles < 40.0 {
            DistanceBand::From15To40
        } else {
            DistanceBand::Over40
        }
    }
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    /// Where the search was from.
    pub origin: LatLon,
    /// The council area of the origin, as far as the engine can tell.
    pub area: Option<AreaRef>,
    /// Services, nearest first (services with no premises that serve the area first).
    pub results: Vec<Hit>,
    /// How many services each filter hid among those that would otherwise have been
    /// listed (within the radius, and no farther than the last result when the list is
    /// full), by [`HideReason`](super::HideReason) code.
    pub hidden: Pairs<u32>,
    /// Those hidden services themselves, nearest first (at most the query's limit),
    /// each with `hidden_by`, so a person can see what a filter took away.
    pub hidden_results: Vec<Hit>,
}

/// Codes with values, written as a JSON object in this order (a map type would cost
/// more wasm and sort the codes alphabetically rather than meaningfully).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pairs<V>(pub Vec<(&'static str, V)>);

impl<V> Pairs<V> {
    /// The value for a code.
    pub fn get(&self, code: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| *k == code).map(|(_, v)| v)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The codes and values.
    pub fn iter(&self) -> impl Iterator<Item = &(&'static str, V)> {
        self.0.iter()
    }
}

impl<V> FromIterator<(&'static str, V)> for Pairs<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        Pairs(iter.into_iter().collect())
    }
}

impl<V: Serialize> Serialize for Pairs<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A council area in a response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaRef {
    /// GSS code.
    pub code: String,
    /// Name.
    pub name: String,
}

/// One service in a response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind code.
    pub kind: Kind,
    /// Council area (GSS code); `null` for services with no premises.
    pub area_code: Option<String>,
    /// Council area name, as people say it ("Herefordshire", not "Herefordshire,
    /// County of").
    pub area_name: Option<String>,
    /// Kilometres to the service, to 0.1 km; `null` for confidential services and
    /// services with no premises.
    pub distance_km: Option<f64>,
    /// Distance band; the only distance a confidential service shows.
    pub distance_band: DistanceBand,
    /// Known only by its council area.
    pub confidential: bool,
    /// Phone and text numbers.
    pub phones: Vec<Phone>,
    /// Vacancy, for accommodation that publishes it.
    pub vacancy: Option<Vacancy>,
    /// Organisation.
    pub organisation: Option<String>,
    /// What it offers.
    pub description: String,
    /// Web address.
    pub web: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Web chat address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat: Option<String>,
    /// A video route, such as a BSL video-relay link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
    /// Street address, for public offices only.
    pub address: Option<String>,
    /// Postcode, for public offices only.
    pub postcode: Option<String>,
    /// Location, for public offices only.
    pub location: Option<LatLon>,
    /// Opening hours in words.
    pub hours: Option<String>,
    /// How to get in.
    pub referral: Vec<Referral>,
    /// Languages staff speak.
    pub languages: Vec<Language>,
    /// Interpreters available.
    pub interpreters: bool,
    /// Communities it is dedicated to.
    pub communities: Vec<Community>,
    /// Whom it takes.
    pub eligibility: Eligibility,
    /// What it is confirmed to meet of the query ("why it matches"): filter codes such
    /// as `boys_age`, `wheelchair`, `language`, plus `vacancy` (space reported within
    /// the last week), `coverage`, `remote`.
    pub matches: Vec<MatchReason>,
    /// What its source does not say of what the query asks (hide-reason codes such as
    /// `wheelchair`, `children`, `language`): to ask about when calling. Results with
    /// any come after those that meet everything.
    pub unknown: Vec<HideReason>,
    /// In `hidden_results` only: why a filter hid it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden_by: Option<HideReason>,
    /// For each criterion the query's household brings (`gender`, `trans`, `age`,
    /// `children`, `boys_age`, `household_size`, each need, `language`, `community`):
    /// `meets`, `fails` or `unknown`. Unknown is never a match.
    pub criteria: Pairs<CriterionAnswer>,
    /// With `include_failing` only: every reason it fails, in the order checked (empty
    /// for a service that fails nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fails: Option<Vec<HideReason>>,
    /// Its council area's published point, the finest place a map may show it at
    /// (`null` for services with no premises).
    pub area_point: Option<LatLon>,
    /// Not specific to domestic abuse (a general line such as Samaritans).
    pub general: bool,
    /// Where its facts come from.
    pub source: String,
    /// Source web address.
    pub source_url: Option<String>,
    /// The source's own date, as it states it (`2021`, `2021-06`, `2021-06-15`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_date: Option<String>,
    /// When it was last checked against its source.
    pub verified_on: crate::date::Date,
    /// A demonstration record, not a real service.
    pub example: bool,
}

impl Hit {
    /// The public view of service `index` of a directory, found `distance_km` away
    /// (`None` for a service with no premises). A confidential service gets only its
    /// band.
    pub(crate) fn of(
        dir: &Directory,
        index: usize,
        distance_km: Option<f64>,
        verdict: Verdict,
    ) -> Option<Hit> {
        // The record is decoded for this hit alone: its fields move into it (cloning
        // them measured 0.5 KB more wasm).
        let s = dir.service(index)?;
        let area = s.place.area().and_then(|c| dir.areas().get(c));
        let area_name = area.map(|a| crate::areas::spoken_name(&a.name));
        let confidential = s.place.is_confidential();
        let area_code = s.place.area().map(String::from);
        let (address, postcode, location) = match s.place {
            Place::Exact {
                point,
                address,
                postcode,
                ..
            } => (address, postcode, Some(point)),
            _ => (None, None, None),
        };
        Some(Hit {
            id: s.id,
            name: s.name,
            kind: s.kind,
            area_code,
            area_name: area_name.map(String::from),
            distance_km: if confidential {
                None
            } else {
                distance_km.map(|d| (d * 10.0).round() / 10.0)
            },
            distance_band: distance_km.map_or(DistanceBand::Remote, DistanceBand::of_km),
            confidential,
            phones: s.contact.phones,
            vacancy: s.vacancy,
            organisation: s.organisation,
            description: s.description,
            web: s.contact.web,
            email: s.contact.email,
            chat: s.contact.chat,
            video: s.contact.video,
            address,
            postcode,
            location,
            hours: s.hours,
            referral: s.referral,
            languages: s.languages,
            interpreters: s.interpreters,
            communities: s.communities,
            eligibility: s.eligibility,
            matches: verdict.matches,
            unknown: verdict.unknown,
            hidden_by: None,
            criteria: Pairs(Vec::new()),
            fails: None,
            // To a metre: the table's points carry float noise.
            area_point: area.map(|a| {
                let metre = |x: f64| (x * 1e5).round() / 1e5;
                LatLon::new(metre(a.point.lat), metre(a.point.lon))
            }),
            general: s.general,
            source: s.provenance.source,
            source_url: s.provenance.url,
            source_date: s.provenance.date,
            verified_on: s.provenance.verified_on,
            example: s.provenance.example,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::DistanceBand;

    #[test]
    fn distances_fall_into_the_published_mile_bands() {
        assert_eq!(DistanceBand::of_km(0.0), DistanceBand::Under5);
        assert_eq!(DistanceBand::of_km(8.0), DistanceBand::Under5);
        assert_eq!(DistanceBand::of_km(8.1), DistanceBand::From5To15);
        assert_eq!(DistanceBand::of_km(24.2), DistanceBand::From15To40);
        assert_eq!(DistanceBand::of_km(64.4), DistanceBand::Over40);
    }
}
