use super::{Community, Contact, Eligibility, Kind, Language, Referral, Vacancy};
use crate::areas::Nation;
use crate::date::Date;
use crate::geometry::LatLon;

/// Where a service is, at the precision that is safe to publish.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// A public office or drop-in, with its location.
    Exact {
        /// The location.
        point: LatLon,
        /// Street address, when public.
        address: Option<String>,
        /// Postcode, when public.
        postcode: Option<String>,
        /// The council area it lies in (GSS code).
        area: String,
    },
    /// Confidential: known only by its council area (GSS code). Every refuge is here.
    Area {
        /// The council area (GSS code).
        area: String,
    },
    /// No premises to visit (a helpline, a national service): found through its coverage.
    Remote,
}

impl Place {
    /// The council area, when the service has one.
    pub fn area(&self) -> Option<&str> {
        match self {
            Place::Exact { area, .. } | Place::Area { area } => Some(area),
            Place::Remote => None,
        }
    }

    /// Whether only the council area may be shown.
    pub fn is_confidential(&self) -> bool {
        matches!(self, Place::Area { .. })
    }
}

/// An area a service serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// The whole United Kingdom.
    Uk,
    /// One nation.
    Nation(Nation),
    /// One council area (GSS code).
    Area(String),
}

/// Who stated this record's facts, and when they were last checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The document or organisation the facts come from.
    pub source: String,
    /// Where the source can be read, when it is online.
    pub url: Option<String>,
    /// The source's own date as it states it (`2021`, `2021-06`, `2021-06-15`), when it
    /// states one: how old the facts may be, whatever `verified_on` says.
    pub date: Option<String>,
    /// When a contract the source states ends, as stated.
    pub contract_ends: Option<String>,
    /// When someone last checked the record against its source.
    pub verified_on: Date,
    /// A demonstration record, not a real service; the page says so.
    pub example: bool,
}

/// One checked service record.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Stable identifier, unique in a directory.
    pub id: String,
    /// Name as the provider uses it.
    pub name: String,
    /// The organisation running it.
    pub organisation: Option<String>,
    /// What it is.
    pub kind: Kind,
    /// What it offers, in plain words.
    pub description: String,
    /// Where it is.
    pub place: Place,
    /// Areas it serves; empty means it does not restrict by where someone lives.
    pub coverage: Vec<Coverage>,
    /// Whom it takes.
    pub eligibility: Eligibility,
    /// Communities a specialist or by-and-for service is dedicated to.
    pub communities: Vec<Community>,
    /// Languages spoken by staff.
    pub languages: Vec<Language>,
    /// Whether interpreters can be arranged for other languages.
    pub interpreters: bool,
    /// Not specific to domestic abuse (a general line such as Samaritans): listed after
    /// the domestic-abuse services.
    pub general: bool,
    /// How to reach it.
    pub contact: Contact,
    /// How people get in.
    pub referral: Vec<Referral>,
    /// Opening hours of the service in words.
    pub hours: Option<String>,
    /// Vacancy, for accommodation.
    pub vacancy: Option<Vacancy>,
    /// Where the facts come from.
    pub provenance: Provenance,
}
