//! What someone asks for, and what they get back.
//!
//! A [`Query`] has the same fields in the CLI, the JSON output and the JavaScript API.
//! [`Directory::search`](crate::Directory::search) answers it through the R-tree;
//! [`Directory::scan`](crate::Directory::scan) answers it by looking at every record, and
//! the two must always agree (property-tested).

mod filter;
mod read;
mod response;
mod search;

pub use filter::HideReason;
pub use read::{Locate, Plain};
pub use response::{DistanceBand, Hit, Pairs, Response};
pub(crate) use search::{search_indexed, search_scan};

use crate::geometry::LatLon;
use crate::model::{Community, Gender, Kind, Language, Need, Sex};
use crate::text::show_number;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How many results come back when the query does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// The most results a query may ask for.
pub const MAX_LIMIT: usize = 1000;

/// A search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// Where to search from.
    pub near: LatLon,
    /// Only services within this many kilometres (by their point or their area's point).
    #[serde(default)]
    pub radius_km: Option<f64>,
    /// Only these kinds; empty means every kind.
    #[serde(default)]
    pub kinds: Vec<Kind>,
    /// Places to stay away from.
    #[serde(default)]
    pub avoid: Vec<AvoidZone>,
    /// Who needs the service.
    #[serde(default)]
    pub household: Household,
    /// What the household needs.
    #[serde(default)]
    pub needs: Vec<Need>,
    /// Languages the household speaks (a service must speak one, or offer interpreters).
    #[serde(default)]
    pub languages: Vec<Language>,
    /// Communities whose specialist services are wanted.
    #[serde(default)]
    pub communities: Vec<Community>,
    /// Words every result must contain (any case, any accents, word starts).
    #[serde(default)]
    pub text: Option<String>,
    /// At most this many results (default 50).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// A place to stay away from: nothing within `km` of it is shown, nor any confidential
/// service in its council area.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvoidZone {
    /// Latitude of the place.
    pub lat: f64,
    /// Longitude of the place.
    pub lon: f64,
    /// Radius in kilometres.
    pub km: f64,
}

/// The people who need the service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// Adults.
    #[serde(default)]
    pub adults: Vec<Adult>,
    /// Children.
    #[serde(default)]
    pub children: Vec<Child>,
}

/// An adult in the household.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adult {
    /// Gender.
    pub gender: Gender,
    /// Trans, so a service must not exclude trans people.
    #[serde(default)]
    pub trans: bool,
    /// Age, when it matters (for services with an age range).
    #[serde(default)]
    pub age: Option<u8>,
}

/// A child in the household.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// Age in years.
    pub age: u8,
    /// Boy or girl.
    pub sex: Sex,
}

/// A query field that is out of range, naming the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The field, e.g. `avoid[0].km`.
    pub field: String,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "query: {}", self.message)
        } else {
            write!(f, "query.{}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for QueryError {}

impl Query {
    /// A query near a point with every other field at its default.
    pub fn near(point: LatLon) -> Query {
        Query {
            near: point,
            radius_km: None,
            kinds: vec![],
            avoid: vec![],
            household: Household::default(),
            needs: vec![],
            languages: vec![],
            communities: vec![],
            text: None,
            limit: None,
        }
    }

    /// The limit in force.
    pub fn effective_limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT)
    }

    /// Checks ranges that the types cannot.
    pub fn check(&self) -> Result<(), QueryError> {
        let err = |field: &str, message: String| {
            Err(QueryError {
                field: field.into(),
                message,
            })
        };
        if !self.near.is_valid() {
            return err(
                "near",
                format!(
                    "expected lat within ±90 and lon within ±180, found {},{}",
                    show_number(self.near.lat),
                    show_number(self.near.lon)
                ),
            );
        }
        if let Some(r) = self.radius_km {
            if !(r.is_finite() && r > 0.0 && r <= 2000.0) {
                return err(
                    "radius_km",
                    format!(
                        "expected a distance above 0 and at most 2000 km, found {}",
                        show_number(r)
                    ),
                );
            }
        }
        for (i, z) in self.avoid.iter().enumerate() {
            if !LatLon::new(z.lat, z.lon).is_valid() {
                return err(
                    &format!("avoid[{i}]"),
                    format!(
                        "expected lat within ±90 and lon within ±180, found {},{}",
                        show_number(z.lat),
                        show_number(z.lon)
                    ),
                );
            }
            if !(z.km.is_finite() && z.km > 0.0 && z.km <= 500.0) {
                return err(
                    &format!("avoid[{i}].km"),
                    format!(
                        "expected a distance above 0 and at most 500 km, found {}",
                        show_number(z.km)
                    ),
                );
            }
        }
        if let Some(l) = self.limit {
            if !(1..=MAX_LIMIT).contains(&l) {
                return err("limit", format!("expected 1 to {MAX_LIMIT}, found {l}"));
            }
        }
        for (i, c) in self.household.children.iter().enumerate() {
            if c.age > 25 {
                return err(
                    &format!("household.children[{i}].age"),
                    format!("expected 0 to 25, found {}", c.age),
                );
            }
        }
        for (i, a) in self.household.adults.iter().enumerate() {
            if a.age.is_some_and(|age| age > 120) {
                return err(
                    &format!("household.adults[{i}].age"),
                    format!("expected at most 120, found {}", a.age.unwrap_or(0)),
                );
            }
        }
        if let Some(t) = &self.text {
            if t.chars().count() > 200 {
                return err(
                    "text",
                    format!(
                        "expected at most 200 characters, found {}",
                        t.chars().count()
                    ),
                );
            }
        }
        Ok(())
    }
}
