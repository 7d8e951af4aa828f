//! Whether one service suits the query, and if not, the one reason shown to the user.
//! Both search paths call this, so they cannot disagree about eligibility.

use super::reasons::{HideReason, MatchReason};
use super::resolve::Resolved;
use super::Query;
use crate::areas::Area;
use crate::codes::CodeSet;
use crate::geometry::LatLon;
use crate::index::Directory;
use crate::model::{Kind, Language, Sex};
use crate::profile::{serves, Covers, Placement, Profile};
use crate::text::{all_words_prefix, fold};

/// A query with what every candidate needs worked out once.
pub(crate) struct Prepared<'a> {
    pub query: &'a Query,
    /// Where the search is from.
    pub near: LatLon,
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
    pub fn new(query: &'a Query, resolved: &Resolved, dir: &'a Directory) -> Prepared<'a> {
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
            near: resolved.near,
            kinds: CodeSet::from_bits(query.kinds.iter().map(|k| k.bit())),
            origin_area: area_of(resolved.near),
            avoid: resolved
                .avoid
                .iter()
                .map(|&(p, km)| (p, km, area_of(p).map(|(i, _)| i)))
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
        let (area, nation) = match self.origin_area {
            Some((i, a)) => (Some(i), a.nation()),
            None => (None, None),
        };
        serves(coverage, area, nation)
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
    ) -> Result<Vec<MatchReason>, HideReason> {
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
            matches.push(MatchReason::Coverage);
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
                matches.push(MatchReason::Gender);
            }
        }
        if q.household.adults.iter().any(|a| a.trans) {
            match e.trans_inclusive {
                Some(false) => return Err(HideReason::Trans),
                Some(true) => matches.push(MatchReason::Trans),
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
                Some(true) => matches.push(MatchReason::Children),
                None => {}
            }
        }
        if let (Some(boy), Some(limit)) = (self.oldest_boy, e.max_boy_age) {
            if boy > limit {
                return Err(HideReason::BoysAge);
            }
            matches.push(MatchReason::BoysAge);
        }
        if let Some(max) = e.max_household {
            if self.household_size > usize::from(max) {
                return Err(HideReason::HouseholdSize);
            }
            if self.household_size > 0 {
                matches.push(MatchReason::HouseholdSize);
            }
        }
        for &need in &q.needs {
            match e.need(need) {
                Some(true) => matches.push(MatchReason::Need(need)),
                // Premises needs must be confirmed before sending a household somewhere.
                None if !profile.kind.is_accommodation() => {}
                _ => return Err(HideReason::Need(need)),
            }
        }
        if self.wants_language {
            if profile.languages & self.languages != 0 {
                matches.push(MatchReason::Language);
            } else if profile.interpreters {
                matches.push(MatchReason::Interpreters);
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
            matches.push(MatchReason::Community);
        }
        if let Some(words) = &self.text {
            if !all_words_prefix(&text(), words) {
                return Err(HideReason::Text);
            }
        }
        if profile.vacancy_available {
            matches.push(MatchReason::Vacancy);
        }
        if profile.place == Placement::Remote {
            matches.push(MatchReason::Remote);
        }
        Ok(matches)
    }
}
