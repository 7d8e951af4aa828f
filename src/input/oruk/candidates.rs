//! Which words mark a service a maintainer should look at: domestic abuse, sexual
//! violence, stalking, forced marriage, FGM, honour-based abuse, refuge. Matched as whole
//! words of folded text, so "refugee" is not "refuge" and "grape" is not "rape".

use crate::input::Unselected;
use crate::text::{fold, words};

/// A service a feed has that the mapping does not select, but whose name, description
/// or terms speak of domestic abuse or a related harm.
#[derive(Debug, Clone)]
pub struct FeedCandidate {
    /// The feed file it is in.
    pub file: String,
    /// The service, as read.
    pub service: Unselected,
    /// The topics found, each once ("domestic abuse", "refuge"…).
    pub topics: Vec<&'static str>,
    /// Where they were found: "name", "description", "terms".
    pub found_in: Vec<&'static str>,
}

/// The services among `unselected` that a maintainer should review.
pub fn candidates(unselected: &[(String, Unselected)]) -> Vec<FeedCandidate> {
    let mut out = Vec::new();
    for (file, u) in unselected {
        let mut topics = Vec::new();
        let mut found_in = Vec::new();
        let terms = u.terms.join(" | ");
        for (field, text) in [
            ("name", u.name.as_deref()),
            ("description", u.description.as_deref()),
            ("terms", Some(terms.as_str())),
        ] {
            let here = candidate_words(text.unwrap_or_default());
            if !here.is_empty() {
                found_in.push(field);
            }
            for topic in here {
                if !topics.contains(&topic) {
                    topics.push(topic);
                }
            }
        }
        if !topics.is_empty() {
            out.push(FeedCandidate {
                file: file.clone(),
                service: u.clone(),
                topics,
                found_in,
            });
        }
    }
    out
}

/// Topics, each as the folded words that must appear together, in order.
const TOPICS: &[(&str, &[&str])] = &[
    ("domestic abuse", &["domestic", "abuse"]),
    ("domestic violence", &["domestic", "violence"]),
    ("domestic abuse", &["domestic", "abuser"]),
    ("coercive control", &["coercive", "control"]),
    ("sexual violence", &["sexual", "violence"]),
    ("sexual abuse", &["sexual", "abuse"]),
    ("sexual assault", &["sexual", "assault"]),
    ("rape", &["rape"]),
    ("stalking", &["stalking"]),
    ("forced marriage", &["forced", "marriage"]),
    ("FGM", &["fgm"]),
    (
        "female genital mutilation",
        &["female", "genital", "mutilation"],
    ),
    ("honour-based abuse", &["honour", "based"]),
    ("refuge", &["refuge"]),
    ("refuge", &["refuges"]),
    ("IDVA", &["idva"]),
    ("IDVA", &["idvas"]),
    ("ISVA", &["isva"]),
    ("MARAC", &["marac"]),
    ("sanctuary scheme", &["sanctuary", "scheme"]),
    ("women's aid", &["womens", "aid"]),
];

/// The topics `text` speaks of, each once.
pub(crate) fn candidate_words(text: &str) -> Vec<&'static str> {
    let folded = fold(text);
    let list: Vec<&str> = words(&folded).collect();
    let mut found = Vec::new();
    for (topic, phrase) in TOPICS {
        let hit = list.windows(phrase.len()).any(|w| w == *phrase);
        if hit && !found.contains(topic) {
            found.push(*topic);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::candidate_words;

    #[test]
    fn whole_words_only_so_refugees_and_grapes_are_not_candidates() {
        assert!(candidate_words("Support for Ukrainian refugees").is_empty());
        assert!(candidate_words("Grape picking and drapery").is_empty());
        assert!(candidate_words("Homeless outreach").is_empty());
        assert_eq!(
            candidate_words("A refuge for women fleeing Domestic Abuse"),
            ["domestic abuse", "refuge"]
        );
        assert_eq!(
            candidate_words("Honour-based abuse, FGM"),
            ["FGM", "honour-based abuse"]
        );
        assert_eq!(candidate_words("Rape Crisis"), ["rape"]);
    }
}
