//! Whether one service suits the query, and if not, the one reason shown to the user.
//! Both search paths call this, so they cannot disagree about eligibility.

use super::Query;
use crate::areas::Area;
use crate::codes::{code_enum, CodeSet};
use crate::geometry::LatLon;
use crate::model::{Coverage, Kind, Language, Need, Place, Service, Sex, VacancyStatus};
use crate::text::{all_words_prefix, fold};

code_enum! {
    /// Why a service that would otherwise be listed is hidden. Each hidden service is
    /// counted once, under the first reason in this order.
    pub enum HideReason: "hide reason" {
        /// It lies in, or is placed in the council area of, a place to avoid.
        Avoid = "avoid",
        /// It only serves people living elsewhere.
        Coverage = "coverage",
        /// It does not take an adult of this gender.
        Gender = "gender",
        /// It states it does not take trans people.
        Trans = "trans",
        /// An adult is outside its age range.
        Age = "age",
        /// It takes no children.
        Children = "children",
        /// It does not take boys as old as one in the household.
        BoysAge = "boys_age",
        /// The household is larger than it can take.
        HouseholdSize = "household_size",
        /// Not confirmed wheelchair accessible.
        Wheelchair = "wheelchair",
        /// Not confirmed suitable for limited mobility.
        LimitedMobility = "limited_mobility",
        /// Cannot consider no recourse to public funds (or has not confirmed it can).
        Nrpf = "nrpf",
        /// Does not take pets (or has not confirmed it does).
        Pets = "pets",
        /// Does not support substance use (or has not confirmed it does).
        SubstanceUse = "substance_use",
        /// Does not support mental-health needs (or has not confirmed it does).
        MentalHealth = "mental_health",
        /// Does not support complex needs (or has not confirmed it does).
        ComplexNeeds = "complex_needs",
        /// Speaks none of the household's languages and offers no interpreters.
        Language = "language",
        /// Is not a service for the chosen community.
        Community = "community",
        /// Does not contain the words searched for.
        Text = "text",
    }
}

impl HideReason {
    fn of_need(need: Need) -> HideReason {
        match need {
            Need::Wheelchair => HideReason::Wheelchair,
            Need::LimitedMobility => HideReason::LimitedMobility,
            Need::Nrpf => HideReason::Nrpf,
            Need::Pets => HideReason::Pets,
            Need::SubstanceUse => HideReason::SubstanceUse,
            Need::MentalHealth => HideReason::MentalHealth,
            Need::ComplexNeeds => HideReason::ComplexNeeds,
        }
    }
}

/// A query with what every candidate needs worked out once.
pub(crate) struct Prepared<'a> {
    pub query: &'a Query,
    pub kinds: CodeSet,
    pub origin_area: Option<&'a Area>,
    /// Avoid zones with the council area each avoid point lies in.
    pub avoid: Vec<(LatLon, f64, Option<&'a str>)>,
    text: Option<String>,
    languages: Vec<Language>,
    household_size: usize,
    oldest_boy: Option<u8>,
}

