//! Reading a query from a plain value tree (what a JavaScript object or JSON is made
//! of), naming the field of any mistake.
//!
//! The browser binding converts the caller's object into a [`Plain`] and calls
//! [`Query::from_plain`]. Measured: serde over JavaScript values with
//! `serde_path_to_error` took 51 KB of the wasm; this reader takes a fraction of that,
//! and its errors name the field just the same.

use super::{Adult, AvoidZone, Child, Household, Query, QueryError};
use crate::geometry::LatLon;
use crate::model::{Community, Gender, Kind, Language, Need, Sex};
use crate::text::show_number;

/// A JSON-like value.
#[derive(Debug, Clone, PartialEq)]
pub enum Plain {
    /// `null` or `undefined`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Plain>),
    /// An object's own properties, in order.
    Object(Vec<(String, Plain)>),
}

impl Plain {
    fn describe(&self) -> String {
        match self {
            Plain::Null => "null".into(),
            Plain::Bool(b) => b.to_string(),
            Plain::Number(n) => show_number(*n),
            Plain::Text(t) => format!("the text \"{}\"", t.chars().take(40).collect::<String>()),
            Plain::List(_) => "a list".into(),
            Plain::Object(_) => "an object".into(),
        }
    }

    /// Converts `serde_json` values (the CLI and tests use JSON).
    pub fn from_json(value: &serde_json::Value) -> Plain {
        use serde_json::Value;
        match value {
            Value::Null => Plain::Null,
            Value::Bool(b) => Plain::Bool(*b),
            Value::Number(n) => Plain::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Plain::Text(s.clone()),
            Value::Array(a) => Plain::List(a.iter().map(Plain::from_json).collect()),
            Value::Object(m) => Plain::Object(
                m.iter()
                    .map(|(k, v)| (k.clone(), Plain::from_json(v)))
                    .collect(),
            ),
        }
    }
}

type Result<T> = std::result::Result<T, QueryError>;

fn fail<T>(field: &str, message: impl Into<String>) -> Result<T> {
    Err(QueryError {
        field: field.into(),
        message: message.into(),
    })
}

/// The fields of an object, rejecting any not in `known`.
fn fields<'a>(value: &'a Plain, field: &str, known: &[&str]) -> Result<&'a [(String, Plain)]> {
    let Plain::Object(entries) = value else {
        return fail(
            field,
            format!(
                "expected an object with {}, found {}",
                known.join(", "),
                value.describe()
            ),
        );
    };
    for (key, _) in entries {
        if !known.contains(&key.as_str()) {
            let path = if field.is_empty() {
                key.clone()
            } else {
                format!("{field}.{key}")
            };
            return fail(
                &path,
                format!("unknown field; expected one of {}", known.join(", ")),
            );
        }
    }
    Ok(entries)
}

fn get<'a>(entries: &'a [(String, Plain)], key: &str) -> &'a Plain {
    entries
        .iter()
        .find(|(k, _)| k == key)
        .map_or(&Plain::Null, |(_, v)| v)
}

fn path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

fn number(v: &Plain, field: &str) -> Result<f64> {
    match v {
        Plain::Number(n) => Ok(*n),
        other => fail(
            field,
            format!("expected a number, found {}", other.describe()),
        ),
    }
}

fn optional_number(v: &Plain, field: &str) -> Result<Option<f64>> {
    match v {
        Plain::Null => Ok(None),
        _ => number(v, field).map(Some),
    }
}

fn whole(v: &Plain, field: &str, max: f64) -> Result<u64> {
    let n = number(v, field)?;
    if n.fract() != 0.0 || !(0.0..=max).contains(&n) {
        return fail(
            field,
            format!(
                "expected a whole number from 0 to {}, found {}",
                show_number(max),
                show_number(n)
            ),
        );
    }
    Ok(n as u64)
}

fn flag(v: &Plain, field: &str) -> Result<bool> {
    match v {
        Plain::Null => Ok(false),
        Plain::Bool(b) => Ok(*b),
        other => fail(
            field,
            format!("expected true or false, found {}", other.describe()),
        ),
    }
}

fn text<'a>(v: &'a Plain, field: &str) -> Result<&'a str> {
    match v {
        Plain::Text(t) => Ok(t),
        other => fail(field, format!("expected text, found {}", other.describe())),
    }
}

fn list<'a>(v: &'a Plain, field: &str) -> Result<&'a [Plain]> {
    match v {
        Plain::Null => Ok(&[]),
        Plain::List(items) => Ok(items),
        other => fail(
            field,
            format!("expected a list, found {}", other.describe()),
        ),
    }
}

fn codes<T>(
    v: &Plain,
    field: &str,
    parse: impl Fn(&str) -> std::result::Result<T, String>,
) -> Result<Vec<T>> {
    list(v, field)?
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("{field}[{i}]");
            parse(text(item, &at)?).or_else(|e| fail(&at, e))
        })
        .collect()
}

/// Finds a postcode or place; says why not.
pub type Locate<'a> = &'a dyn Fn(&str) -> std::result::Result<LatLon, String>;

