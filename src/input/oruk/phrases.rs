//! The phrases that, as a taxonomy term's whole name, say which kind of domestic-abuse
//! service it is. Only whole names count (a plural "s" on the last word allowed), so
//! "Refuges" is a refuge, but "Refugees/Asylum Seekers", "Homeless outreach", "Mental
//! health advocacy" and "Peer support" are not domestic-abuse services at all. Words that
//! name a kind of service in any field ("outreach", "helpline", "legal advice") are left
//! to a maintainer's mapping.

use crate::model::Kind;

/// Whole term names, folded, and the kind each names.
const PHRASES: &[(&str, Kind)] = &[
    ("specialist refuge", Kind::SpecialistRefuge),
    ("specialist domestic abuse refuge", Kind::SpecialistRefuge),
    ("refuge", Kind::Refuge),
    ("refuge accommodation", Kind::Refuge),
    ("womens refuge", Kind::Refuge),
    ("domestic abuse refuge", Kind::Refuge),
    ("domestic violence refuge", Kind::Refuge),
    ("domestic abuse dispersed accommodation", Kind::Dispersed),
    ("sanctuary scheme", Kind::Sanctuary),
    ("domestic abuse sanctuary scheme", Kind::Sanctuary),
    ("domestic abuse move on accommodation", Kind::SecondStage),
    (
        "domestic abuse second stage accommodation",
        Kind::SecondStage,
    ),
    ("domestic abuse emergency accommodation", Kind::Emergency),
    ("domestic abuse helpline", Kind::Helpline),
    ("domestic violence helpline", Kind::Helpline),
    ("national domestic abuse helpline", Kind::Helpline),
    ("idva", Kind::Advocacy),
    ("isva", Kind::Advocacy),
    ("independent domestic violence advocate", Kind::Advocacy),
    ("independent domestic violence adviser", Kind::Advocacy),
    ("independent domestic violence advocacy", Kind::Advocacy),
    ("independent sexual violence adviser", Kind::Advocacy),
    ("independent sexual violence advocate", Kind::Advocacy),
    ("domestic abuse advocacy", Kind::Advocacy),
    ("domestic abuse outreach", Kind::Outreach),
    ("domestic violence outreach", Kind::Outreach),
    ("children affected by domestic abuse", Kind::Children),
    ("domestic abuse recovery programme", Kind::Recovery),
    ("freedom programme", Kind::Recovery),
    ("domestic abuse perpetrator programme", Kind::Perpetrator),
    ("perpetrator programme", Kind::Perpetrator),
    (
        "domestic abuse behaviour change programme",
        Kind::Perpetrator,
    ),
    ("forced marriage", Kind::HbaFm),
    ("honour based abuse", Kind::HbaFm),
    ("honour based violence", Kind::HbaFm),
    ("forced marriage and honour based abuse", Kind::HbaFm),
];

/// The kind a term's whole (folded) name names, if it is one of the phrases.
pub(super) fn kind_from_phrase(folded: &str) -> Option<Kind> {
    PHRASES
        .iter()
        .find(|(phrase, _)| {
            folded == *phrase
                || folded
                    .strip_suffix('s')
                    .is_some_and(|singular| singular == *phrase)
        })
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn kind(name: &str) -> Option<Kind> {
        kind_from_phrase(&fold(name))
    }

    #[test]
    fn a_whole_domestic_abuse_phrase_names_its_kind() {
        assert_eq!(kind("Refuge"), Some(Kind::Refuge));
        assert_eq!(kind("Refuges"), Some(Kind::Refuge));
        assert_eq!(kind("Women's Refuge"), Some(Kind::Refuge));
        assert_eq!(kind("IDVA"), Some(Kind::Advocacy));
        assert_eq!(kind("IDVAs"), Some(Kind::Advocacy));
        assert_eq!(kind("Sanctuary scheme"), Some(Kind::Sanctuary));
        assert_eq!(kind("Forced marriage"), Some(Kind::HbaFm));
        assert_eq!(kind("Honour-based abuse"), Some(Kind::HbaFm));
        assert_eq!(kind("Domestic Abuse Helpline"), Some(Kind::Helpline));
    }

    #[test]
    fn refugees_and_general_services_are_never_domestic_abuse_services() {
        for name in [
            "Refugees/Asylum Seekers",
            "Support for Ukrainian refugees",
            "Refugee",
            "Homeless outreach",
            "Mental health advocacy",
            "Peer support",
            "Legal advice",
            "Immigration advice",
            "Helpline",
            "Outreach",
            "Advocacy",
            "Emergency accommodation",
            "Move on accommodation",
            "City of Sanctuary",
            "Behaviour change",
            "Domestic abuse",
            "Domestic Abuse Support",
            "Sexual violence",
        ] {
            assert_eq!(kind(name), None, "{name}");
        }
    }
}
