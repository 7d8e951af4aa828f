//! Why a result is shown, and why a service that would otherwise be listed is hidden.
//! Each need is a reason of both kinds under its own code, so adding a need to
//! [`Need`] adds its reasons too.

use crate::model::Need;
use serde::{Serialize, Serializer};

/// The reasons before the needs, one reason per need, then the reasons after.
fn around_needs<T: Copy>(before: &[T], need: fn(Need) -> T, after: &[T]) -> Vec<T> {
    let mut all = before.to_vec();
    all.extend(Need::ALL.iter().map(|&n| need(n)));
    all.extend_from_slice(after);
    all
}

/// Why a service that would otherwise be listed is hidden. Each hidden service is
/// counted once, under the first reason in [`HideReason::all`]'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HideReason {
    /// It lies in, or is placed in the council area of, a place to avoid.
    Avoid,
    /// It only serves people living elsewhere.
    Coverage,
    /// It does not take an adult of this gender.
    Gender,
    /// It states it does not take trans people.
    Trans,
    /// An adult is outside its age range.
    Age,
    /// It takes no children.
    Children,
    /// It does not take boys as old as one in the household.
    BoysAge,
    /// The household is larger than it can take.
    HouseholdSize,
    /// It does not meet a need, or (for accommodation) has not confirmed it does.
    Need(Need),
    /// Speaks none of the household's languages and offers no interpreters.
    Language,
    /// Is not a service for the chosen community.
    Community,
    /// Does not contain the words searched for.
    Text,
}

const HIDE_BEFORE_NEEDS: [HideReason; 8] = [
    HideReason::Avoid,
    HideReason::Coverage,
    HideReason::Gender,
    HideReason::Trans,
    HideReason::Age,
    HideReason::Children,
    HideReason::BoysAge,
    HideReason::HouseholdSize,
];
const HIDE_AFTER_NEEDS: [HideReason; 3] = [
    HideReason::Language,
    HideReason::Community,
    HideReason::Text,
];

impl HideReason {
    /// Every reason, in the order a hidden service is counted under the first.
    pub fn all() -> Vec<HideReason> {
        around_needs(&HIDE_BEFORE_NEEDS, HideReason::Need, &HIDE_AFTER_NEEDS)
    }

    /// How many reasons there are.
    pub fn count() -> usize {
        HIDE_BEFORE_NEEDS.len() + Need::ALL.len() + HIDE_AFTER_NEEDS.len()
    }

    /// Its position in [`HideReason::all`].
    pub(crate) fn position(self) -> usize {
        let needs = Need::ALL.len();
        match self {
            HideReason::Need(n) => HIDE_BEFORE_NEEDS.len() + n.bit() as usize,
            HideReason::Language => HIDE_BEFORE_NEEDS.len() + needs,
            HideReason::Community => HIDE_BEFORE_NEEDS.len() + needs + 1,
            HideReason::Text => HIDE_BEFORE_NEEDS.len() + needs + 2,
            other => HIDE_BEFORE_NEEDS
                .iter()
                .position(|r| *r == other)
                .unwrap_or(0),
        }
    }

    /// The code in responses (`hidden`) and in the page's wording (`hidden_<code>`).
    pub fn code(self) -> &'static str {
        match self {
            HideReason::Avoid => "avoid",
            HideReason::Coverage => "coverage",
            HideReason::Gender => "gender",
            HideReason::Trans => "trans",
            HideReason::Age => "age",
            HideReason::Children => "children",
            HideReason::BoysAge => "boys_age",
            HideReason::HouseholdSize => "household_size",
            HideReason::Need(n) => n.code(),
            HideReason::Language => "language",
            HideReason::Community => "community",
            HideReason::Text => "text",
        }
    }
}

/// What a result is confirmed to meet of the query ("why it matches").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchReason {
    /// It serves the searched area (not the whole UK).
    Coverage,
    /// It takes every adult's gender.
    Gender,
    /// It takes trans people.
    Trans,
    /// It takes children.
    Children,
    /// It takes boys as old as the household's oldest.
    BoysAge,
    /// The household fits.
    HouseholdSize,
    /// It meets this need.
    Need(Need),
    /// Staff speak one of the household's languages.
    Language,
    /// Interpreters are available.
    Interpreters,
    /// It is for the chosen community.
    Community,
    /// It has space now.
    Vacancy,
    /// It has no premises: by phone or online.
    Remote,
}

const MATCH_BEFORE_NEEDS: [MatchReason; 6] = [
    MatchReason::Coverage,
    MatchReason::Gender,
    MatchReason::Trans,
    MatchReason::Children,
    MatchReason::BoysAge,
    MatchReason::HouseholdSize,
];
const MATCH_AFTER_NEEDS: [MatchReason; 5] = [
    MatchReason::Language,
    MatchReason::Interpreters,
    MatchReason::Community,
    MatchReason::Vacancy,
    MatchReason::Remote,
];

impl MatchReason {
    /// Every reason.
    pub fn all() -> Vec<MatchReason> {
        around_needs(&MATCH_BEFORE_NEEDS, MatchReason::Need, &MATCH_AFTER_NEEDS)
    }

    /// The code in responses (`matches`) and in the page's wording (`match_<code>`).
    pub fn code(self) -> &'static str {
        match self {
            MatchReason::Coverage => "coverage",
            MatchReason::Gender => "gender",
            MatchReason::Trans => "trans",
            MatchReason::Children => "children",
            MatchReason::BoysAge => "boys_age",
            MatchReason::HouseholdSize => "household_size",
            MatchReason::Need(n) => n.code(),
            MatchReason::Language => "language",
            MatchReason::Interpreters => "interpreters",
            MatchReason::Community => "community",
            MatchReason::Vacancy => "vacancy",
            MatchReason::Remote => "remote",
        }
    }
}

impl Serialize for HideReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl Serialize for MatchReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_its_own_code_and_position() {
        let hide: Vec<&str> = HideReason::all()
            .into_iter()
            .map(HideReason::code)
            .collect();
        let mut unique = hide.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), hide.len(), "{hide:?}");
        assert_eq!(hide.len(), HideReason::count());
        for (i, r) in HideReason::all().into_iter().enumerate() {
            assert_eq!(r.position(), i, "{}", r.code());
        }
        let matches: Vec<&str> = MatchReason::all()
            .into_iter()
            .map(MatchReason::code)
            .collect();
        let mut unique = matches.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), matches.len(), "{matches:?}");
    }
}
