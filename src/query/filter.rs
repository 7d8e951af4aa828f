//! Whether one service suits the query, and if not, the one reason shown to the user.
//! Both search paths call this, so they cannot disagree about eligibility.

use super::Query;
use crate::areas::Area;
use crate::codes::{code_enum, CodeSet};
use crate::geometry::LatLon;
use crate::index::{Covers, Directory, Placement, Profile};
use crate::model::{Kind, Language, Need, Sex};
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
    /// The origin's council area and its position in the area table.
    pub origin_area: Option<(u16, &'a Area)>,
    /// Avoid zones with the council area each avoid point lies in.
    avoid: Vec<(LatLon, f64, Option<u16>)>,
    text: Option<String>,
    /// Whether languages other than English were asked for, and which of the
    /// directory's languages they are.
    wants_language: bool,
    languages: u64,
    household_size: usize,
    oldest_boy: Option<u8>,
}

impl<'a> Prepared<'a> {
    pub fn new(query: &'a Query, dir: &'a Directory) -> Prepared<'a> {
        let area_of = |p: LatLon| {
            let area = dir.area_of(p)?;
            Some((dir.areas().index_of(&area.code)?, area))
        };
        let household = &query.household;
        let wanted: Vec<Language> = query
            .languages
            .iter()
            .copied()
            .filter(|l| *l != Language::ENGLISH)
            .collect();
        let languages = dir
            .languages()
            .iter()
            .enumerate()
            .filter(|(_, l)| wanted.contains(l))
            .fold(0, |acc, (i, _)| acc | 1 << i);
        Prepared {
            query,
            kinds: CodeSet::from_bits(query.kinds.iter().map(|k| k.bit())),
            origin_area: area_of(query.near),
            avoid: query
                .avoid
                .iter()
                .map(|z| {
                    let p = LatLon::new(z.lat, z.lon);
                    (p, z.km, area_of(p).map(|(i, _)| i))
                })
                .collect(),
            text: query.text.as_deref().map(fold).filter(|t| !t.is_empty()),
            wants_language: !wanted.is_empty(),
            languages,
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

    fn covers(&self, coverage: &[Covers]) -> bool {
        coverage.is_empty()
            || coverage.iter().any(|c| match *c {
                Covers::Uk => true,
                Covers::Nation(n) => self.origin_area.and_then(|(_, a)| a.nation()) == Some(n),
                Covers::Area(code) => self.origin_area.is_some_and(|(i, _)| i == code),
            })
    }

    fn avoided(&self, profile: &Profile, point: Option<LatLon>) -> bool {
        self.avoid.iter().any(|(centre, km, avoid_area)| {
            let within = point.is_some_and(|p| p.distance_km(centre) <= *km);
            let same_area = profile.place.is_confidential()
                && avoid_area.is_some()
                && profile.place.area() == *avoid_area;
            within || same_area
        })
    }

    /// Checks one service placed at `point` (its own point, its area's point, or none);
    /// `text` gives its folded words when the query has any. Returns what it is
    /// confirmed to meet, or why it is hidden.
    pub fn check(
        &self,
        profile: &Profile,
        point: Option<LatLon>,
        text: impl FnOnce() -> String,
    ) -> Result<Vec<&'static str>, HideReason> {
        let e = &profile.eligibility;
        let q = self.query;
        let mut matches = Vec::new();
        if self.avoided(profile, point) {
            return Err(HideReason::Avoid);
        }
        if !self.covers(&profile.coverage) {
            return Err(HideReason::Coverage);
        }
        if !profile.coverage.is_empty() && !profile.coverage.contains(&Covers::Uk) {
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
                None if !profile.kind.is_accommodation() => {}
                _ => return Err(HideReason::of_need(need)),
            }
        }
        if self.wants_language {
            if profile.languages & self.languages != 0 {
                matches.push("language");
            } else if profile.interpreters {
                matches.push("interpreters");
            } else {
                return Err(HideReason::Language);
            }
        }
        if !q.communities.is_empty() {
            if !q
                .communities
                .iter()
                .any(|c| profile.communities.has(c.bit()))
            {
                return Err(HideReason::Community);
            }
            matches.push("community");
        }
        if let Some(words) = &self.text {
            if !all_words_prefix(&text(), words) {
                return Err(HideReason::Text);
            }
        }
        if profile.vacancy_available {
            matches.push("vacancy");
        }
        if profile.place == Placement::Remote {
            matches.push("remote");
        }
        Ok(matches)
    }
}
