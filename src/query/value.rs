//! A plain value tree: what a JavaScript object or a JSON document is made of, so the one
//! query reader serves both. The browser binding copies a JavaScript value into one;
//! the CLI and tests convert `serde_json` values.

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
    /// What the value is, for "found …" in messages.
    pub(crate) fn describe(&self) -> String {
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
