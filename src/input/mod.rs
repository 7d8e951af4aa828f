//! Reading input files: Haven's own JSON format and Open Referral UK 3.0 service JSON.
//!
//! Reading never stops at the first mistake: every record is read on its own, and what
//! cannot be read becomes a [`Problem`] naming the file, record and field.

mod haven;
mod html;
mod oruk;
mod raw;

pub(crate) use raw::{RawEligibility, RawLocation, RawPhone, RawService, RawSource};

use crate::problem::Problem;
use serde_json::Value;

/// A record read from a file, not yet checked.
#[derive(Debug, Clone)]
pub struct InputRecord {
    /// The file it came from.
    pub file: String,
    /// Its id, or `record N` when it has none.
    pub label: String,
    /// What it says.
    pub raw: RawService,
}

/// Everything read from one file.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// Records that could be read (each still to be validated).
    pub records: Vec<InputRecord>,
    /// What could not be read.
    pub problems: Vec<Problem>,
}

/// Which format a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Haven's own format: `{"format": "haven", "version": 1, "services": [...]}`.
    Haven,
    /// Open Referral UK 3.0 service JSON: one service, a list, or a page with `contents`.
    Oruk,
}

/// Reads one file's text, detecting its format.
pub fn parse(file: &str, text: &str) -> ParsedFile {
    // Feeds saved by Windows tools start with a byte-order mark, which JSON does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let message = format!(
                "malformed JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            );
            return ParsedFile {
                records: vec![],
                problems: vec![Problem::error(file, "-", "json", message)],
            };
        }
    };
    match detect(&value) {
        Some(Format::Haven) => haven::parse(file, value),
        Some(Format::Oruk) => oruk::parse(file, value),
        None => ParsedFile {
            records: vec![],
            problems: vec![Problem::error(
                file,
                "-",
                "json",
                format!(
                    "expected a Haven directory ({{\"format\": \"haven\", \"services\": [...]}}) or Open Referral UK \
                     service JSON (a service, a list of services, or a page with \"contents\"), found {}",
                    describe(&value)
                ),
            )],
        },
    }
}

/// Tells the format from the shape of the top-level value.
pub fn detect(value: &Value) -> Option<Format> {
    match value {
        Value::Object(map) if map.contains_key("services") => Some(Format::Haven),
        // ORUK 3.0 pages have `contents`; the 1.x pages Open Place and Outpost feeds
        // serve have `content` (with `totalElements`, `totalPages`, `number`, `size`).
        Value::Object(map)
            if map.contains_key("contents")
                || map.contains_key("content")
                || map.contains_key("id") =>
        {
            Some(Format::Oruk)
        }
        Value::Array(_) => Some(Format::Oruk),
        _ => None,
    }
}

/// A short description of a JSON value, for "found …" in messages.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("a string {:?}…", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(a) => format!("a list of {}", a.len()),
        Value::Object(m) => {
            let keys: Vec<_> = m.keys().take(6).map(String::as_str).collect();
            format!("an object with keys {}", keys.join(", "))
        }
    }
}

/// The label for a record: its id when it has a usable one, else its position.
pub(crate) fn label_of(value: &Value, index: usize) -> String {
    match value.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().chars().take(100).collect(),
        // Some feeds number their records.
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("record {}", index + 1),
    }
}
