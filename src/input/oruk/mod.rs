//! Open Referral UK 3.0 (a profile of HSDS 3.0) service JSON, mapped to Haven's format.
//!
//! ORUK has no fields for what this domain needs most, so Haven reads them from the
//! service's taxonomy-term attributes: a term whose `code` (in Haven's taxonomy, or a
//! term naming no taxonomy) is a Haven kind, need, community, gender or `confidential`
//! sets that field, and a GSS code sets coverage. A term whose whole name is a
//! domestic-abuse phrase ("Refuge", "IDVA", "Sanctuary scheme"…) gives a kind too; a
//! phrase inside a longer name never does ("Homeless outreach" is not outreach).
//! Nothing is guessed from free text: an eligibility the data does not state stays
//! unknown.

mod hours;
mod phrases;
mod places;

use super::html::plain_text;
use super::{describe, label_of, InputRecord, ParsedFile, RawPhone, RawService, RawSource};
use crate::areas::is_gss_code;
use crate::model::{Community, Gender, Kind, Need};
use crate::problem::Problem;
use crate::text::fold;
use hours::schedule_hours;
use phrases::kind_from_phrase;
use places::{read_location, read_service_areas};
use serde_json::Value;

pub(super) fn parse(file: &str, value: Value) -> ParsedFile {
    let mut out = ParsedFile::default();
    let services = match value {
        Value::Array(list) => list,
        Value::Object(mut map) if map.contains_key("contents") || map.contains_key("content") => {
            // ORUK 3.0 pages count from 1 (`page_number`, `total_pages`); the 1.x pages
            // of Open Place and Outpost feeds from 0 (`number`, `totalPages`).
            let (key, pages, page) = if map.contains_key("contents") {
                let pages = map.get("total_pages").and_then(Value::as_u64).unwrap_or(1);
                let page = map.get("page_number").and_then(Value::as_u64).unwrap_or(1);
                ("contents", pages, page)
            } else {
                let pages = map.get("totalPages").and_then(Value::as_u64).unwrap_or(1);
                let page = map.get("number").and_then(Value::as_u64).unwrap_or(0) + 1;
                ("content", pages, page)
            };
            if pages > 1 {
                let field = if key == "contents" {
                    "total_pages"
                } else {
                    "totalPages"
                };
                out.problems.push(Problem::warning(
                    file,
                    "-",
                    field,
                    format!("this is page {page} of {pages}; only the services on this page are imported"),
                ));
            }
            match map.remove(key) {
                Some(Value::Array(list)) => list,
                other => {
                    let found = other.as_ref().map_or("nothing".into(), describe);
                    out.problems.push(Problem::error(
                        file,
                        "-",
                        key,
                        format!("expected a list of services, found {found}"),
                    ));
                    return out;
                }
            }
        }
        single => vec![single],
    };
    for (index, service) in services.iter().enumerate() {
        let label = label_of(service, index);
        if !service.is_object() {
            out.problems.push(Problem::error(
                file,
                &label,
                "-",
                format!(
                    "expected an ORUK service object, found {}",
                    describe(service)
                ),
            ));
            continue;
        }
        if let Some(status) = text(service, "status").filter(|s| s != "active") {
            out.problems.push(Problem::warning(
                file,
                &label,
                "status",
                format!("status is {status:?}, not \"active\": not imported"),
            ));
            continue;
        }
        let mut problems = Vec::new();
        let raw = map_service(file, &label, service, &mut problems);
        out.problems.extend(problems);
        out.records.push(InputRecord {
            file: file.into(),
            label,
            raw,
        });
    }
    out
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// An id, which some feeds give as a number.
fn id(v: &Value) -> Option<String> {
    match v.get("id") {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => text(v, "id"),
    }
}

/// An age limit; feeds write -1 (or any negative) for "no limit", which Haven records as
/// not stated.
fn age(v: &Value, key: &str) -> Option<i64> {
    v.get(key).and_then(Value::as_i64).filter(|a| *a >= 0)
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn map_service(file: &str, label: &str, s: &Value, problems: &mut Vec<Problem>) -> RawService {
    let mut raw = RawService {
        id: id(s),
        // Council feeds put HTML in most descriptions (and some names).
        name: text(s, "name").map(|t| plain_text(&t)),
        description: text(s, "description").map(|t| plain_text(&t)),
        organisation: s.get("organization").and_then(|o| text(o, "name")),
        web: web_address(file, label, s, problems),
        email: text(s, "email"),
        ..RawService::default()
    };
    raw.eligibility.min_age = age(s, "minimum_age");
    raw.eligibility.max_age = age(s, "maximum_age");
    read_terms(file, label, s, &mut raw, problems);
    read_location(s, &mut raw);
    read_service_areas(file, label, s, &mut raw, problems);
    raw.phones = phones(s);
    raw.languages = list(s, "languages")
        .iter()
        .filter_map(|l| text(l, "code"))
        .collect();
    raw.hours = list(s, "schedules").iter().find_map(schedule_hours);
    let verified = text(s, "assured_date").or_else(|| text(s, "last_modified"));
    raw.source = Some(RawSource {
        name: Some(match &raw.organisation {
            Some(org) => format!("Open Referral UK data published for {org} ({file})"),
            None => format!("Open Referral UK data ({file})"),
        }),
        url: raw.web.clone(),
        verified_on: verified,
    });
    if raw
        .source
        .as_ref()
        .is_some_and(|src| src.verified_on.is_none())
    {
        problems.push(Problem::error(
            file,
            label,
            "assured_date",
            "expected assured_date or last_modified to give the verified-on date; found neither",
        ));
    }
    raw
}

/// The service's `url`; a bare "www.…" address, as feeds often give, is read as https
/// (with a warning, since the maintainer should check it).
fn web_address(file: &str, label: &str, s: &Value, problems: &mut Vec<Problem>) -> Option<String> {
    let url = text(s, "url")?;
    if url.to_ascii_lowercase().starts_with("www.") {
        let https = format!("https://{url}");
        problems.push(Problem::warning(
            file,
            label,
            "url",
            format!("{url:?} has no scheme; read as {https:?}"),
        ));
        return Some(https);
    }
    Some(url)
}

/// Every taxonomy term attached to the service, its locations and its organisation.
fn terms(s: &Value) -> Vec<&Value> {
    let mut owners = vec![s];
    owners.extend(s.get("organization"));
    for sal in list(s, "service_at_locations") {
        owners.extend(sal.get("location"));
    }
    owners
        .into_iter()
        .flat_map(|o| list(o, "attributes"))
        .filter_map(|a| a.get("taxonomy_term"))
        .collect()
}

fn read_terms(
    file: &str,
    label: &str,
    s: &Value,
    raw: &mut RawService,
    problems: &mut Vec<Problem>,
) {
    let mut kinds: Vec<Kind> = Vec::new();
    let mut seen_terms = Vec::new();
    for term in terms(s) {
        // A council's own taxonomy may use words that are also Haven's codes
        // ("Children", "Outreach", "Legal") for services that have nothing to do with
        // domestic abuse, so a term gives a Haven code only through its `code` field, in
        // Haven's taxonomy or a term that names none; its name gives a kind only when
        // the whole name is a domestic-abuse phrase.
        let ours = text(term, "taxonomy").is_none_or(|t| fold(&t) == "haven");
        let code = text(term, "code").filter(|_| ours);
        let names: Vec<String> = ["term", "name"]
            .iter()
            .filter_map(|k| text(term, k))
            .collect();
        seen_terms.extend(names.first().cloned().or_else(|| text(term, "code")));
        let kind = code
            .as_deref()
            .and_then(|c| Kind::from_code(&fold(c).replace(' ', "_")))
            .or_else(|| names.iter().find_map(|n| kind_from_phrase(&fold(n))));
        if let Some(kind) = kind {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
            continue;
        }
        if let Some(code) = code {
            let folded = fold(&code).replace(' ', "_");
            if let Some(need) = Need::from_code(&folded) {
                set_need(raw, need);
            } else if let Some(c) = Community::from_code(&folded) {
                if !raw.communities.contains(&c.code().to_string()) {
                    raw.communities.push(c.code().into());
                }
            } else if let Some(g) = Gender::from_code(&folded) {
                raw.eligibility.genders.push(g.code().into());
            } else if folded == "confidential" {
                raw.precision = Some("area".into());
            }
        }
        for word in names.iter().chain(text(term, "code").iter()) {
            if is_gss_code(word) && !raw.coverage.contains(word) {
                raw.coverage.push(word.clone());
            }
        }
    }
    match kinds.as_slice() {
        [] => problems.push(Problem::error(
            file,
            label,
            "attributes",
            format!(
                "expected a taxonomy term naming a Haven kind (code one of {}), found {}",
                Kind::expected(),
                if seen_terms.is_empty() {
                    "no terms".into()
                } else {
                    format!("terms {}", seen_terms.join(", "))
                }
            ),
        )),
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

fn set_need(raw: &mut RawService, need: Need) {
    raw.eligibility
        .needs
        .insert(need.code().into(), Value::Bool(true));
}

/// Phones wherever HSDS 3.0 puts them: on the service, its contacts, its locations.
fn phones(s: &Value) -> Vec<RawPhone> {
    let mut owners = vec![s];
    owners.extend(list(s, "contacts"));
    for sal in list(s, "service_at_locations") {
        owners.push(sal);
        owners.extend(sal.get("location"));
    }
    let mut out: Vec<RawPhone> = Vec::new();
    for phone in owners.into_iter().flat_map(|o| list(o, "phones")) {
        let Some(number) = text(phone, "number") else {
            continue;
        };
        // "Bristol Youth MAPS: 0117 332 7111": the words before the colon are a label.
        let number = number.trim_matches('"');
        let (label, number) = match number.rsplit_once(':') {
            Some((label, rest))
                if rest.chars().any(|c| c.is_ascii_digit()) && !label.trim().is_empty() =>
            {
                (Some(label.trim().to_string()), rest.trim().to_string())
            }
            _ => (None, number.to_string()),
        };
        if out
            .iter()
            .any(|p| p.number.as_deref() == Some(number.as_str()))
        {
            continue;
        }
        let kind = text(phone, "type").map(|t| fold(&t)).unwrap_or_default();
        out.push(RawPhone {
            number: Some(number),
            label,
            hours: text(phone, "description"),
            sms: kind == "text" || kind == "sms",
            ..RawPhone::default()
        });
    }
    out
}
