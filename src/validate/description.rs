//! A description is what a survivor reads to learn what a service is and does. Notes on
//! where the record came from ("Listed in Buckinghamshire's strategy", "sits on Bexley's
//! partnership board") belong in its source, so they are reported.

use crate::text::{fold, words};

/// Whole-word phrases (folded) that speak of a record's origin rather than the service.
const PROVENANCE: &[&[&str]] = &[
    &["listed", "in"],
    &["listed", "by"],
    &["named", "in"],
    &["mentioned", "in"],
    &["according", "to"],
    &["strategy"],
    &["strategies"],
    &["partnership", "board"],
    &["sits", "on"],
    &["source"],
    &["sources"],
    &["verified"],
];

/// The first phrase of `description` that notes where the record came from, as it is
/// written in the description's folded words.
pub(super) fn provenance_note(description: &str) -> Option<String> {
    let folded = fold(description);
    let list: Vec<&str> = words(&folded).collect();
    PROVENANCE
        .iter()
        .find(|phrase| list.windows(phrase.len()).any(|w| w == **phrase))
        .map(|phrase| phrase.join(" "))
}

#[cfg(test)]
mod tests {
    use super::provenance_note;

    #[test]
    fn notes_on_where_a_record_came_from_are_found_as_whole_words() {
        assert_eq!(
            provenance_note("Listed in Buckinghamshire's strategy as a partner.").as_deref(),
            Some("listed in")
        );
        assert_eq!(
            provenance_note("Solace sits on Bexley's partnership board.").as_deref(),
            Some("partnership board")
        );
        assert_eq!(provenance_note("A refuge for women and children."), None);
        // Whole words: "resourceful" is not "source", "strategic" not "strategy".
        assert_eq!(provenance_note("Resourceful, strategic support."), None);
    }
}