impl<'a> Prepared<'a> {
    pub fn new(query: &'a Query, area_of: impl Fn(LatLon) -> Option<&'a Area>) -> Prepared<'a> {
        let household = &query.household;
        Prepared {
            query,
            kinds: CodeSet::from_bits(query.kinds.iter().map(|k| k.bit())),
            origin_area: area_of(query.near),
            avoid: query
                .avoid
                .iter()
                .map(|z| {
                    let p = LatLon::new(z.lat, z.lon);
                    (p, z.km, area_of(p).map(|a| a.code.as_str()))
                })
                .collect(),
            text: query.text.as_deref().map(fold).filter(|t| !t.is_empty()),
            languages: query
                .languages
                .iter()
                .copied()
                .filter(|l| *l != Language::ENGLISH)
                .collect(),
            household_size: household.adults.len() + household.children.len(),
            oldest_boy: household
                .children
                .iter()
                .filter(|c| c.sex == Sex::Boy)
                .map(|c| c.age)
                .max(),
        }
    }

    /// Whether the kind was asked for (a kind not asked for is not "hidden", just not
    /// part of this search).
    pub fn wants_kind(&self, kind: Kind) -> bool {
        self.kinds.is_empty() || self.kinds.has(kind.bit())
    }

    fn covers(&self, coverage: &[Coverage]) -> bool {
        coverage.is_empty()
            || coverage.iter().any(|c| match c {
                Coverage::Uk => true,
                Coverage::Nation(n) => self.origin_area.and_then(Area::nation) == Some(*n),
                Coverage::Area(code) => self.origin_area.is_some_and(|a| &a.code == code),
            })
    }

    fn avoided(&self, service: &Service, point: Option<LatLon>) -> bool {
        self.avoid.iter().any(|(centre, km, avoid_area)| {
            let within = point.is_some_and(|p| p.distance_km(centre) <= *km);
            let same_area = service.place.is_confidential()
                && avoid_area.is_some()
                && service.place.area() == *avoid_area;
            within || same_area
        })
    }

    /// Checks one service placed at `point` (its own point, its area's point, or none).
    /// Returns what it is confirmed to meet, or why it is hidden.
    pub fn check(
        &self,
        service: &Service,
        point: Option<LatLon>,
        area_name: Option<&str>,
    ) -> Result<Vec<&'static str>, HideReason> {
        let e = &service.eligibility;
        let q = self.query;
        let mut matches = Vec::new();
        if self.avoided(service, point) {
            return Err(HideReason::Avoid);
        }
        if !self.covers(&service.coverage) {
            return Err(HideReason::Coverage);
        }
        if !service.coverage.is_empty() && !service.coverage.contains(&Coverage::Uk) {
            matches.push("coverage");
        }
        if !q.household.adults.is_empty() {
            let accepted: Vec<Option<bool>> = q
                .household
                .adults
                .iter()
                .map(|a| e.accepts_gender(a.gender))
                .collect();
            if accepted.contains(&Some(false)) {
                return Err(HideReason::Gender);
            }
            if accepted.iter().all(|a| *a == Some(true)) {
                matches.push("gender");
            }
        }
        if q.household.adults.iter().any(|a| a.trans) {
            match e.trans_inclusive {
                Some(false) => return Err(HideReason::Trans),
                Some(true) => matches.push("trans"),
                None => {}
            }
        }
        for age in q.household.adults.iter().filter_map(|a| a.age) {
            if e.min_age.is_some_and(|m| age < m) || e.max_age.is_some_and(|m| age > m) {
                return Err(HideReason::Age);
            }
        }
        if !q.household.children.is_empty() {
            match e.children {
                Some(false) => return Err(HideReason::Children),
                Some(true) => matches.push("children"),
                None => {}
            }
        }
        if let (Some(boy), Some(limit)) = (self.oldest_boy, e.max_boy_age) {
            if boy > limit {
                return Err(HideReason::BoysAge);
            }
            matches.push("boys_age");
        }
        if let Some(max) = e.max_household {
            if self.household_size > usize::from(max) {
                return Err(HideReason::HouseholdSize);
            }
            if self.household_size > 0 {
                matches.push("household_size");
            }
        }
        for &need in &q.needs {
            match e.need(need) {
                Some(true) => matches.push(need.code()),
                // Premises needs must be confirmed before sending a household somewhere.
                None if !service.kind.is_accommodation() => {}
                _ => return Err(HideReason::of_need(need)),
            }
        }
        if !self.languages.is_empty() {
            if self.languages.iter().any(|l| service.languages.contains(l)) {
                matches.push("language");
            } else if service.interpreters {
                matches.push("interpreters");
            } else {
                return Err(HideReason::Language);
            }
        }
        if !q.communities.is_empty() {
            if !q
                .communities
                .iter()
                .any(|c| service.communities.contains(c))
            {
                return Err(HideReason::Community);
            }
            matches.push("community");
        }
        if let Some(words) = &self.text {
            let mut hay = String::new();
            for part in [
                Some(service.name.as_str()),
                service.organisation.as_deref(),
                Some(service.description.as_str()),
                Some(service.kind.label()),
                area_name,
            ] {
                hay.push_str(&fold(part.unwrap_or("")));
                hay.push(' ');
            }
            if !all_words_prefix(&hay, words) {
                return Err(HideReason::Text);
            }
        }
        if service
            .vacancy
            .as_ref()
            .is_some_and(|v| v.status == VacancyStatus::Available)
        {
            matches.push("vacancy");
        }
        if matches!(service.place, Place::Remote) {
            matches.push("remote");
        }
        Ok(matches)
    }
}
