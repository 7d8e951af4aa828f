//! Checking one record and building its [`Service`].

use super::checker::{canonical, clean, Checker};
use super::description::provenance_note;
use super::place::{check_coverage, check_place};
use super::size::within_limits;
use super::{check_uk_phone, Context};
use crate::codes::CodeSet;
use crate::date::Date;
use crate::input::{InputRecord, RawEligibility, RawService};
use crate::model::{
    Community, Contact, Eligibility, Gender, Kind, Language, Need, Phone, Place, Provenance,
    Referral, Service, Vacancy, VacancyStatus,
};
use crate::problem::Problem;

pub(super) fn check(
    input: &InputRecord,
    ctx: &Context<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Service> {
    let raw = &input.raw;
    let mut c = Checker {
        input,
        problems,
        failed: false,
    };
    if !within_limits(&mut c, raw) {
        return None;
    }
    let id = c.required("id", &raw.id).map(String::from);
    if let Some(id) = &id {
        if id.chars().any(|ch| ch.is_whitespace() || ch.is_control()) {
            c.error(
                "id",
                format!("expected an id with no spaces or control characters, found {id:?}"),
            );
        }
    }
    let name = c.required("name", &raw.name).map(String::from);
    let kind = c
        .required("kind", &raw.kind)
        .and_then(|k| Kind::parse(k).map_err(|e| c.error("kind", e)).ok());
    let place = check_place(&mut c, raw, kind, ctx);
    let coverage = check_coverage(&mut c, raw, ctx);
    // Without a kind, what the service covers cannot be judged: one cause, one error.
    if kind.is_some() && place == Some(Place::Remote) && coverage.is_empty() {
        c.error("coverage", "a service with no location and no area must say what it covers: \"uk\", a nation, or council GSS codes");
    }
    let eligibility = check_eligibility(&mut c, &raw.eligibility);
    let communities = canonical(c.codes("communities", &raw.communities, Community::parse));
    let languages = canonical(c.codes("languages", &raw.languages, Language::parse));
    let referral = canonical(c.codes("referral", &raw.referral, Referral::parse));
    let contact = check_contact(&mut c, raw);
    let vacancy = kind.and_then(|k| check_vacancy(&mut c, raw, k, ctx.today));
    let provenance = check_source(&mut c, raw, ctx.today);
    if let Some(note) = raw.description.as_deref().and_then(provenance_note) {
        c.warn(
            "description",
            format!("it says where the record came from (\"{note}\"): a survivor reads the description to learn what the service does, so put this in source.name"),
        );
    }
    if c.failed {
        return None;
    }
    Some(Service {
        id: id?,
        name: name?,
        organisation: clean(&raw.organisation),
        kind: kind?,
        description: clean(&raw.description).unwrap_or_default(),
        place: place?,
        coverage,
        eligibility,
        communities,
        languages,
        interpreters: raw.interpreters.unwrap_or(false),
        general: raw.general.unwrap_or(false),
        contact,
        referral,
        hours: clean(&raw.hours),
        vacancy,
        provenance: provenance?,
    })
}

/// Code lists are sets: stored sorted and without repeats, whatever order they came in.
fn check_eligibility(c: &mut Checker<'_>, raw: &RawEligibility) -> Eligibility {
    let genders = c.codes("eligibility.genders", &raw.genders, Gender::parse);
    let mut e = Eligibility {
        genders: CodeSet::from_bits(genders.iter().map(|g| g.bit())),
        trans_inclusive: raw.trans_inclusive,
        min_age: c.small_number("eligibility.min_age", raw.min_age, 0..=120),
        max_age: c.small_number("eligibility.max_age", raw.max_age, 0..=120),
        children: raw.children,
        max_boy_age: c.small_number("eligibility.max_boy_age", raw.max_boy_age, 0..=25),
        max_household: c.small_number("eligibility.max_household", raw.max_household, 1..=30),
        max_bedrooms: c.small_number("eligibility.max_bedrooms", raw.max_bedrooms, 0..=10),
        ..Eligibility::default()
    };
    if let (Some(min), Some(max)) = (e.min_age, e.max_age) {
        if min > max {
            c.error(
                "eligibility.min_age",
                format!("min_age {min} is above max_age {max}"),
            );
        }
    }
    if raw.children == Some(false) && raw.max_boy_age.is_some() {
        c.error(
            "eligibility.max_boy_age",
            "a service that takes no children cannot have a boys' age limit",
        );
    }
    for (key, value) in &raw.needs {
        let field = format!("eligibility.{key}");
        let Some(need) = Need::from_code(key) else {
            c.error(
                &field,
                "unknown field; data/README.md lists the fields of the Haven format",
            );
            continue;
        };
        match value {
            serde_json::Value::Bool(b) => e.set_need(need, Some(*b)),
            serde_json::Value::Null => {}
            other => c.error(
                &field,
                format!(
                    "expected true, false or null, found {}",
                    crate::input::describe(other)
                ),
            ),
        }
    }
    e
}

fn check_contact(c: &mut Checker<'_>, raw: &RawService) -> Contact {
    let mut phones = Vec::new();
    for (i, p) in raw.phones.iter().enumerate() {
        let field = format!("phones[{i}].number");
        let Some(number) = c.required(&field, &p.number) else {
            continue;
        };
        if let Err(e) = check_uk_phone(number, p.sms) {
            c.error(&field, e);
            continue;
        }
        phones.push(Phone {
            number: number.to_string(),
            label: clean(&p.label),
            hours: clean(&p.hours),
            twenty_four_seven: p.twenty_four_seven,
            free: p.free,
            sms: p.sms,
        });
    }
    let web = web_address(c, "web", &raw.web);
    let chat = web_address(c, "chat", &raw.chat);
    let video = web_address(c, "video", &raw.video);
    let email = clean(&raw.email);
    if let Some(m) = &email {
        let parts: Vec<_> = m.split('@').collect();
        if parts.len() != 2
            || parts[0].is_empty()
            || !parts[1].contains('.')
            || m.contains(char::is_whitespace)
        {
            c.error(
                "email",
                format!("expected an email address such as help@example.org, found {m:?}"),
            );
        }
    }
    Contact {
        phones,
        web,
        email,
        chat,
        video,
    }
}

/// A web address field: kept when it starts http(s):// and has no spaces.
fn web_address(c: &mut Checker<'_>, field: &str, raw: &Option<String>) -> Option<String> {
    let address = clean(raw);
    if let Some(w) = &address {
        if !(w.starts_with("https://") || w.starts_with("http://"))
            || w.contains(char::is_whitespace)
        {
            c.error(
                field,
                format!("expected a web address starting https://, found {w:?}"),
            );
        }
    }
    address
}

fn check_vacancy(
    c: &mut Checker<'_>,
    raw: &RawService,
    kind: Kind,
    today: Date,
) -> Option<Vacancy> {
    let v = raw.vacancy.as_ref()?;
    if !kind.is_accommodation() {
        c.warn(
            "vacancy",
            format!("a {kind} has no vacancies to show; ignored"),
        );
        return None;
    }
    let status = c.required("vacancy.status", &v.status).and_then(|s| {
        VacancyStatus::parse(s)
            .map_err(|e| c.error("vacancy.status", e))
            .ok()
    });
    let units_free = match v.units_free {
        None => None,
        Some(n) => match u16::try_from(n) {
            Ok(n) if n <= 1000 => Some(n),
            _ => {
                c.error(
                    "vacancy.units_free",
                    format!("expected a whole number from 0 to 1000, found {n}"),
                );
                None
            }
        },
    };
    let updated_at = c.date_not_future("vacancy.updated_at", v.updated_at.as_deref(), today);
    Some(Vacancy {
        status: status?,
        units_free,
        updated_at: updated_at?,
    })
}

/// A source older than this many years is reported: its facts may have changed.
const SOURCE_MAX_YEARS: i32 = 2;

fn check_source(c: &mut Checker<'_>, raw: &RawService, today: Date) -> Option<Provenance> {
    let Some(source) = &raw.source else {
        c.error("source", "every record needs its source (name, verified_on): where its facts, and its phone numbers, come from");
        return None;
    };
    let name = c.required("source.name", &source.name).map(String::from);
    let url = web_address(c, "source.url", &source.url);
    let verified_on = c.date_not_future("source.verified_on", source.verified_on.as_deref(), today);
    let date = clean(&source.date);
    if let Some(stated) = &date {
        match Date::parse_period(stated) {
            Err(e) => c.error("source.date", e),
            Ok((first, _)) if first > today => c.error(
                "source.date",
                format!("{stated} is in the future (today is {today})"),
            ),
            Ok((_, last)) if last.plus_years(SOURCE_MAX_YEARS) < today => c.warn(
                "source.date",
                format!("the source is dated {stated}, more than {SOURCE_MAX_YEARS} years ago: find a newer one, or check every field again"),
            ),
            Ok(_) => {}
        }
    }
    let contract_ends = clean(&source.contract_ends);
    if let Some(stated) = &contract_ends {
        match Date::parse_period(stated) {
            Err(e) => c.error("source.contract_ends", e),
            Ok((_, last)) if last < today => c.warn(
                "source.contract_ends",
                format!("the source says the provider's contract ended {stated}: check that the service still runs, and who runs it"),
            ),
            Ok(_) => {}
        }
    }
    Some(Provenance {
        source: name?,
        url,
        date,
        contract_ends,
        verified_on: verified_on?,
        example: raw.example.unwrap_or(false),
    })
}
