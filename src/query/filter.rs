//! What one service meets of the query, fails of it, and does not say. A service that
//! fails anything is hidden, under the first reason it fails; the professional view
//! asks for every reason. Both search paths call this, so they cannot disagree about
//! eligibility.

use super::reasons::{HideReason, MatchReason};
use super::resolve::Resolved;
use super::Query;
use crate::areas::Area;
use crate::codes::CodeSet;
use crate::geometry::LatLon;
use crate::index::Directory;
use crate::model::{fresh_vacancy as fresh, Community, Kind, Language, Need, Sex};
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

    /// Checks one service placed at `point` (its own point, its area's point, or none)
    /// against every criterion; `text` gives its folded words when the query has any.
    /// Failing what a service states hides it; what its source does not say is unknown,
    /// and is listed as such rather than hidden.
    pub fn check(
        &self,
        profile: &Profile,
        point: Option<LatLon>,
        text: impl FnOnce() -> String,
    ) -> Verdict {
        let e = &profile.eligibility;
        let q = self.query;
        let mut v = Verdict::default();
        // Whom a service takes is asked about where a household goes to stay; a phone
        // line that does not say is not "unknown" for it.
        let stays = profile.kind.is_accommodation();
        if self.avoided(profile, point) {
            v.fails.push(HideReason::Avoid);
        }
        if !self.covers(&profile.coverage) {
            v.fails.push(HideReason::Coverage);
        } else if !profile.coverage.is_empty() && !profile.coverage.contains(&Covers::Uk) {
            v.matches.push(MatchReason::Coverage);
        }
        if !q.household.adults.is_empty() {
            let accepted: Vec<Option<bool>> = q
                .household
                .adults
                .iter()
                .map(|a| e.accepts_gender(a.gender))
                .collect();
            if accepted.contains(&Some(false)) {
                v.fails.push(HideReason::Gender);
            } else {
                let all = accepted.iter().all(|a| *a == Some(true));
                v.add(all, stays, MatchReason::Gender, HideReason::Gender);
            }
        }
        if q.household.adults.iter().any(|a| a.trans) {
            match e.trans_inclusive {
                Some(false) => v.fails.push(HideReason::Trans),
                known => v.add(
                    known.is_some(),
                    stays,
                    MatchReason::Trans,
                    HideReason::Trans,
                ),
            }
        }
        let outside =
            |age: u8| e.min_age.is_some_and(|m| age < m) || e.max_age.is_some_and(|m| age > m);
        if q.household.adults.iter().filter_map(|a| a.age).any(outside) {
            v.fails.push(HideReason::Age);
        }
        if !q.household.children.is_empty() {
            match e.children {
                Some(false) => v.fails.push(HideReason::Children),
                Some(true) => v.matches.push(MatchReason::Children),
                None if stays => v.unknown.push(HideReason::Children),
                None => {}
            }
        }
        if let Some(boy) = self.oldest_boy {
            match e.max_boy_age {
                Some(limit) if boy > limit => v.fails.push(HideReason::BoysAge),
                Some(_) => v.matches.push(MatchReason::BoysAge),
                None if stays && e.children != Some(false) => v.unknown.push(HideReason::BoysAge),
                None => {}
            }
        }
        match e.max_household {
            Some(max) if self.household_size > usize::from(max) => {
                v.fails.push(HideReason::HouseholdSize)
            }
            Some(_) if self.household_size > 0 => v.matches.push(MatchReason::HouseholdSize),
            None if stays && self.household_size > 1 => v.unknown.push(HideReason::HouseholdSize),
            _ => {}
        }
        for &need in &q.needs {
            let met = match need {
                // A text, chat or video route, or a service by and for Deaf people, is a
                // way in without voice or hearing.
                Need::Bsl
                    if profile.non_voice || profile.communities.has(Community::Deaf.bit()) =>
                {
                    Some(true)
                }
                _ => e.need(need),
            };
            match met {
                Some(false) => v.fails.push(HideReason::Need(need)),
                Some(true) => v.matches.push(MatchReason::Need(need)),
                // A phone line has no rooms to be step-free.
                None if need.is_premises() && !stays => {}
                None => v.unknown.push(HideReason::Need(need)),
            }
        }
        if self.wants_language {
            if profile.languages & self.languages != 0 {
                v.matches.push(MatchReason::Language);
            } else if profile.interpreters {
                v.matches.push(MatchReason::Interpreters);
            } else {
                // Not listing a language is not saying staff cannot speak it.
                v.unknown.push(HideReason::Language);
            }
        }
        if !q.communities.is_empty() {
            if q.communities
                .iter()
                .any(|c| profile.communities.has(c.bit()))
            {
                v.matches.push(MatchReason::Community);
            } else {
                v.fails.push(HideReason::Community);
            }
        }
        if let Some(words) = &self.text {
            if !all_words_prefix(&text(), words) {
                v.fails.push(HideReason::Text);
            }
        }
        if let (Some(on), Some(today)) = (profile.space_on, q.today) {
            if fresh(on, today) {
                v.matches.push(MatchReason::Vacancy);
            }
        }
        if profile.place == Placement::Remote {
            v.matches.push(MatchReason::Remote);
        }
        v
    }
}

/// What one service meets of a query, fails of it, and what its source does not say.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Verdict {
    /// Confirmed: "why it matches".
    pub matches: Vec<MatchReason>,
    /// Not known: to ask about when calling (by the reason it would hide under).
    pub unknown: Vec<HideReason>,
    /// What it states it does not meet, in the order checked: the first hides it.
    pub fails: Vec<HideReason>,
}

impl Verdict {
    /// Meets `matches`, with nothing unknown.
    pub fn matching(matches: Vec<MatchReason>) -> Verdict {
        Verdict {
            matches,
            ..Verdict::default()
        }
    }

    /// A match when `confirmed`, else unknown where it matters (`asked`).
    fn add(&mut self, confirmed: bool, asked: bool, matched: MatchReason, unknown: HideReason) {
        if confirmed {
            self.matches.push(matched);
        } else if asked {
            self.unknown.push(unknown);
        }
    }
}
