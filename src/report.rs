//! What checking found, written for the person who must fix it: a summary first (what
//! was read, taken and imported, and each kind of problem with its count), then every
//! problem grouped under the service it belongs to, named by its name and id.

use crate::input::{candidates, FeedCandidate, Tally, Unselected};
use crate::model::Service;
use crate::problem::{Problem, Severity};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The outcome of checking: the services that passed and every problem found.
#[derive(Debug, Default)]
pub struct Report {
    /// Records that passed, in input order.
    pub services: Vec<Service>,
    /// Errors and warnings, in input order (reading problems first).
    pub problems: Vec<Problem>,
    /// How many services the inputs held, and how many were taken.
    pub tally: Tally,
    /// The feeds' services that were not selected, with the file each came from.
    pub unselected: Vec<(String, Unselected)>,
    /// Each record's name by (file, label), for naming it in the report.
    pub names: HashMap<(String, String), String>,
}

impl Report {
    /// Whether any problem is an error (so nothing may be written).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// How many errors and warnings there are.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.problems.iter().filter(|p| p.is_error()).count();
        (errors, self.problems.len() - errors)
    }

    /// "N services, N errors, N warnings".
    pub fn summary(&self) -> String {
        let (errors, warnings) = self.counts();
        format!(
            "{} services, {errors} errors, {warnings} warnings",
            self.services.len()
        )
    }

    /// The services not selected whose name, description or terms speak of domestic
    /// abuse, sexual violence, stalking, forced marriage, FGM, honour-based abuse or
    /// refuge (whole words), for the maintainer to review.
    pub fn candidates(&self) -> Vec<FeedCandidate> {
        candidates(&self.unselected)
    }

    /// The name of the record a problem belongs to, when it has one.
    pub fn name_of(&self, problem: &Problem) -> Option<&str> {
        self.names
            .get(&(problem.file.clone(), problem.record.clone()))
            .map(String::as_str)
    }

    /// The whole report as text: the summary, the problems by kind with their counts,
    /// then the problems of each service under its name.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let t = self.tally;
        let records_with = |severity: Severity| {
            let mut seen: Vec<(&str, &str)> = self
                .problems
                .iter()
                .filter(|p| p.severity == severity && p.record != "-")
                .map(|p| (p.file.as_str(), p.record.as_str()))
                .collect();
            seen.sort_unstable();
            seen.dedup();
            seen.len()
        };
        let _ = writeln!(
            out,
            "Read {}: {} selected, {} not selected, {} inactive.",
            services(t.read),
            t.selected,
            t.not_selected,
            t.inactive
        );
        if t.selected == 0 && t.not_selected > 0 {
            let _ = writeln!(
                out,
                "Nothing was selected: no service has a term naming a Haven kind, and no mapping selects one. \
                 `haven oruk candidates` lists those that speak of domestic abuse; a mapping (--mapping, data/README.md) takes them."
            );
        }
        let _ = writeln!(
            out,
            "Imported {} of the {} selected; {} with errors, {} with warnings.",
            self.services.len(),
            t.selected,
            services(records_with(Severity::Error)),
            services(records_with(Severity::Warning)),
        );
        if self.problems.is_empty() {
            let _ = writeln!(out, "No problems.");
            return out;
        }
        let _ = writeln!(out, "\nProblems by kind:");
        for (count, example) in kinds(&self.problems) {
            let level = match (example.severity, count) {
                (Severity::Error, 1) => "error",
                (Severity::Error, _) => "errors",
                (Severity::Warning, 1) => "warning",
                (Severity::Warning, _) => "warnings",
            };
            let message = shorten(&example.message, 110);
            let _ = writeln!(
                out,
                "  {count:>5} {level:<8}  {}: {message}",
                general_field(&example.field)
            );
        }
        let _ = writeln!(out, "\nProblems by service:");
        for ((file, record), problems) in by_record(&self.problems) {
            let heading = if record == "-" {
                format!("{file} (the whole file)")
            } else {
                match self.names.get(&(file.to_string(), record.to_string())) {
                    Some(name) => format!("{name} ({record}, in {file})"),
                    None => format!("{record} (in {file})"),
                }
            };
            let _ = writeln!(out, "{heading}");
            for p in problems {
                let level = if p.is_error() { "error" } else { "warning" };
                let _ = writeln!(out, "  {level:<8} {}: {}", p.field, p.message);
            }
        }
        out
    }
}