/// A location: `{lat, lon}`, or a postcode or place name as text.
fn location(v: &Plain, field: &str, locate: Locate<'_>) -> Result<LatLon> {
    if let Plain::Text(t) = v {
        return locate(t).or_else(|e| fail(field, e));
    }
    let f = fields(v, field, &["lat", "lon"])?;
    Ok(LatLon::new(
        number(get(f, "lat"), &path(field, "lat"))?,
        number(get(f, "lon"), &path(field, "lon"))?,
    ))
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
    ];

    /// Reads and checks a query from a plain value, naming the field of any mistake.
    /// Locations must be `{lat, lon}`.
    pub fn from_plain(value: &Plain) -> Result<Query> {
        Query::from_plain_with(value, &|_| {
            Err("postcodes and place names need the gazetteer".into())
        })
    }

    /// Like [`Query::from_plain`], with `near` and `avoid` also accepting a postcode or
    /// place name, found with `locate`.
    pub fn from_plain_with(value: &Plain, locate: Locate<'_>) -> Result<Query> {
        let f = fields(value, "", Query::FIELDS)?;
        let near = match get(f, "near") {
            Plain::Null => {
                return fail(
                    "near",
                    "required: where to search from, as {lat, lon} or a postcode or place",
                )
            }
            v => location(v, "near", locate)?,
        };
        let avoid = list(get(f, "avoid"), "avoid")?
            .iter()
            .enumerate()
            .map(|(i, z)| {
                let at = format!("avoid[{i}]");
                let zf = fields(z, &at, &["lat", "lon", "place", "km"])?;
                let km = number(get(zf, "km"), &path(&at, "km"))?;
                let centre = match get(zf, "place") {
                    Plain::Null => LatLon::new(
                        number(get(zf, "lat"), &path(&at, "lat"))?,
                        number(get(zf, "lon"), &path(&at, "lon"))?,
                    ),
                    place => location(place, &path(&at, "place"), locate)?,
                };
                Ok(AvoidZone {
                    lat: centre.lat,
                    lon: centre.lon,
                    km,
                })
            })
            .collect::<Result<_>>()?;
        let household = match get(f, "household") {
            Plain::Null => Household::default(),
            h => read_household(h)?,
        };
        let query = Query {
            near,
            radius_km: optional_number(get(f, "radius_km"), "radius_km")?,
            kinds: codes(get(f, "kinds"), "kinds", Kind::parse)?,
            avoid,
            household,
            needs: codes(get(f, "needs"), "needs", Need::parse)?,
            languages: codes(get(f, "languages"), "languages", Language::parse)?,
            communities: codes(get(f, "communities"), "communities", Community::parse)?,
            text: match get(f, "text") {
                Plain::Null => None,
                v => Some(text(v, "text")?.to_string()),
            },
            limit: match get(f, "limit") {
                Plain::Null => None,
                v => Some(whole(v, "limit", 1e9)? as usize),
            },
        };
        query.check()?;
        Ok(query)
    }
}

fn read_household(value: &Plain) -> Result<Household> {
    let f = fields(value, "household", &["adults", "children"])?;
    let adults = list(get(f, "adults"), "household.adults")?
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let at = format!("household.adults[{i}]");
            let af = fields(a, &at, &["gender", "trans", "age"])?;
            let gender_at = path(&at, "gender");
            Ok(Adult {
                gender: Gender::parse(text(get(af, "gender"), &gender_at)?)
                    .or_else(|e| fail(&gender_at, e))?,
                trans: flag(get(af, "trans"), &path(&at, "trans"))?,
                age: match get(af, "age") {
                    Plain::Null => None,
                    v => Some(whole(v, &path(&at, "age"), 120.0)? as u8),
                },
            })
        })
        .collect::<Result<_>>()?;
    let children = list(get(f, "children"), "household.children")?
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let at = format!("household.children[{i}]");
            let cf = fields(c, &at, &["age", "sex"])?;
            let sex_at = path(&at, "sex");
            Ok(Child {
                age: whole(get(cf, "age"), &path(&at, "age"), 25.0)? as u8,
                sex: Sex::parse(text(get(cf, "sex"), &sex_at)?).or_else(|e| fail(&sex_at, e))?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(Household { adults, children })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(v: serde_json::Value) -> Result<Query> {
        Query::from_plain(&Plain::from_json(&v))
    }

    #[test]
    fn a_full_query_reads_the_same_as_serde_reads_it() {
        let v = json!({
            "near": {"lat": 52.13, "lon": -0.46}, "radius_km": 30, "kinds": ["refuge", "dispersed"],
            "avoid": [{"lat": 52.0, "lon": -0.5, "km": 10}],
            "household": {"adults": [{"gender": "woman"}], "children": [{"age": 13, "sex": "boy"}]},
            "needs": ["wheelchair"], "languages": ["pl"], "communities": ["south_asian"], "text": "aid", "limit": 5
        });
        let expected: Query = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(read(v).unwrap(), expected);
    }

    #[test]
    fn a_bad_field_is_named_in_the_error() {
        let cases = [
            (json!({}), "query.near: required"),
            (
                json!({"near": {"lat": "x", "lon": 1}}),
                "query.near.lat: expected a number, found the text \"x\"",
            ),
            (
                json!({"near": {"lat": 52, "lon": 0}, "kinds": ["refuge", "castle"]}),
                "query.kinds[1]: unknown kind \"castle\"",
            ),
            (
                json!({"near": {"lat": 52, "lon": 0}, "radius": 5}),
                "query.radius: unknown field; expected one of near, radius_km",
            ),
            (
                json!({"near": {"lat": 52, "lon": 0}, "household": {"children": [{"age": 4.5, "sex": "boy"}]}}),
                "query.household.children[0].age: expected a whole number from 0 to 25, found 4.5",
            ),
            (
                json!({"near": {"lat": 52, "lon": 0}, "avoid": [{"lat": 52, "lon": 0, "km": -1}]}),
                "query.avoid[0].km: expected a distance above 0",
            ),
            (
                json!({"near": {"lat": 52, "lon": 0}, "limit": 0}),
                "query.limit: expected 1 to 1000, found 0",
            ),
            (json!([1, 2]), "query: expected an object"),
        ];
        for (v, want) in cases {
            let got = read(v.clone()).unwrap_err().to_string();
            assert!(got.starts_with(want), "{v}: got {got:?}, want {want:?}");
        }
    }
}
