//! Folding text for matching: case, accents and apostrophes must not stop someone finding
//! "King's Lynn" by typing "kings lynn" or "Ynys Môn" by typing "ynys mon".
//!
//! A small table covers the Latin letters used in the UK's place names and the page's
//! languages; a full Unicode normalisation crate would add its tables to the wasm for
//! letters no UK name or query of ours needs.

/// Lower-cases, strips accents, drops apostrophes and turns everything that is not a
/// letter or digit into single spaces. Letters of other scripts are kept as they are.
/// "Saint" as a word is "st", as the UK's place names write it ("Saint Helens" finds
/// St Helens).
pub fn fold(text: &str) -> String {
    let out = fold_letters(text);
    if !out.split(' ').any(|w| w == "saint") {
        return out;
    }
    let words: Vec<&str> = out
        .split(' ')
        .map(|w| if w == "saint" { "st" } else { w })
        .collect();
    words.join(" ")
}

fn fold_letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        match class(c) {
            Class::Drop => {}
            Class::Letter(l) => {
                out.push(l);
                space = false;
            }
            Class::Separator if !space => {
                out.push(' ');
                space = true;
            }
            Class::Separator => {}
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

enum Class {
    Letter(char),
    Separator,
    Drop,
}

/// Sorts a character without Unicode tables (which would add kilobytes to the wasm).
fn class(c: char) -> Class {
    match c {
        '\'' | '’' | '‘' | '`' | '\u{fe00}'..='\u{fe0f}' | '\u{200d}' => Class::Drop,
        'a'..='z' | '0'..='9' => Class::Letter(c),
        'A'..='Z' => Class::Letter(c.to_ascii_lowercase()),
        '\0'..='\u{bf}' | '\u{2000}'..='\u{2bff}' | '\u{3000}'..='\u{303f}' | '\u{1f000}'.. => {
            Class::Separator
        }
        _ => Class::Letter(strip_accent(c)),
    }
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

/// A number for a message, without the float-formatting machinery (about 20 KB of
/// wasm): whole numbers as they are, others to at most six decimals.
pub fn show_number(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "infinity".into()
        } else {
            "-infinity".into()
        };
    }
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return (x as i64).to_string();
    }
    if x.abs() >= 1e15 {
        return "a very large number".into();
    }
    // Past a million million, millionths would overflow the u64 below, and mean nothing.
    if x.abs() >= 1e12 {
        return (x.round() as i64).to_string();
    }
    // The whole part apart from the fraction: both are exact in an f64, where scaling the
    // whole number by a million first would round it (894967790.5841734 read .584174).
    let whole = x.abs().trunc();
    let micro = ((x.abs() - whole) * 1e6).round() as u64;
    let (whole, frac) = (whole as u64 + micro / 1_000_000, micro % 1_000_000);
    let sign = if x < 0.0 && micro > 0 { "-" } else { "" };
    if frac == 0 {
        // Rounded to a whole number (0.9999999 is 1, -0.0000001 is 0).
        return format!("{sign}{whole}");
    }
    let frac = format!("{frac:06}");
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
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
    fn saint_is_written_st_as_place_names_write_it() {
        assert_eq!(fold("Saint Helens"), "st helens");
        assert_eq!(fold("St. Helens"), "st helens");
        assert_eq!(fold("SAINT"), "st");
        assert_eq!(fold("Saintfield"), "saintfield");
        assert_eq!(fold("Great Saint Mary's"), "great st marys");
    }

    #[test]
    fn accents_case_and_apostrophes_do_not_matter() {
        assert_eq!(fold("King's Lynn"), "kings lynn");
        assert_eq!(fold("  Ynys Môn!! "), "ynys mon");
        assert_eq!(fold("Łódź — Wrocław"), "lodz wroclaw");
        assert_eq!(fold("🙂"), "");
    }

    #[test]
    fn numbers_in_messages_read_naturally() {
        assert_eq!(show_number(12.0), "12");
        assert_eq!(show_number(4.5), "4.5");
        assert_eq!(show_number(-0.123456789), "-0.123457");
        assert_eq!(show_number(894967790.5841734), "894967790.584173");
        assert_eq!(show_number(0.9999999), "1");
        assert_eq!(show_number(-0.0000001), "0");
        assert_eq!(show_number(f64::NAN), "NaN");
    }

    #[test]
    fn every_query_word_must_start_a_word() {
        let hay = fold("Wycombe Women's Aid refuge");
        assert!(all_words_prefix(&hay, &fold("women ref")));
        assert!(!all_words_prefix(&hay, &fold("omen")));
        assert!(all_words_prefix(&hay, ""));
    }
}
