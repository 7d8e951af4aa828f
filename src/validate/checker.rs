//! Collecting one record's problems, with the small checks every field uses.

use crate::date::Date;
use crate::input::InputRecord;
use crate::problem::Problem;

/// Collects the problems of one record.
pub(super) struct Checker<'a> {
    pub(super) input: &'a InputRecord,
    pub(super) problems: &'a mut Vec<Problem>,
    pub(super) failed: bool,
}

impl Checker<'_> {
    pub(super) fn error(&mut self, field: &str, message: impl Into<String>) {
        self.failed = true;
        self.problems.push(Problem::error(
            &self.input.file,
            &self.input.label,
            field,
            message,
        ));
    }

    pub(super) fn warn(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push(Problem::warning(
            &self.input.file,
            &self.input.label,
            field,
            message,
        ));
    }

    pub(super) fn required<'v>(
        &mut self,
        field: &str,
        value: &'v Option<String>,
    ) -> Option<&'v str> {
        match value.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => Some(v),
            _ => {
                self.missing(field, "required, but missing or empty");
                None
            }
        }
    }

    /// A required field is missing: said in the input's own words when its reader
    /// knows them.
    fn missing(&mut self, field: &str, otherwise: &str) {
        let input = self.input;
        match input.missing.iter().find(|m| m.field == field) {
            Some(m) => self.error(m.report_as, m.message.clone()),
            None => self.error(field, otherwise),
        }
    }

    /// Parses each code of a list, reporting the bad ones by position.
    pub(super) fn codes<T>(
        &mut self,
        field: &str,
        values: &[String],
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for (i, v) in values.iter().enumerate() {
            match parse(v.trim()) {
                Ok(t) => out.push(t),
                Err(e) => self.error(&format!("{field}[{i}]"), e),
            }
        }
        out
    }

    pub(super) fn small_number(
        &mut self,
        field: &str,
        value: Option<i64>,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<u8> {
        let v = value?;
        if range.contains(&v) {
            u8::try_from(v).ok()
        } else {
            self.error(
                field,
                format!(
                    "expected a whole number from {} to {}, found {v}",
                    range.start(),
                    range.end()
                ),
            );
            None
        }
    }

    pub(super) fn date_not_future(
        &mut self,
        field: &str,
        value: Option<&str>,
        today: Date,
    ) -> Option<Date> {
        let Some(text) = value else {
            self.missing(field, "required, but missing");
            return None;
        };
        match Date::parse(text) {
            Ok(d) if d > today => {
                self.error(field, format!("{d} is in the future (today is {today})"));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.error(field, e);
                None
            }
        }
    }
}

/// Checks one record; returns its service when it has no errors.
/// Code lists are sets: stored sorted and without repeats, whatever order they came in.
pub(super) fn canonical<T: Ord>(mut values: Vec<T>) -> Vec<T> {
    values.sort();
    values.dedup();
    values
}

pub(super) fn clean(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}
