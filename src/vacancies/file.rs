//! The updates file: the shared 20-byte header (magic `HAVENVAC`), then postcard. It
//! goes into the browser build, so it is read with nothing but postcard, and checked so
//! that whatever decodes holds together (known statuses, real dates, ids in order).

use super::VacancyUpdate;
use crate::container::{FileError, WriteError, VACANCIES};
use crate::date::Date;
use crate::model::{Vacancy, VacancyStatus};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Body<'a> {
    #[serde(borrow)]
    updates: Vec<CUpdate<'a>>,
}

/// Statuses as their position in [`VacancyStatus::ALL`], dates as day numbers, as in
/// the bundle's records.
#[derive(Serialize, Deserialize)]
struct CUpdate<'a> {
    id: &'a str,
    status: u8,
    units_free: Option<u16>,
    updated_at: i32,
}

pub(super) fn encode(updates: &[VacancyUpdate]) -> Result<Vec<u8>, WriteError> {
    let body = Body {
        updates: updates
            .iter()
            .map(|u| CUpdate {
                id: &u.id,
                status: u.vacancy.status.bit() as u8,
                units_free: u.vacancy.units_free,
                updated_at: u.vacancy.updated_at.to_days(),
            })
            .collect(),
    };
    let payload = postcard::to_allocvec(&body).map_err(|e| VACANCIES.unwritable(e.to_string()))?;
    VACANCIES.wrap(&payload)
}

pub(super) fn decode(bytes: &[u8]) -> Result<Vec<VacancyUpdate>, FileError> {
    let body: Body<'_> = VACANCIES.decode(VACANCIES.unwrap(bytes)?)?;
    let mut updates: Vec<VacancyUpdate> = Vec::with_capacity(body.updates.len());
    for (n, u) in (1..).zip(body.updates) {
        let bad = |what: String| VACANCIES.inconsistent(format!("update {n} ({}): {what}", u.id));
        if let Some(before) = updates.last() {
            // In order and never twice, so one service has one answer.
            if before.id.as_str() >= u.id {
                return Err(bad(format!(
                    "expected ids in ascending order, found it after \"{}\"",
                    before.id
                )));
            }
        }
        let status = VacancyStatus::ALL
            .get(usize::from(u.status))
            .copied()
            .ok_or_else(|| bad(format!("status number {} is unknown", u.status)))?;
        let updated_at = Date::from_days(u.updated_at)
            .ok_or_else(|| bad(format!("day number {} is not a date", u.updated_at)))?;
        if status == VacancyStatus::Full && u.units_free.is_some_and(|n| n > 0) {
            return Err(bad(format!(
                "full, yet {} units free",
                u.units_free.unwrap_or_default()
            )));
        }
        updates.push(VacancyUpdate {
            id: u.id.into(),
            vacancy: Vacancy {
                status,
                units_free: u.units_free,
                updated_at,
            },
        });
    }
    Ok(updates)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{day, directory};
    use super::super::VacancyUpdates;
    use crate::container::{FileError, HEADER_LEN, VACANCIES};

    fn updates() -> VacancyUpdates {
        let csv = "service_id,status,units_free,updated_at\nr2,available,2,2026-11-21\nr1,full,0,2026-11-22\n";
        VacancyUpdates::from_csv("v.csv", csv, &directory(), day("2026-11-22")).unwrap()
    }

    #[test]
    fn what_is_written_reads_back_the_same_in_id_order() {
        let written = updates();
        let read = VacancyUpdates::decode(&written.encode().unwrap()).unwrap();
        assert_eq!(read, written);
        let ids: Vec<&str> = read.updates().iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["r1", "r2"]);
    }

    #[test]
    fn every_truncation_gives_an_error_naming_vacancy_updates() {
        let bytes = updates().encode().unwrap();
        for len in 0..bytes.len() {
            let err = VacancyUpdates::decode(&bytes[..len]).unwrap_err();
            assert!(
                err.to_string().contains("vacancy updates file"),
                "{len}: {err}"
            );
        }
    }

    #[test]
    fn a_payload_that_decodes_but_repeats_an_id_is_refused() {
        let good = updates();
        let mut twice = good.updates.clone();
        twice.push(twice[1].clone());
        let bytes = super::encode(&twice).unwrap();
        let err = VacancyUpdates::decode(&bytes).unwrap_err();
        assert!(
            matches!(
                err,
                FileError::Inconsistent {
                    kind: "vacancy updates file",
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string().contains("expected ids in ascending order"),
            "{err}"
        );
    }

    #[test]
    fn every_damaged_byte_with_a_fresh_checksum_gives_updates_or_an_error() {
        let bytes = updates().encode().unwrap();
        for at in 0..bytes.len() - HEADER_LEN {
            for value in [0, 1, 0x7f, 0x80, 0xff] {
                let mut payload = bytes[HEADER_LEN..].to_vec();
                payload[at] = value;
                let _ = VacancyUpdates::decode(&VACANCIES.wrap(&payload).unwrap());
            }
        }
    }
}
