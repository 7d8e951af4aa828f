//! The criteria row: for each criterion a household brings, whether a service meets it,
//! fails it, or its source does not say. Unknown is its own answer, never a match.

use super::reasons::HideReason;
use super::types::Query;
use crate::codes::code_enum;
use crate::model::{Language, Sex};

code_enum! {
    /// A service's answer to one criterion.
    pub enum CriterionAnswer: "criterion answer" {
        /// Its source states it meets it.
        Meets = "meets",
        /// Its source states it does not.
        Fails = "fails",
        /// Its source does not say: ask when you call.
        Unknown = "unknown",
    }
}

/// The criteria a query's household brings, in the order results show them: adults'
/// genders, trans, ages, children, the oldest boy's age, household size (of two or
/// more), each need, languages other than English, communities.
pub(crate) fn brought(query: &Query) -> Vec<HideReason> {
    let h = &query.household;
    let mut criteria = Vec::new();
    let mut bring = |when: bool, criterion: HideReason| {
        if when && !criteria.contains(&criterion) {
            criteria.push(criterion);
        }
    };
    bring(!h.adults.is_empty(), HideReason::Gender);
    bring(h.adults.iter().any(|a| a.trans), HideReason::Trans);
    bring(h.adults.iter().any(|a| a.age.is_some()), HideReason::Age);
    bring(!h.children.is_empty(), HideReason::Children);
    bring(
        h.children.iter().any(|c| c.sex == Sex::Boy),
        HideReason::BoysAge,
    );
    bring(
        h.adults.len() + h.children.len() > 1,
        HideReason::HouseholdSize,
    );
    for &need in &query.needs {
        bring(true, HideReason::Need(need));
    }
    bring(
        query.languages.iter().any(|l| *l != Language::ENGLISH),
        HideReason::Language,
    );
    bring(!query.communities.is_empty(), HideReason::Community);
    criteria
}

/// A service's answer to each criterion in `brought`, given those its source states
/// (`known`: met or not).
pub(crate) fn answers<'a>(
    brought: &'a [HideReason],
    known: &'a [(HideReason, bool)],
) -> impl Iterator<Item = (&'static str, CriterionAnswer)> + 'a {
    brought.iter().map(move |&criterion| {
        let known = known.iter().find(|(c, _)| *c == criterion);
        let answer = match known {
            Some((_, true)) => CriterionAnswer::Meets,
            Some((_, false)) => CriterionAnswer::Fails,
            None => CriterionAnswer::Unknown,
        };
        (criterion.code(), answer)
    })
}
