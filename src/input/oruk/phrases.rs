//! The phrases common ORUK taxonomies use for this domain's kinds of service. A phrase
//! matches whole words only (a plural "s" allowed): "Refuges" is a refuge, "Refugees"
//! is not.

use crate::model::Kind;

/// Phrases used in common ORUK taxonomies for the kinds of this domain.
pub(super) fn kind_from_phrase(folded: &str) -> Option<Kind> {
    const PHRASES: &[(&str, Kind)] = &[
        ("specialist refuge", Kind::SpecialistRefuge),
        ("refuge", Kind::Refuge),
        ("dispersed", Kind::Dispersed),
        ("sanctuary", Kind::Sanctuary),
        ("move on", Kind::SecondStage),
        ("second stage", Kind::SecondStage),
        ("emergency accommodation", Kind::Emergency),
        ("helpline", Kind::Helpline),
        ("idva", Kind::Advocacy),
        ("isva", Kind::Advocacy),
        ("advocacy", Kind::Advocacy),
        ("outreach", Kind::Outreach),
        ("perpetrator", Kind::Perpetrator),
        ("behaviour change", Kind::Perpetrator),
        ("forced marriage", Kind::HbaFm),
        ("honour based", Kind::HbaFm),
        ("immigration advice", Kind::Legal),
        ("legal advice", Kind::Legal),
        ("peer support", Kind::Recovery),
    ];
    PHRASES
        .iter()
        .find(|(p, _)| has_phrase(folded, p))
        .map(|(_, k)| *k)
}

/// Whether the words of `phrase` appear together, as whole words, in `folded`.
fn has_phrase(folded: &str, phrase: &str) -> bool {
    let words: Vec<&str> = folded.split(' ').collect();
    let wanted: Vec<&str> = phrase.split(' ').collect();
    words.windows(wanted.len()).any(|run| {
        run.iter()
            .zip(&wanted)
            .all(|(w, p)| w == p || w.strip_suffix('s') == Some(p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_so_refugees_are_not_a_refuge() {
        assert_eq!(kind_from_phrase("womens refuges"), Some(Kind::Refuge));
        assert_eq!(kind_from_phrase("refuge accommodation"), Some(Kind::Refuge));
        assert_eq!(kind_from_phrase("support for refugees"), None);
        assert_eq!(kind_from_phrase("asylum seekers and refugees"), None);
        assert_eq!(kind_from_phrase("idva service"), Some(Kind::Advocacy));
        assert_eq!(kind_from_phrase("paidva"), None);
        assert_eq!(
            kind_from_phrase("move on accommodation"),
            Some(Kind::SecondStage)
        );
    }
}
