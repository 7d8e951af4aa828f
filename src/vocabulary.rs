//! Every code the page shows wording for, in one table the build hands to the page
//! (`haven vocabulary --json`), so a new need or kind is one edit in Rust plus its
//! wording, and a test can fail when a code has no wording in some language.

use crate::areas::Nation;
use crate::geometry::KM_PER_MILE;
use crate::model::{
    Community, Gender, Kind, Need, Referral, Sex, VacancyStatus, VACANCY_FRESH_DAYS,
};
use crate::query::{CriterionAnswer, DistanceBand, HideReason, MatchReason, Sort};
use serde::Serialize;

/// A kind of service, with the survivor's question it answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindCode {
    /// The kind's code.
    pub code: &'static str,
    /// Which answer to "What do you need?" it belongs to, if any.
    pub journey: Option<&'static str>,
    /// Whether a household stays there.
    pub accommodation: bool,
}

/// The code lists, by what they are. Serialised with the page's camel-case keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vocabulary {
    /// Kinds of service.
    pub kinds: Vec<KindCode>,
    /// Needs a household may have.
    pub needs: Vec<&'static str>,
    /// Communities a specialist service is for.
    pub communities: Vec<&'static str>,
    /// Adults' genders.
    pub genders: Vec<&'static str>,
    /// Children's sexes.
    pub sexes: Vec<&'static str>,
    /// Why services are hidden (`hidden` in responses).
    pub hide_reasons: Vec<&'static str>,
    /// Why a result matches (`matches` in results).
    pub match_reasons: Vec<&'static str>,
    /// The nations.
    pub nations: Vec<&'static str>,
    /// Distance bands.
    pub distance_bands: Vec<&'static str>,
    /// Vacancy states.
    pub vacancy_statuses: Vec<&'static str>,
    /// Routes into a service (`referral` in results).
    pub referrals: Vec<&'static str>,
    /// A service's answer to one criterion (`criteria` in results).
    pub criterion_answers: Vec<&'static str>,
    /// Orders of results (`sort` in queries).
    pub sorts: Vec<&'static str>,
    /// How many days a vacancy stays news (older, it is only the last known state).
    pub vacancy_fresh_days: i32,
    /// Kilometres in a mile.
    pub km_per_mile: f64,
}

/// The table.
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        kinds: Kind::ALL
            .iter()
            .map(|k| KindCode {
                code: k.code(),
                journey: k.journey(),
                accommodation: k.is_accommodation(),
            })
            .collect(),
        needs: Need::ALL.iter().map(|n| n.code()).collect(),
        communities: Community::ALL.iter().map(|c| c.code()).collect(),
        genders: Gender::ALL.iter().map(|g| g.code()).collect(),
        sexes: Sex::ALL.iter().map(|s| s.code()).collect(),
        hide_reasons: HideReason::all()
            .into_iter()
            .map(HideReason::code)
            .collect(),
        match_reasons: MatchReason::all()
            .into_iter()
            .map(MatchReason::code)
            .collect(),
        nations: Nation::ALL.iter().map(|n| n.code()).collect(),
        distance_bands: DistanceBand::ALL.iter().map(|b| b.code()).collect(),
        vacancy_statuses: VacancyStatus::ALL.iter().map(|v| v.code()).collect(),
        referrals: Referral::ALL.iter().map(|r| r.code()).collect(),
        criterion_answers: CriterionAnswer::ALL.iter().map(|a| a.code()).collect(),
        sorts: Sort::ALL.iter().map(|s| s.code()).collect(),
        vacancy_fresh_days: VACANCY_FRESH_DAYS,
        km_per_mile: KM_PER_MILE,
    }
}
