//! The Haven input format as read from JSON, before any checking. Every field is
//! optional here so that a record with several mistakes yields all of them at once;
//! `validate` decides what is required. `data/README.md` documents the format.

use serde::Deserialize;
use std::collections::BTreeMap;

/// One service as written in a Haven input file.
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct RawService {
    pub id: Option<String>,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    /// `exact` or `area`; when absent, refuges are `area`, others follow `location`.
    pub precision: Option<String>,
    pub location: Option<RawLocation>,
    /// The council area (GSS code) the service is in.
    pub area: Option<String>,
    #[serde(default)]
    pub coverage: Vec<String>,
    #[serde(default)]
    pub eligibility: RawEligibility,
    #[serde(default)]
    pub communities: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub interpreters: Option<bool>,
    #[serde(default)]
    pub phones: Vec<RawPhone>,
    pub web: Option<String>,
    pub email: Option<String>,
    /// Web chat address.
    pub chat: Option<String>,
    /// A video route (a BSL video-relay link).
    pub video: Option<String>,
    /// Not specific to domestic abuse (Samaritans, Victim Support): listed after the
    /// domestic-abuse services.
    pub general: Option<bool>,
    #[serde(default)]
    pub referral: Vec<String>,
    pub hours: Option<String>,
    pub vacancy: Option<RawVacancy>,
    pub source: Option<RawSource>,
    pub example: Option<bool>,
}

/// Where a service is: coordinates and, for public offices, the address.
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct RawLocation {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    pub postcode: Option<String>,
}

/// Whom a service takes.
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct RawEligibility {
    #[serde(default)]
    pub genders: Vec<String>,
    pub trans_inclusive: Option<bool>,
    pub min_age: Option<i64>,
    pub max_age: Option<i64>,
    pub children: Option<bool>,
    pub max_boy_age: Option<i64>,
    pub max_household: Option<i64>,
    pub max_bedrooms: Option<i64>,
    /// Every other field: each need by its code (`"wheelchair": true`), so a need added
    /// to the model is read with no change here. Validation reports any key that is not
    /// a need as an unknown field.
    #[serde(flatten)]
    pub needs: BTreeMap<String, serde_json::Value>,
}

/// A phone or text number.
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct RawPhone {
    pub number: Option<String>,
    pub label: Option<String>,
    pub hours: Option<String>,
    #[serde(default)]
    pub twenty_four_seven: bool,
    #[serde(default)]
    pub free: bool,
    #[serde(default)]
    pub sms: bool,
}

/// Vacancy for accommodation.
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct RawVacancy {
    pub status: Option<String>,
    pub units_free: Option<i64>,
    pub updated_at: Option<String>,
}

/// Where the record's facts come from.
#[derive(Debug, Clone, Default, Deserialize)]
#[allow(missing_docs)]
pub struct RawSource {
    pub name: Option<String>,
    pub url: Option<String>,
    /// The source's own date, as it states it: `2021`, `2021-06` or `2021-06-15`.
    pub date: Option<String>,
    /// When a contract the source states ends (a commissioned provider's term).
    pub contract_ends: Option<String>,
    pub verified_on: Option<String>,
}
