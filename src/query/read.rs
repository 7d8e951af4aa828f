//! The one query reader: a [`Plain`] value (a JavaScript object, or JSON) read into a
//! [`Query`], naming the field of any mistake. The query is not checked here: the
//! search checks it, once.
//!
//! Measured (closing note of issue 9): reading the same types with serde through
//! serde-wasm-bindgen took the wasm from 77.3 KB to 115.9 KB gzipped, 124.2 KB with
//! serde_path_to_error naming the field, against an 80 KB budget; this reader costs
//! about 2 KB and its errors name the field just the same.

use super::check::QueryError;
use super::types::{Adult, AvoidZone, Child, Household, Location, Query, Sort};
use super::types::{MAX_ADULT_AGE, MAX_CHILD_AGE};
use super::value::Plain;
use crate::date::Date;
use crate::geometry::LatLon;
use crate::model::{Community, Gender, Kind, Language, Need, Sex};
use crate::text::show_number;

type Result<T> = std::result::Result<T, QueryError>;

fn fail<T>(field: &str, message: impl Into<String>) -> Result<T> {
    Err(QueryError::new(field, message.into()))
}

fn path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// An object's fields, rejecting any not in `known`.
struct Fields<'a> {
    entries: &'a [(String, Plain)],
    at: &'a str,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Plain, at: &'a str, known: &[&str]) -> Result<Fields<'a>> {
        let Plain::Object(entries) = value else {
            return fail(
                at,
                format!(
                    "expected an object with {}, found {}",
                    known.join(", "),
                    value.describe()
                ),
            );
        };
        if let Some((key, _)) = entries.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return fail(
                &path(at, key),
                format!("unknown field; expected one of {}", known.join(", ")),
            );
        }
        Ok(Fields { entries, at })
    }

    /// A field's value (null when absent) and its path.
    fn get(&self, key: &str) -> (&'a Plain, String) {
        let value = self
            .entries
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&Plain::Null, |(_, v)| v);
        (value, path(self.at, key))
    }
}

fn number((v, at): (&Plain, String)) -> Result<f64> {
    match v {
        Plain::Number(n) => Ok(*n),
        other => fail(
            &at,
            format!("expected a number, found {}", other.describe()),
        ),
    }
}

fn optional_number(field: (&Plain, String)) -> Result<Option<f64>> {
    match field.0 {
        Plain::Null => Ok(None),
        _ => number(field).map(Some),
    }
}

fn whole((v, at): (&Plain, String), max: f64) -> Result<u64> {
    let n = number((v, at.clone()))?;
    if n.fract() != 0.0 || !(0.0..=max).contains(&n) {
        return fail(
            &at,
            format!(
                "expected a whole number from 0 to {}, found {}",
                show_number(max),
                show_number(n)
            ),
        );
    }
    Ok(n as u64)
}

fn optional_whole(field: (&Plain, String), max: f64) -> Result<Option<u64>> {
    match field.0 {
        Plain::Null => Ok(None),
        _ => whole(field, max).map(Some),
    }
}

fn flag((v, at): (&Plain, String)) -> Result<bool> {
    match v {
        Plain::Null => Ok(false),
        Plain::Bool(b) => Ok(*b),
        other => fail(
            &at,
            format!("expected true or false, found {}", other.describe()),
        ),
    }
}

fn text<'a>(v: &'a Plain, at: &str) -> Result<&'a str> {
    match v {
        Plain::Text(t) => Ok(t),
        other => fail(at, format!("expected text, found {}", other.describe())),
    }
}

fn list<'a>(v: &'a Plain, at: &str) -> Result<&'a [Plain]> {
    match v {
        Plain::Null => Ok(&[]),
        Plain::List(items) => Ok(items),
        other => fail(at, format!("expected a list, found {}", other.describe())),
    }
}

/// Each item of a list, with its path.
fn items<'a, T>(
    (v, at): (&'a Plain, String),
    read: impl Fn(&'a Plain, &str) -> Result<T>,
) -> Result<Vec<T>> {
    list(v, &at)?
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &format!("{at}[{i}]")))
        .collect()
}

fn codes<T>(
    field: (&Plain, String),
    parse: impl Fn(&str) -> std::result::Result<T, String>,
) -> Result<Vec<T>> {
    items(field, |item, at| {
        parse(text(item, at)?).or_else(|e| fail(at, e))
    })
}

fn code<T>(
    (v, at): (&Plain, String),
    parse: impl Fn(&str) -> std::result::Result<T, String>,
) -> Result<T> {
    parse(text(v, &at)?).or_else(|e| fail(&at, e))
}

