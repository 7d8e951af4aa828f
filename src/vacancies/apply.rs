//! Laying vacancy updates over a loaded directory. The newer report wins, so an old
//! updates file never hides what a rebuilt directory says; ids the directory does not
//! know are counted, never errors, since the two files are written on different days.

use super::{AppliedVacancies, VacancyUpdates};
use crate::index::Directory;

impl Directory {
    /// Applies each update strictly newer than the service's own vacancy (or where it
    /// has none): then [`Directory::service`] shows it and search counts its space.
    /// Applying the same updates again changes nothing (they count as `older`).
    pub fn apply_vacancies(&mut self, updates: &VacancyUpdates) -> AppliedVacancies {
        let mut counts = AppliedVacancies::default();
        if updates.is_empty() {
            return counts;
        }
        let mut matched = 0u32;
        for i in 0..self.len() {
            let Some(update) = self.id(i).and_then(|id| updates.get(id)) else {
                continue;
            };
            matched += 1;
            if !self.profile(i).is_some_and(|p| p.kind.is_accommodation()) {
                counts.unknown += 1;
            } else if self
                .vacancy(i)
                .is_some_and(|own| own.updated_at >= update.updated_at)
            {
                counts.older += 1;
            } else {
                self.set_vacancy(i, update.clone());
                counts.applied += 1;
            }
        }
        // Saturating: a hand-made bundle could repeat an id.
        let total = u32::try_from(updates.len()).unwrap_or(u32::MAX);
        counts.unknown += total.saturating_sub(matched);
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{day, directory};
    use super::super::{AppliedVacancies, VacancyUpdates};
    use crate::model::VacancyStatus;

    fn updates(rows: &str) -> VacancyUpdates {
        let csv = format!("service_id,status,units_free,updated_at\n{rows}");
        VacancyUpdates::from_csv("v.csv", &csv, &directory(), day("2026-11-22")).unwrap()
    }

    #[test]
    fn a_newer_update_replaces_the_vacancy_and_the_day_search_counts_space_from() {
        let mut dir = directory();
        let counts = dir.apply_vacancies(&updates("r1,available,2,2026-11-22\n"));
        assert_eq!(
            counts,
            AppliedVacancies {
                applied: 1,
                older: 0,
                unknown: 0
            }
        );
        let v = dir.service(0).unwrap().vacancy.unwrap();
        assert_eq!(
            (v.status, v.units_free),
            (VacancyStatus::Available, Some(2))
        );
        assert_eq!(dir.profile(0).unwrap().space_on, Some(day("2026-11-22")));
    }

    #[test]
    fn an_update_no_newer_than_the_directorys_own_leaves_it() {
        let mut dir = directory();
        let counts = dir.apply_vacancies(&updates("r1,available,2,2026-11-20\n"));
        assert_eq!(
            counts,
            AppliedVacancies {
                applied: 0,
                older: 1,
                unknown: 0
            }
        );
        assert_eq!(
            dir.service(0).unwrap().vacancy.unwrap().status,
            VacancyStatus::Full
        );
        assert_eq!(dir.profile(0).unwrap().space_on, None);
    }

    #[test]
    fn space_that_is_gone_no_longer_counts_for_search() {
        let mut dir = directory();
        dir.apply_vacancies(&updates("r2,available,1,2026-11-21\n"));
        assert_eq!(dir.profile(1).unwrap().space_on, Some(day("2026-11-21")));
        let counts = dir.apply_vacancies(&updates("r2,full,,2026-11-22\n"));
        assert_eq!(counts.applied, 1);
        assert_eq!(dir.profile(1).unwrap().space_on, None);
        assert_eq!(
            dir.service(1).unwrap().vacancy.unwrap().status,
            VacancyStatus::Full
        );
    }

    #[test]
    fn applying_the_same_updates_twice_changes_nothing_the_second_time() {
        let mut dir = directory();
        let u = updates("r1,full,,2026-11-22\nr2,unknown,,2026-11-22\n");
        assert_eq!(dir.apply_vacancies(&u).applied, 2);
        assert_eq!(
            dir.apply_vacancies(&u),
            AppliedVacancies {
                applied: 0,
                older: 2,
                unknown: 0
            }
        );
    }
}
