//! The one check every query passes before a search: the ranges its types cannot state.

use super::types::{Location, Query, MAX_ADULT_AGE, MAX_CHILD_AGE, MAX_LIMIT};
use crate::areas::{crown_dependency, in_uk_waters};
use crate::geometry::LatLon;
use crate::text::show_number;
use std::fmt;

use crate::limits::{
    MAX_AVOID_KM, MAX_AVOID_ZONES, MAX_CODES, MAX_HOUSEHOLD, MAX_RADIUS_KM,
    MAX_SEARCH_TEXT as MAX_TEXT,
};

/// A query field that is wrong, naming the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The field, e.g. `avoid[0].km`; empty for the query as a whole.
    pub field: String,
    /// What was expected and what was found.
    pub message: String,
}

impl QueryError {
    // Not generic, so the wasm holds one copy.
    pub(crate) fn new(field: &str, message: String) -> QueryError {
        QueryError {
            field: field.to_string(),
            message,
        }
    }
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

/// A point must be on the globe, and in the UK or its waters: anywhere else would be
/// answered with whatever UK service is least far away (Paris with Hastings, 0,0 with
/// the Isles of Scilly). The Crown dependencies are named: Haven does not cover them.
pub(crate) fn check_point(field: &str, p: LatLon) -> Result<LatLon, QueryError> {
    let shown = |p: LatLon| format!("{},{}", show_number(p.lat), show_number(p.lon));
    if !p.is_valid() {
        return Err(QueryError::new(
            field,
            format!(
                "expected lat within ±90 and lon within ±180, found {}",
                shown(p)
            ),
        ));
    }
    if let Some(place) = crown_dependency(p) {
        return Err(QueryError::new(
            field,
            format!(
                "{} is in {place}, which Haven does not cover (only the UK)",
                shown(p)
            ),
        ));
    }
    if in_uk_waters(p) {
        return Ok(p);
    }
    let swapped = LatLon::new(p.lon, p.lat);
    let hint = if in_uk_waters(swapped) && crown_dependency(swapped).is_none() {
        format!(
            " (are lat and lon swapped? {} is in the UK)",
            shown(swapped)
        )
    } else {
        String::new()
    };
    Err(QueryError::new(
        field,
        format!(
            "expected a point in the UK or its waters, found {}, which is outside them{hint}",
            shown(p)
        ),
    ))
}

fn distance(field: String, km: f64, max: f64) -> Result<(), QueryError> {
    if km.is_finite() && km > 0.0 && km <= max {
        return Ok(());
    }
    Err(QueryError::new(
        &field,
        format!(
            "expected a distance above 0 and at most {} km, found {}",
            show_number(max),
            show_number(km)
        ),
    ))
}

impl Query {
    /// Checks the ranges that the types cannot. Names are looked up, and checked, when
    /// the search resolves them.
    pub fn check(&self) -> Result<(), QueryError> {
        if let Location::Point(p) = self.near {
            check_point("near", p)?;
        }
        // Sizes first: nothing below is worth doing for 100 000 zones.
        if self.avoid.len() > MAX_AVOID_ZONES {
            return Err(QueryError::new(
                "avoid",
                format!(
                    "expected at most {MAX_AVOID_ZONES} places to avoid, found {}",
                    self.avoid.len()
                ),
            ));
        }
        let people = self.household.adults.len() + self.household.children.len();
        if people > MAX_HOUSEHOLD {
            return Err(QueryError::new(
                "household",
                format!("expected at most {MAX_HOUSEHOLD} people, found {people}"),
            ));
        }
        for (field, n) in [
            ("kinds", self.kinds.len()),
            ("needs", self.needs.len()),
            ("languages", self.languages.len()),
            ("communities", self.communities.len()),
        ] {
            if n > MAX_CODES {
                return Err(QueryError::new(
                    field,
                    format!("expected at most {MAX_CODES} codes, found {n}"),
                ));
            }
        }
        if let Some(r) = self.radius_km {
            distance("radius_km".into(), r, MAX_RADIUS_KM)?;
        }
        for (i, z) in self.avoid.iter().enumerate() {
            if let Location::Point(p) = z.centre {
                check_point(&format!("avoid[{i}]"), p)?;
            }
            distance(format!("avoid[{i}].km"), z.km, MAX_AVOID_KM)?;
        }
        if let Some(km) = self.min_distance_km {
            distance("min_distance_km".into(), km, MAX_RADIUS_KM)?;
            if self.avoid.is_empty() {
                return Err(QueryError::new(
                    "min_distance_km",
                    "expected at least one place to avoid (avoid) to be far from, found none"
                        .into(),
                ));
            }
        }
        if let Some(l) = self.limit {
            if !(1..=MAX_LIMIT).contains(&l) {
                return Err(QueryError::new(
                    "limit",
                    format!("expected 1 to {MAX_LIMIT}, found {l}"),
                ));
            }
        }
        for (i, c) in self.household.children.iter().enumerate() {
            if c.age > MAX_CHILD_AGE {
                return Err(QueryError::new(
                    &format!("household.children[{i}].age"),
                    format!("expected 0 to {MAX_CHILD_AGE}, found {}", c.age),
                ));
            }
        }
        for (i, a) in self.household.adults.iter().enumerate() {
            if let Some(age) = a.age.filter(|age| *age > MAX_ADULT_AGE) {
                return Err(QueryError::new(
                    &format!("household.adults[{i}].age"),
                    format!("expected at most {MAX_ADULT_AGE}, found {age}"),
                ));
            }
        }
        if let Some(t) = &self.text {
            let n = t.chars().count();
            if n > MAX_TEXT {
                return Err(QueryError::new(
                    "text",
                    format!("expected at most {MAX_TEXT} characters, found {n}"),
                ));
            }
        }
        Ok(())
    }
}
