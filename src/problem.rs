//! One thing wrong with an input, located as `file: record-id: field: message`. Reading
//! and checking both report these, so this module depends on neither.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Reported, but the record is still used (e.g. coordinates dropped by
    /// `--allow-coarsening`).
    Warning,
    /// The input cannot be built until it is fixed.
    Error,
}

/// One thing wrong with the input, located as `file: record-id: field: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The input file.
    pub file: String,
    /// The record's id, or `record N` when it has none, or `-` for the whole file.
    pub record: String,
    /// The field, as a path such as `eligibility.max_boy_age` or `phones[1].number`.
    pub field: String,
    /// What was expected and what was found.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

impl Problem {
    /// An error.
    pub fn error(file: &str, record: &str, field: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            record: record.into(),
            field: field.into(),
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// A warning.
    pub fn warning(file: &str, record: &str, field: &str, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, record, field, message)
        }
    }

    /// Whether this stops a build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = if self.is_error() { "" } else { "warning: " };
        write!(
            f,
            "{}: {}: {}: {level}{}",
            self.file, self.record, self.field, self.message
        )
    }
}
