//! Folding text for matching: case, accents and apostrophes must not stop someone finding
//! "King's Lynn" by typing "kings lynn" or "Ynys Môn" by typing "ynys mon".
//!
//! A small table covers the Latin letters used in the UK's place names and the page's
//! languages; a full Unicode normalisation crate would add its tables to the wasm for
//! letters no UK name or query of ours needs.

/// Lower-cases, strips accents, drops apostrophes and turns everything that is not a
/// letter or digit into single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if matches!(c, '\'' | '’' | '‘' | '`') {
            continue;
        }
        let base = strip_accent(c);
        if base.is_alphanumeric() {
            out.extend(base.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The words of folded text.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(' ').filter(|w| !w.is_empty())
}

/// Whether every word of `query` (already folded) starts some word of `haystack`
/// (already folded).
pub fn all_words_prefix(haystack: &str, query: &str) -> bool {
    words(query).all(|q| words(haystack).any(|h| h.starts_with(q)))
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'e',
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            'i'
        }
        'ł' | 'ľ' | 'Ł' | 'Ľ' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => 's',
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'u',
        'ŵ' | 'Ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_apostrophes_do_not_matter() {
        assert_eq!(fold("King's Lynn"), "kings lynn");
        assert_eq!(fold("  Ynys Môn!! "), "ynys mon");
        assert_eq!(fold("Łódź — Wrocław"), "lodz wroclaw");
        assert_eq!(fold("🙂"), "");
    }

    #[test]
    fn every_query_word_must_start_a_word() {
        let hay = fold("Wycombe Women's Aid refuge");
        assert!(all_words_prefix(&hay, &fold("women ref")));
        assert!(!all_words_prefix(&hay, &fold("omen")));
        assert!(all_words_prefix(&hay, ""));
    }
}
