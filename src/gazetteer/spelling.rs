//! "Did you mean …?": the place names nearest a misspelt one ("Aylesbry" → Aylesbury),
//! found on the device by edit distance over every name the gazetteer holds.

use super::best::keep_best;
use super::edit_distance::Bounded;
use super::{Answer, Gazetteer, Place};
use crate::limits::MAX_SUGGESTIONS;
use crate::text::{all_words_prefix, fold};

/// How many edits a query of this many letters may be from a name: enough for a slip
/// or two, few enough that short words do not match half the map.
fn allowed_edits(letters: usize) -> usize {
    match letters {
        0..=2 => 0,
        3..=5 => 1,
        6..=9 => 2,
        _ => 3,
    }
}

/// The fewest letters for which a name's leading words are compared too.
const LEADING_WORDS_FROM: usize = 6;

/// The first `words` words of folded text (all of it when it has no more), as bytes:
/// a `str` slice would carry a char-boundary check the wasm does not need.
fn leading_words(folded: &str, words: usize) -> &[u8] {
    let bytes = folded.as_bytes();
    let mut spaces = 0;
    for (at, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            spaces += 1;
            if spaces >= words {
                return bytes.split_at(at).0;
            }
        }
    }
    bytes
}

impl Gazetteer {
    /// Place names close to what was typed, for a "did you mean" when it matches
    /// nothing: nearest by edit distance (folded, so case and accents are free), then
    /// most populous; one answer per name, its most populous place, and one per town,
    /// at most `limit` (and never more than [`MAX_SUGGESTIONS`]).
    /// A name is compared whole and, when it has more words than the query, by its
    /// leading words, so "Newcastel" finds Newcastle upon Tyne too (after any name
    /// equally near as a whole). Nothing for text that already resolves, has a digit
    /// (a postcode, not a place), or has fewer than three letters. Words after a comma
    /// narrow by council, as in `geocode`. Any input is safe: text too long for any
    /// name is ruled out by its length alone.
    pub fn did_you_mean(&self, text: &str, limit: usize) -> Vec<Answer> {
        let limit = limit.min(MAX_SUGGESTIONS);
        let text = text.trim();
        if text.bytes().any(|b| b.is_ascii_digit()) || self.geocode(text).is_some() {
            return vec![];
        }
        let (name, qualifier) = text
            .split_once(',')
            .map_or((text, None), |(n, q)| (n, Some(fold(q))));
        let name = fold(name);
        let spaces = name.bytes().filter(|&b| b == b' ').count();
        let letters = name.len() - spaces;
        let max = allowed_edits(letters);
        if max == 0 {
            return vec![];
        }
        // A short query is a slip away from the first word of too many names ("Hull"
        // from "Full Sutton").
        let by_leading_words = letters >= LEADING_WORDS_FROM;
        let mut near_query = Bounded::new(name.as_bytes(), max);
        // Best first, by (edits, whole before leading words, most populous), packed.
        let mut near: Vec<(u64, &Place)> = Vec::new();
        let mut last_name = None;
        for place in &self.places {
            // Sorted by name, most populous first: the first of a name in the council
            // asked for speaks for it.
            if last_name == Some(&place.folded) {
                continue;
            }
            let in_council = qualifier
                .as_ref()
                .is_none_or(|q| all_words_prefix(&fold(self.area(place.area).1), q));
            if !in_council {
                continue;
            }
            last_name = Some(&place.folded);
            let folded = place.folded.as_bytes();
            let mut rank = near_query.distance(folded).map(|d| 2 * d);
            if by_leading_words {
                let leading = leading_words(&place.folded, spaces + 1);
                let by_leading = (leading.len() < folded.len())
                    .then(|| near_query.distance(leading))
                    .flatten();
                if let Some(d) = by_leading {
                    rank = Some(rank.unwrap_or(usize::MAX).min(2 * d + 1));
                }
            }
            let Some(rank) = rank else { continue };
            let key = (rank as u64) << 32 | u64::from(u32::MAX - place.population);
            // A town under two names ("Newcastle", "Newcastle upon Tyne") is offered
            // once, under the nearer one.
            if let Some(at) = near.iter().position(|(_, p)| p.point == place.point) {
                if near[at].0 <= key {
                    continue;
                }
                near.remove(at);
            }
            keep_best(&mut near, (key, place), limit, |a, b| a.0 < b.0);
        }
        near.into_iter()
            .map(|(_, place)| Answer::single(text, self.place_answer(place)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{allowed_edits, leading_words};

    #[test]
    fn longer_names_may_be_further_off() {
        let edits: Vec<usize> = [2, 3, 5, 6, 9, 10, 40].map(allowed_edits).to_vec();
        assert_eq!(edits, [0, 1, 1, 2, 2, 3, 3]);
    }

    #[test]
    fn leading_words_stop_at_a_word_boundary() {
        assert_eq!(leading_words("newcastle upon tyne", 1), b"newcastle");
        assert_eq!(leading_words("newcastle upon tyne", 2), b"newcastle upon");
        assert_eq!(
            leading_words("newcastle upon tyne", 5),
            b"newcastle upon tyne"
        );
        assert_eq!(leading_words("bath", 1), b"bath");
        assert_eq!(leading_words("", 1), b"");
    }
}
