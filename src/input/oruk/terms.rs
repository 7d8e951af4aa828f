//! The taxonomy terms of an ORUK service, wherever the feed attaches them, and what
//! Haven reads from them: a kind, needs, communities, genders, confidentiality, coverage.

use super::mapping::TermName;
use super::phrases::kind_from_phrase;
use super::{id, list, text};
use crate::areas::is_gss_code;
use crate::input::RawService;
use crate::model::{Community, Gender, Kind, Need};
use crate::problem::Problem;
use crate::text::fold;
use serde_json::Value;

/// Every taxonomy term attached to the service, its locations and its organisation.
pub(super) fn terms(s: &Value) -> Vec<&Value> {
    let mut owners = vec![s];
    owners.extend(s.get("organization"));
    for sal in list(s, "service_at_locations") {
        owners.extend(sal.get("location"));
    }
    // ORUK 3.0 attaches terms as attributes; the 1.x feeds of Open Place and Outpost
    // as `service_taxonomys`, each with its `taxonomy`.
    let mut out: Vec<&Value> = owners
        .into_iter()
        .flat_map(|o| list(o, "attributes"))
        .filter_map(|a| a.get("taxonomy_term"))
        .collect();
    out.extend(
        list(s, "service_taxonomys")
            .iter()
            .filter_map(|t| t.get("taxonomy")),
    );
    out
}

/// The kind a term names: its `code`, when the term is in Haven's taxonomy or names none,
/// or its whole name as a domestic-abuse phrase.
pub(super) fn term_kind(term: &Value) -> Option<Kind> {
    // A council's own taxonomy may use words that are also Haven's codes ("Children",
    // "Outreach", "Legal") for services that have nothing to do with domestic abuse, so a
    // term gives a Haven code only through its `code` field, in Haven's taxonomy or a
    // term that names none; its name gives a kind only when the whole name is a
    // domestic-abuse phrase.
    haven_code(term)
        .and_then(|c| Kind::from_code(&c))
        .or_else(|| {
            ["term", "name"]
                .iter()
                .filter_map(|k| text(term, k))
                .find_map(|n| kind_from_phrase(&fold(&n)))
        })
}

/// The term's `code`, folded to Haven's form, when the term is in Haven's taxonomy or
/// names none.
pub(super) fn haven_code(term: &Value) -> Option<String> {
    let taxonomy = text(term, "taxonomy").or_else(|| text(term, "vocabulary"));
    let haven = taxonomy.as_deref().is_some_and(|t| fold(t) == "haven");
    if taxonomy.is_some() && !haven {
        return None;
    }
    // Haven's export writes its codes as `term`; others put them in `code`.
    let code = text(term, "code").or_else(|| haven.then(|| text(term, "term")).flatten())?;
    Some(match code.split_once('=') {
        // A value ("source=Bedford Borough Council…") is kept as written.
        Some((key, value)) => format!("{}={value}", fold(key).replace(' ', "_")),
        None => fold(&code).replace(' ', "_"),
    })
}

/// Each term's name, id and code, as a mapping matches them.
pub(super) fn term_names(s: &Value) -> Vec<TermName> {
    terms(s)
        .into_iter()
        .map(|t| TermName {
            words: ["term", "name", "id", "code"]
                .iter()
                .filter_map(|k| text(t, k).or_else(|| id_field(t, k)))
                .collect(),
        })
        .filter(|t| !t.words.is_empty())
        .collect()
}

/// A numeric `id` as text (other fields are text already).
pub(super) fn id_field(v: &Value, key: &str) -> Option<String> {
    (key == "id").then(|| id(v)).flatten()
}

pub(super) fn read_terms(
    file: &str,
    label: &str,
    s: &Value,
    raw: &mut RawService,
    problems: &mut Vec<Problem>,
) {
    let mut kinds: Vec<Kind> = Vec::new();
    for term in terms(s) {
        if let Some(kind) = term_kind(term) {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
            continue;
        }
        if let Some(code) = haven_code(term) {
            if let Some(need) = Need::from_code(&code) {
                set_need(raw, need);
            } else if let Some(c) = Community::from_code(&code) {
                if !raw.communities.contains(&c.code().to_string()) {
                    raw.communities.push(c.code().into());
                }
            } else if let Some(g) = Gender::from_code(&code) {
                raw.eligibility.genders.push(g.code().into());
            } else if code == "confidential" {
                raw.precision = Some("area".into());
            }
        }
        for word in ["term", "name", "code"]
            .iter()
            .filter_map(|k| text(term, k))
        {
            if is_gss_code(&word) && !raw.coverage.contains(&word) {
                raw.coverage.push(word);
            }
        }
    }
    // With no kind, the check reports one error for the one cause (see `missing_kind`).
    match kinds.as_slice() {
        [] => {}
        [one] => raw.kind = Some(one.code().into()),
        [first, rest @ ..] => {
            raw.kind = Some(first.code().into());
            let others: Vec<_> = rest.iter().map(|k| k.code()).collect();
            problems.push(Problem::warning(
                file,
                label,
                "attributes",
                format!(
                    "terms name several kinds; using {first}, not {}",
                    others.join(", ")
                ),
            ));
        }
    }
}

pub(super) fn set_need(raw: &mut RawService, need: Need) {
    raw.eligibility
        .needs
        .insert(need.code().into(), Value::Bool(true));
}
