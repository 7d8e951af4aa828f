//! What a search asks for: the one query type that the CLI, JSON and JavaScript all
//! give ([`Query::from_plain`] reads JSON and JavaScript values, [`FromStr`] the CLI's
//! short forms), and that [`Query::check`] checks once per search.

use crate::codes::code_enum;
use crate::date::Date;
use crate::geometry::LatLon;
use crate::model::{Community, Gender, Kind, Language, Need, Sex};
use std::str::FromStr;

/// How many results come back when the query does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// The most results a query may ask for.
pub const MAX_LIMIT: usize = 1000;

/// A search.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// Where to search from.
    pub near: Location,
    /// Only services within this many kilometres (by their point or their area's point).
    pub radius_km: Option<f64>,
    /// Only these kinds; empty means every kind.
    pub kinds: Vec<Kind>,
    /// Places to stay away from.
    pub avoid: Vec<AvoidZone>,
    /// Anywhere at least this many kilometres from every avoid zone (so each zone
    /// reaches at least this far); needs at least one zone.
    pub min_distance_km: Option<f64>,
    /// Who needs the service.
    pub household: Household,
    /// What the household needs.
    pub needs: Vec<Need>,
    /// Languages the household speaks (a service must speak one, or offer interpreters).
    pub languages: Vec<Language>,
    /// Communities whose specialist services are wanted.
    pub communities: Vec<Community>,
    /// Words every result must contain (any case, any accents, word starts).
    pub text: Option<String>,
    /// At most this many results (default 50).
    pub limit: Option<usize>,
    /// Also list, after the rest, the services that fail a household criterion, each
    /// with its `fails` (never those in an avoid zone, nor those without the words).
    pub include_failing: bool,
    /// The order of the results.
    pub sort: Sort,
    /// The day of the search, which says whether a vacancy is still news. Without it no
    /// vacancy counts as space now (the engine has no clock of its own in the browser).
    pub today: Option<Date>,
}

code_enum! {
    /// The order of the results.
    #[derive(Default)]
    pub enum Sort: "sort" {
        /// Nearest first; those meeting every criterion before those with something
        /// unknown.
        #[default]
        Distance = "distance",
        /// Space now first, then the most recently updated vacancy; nearest first
        /// among equals.
        Vacancy = "vacancy",
        /// Fewest criteria failed, then most met, then fewest unknown; nearest first
        /// among equals.
        Criteria = "criteria",
    }
}

/// Where a search is from, or a place to avoid: a point, or a postcode or place name
/// that the directory's gazetteer resolves (text of the form "lat,lon" is a point).
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    /// Latitude and longitude.
    Point(LatLon),
    /// A postcode (full, sector or district) or a place name.
    Named(String),
}

/// A place to stay away from: nothing within `km` of it is shown, nor any confidential
/// service in its council area.
#[derive(Debug, Clone, PartialEq)]
pub struct AvoidZone {
    /// The place.
    pub centre: Location,
    /// Radius in kilometres.
    pub km: f64,
}

/// The people who need the service.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Household {
    /// Adults.
    pub adults: Vec<Adult>,
    /// Children.
    pub children: Vec<Child>,
}

/// An adult in the household.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Adult {
    /// Gender.
    pub gender: Gender,
    /// Trans, so a service must not exclude trans people.
    pub trans: bool,
    /// Age, when it matters (for services with an age range).
    pub age: Option<u8>,
}

/// A child in the household.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Child {
    /// Age in years.
    pub age: u8,
    /// Boy or girl.
    pub sex: Sex,
}

/// The oldest age a query may give for an adult, and for a child.
pub(crate) const MAX_ADULT_AGE: u8 = 120;
pub(crate) const MAX_CHILD_AGE: u8 = 25;

impl Query {
    /// A query near a point or place with every other field at its default.
    pub fn near(near: impl Into<Location>) -> Query {
        Query {
            near: near.into(),
            radius_km: None,
            kinds: vec![],
            avoid: vec![],
            min_distance_km: None,
            household: Household::default(),
            needs: vec![],
            languages: vec![],
            communities: vec![],
            text: None,
            limit: None,
            include_failing: false,
            sort: Sort::Distance,
            today: None,
        }
    }

    /// The limit in force.
    pub fn effective_limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT)
    }
}

impl From<LatLon> for Location {
    fn from(point: LatLon) -> Location {
        Location::Point(point)
    }
}

impl Location {
    /// The point, when it is one rather than a name.
    pub fn point(&self) -> Option<LatLon> {
        match self {
            Location::Point(p) => Some(*p),
            Location::Named(_) => None,
        }
    }
}

impl AvoidZone {
    /// Everything within `km` of a point or place.
    pub fn around(centre: impl Into<Location>, km: f64) -> AvoidZone {
        AvoidZone {
            centre: centre.into(),
            km,
        }
    }
}

/// "lat,lon" such as "52.136,-0.467" is a point; anything else is a name to look up.
impl FromStr for Location {
    type Err = String;

    fn from_str(text: &str) -> Result<Location, String> {
        // Two numbers, however written ("nan,nan" and "inf,0" too), are a point, so the
        // check says what is wrong with them instead of "no place matches".
        let looks_like_point = text.split_once(',').is_some_and(|(a, b)| {
            a.trim().parse::<f64>().is_ok() && b.trim().parse::<f64>().is_ok()
        });
        if looks_like_point {
            LatLon::parse(text).map(Location::Point)
        } else if text.trim().is_empty() {
            Err("expected a postcode, a place or \"lat,lon\", found nothing".into())
        } else {
            Ok(Location::Named(text.trim().to_string()))
        }
    }
}

/// The CLI's form: "PLACE:km" or "lat,lon:km", e.g. "Luton:15".
impl FromStr for AvoidZone {
    type Err = String;

    fn from_str(text: &str) -> Result<AvoidZone, String> {
        let (place, km) = text.rsplit_once(':').ok_or_else(|| {
            format!("expected \"PLACE:km\" or \"lat,lon:km\" such as \"Luton:15\", found {text:?}")
        })?;
        let km = km
            .trim()
            .parse::<f64>()
            .map_err(|_| format!("expected a distance in km after ':', found {km:?}"))?;
        Ok(AvoidZone::around(place.parse::<Location>()?, km))
    }
}

/// The CLI's form: "GENDER", then ":trans" and ":AGE" in either order, e.g.
/// "woman:trans:34".
impl FromStr for Adult {
    type Err = String;

    fn from_str(text: &str) -> Result<Adult, String> {
        let mut parts = text.split(':').map(str::trim);
        let gender = Gender::parse(parts.next().unwrap_or(""))?;
        let mut adult = Adult {
            gender,
            trans: false,
            age: None,
        };
        for part in parts {
            if part == "trans" {
                adult.trans = true;
            } else {
                adult.age = Some(part.parse::<u8>().map_err(|_| {
                    format!(
                        "expected \"trans\" or an age in years after the gender, found {part:?}"
                    )
                })?);
            }
        }
        Ok(adult)
    }
}

/// The CLI's form: "AGE:boy" or "AGE:girl".
impl FromStr for Child {
    type Err = String;

    fn from_str(text: &str) -> Result<Child, String> {
        let (age, sex) = text
            .split_once(':')
            .ok_or_else(|| format!("expected \"AGE:boy\" or \"AGE:girl\", found {text:?}"))?;
        let age = age
            .trim()
            .parse::<u8>()
            .map_err(|_| format!("expected an age in years, found {age:?}"))?;
        Ok(Child {
            age,
            sex: Sex::parse(sex.trim())?,
        })
    }
}