/// `{lat, lon}`, or text: a postcode or a place. (Text is never parsed as numbers here:
/// float parsing would add kilobytes to the wasm, and a page always has the numbers.)
fn location(v: &Plain, at: &str) -> Result<Location> {
    if let Plain::Text(t) = v {
        return Ok(Location::Named(t.clone()));
    }
    let f = Fields::of(v, at, &["lat", "lon"])?;
    Ok(Location::Point(LatLon::new(
        number(f.get("lat"))?,
        number(f.get("lon"))?,
    )))
}

/// `{lat, lon, km}` or `{place, km}`.
fn avoid_zone(v: &Plain, at: &str) -> Result<AvoidZone> {
    let f = Fields::of(v, at, &["lat", "lon", "place", "km"])?;
    let km = number(f.get("km"))?;
    let centre = match f.get("place") {
        (Plain::Null, _) => {
            Location::Point(LatLon::new(number(f.get("lat"))?, number(f.get("lon"))?))
        }
        (place, place_at) => location(place, &place_at)?,
    };
    Ok(AvoidZone { centre, km })
}

fn adult(v: &Plain, at: &str) -> Result<Adult> {
    let f = Fields::of(v, at, &["gender", "trans", "age"])?;
    Ok(Adult {
        gender: code(f.get("gender"), Gender::parse)?,
        trans: flag(f.get("trans"))?,
        age: optional_whole(f.get("age"), f64::from(MAX_ADULT_AGE))?.map(|a| a as u8),
    })
}

fn child(v: &Plain, at: &str) -> Result<Child> {
    let f = Fields::of(v, at, &["age", "sex"])?;
    Ok(Child {
        age: whole(f.get("age"), f64::from(MAX_CHILD_AGE))? as u8,
        sex: code(f.get("sex"), Sex::parse)?,
    })
}

fn household(v: &Plain, at: &str) -> Result<Household> {
    if matches!(v, Plain::Null) {
        return Ok(Household::default());
    }
    let f = Fields::of(v, at, &["adults", "children"])?;
    Ok(Household {
        adults: items(f.get("adults"), adult)?,
        children: items(f.get("children"), child)?,
    })
}

impl Query {
    /// The fields a query may have.
    pub const FIELDS: &'static [&'static str] = &[
        "near",
        "radius_km",
        "kinds",
        "avoid",
        "household",
        "needs",
        "languages",
        "communities",
        "text",
        "limit",
        "today",
        "min_distance_km",
        "include_failing",
        "sort",
    ];

    /// Reads a query from a plain value, naming the field of any mistake. It is checked,
    /// and its places found, when it is searched.
    pub fn from_plain(value: &Plain) -> Result<Query> {
        let f = Fields::of(value, "", Query::FIELDS)?;
        let avoid = items(f.get("avoid"), avoid_zone)?;
        let min_distance_km = optional_number(f.get("min_distance_km"))?;
        let near = match (f.get("near"), avoid.first()) {
            // "Anywhere far enough away": distances are then from the first zone.
            ((Plain::Null, _), Some(zone)) if min_distance_km.is_some() => zone.centre.clone(),
            ((Plain::Null, at), _) => {
                return fail(
                    &at,
                    "required: where to search from, as {lat, lon} or a postcode or place \
                     (or min_distance_km with at least one avoid zone)",
                )
            }
            ((v, at), _) => location(v, &at)?,
        };
        let (household_value, household_at) = f.get("household");
        Ok(Query {
            near,
            radius_km: optional_number(f.get("radius_km"))?,
            kinds: codes(f.get("kinds"), Kind::parse)?,
            avoid,
            min_distance_km,
            include_failing: flag(f.get("include_failing"))?,
            sort: match f.get("sort") {
                (Plain::Null, _) => Sort::Distance,
                field => code(field, Sort::parse)?,
            },
            household: household(household_value, &household_at)?,
            needs: codes(f.get("needs"), Need::parse)?,
            languages: codes(f.get("languages"), Language::parse)?,
            communities: codes(f.get("communities"), Community::parse)?,
            text: match f.get("text") {
                (Plain::Null, _) => None,
                (v, at) => Some(text(v, &at)?.to_string()),
            },
            limit: optional_whole(f.get("limit"), 1e9)?.map(|l| l as usize),
            today: match f.get("today") {
                (Plain::Null, _) => None,
                (v, at) => Some(Date::parse(text(v, &at)?).map_err(|e| QueryError::new(&at, e))?),
            },
        })
    }

    /// Reads a query from JSON text, as [`Query::from_plain`].
    pub fn from_json(text: &str) -> Result<Query> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            QueryError::new(
                "",
                format!(
                    "expected a JSON object, found malformed JSON at line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ),
            )
        })?;
        Query::from_plain(&Plain::from_json(&value))
    }
}
