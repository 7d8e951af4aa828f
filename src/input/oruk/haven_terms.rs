//! Haven's own taxonomy in an ORUK feed (`taxonomy: "haven"`), as `haven oruk export`
//! writes it: what ORUK has no field for. A plain code is read by the term matcher
//! (kind, need, community, gender, `confidential`); the terms here carry a value as
//! `key=value` ("max_boy_age=15", "referral=professional", "source=…"), or are flags
//! (`interpreters`, `example`, `general`). data/README.md lists them.

use super::{haven_code, terms};
use crate::input::{RawService, RawSource, RawVacancy};
use crate::model::Need;
use serde_json::Value;

/// Applies every valued or flag term of Haven's taxonomy to `raw`, after the rest of
/// the record has been read (so a `source=` term replaces what the feed implied).
pub(super) fn apply(s: &Value, raw: &mut RawService) {
    let codes: Vec<String> = terms(s).into_iter().filter_map(haven_code).collect();
    if codes.iter().any(|c| c.starts_with("source=")) {
        // The record states its own source: nothing of the feed's stands in for it.
        if let Some(source) = &mut raw.source {
            *source = RawSource {
                verified_on: source.verified_on.take(),
                ..RawSource::default()
            };
        }
    }
    for code in &codes {
        match code.split_once('=') {
            Some((key, value)) => valued(raw, key.trim(), value.trim()),
            None if code == "interpreters" => raw.interpreters = Some(true),
            None if code == "example" => raw.example = Some(true),
            None if code == "general" => raw.general = Some(true),
            None => {}
        }
    }
}

fn valued(raw: &mut RawService, key: &str, value: &str) {
    let number = || value.parse::<i64>().ok();
    let truth = || match value {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    };
    let e = &mut raw.eligibility;
    match key {
        "id" => raw.id = Some(value.into()),
        "area" => raw.area = Some(value.into()),
        "trans_inclusive" => e.trans_inclusive = truth(),
        "children" => e.children = truth(),
        "max_boy_age" => e.max_boy_age = number(),
        "max_household" => e.max_household = number(),
        "max_bedrooms" => e.max_bedrooms = number(),
        "language" => raw.languages.push(value.into()),
        "referral" => raw.referral.push(value.into()),
        "chat" => raw.chat = Some(value.into()),
        "video" => raw.video = Some(value.into()),
        "phone_24_7" | "phone_free" | "phone_sms" => {
            for p in raw
                .phones
                .iter_mut()
                .filter(|p| p.number.as_deref() == Some(value))
            {
                match key {
                    "phone_24_7" => p.twenty_four_seven = true,
                    "phone_free" => p.free = true,
                    _ => p.sms = true,
                }
            }
        }
        "vacancy" | "vacancy_units" | "vacancy_updated" => {
            let v = raw.vacancy.get_or_insert_with(RawVacancy::default);
            match key {
                "vacancy" => v.status = Some(value.into()),
                "vacancy_units" => v.units_free = number(),
                _ => v.updated_at = Some(value.into()),
            }
        }
        "source" | "source_url" | "source_date" | "contract_ends" => {
            let s = raw.source.get_or_insert_with(RawSource::default);
            let field = match key {
                "source" => &mut s.name,
                "source_url" => &mut s.url,
                "source_date" => &mut s.date,
                _ => &mut s.contract_ends,
            };
            *field = Some(value.into());
        }
        need => {
            if let (Some(need), Some(stated)) = (Need::from_code(need), truth()) {
                e.needs.insert(need.code().into(), Value::Bool(stated));
            }
        }
    }
}
