//! Reading input files: Haven's own JSON format and Open Referral UK 3.0 service JSON.
//!
//! Reading never stops at the first mistake: every record is read on its own, and what
//! cannot be read becomes a [`Problem`] naming the file, record and field.

mod haven;
mod html;
mod wording;
pub(crate) use html::looks_like_html;
pub(crate) use wording::reader_message;
mod oruk;
mod raw;

pub use oruk::{candidates, FeedCandidate, Mapping, Selected};
pub(crate) use raw::{RawEligibility, RawLocation, RawPhone, RawService, RawSource, RawVacancy};

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
    /// What to say when a required field is missing, in the words of the input's own
    /// format (an ORUK feed has terms and `assured_date`, not `kind` and
    /// `source.verified_on`): the check says this, once, instead of a bare "required".
    pub missing: Vec<Missing>,
}

/// What to report for a required field the reading could not fill.
#[derive(Debug, Clone)]
pub struct Missing {
    /// The Haven field (`kind`, `source.verified_on`).
    pub field: &'static str,
    /// The field to name in the problem (the input's own).
    pub report_as: &'static str,
    /// What was expected and found.
    pub message: String,
}

/// Everything read from one file.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// Records that could be read (each still to be validated).
    pub records: Vec<InputRecord>,
    /// What could not be read.
    pub problems: Vec<Problem>,
    /// How many services were read, taken and left.
    pub tally: Tally,
    /// The services of a feed that were not taken, for `haven oruk candidates`.
    pub unselected: Vec<Unselected>,
    /// Which page of a many-page feed this is.
    pub page: Option<Page>,
    /// Every service id and taxonomy term (name, id, code; folded) in the file, so a
    /// mapping's rule that matches nothing can be reported.
    pub seen: std::collections::BTreeSet<String>,
}

/// How many services a feed had, and what became of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Service records read.
    pub read: usize,
    /// Taken for Haven (by the mapping's `[select]`, or by Haven's own terms).
    pub selected: usize,
    /// Left out: not selected. Counted, never an error.
    pub not_selected: usize,
    /// Left out: a status other than "active".
    pub inactive: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.read += other.read;
        self.selected += other.selected;
        self.not_selected += other.not_selected;
        self.inactive += other.inactive;
    }
}

/// A service of a feed that was not selected.
#[derive(Debug, Clone)]
pub struct Unselected {
    /// Its id, if it has one.
    pub id: Option<String>,
    /// Its id, or `record N`.
    pub label: String,
    /// Its name, as plain text.
    pub name: Option<String>,
    /// Its description, as plain text.
    pub description: Option<String>,
    /// Its taxonomy terms' names.
    pub terms: Vec<String>,
}

/// One page of a feed served in pages, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// This page.
    pub page: u64,
    /// How many pages the feed says it has.
    pub pages: u64,
    /// The field that says so, for messages.
    pub field: &'static str,
}

/// Which format a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Haven's own format: `{"format": "haven", "version": 1, "services": [...]}`.
    Haven,
    /// Open Referral UK 3.0 service JSON: one service, a list, or a page with `contents`.
    Oruk,
}

/// Reads one file's text, detecting its format; a mapping applies to ORUK feeds.
pub fn parse(file: &str, text: &str, mapping: Option<&Mapping>) -> ParsedFile {
    // Feeds saved by Windows tools start with a byte-order mark, which JSON does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let message = format!(
                "malformed JSON at line {}, column {}: {}",
                e.line(),
                e.column(),
                wording::without_position(&e.to_string())
            );
            return ParsedFile {
                problems: vec![Problem::error(file, "-", "json", message)],
                ..ParsedFile::default()
            };
        }
    };
    match detect(&value) {
        Some(Format::Haven) => haven::parse(file, value),
        Some(Format::Oruk) => oruk::parse(file, value, mapping),
        None => ParsedFile {
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
            ..ParsedFile::default()
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