/// Problems of one kind: same severity, same field (list positions aside), and the same
/// message apart from its quoted values and numbers. Errors first, most common first.
fn kinds(problems: &[Problem]) -> Vec<(usize, &Problem)> {
    let mut groups: Vec<(String, usize, &Problem)> = Vec::new();
    for p in problems {
        let key = format!(
            "{:?} {} {}",
            p.severity,
            general_field(&p.field),
            general_message(&p.message)
        );
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, count, _)) => *count += 1,
            None => groups.push((key, 1, p)),
        }
    }
    groups.sort_by(|a, b| b.2.severity.cmp(&a.2.severity).then(b.1.cmp(&a.1)));
    groups.into_iter().map(|(_, n, p)| (n, p)).collect()
}

/// Problems in the order of the records they belong to (the first problem of each).
fn by_record(problems: &[Problem]) -> Vec<((&str, &str), Vec<&Problem>)> {
    let mut out: Vec<((&str, &str), Vec<&Problem>)> = Vec::new();
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    for p in problems {
        let key = (p.file.as_str(), p.record.as_str());
        match at.get(&key) {
            Some(&i) => out[i].1.push(p),
            None => {
                at.insert(key, out.len());
                out.push((key, vec![p]));
            }
        }
    }
    out
}

/// `phones[2].number` → `phones[].number`.
fn general_field(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// A message with its quoted values and numbers masked, so messages about different
/// values count as one kind.
fn general_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    let chars: Vec<char> = message.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let digit_next = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        match c {
            '"' => {
                quoted = !quoted;
                if quoted {
                    out.push('…');
                }
            }
            _ if quoted => {}
            // A sign, or a point inside a number, is part of the number.
            '-' | '.' | ',' if digit_next && (c == '-' || out.ends_with('#')) => {}
            '0'..='9' => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// "1 service", "2 services".
fn services(n: usize) -> String {
    if n == 1 {
        "1 service".into()
    } else {
        format!("{n} services")
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(record: &str, field: &str, message: &str) -> Problem {
        Problem::error("feed.json", record, field, message)
    }

    #[test]
    fn problems_that_differ_only_in_values_are_one_kind_with_a_count() {
        let problems = [
            problem(
                "a",
                "phones[0].number",
                "expected a UK number, found \"12\"",
            ),
            problem(
                "b",
                "phones[3].number",
                "expected a UK number, found \"0800\"",
            ),
            problem("b", "kind", "required"),
        ];
        let kinds = kinds(&problems);
        assert_eq!(kinds.len(), 2);
        assert_eq!(kinds[0].0, 2);
        assert_eq!(general_field(&kinds[0].1.field), "phones[].number");
        assert_eq!(
            general_message("48.857,2.352 is outside the UK"),
            general_message("-0.46,52.13 is outside the UK")
        );
    }

    #[test]
    fn the_report_names_each_service_and_lists_its_problems_under_it() {
        let mut report = Report {
            problems: vec![
                problem("a", "kind", "required"),
                problem("-", "json", "a file problem"),
                problem("a", "web", "bad"),
            ],
            ..Report::default()
        };
        report.tally.read = 3;
        report.tally.selected = 1;
        report.tally.not_selected = 2;
        report
            .names
            .insert(("feed.json".into(), "a".into()), "Bristol IDVA".into());
        let text = report.render();
        assert!(text.starts_with("Read 3 services: 1 selected, 2 not selected, 0 inactive.\nImported 0 of the 1 selected; 1 service with errors, 0 services with warnings."), "{text}");
        assert!(
            text.contains(
                "Bristol IDVA (a, in feed.json)\n  error    kind: required\n  error    web: bad\n"
            ),
            "{text}"
        );
        assert!(text.contains("feed.json (the whole file)\n"), "{text}");
        assert!(text.find("Problems by kind").unwrap() < text.find("Problems by service").unwrap());
    }
}
