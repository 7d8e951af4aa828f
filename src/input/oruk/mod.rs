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

mod candidates;
mod haven_terms;
mod hours;
mod mapping;
mod phrases;
mod places;
mod terms;

pub use candidates::{candidates, FeedCandidate};
pub use mapping::{Mapping, Selected};

use super::html::plain_text;
use super::{
    describe, label_of, InputRecord, Missing, Page, ParsedFile, RawPhone, RawService, RawSource,
    Unselected,
};
use crate::areas::is_gss_code;
use crate::model::Kind;
use crate::problem::Problem;
use crate::text::fold;
use hours::{schedule_hours, weekly_hours};
use mapping::TermName;
use places::{read_location, read_service_areas};
use serde_json::Value;
use terms::{haven_code, read_terms, term_kind, term_names, terms};

pub(super) fn parse(file: &str, value: Value, mapping: Option<&Mapping>) -> ParsedFile {
    let mut out = ParsedFile::default();
    let services = match value {
        Value::Array(list) => list,
        Value::Object(mut map) if map.contains_key("contents") || map.contains_key("content") => {
            // ORUK 3.0 pages count from 1 (`page_number`, `total_pages`); the 1.x pages
            // of Open Place and Outpost feeds from 0 (`number`, `totalPages`).
            let key = if map.contains_key("contents") {
                let pages = map.get("total_pages").and_then(Value::as_u64).unwrap_or(1);
                let page = map.get("page_number").and_then(Value::as_u64).unwrap_or(1);
                out.page = Some(Page {
                    page,
                    pages,
                    field: "total_pages",
                });
                "contents"
            } else {
                let pages = map.get("totalPages").and_then(Value::as_u64).unwrap_or(1);
                let page = map.get("number").and_then(Value::as_u64).unwrap_or(0) + 1;
                out.page = Some(Page {
                    page,
                    pages,
                    field: "totalPages",
                });
                "content"
            };
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
        out.tally.read += 1;
        let service_id = id(service);
        let names = term_names(service);
        out.seen.extend(service_id.iter().cloned());
        out.seen
            .extend(names.iter().flat_map(|t| t.words.iter().map(|w| fold(w))));
        let selected = select(service, service_id.as_deref(), &names, mapping);
        if let Some(status) = text(service, "status").filter(|s| s != "active") {
            out.tally.inactive += 1;
            if selected.is_some() {
                out.problems.push(Problem::warning(
                    file,
                    &label,
                    "status",
                    format!("status is {status:?}, not \"active\": not imported"),
                ));
            }
            continue;
        }
        if selected.is_none() {
            out.tally.not_selected += 1;
            out.unselected.push(Unselected {
                id: service_id,
                label,
                name: text(service, "name").map(|t| plain_text(&t)),
                description: text(service, "description").map(|t| plain_text(&t)),
                terms: names
                    .into_iter()
                    .filter_map(|t| t.words.into_iter().next())
                    .collect(),
            });
            continue;
        }
        out.tally.selected += 1;
        let mut problems = Vec::new();
        let mut raw = map_service(file, &label, service, &mut problems);
        if let Some(mapping) = mapping {
            mapping.apply(
                (file, &label),
                service_id.as_deref(),
                &names,
                &mut raw,
                &mut problems,
            );
        }
        // A confidential service is known by its area: the one council it serves.
        let confidential = raw.precision.as_deref() == Some("area")
            || raw
                .kind
                .as_deref()
                .and_then(Kind::from_code)
                .is_some_and(Kind::always_confidential);
        if confidential && raw.area.is_none() {
            if let [only] = raw.coverage.as_slice() {
                raw.area = is_gss_code(only).then(|| only.clone());
            }
        }
        let mut missing = Vec::new();
        if raw.kind.is_none() {
            missing.push(Missing {
                field: "kind",
                report_as: "kind",
                message: missing_kind(&names, mapping),
            });
        }
        if raw.source.as_ref().is_some_and(|s| s.verified_on.is_none()) {
            missing.push(Missing {
                field: "source.verified_on",
                report_as: "assured_date",
                message: "expected assured_date or last_modified to give the verified-on date; found neither".into(),
            });
        }
        out.problems.extend(problems);
        out.records.push(InputRecord {
            file: file.into(),
            label,
            raw,
            missing,
        });
    }
    out
}

/// Whether Haven takes this service: by the mapping's `[select]` when it has one, else
/// by the service's own terms (a Haven kind or Haven's taxonomy) or a rule for its id.
fn select(
    service: &Value,
    id: Option<&str>,
    names: &[TermName],
    mapping: Option<&Mapping>,
) -> Option<Selected> {
    if let Some(m) = mapping.filter(|m| m.has_select()) {
        return m.selects(id, names);
    }
    let ruled = mapping.is_some_and(|m| id.is_some_and(|id| m.service_ids().any(|r| r == id)));
    let haven = terms(service).into_iter().any(|t| {
        text(t, "taxonomy").is_some_and(|t| fold(&t) == "haven") || term_kind(t).is_some()
    });
    (ruled || haven).then_some(Selected::ByHavenTerms)
}

/// What to say when a selected service has no kind.
fn missing_kind(names: &[TermName], mapping: Option<&Mapping>) -> String {
    let found = if names.is_empty() {
        "it has no taxonomy terms".to_string()
    } else {
        let terms: Vec<&str> = names
            .iter()
            .filter_map(|t| t.words.first().map(String::as_str))
            .collect();
        format!("its terms are {}", terms.join(", "))
    };
    let how = match mapping {
        Some(m) => format!(
            "a kind rule in {} ([terms.\"…\"] or [services.\"…\"] kind = …)",
            m.name()
        ),
        None => "a mapping with a kind rule (haven validate --mapping MAP; data/README.md)".into(),
    };
    format!(
        "expected a taxonomy term naming a Haven kind (code one of {}) or {how}; {found}",
        Kind::expected()
    )
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
    // 3.0 states ages on the service; 1.x in `eligibilitys`.
    let eligibility = list(s, "eligibilitys").first();
    raw.eligibility.min_age =
        age(s, "minimum_age").or_else(|| eligibility.and_then(|e| age(e, "minimum_age")));
    raw.eligibility.max_age =
        age(s, "maximum_age").or_else(|| eligibility.and_then(|e| age(e, "maximum_age")));
    read_terms(file, label, s, &mut raw, problems);
    read_location(s, &mut raw);
    read_service_areas(file, label, s, &mut raw, problems);
    raw.phones = phones(s);
    raw.languages = list(s, "languages")
        .iter()
        .filter_map(|l| text(l, "code"))
        .collect();
    raw.hours = list(s, "schedules")
        .iter()
        .find_map(schedule_hours)
        .or_else(|| weekly_hours(list(s, "regular_schedules")));
    let verified = text(s, "assured_date").or_else(|| text(s, "last_modified"));
    raw.source = Some(RawSource {
        name: Some(match &raw.organisation {
            Some(org) => format!("Open Referral UK data published for {org} ({file})"),
            None => format!("Open Referral UK data ({file})"),
        }),
        url: raw.web.clone(),
        // The feed's own date for the record: when it was last changed, else assured.
        date: text(s, "last_modified")
            .or_else(|| text(s, "assured_date"))
            .and_then(|d| crate::date::Date::parse(&d).ok())
            .map(|d| d.to_string()),
        contract_ends: None,
        verified_on: verified,
    });
    haven_terms::apply(s, &mut raw);
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

/// Phones wherever HSDS 3.0 puts them: on the service, its contacts, its locations.
fn phones(s: &Value) -> Vec<RawPhone> {
    // A contact's name ("Helpline", "Reception") labels its phones.
    let mut owners: Vec<(&Value, Option<String>)> = vec![(s, None)];
    owners.extend(list(s, "contacts").iter().map(|c| (c, text(c, "name"))));
    for sal in list(s, "service_at_locations") {
        owners.push((sal, None));
        owners.extend(sal.get("location").map(|l| (l, None)));
    }
    let mut out: Vec<RawPhone> = Vec::new();
    for (phone, contact) in owners
        .into_iter()
        .flat_map(|(o, name)| list(o, "phones").iter().map(move |p| (p, name.clone())))
    {
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
            _ => (contact, number.to_string()),
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
