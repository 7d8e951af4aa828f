//! What one service meets of the query, fails of it, and does not say. A service that
//! fails anything is hidden, under the first reason it fails; the professional view
//! asks for every reason, and for each criterion's answer. Both search paths call this, so they cannot disagree about
//! eligibility.

use super::criteria::brought;
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
    /// The household's criteria, for each result's criteria row.
    pub criteria: Vec<HideReason>,
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
            // "At least N km from every zone" makes each zone reach at least that far.
            avoid: resolved
                .avoid
                .iter()
                .map(|&(p, km)| {
                    let km = km.max(query.min_distance_km.unwrap_or(0.0));
                    (p, km, area_of(p).map(|(i, _)| i))
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
            criteria: brought(query),
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
        let adults = &q.household.adults;
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
        if !adults.is_empty() {
            let accepted: Vec<Option<bool>> =
                adults.iter().map(|a| e.accepts_gender(a.gender)).collect();
            let state = if accepted.contains(&Some(false)) {
                Some(false)
            } else {
                accepted.iter().all(|a| *a == Some(true)).then_some(true)
            };
            v.judge(HideReason::Gender, Some(MatchReason::Gender), state, stays);
        }
        if adults.iter().any(|a| a.trans) {
            v.judge(
                HideReason::Trans,
                Some(MatchReason::Trans),
                e.trans_inclusive,
                stays,
            );
        }
        if adults.iter().any(|a| a.age.is_some()) {
            let outside =
                |age: u8| e.min_age.is_some_and(|m| age < m) || e.max_age.is_some_and(|m| age > m);
            let state = if adults.iter().filter_map(|a| a.age).any(outside) {
                Some(false)
            } else {
                (e.min_age.is_some() || e.max_age.is_some()).then_some(true)
            };
            v.judge(HideReason::Age, None, state, false);
        }
        if !q.household.children.is_empty() {
            v.judge(
                HideReason::Children,
                Some(MatchReason::Children),
                e.children,
                stays,
            );
        }
        if let Some(boy) = self.oldest_boy {
            // A son of exactly the limit is within it.
            let state = e.max_boy_age.map(|limit| boy <= limit);
            let ask = stays && e.children != Some(false);
            v.judge(HideReason::BoysAge, Some(MatchReason::BoysAge), state, ask);
        }
        if self.household_size > 0 {
            let state = e
                .max_household
                .map(|max| self.household_size <= usize::from(max));
            let ask = stays && self.household_size > 1;
            let reason = HideReason::HouseholdSize;
            v.judge(reason, Some(MatchReason::HouseholdSize), state, ask);
        }
        for &need in &q.needs {
            let state = match need {
                // A text, chat or video route, or a service by and for Deaf people, is a
                // way in without voice or hearing.
                Need::Bsl
                    if profile.non_voice || profile.communities.has(Community::Deaf.bit()) =>
                {
                    Some(true)
                }
                _ => e.need(need),
            };
            // A phone line has no rooms to be step-free.
            let ask = stays || !need.is_premises();
            v.judge(
                HideReason::Need(need),
                Some(MatchReason::Need(need)),
                state,
                ask,
            );
        }
        if self.wants_language {
            let (state, matched) = if profile.languages & self.languages != 0 {
                (Some(true), MatchReason::Language)
            } else if profile.interpreters {
                (Some(true), MatchReason::Interpreters)
            } else {
                // Not listing a language is not saying staff cannot speak it.
                (None, MatchReason::Language)
            };
            v.judge(HideReason::Language, Some(matched), state, true);
        }
        if !q.communities.is_empty() {
            let state = q
                .communities
                .iter()
                .any(|c| profile.communities.has(c.bit()));
            let reason = HideReason::Community;
            v.judge(reason, Some(MatchReason::Community), Some(state), true);
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
    /// Each household criterion whose answer its source states: met (true) or not.
    pub known: Vec<(HideReason, bool)>,
}

impl Verdict {
    /// Meets `matches`, with nothing unknown.
    pub fn matching(matches: Vec<MatchReason>) -> Verdict {
        Verdict {
            matches,
            ..Verdict::default()
        }
    }

    /// Records a criterion: met (a match, when it has one), failed, or not stated (to
    /// ask about, where it matters: `ask`).
    fn judge(
        &mut self,
        criterion: HideReason,
        matched: Option<MatchReason>,
        state: Option<bool>,
        ask: bool,
    ) {
        match state {
            Some(true) => self.matches.extend(matched),
            Some(false) => self.fails.push(criterion),
            None if ask => self.unknown.push(criterion),
            None => {}
        }
        if let Some(met) = state {
            self.known.push((criterion, met));
        }
    }
}
