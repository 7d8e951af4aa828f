//! A council area named by its GSS code ("E06000055"), as an embedding council's
//! `data-area` gives it: answered from the area table's published point (the mean of
//! its postcodes, where area-level services are shown), so it needs no gazetteer.

use super::{Answer, Candidate, Precision};
use crate::areas::{is_gss_code, spoken_name, AreaTable};

/// The council area whose GSS code `text` is (any case, spaces around ignored), labelled
/// as people say it ("Bedford", "Herefordshire"); `None` for anything else.
pub fn council_by_code(areas: &AreaTable, text: &str) -> Option<Answer> {
    let code = text.trim().to_ascii_uppercase();
    if !is_gss_code(&code) {
        return None;
    }
    let area = areas.get(&code)?;
    let label = spoken_name(&area.name).to_string();
    let best = Candidate::new(label, area.point, &area.code, &area.name, Precision::Place);
    Some(Answer::single(text.trim(), best))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_councils_code_answers_with_its_published_point_and_name() {
        let areas = AreaTable::builtin();
        let bedford = areas.get("E06000055").unwrap();
        let answer = council_by_code(&areas, " e06000055 ").unwrap();
        assert_eq!(answer.area_code, "E06000055");
        assert_eq!(answer.label, "Bedford");
        assert_eq!(answer.precision, Precision::Place);
        assert!((answer.lat - bedford.point.lat).abs() < 1e-5);
        assert!((answer.lon - bedford.point.lon).abs() < 1e-5);
        assert!(answer.candidates.is_empty());
    }

    #[test]
    fn text_that_is_not_a_known_code_is_not_a_council() {
        let areas = AreaTable::builtin();
        for text in [
            "",
            "E0600005",
            "E99999999",
            "Bedford",
            "MK40 1AA",
            "E06000055x",
        ] {
            assert!(council_by_code(&areas, text).is_none(), "{text:?}");
        }
    }
}
