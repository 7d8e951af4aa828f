//! Reading what someone typed as a UK postcode: a full postcode, a sector ("MK40 1") or a
//! district ("MK40"), in any case and spacing.

/// A postcode query, reduced to what the gazetteer holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostcodeQuery {
    /// A district (outward code), e.g. "MK40".
    District(String),
    /// A sector, e.g. "MK40 1". A full postcode is reduced to its sector, since full
    /// postcodes are never shipped.
    Sector(String),
}

/// Whether `s` (upper case, no spaces) is a UK outward code: A9, A99, A9A, AA9, AA99
/// or AA9A.
pub fn is_outward(s: &str) -> bool {
    let b = s.as_bytes();
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_uppercase);
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    match b.len() {
        2 => letter(0) && digit(1),
        3 => letter(0) && ((digit(1) && (digit(2) || letter(2))) || (letter(1) && digit(2))),
        4 => letter(0) && letter(1) && digit(2) && (digit(3) || letter(3)),
        _ => false,
    }
}

fn is_unit(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 2 && b.iter().all(u8::is_ascii_uppercase)
}

/// Parses what someone typed. Without a space, a well-formed district is a district
/// ("B11" is the district B11, not the sector "B1 1").
pub fn parse(text: &str) -> Option<PostcodeQuery> {
    let upper = text.trim().to_ascii_uppercase();
    if upper.is_empty()
        || upper.len() > 12
        || !upper
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c.is_ascii_whitespace())
    {
        return None;
    }
    let parts: Vec<&str> = upper.split_whitespace().collect();
    let sector = |outward: &str, digit: char| {
        (is_outward(outward) && digit.is_ascii_digit())
            .then(|| PostcodeQuery::Sector(format!("{outward} {digit}")))
    };
    match parts.as_slice() {
        // "MK40 1", "MK40 1AA", "MK40 1A".
        [outward, inward] => {
            let mut chars = inward.chars();
            let digit = chars.next()?;
            let rest: String = chars.collect();
            (rest.is_empty()
                || rest.len() == 1 && rest.chars().all(|c| c.is_ascii_uppercase())
                || is_unit(&rest))
            .then(|| sector(outward, digit))
            .flatten()
        }
        [joined] => {
            let s = *joined;
            // A full postcode without its space: the last three are 9AA.
            // (Checked slicing: the text is ASCII, so these never fail, and the wasm then
            // carries no string-slicing panic.)
            if s.len() >= 5 && s.get(s.len() - 2..).is_some_and(is_unit) {
                let digit = s.get(..s.len() - 2)?.chars().last()?;
                return sector(s.get(..s.len() - 3)?, digit);
            }
            // A well-formed district is that district, or nothing: "MK99", which does
            // not exist, is never the sector "MK9 9". Only what cannot be a district
            // ("MK401") is read as a sector typed without its space.
            if is_outward(s) {
                return Some(PostcodeQuery::District(s.to_string()));
            }
            let digit = s.chars().last().filter(char::is_ascii_digit)?;
            s.get(..s.len() - 1).and_then(|o| sector(o, digit))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Option<PostcodeQuery> {
        parse(text)
    }

    #[test]
    fn sectors_districts_and_full_postcodes_are_read_in_any_case_and_spacing() {
        let sector = |s: &str| Some(PostcodeQuery::Sector(s.into()));
        assert_eq!(p("MK40 1"), sector("MK40 1"));
        assert_eq!(p("mk401aa"), sector("MK40 1"));
        assert_eq!(p(" mk40   1AA "), sector("MK40 1"));
        assert_eq!(p("MK40 1A"), sector("MK40 1"));
        assert_eq!(p("SW1A 2AA"), sector("SW1A 2"));
        assert_eq!(p("bt1 5gs"), sector("BT1 5"));
        assert_eq!(p("MK40"), Some(PostcodeQuery::District("MK40".into())));
        assert_eq!(
            p("B11"),
            Some(PostcodeQuery::District("B11".into())),
            "an existing district wins"
        );
        assert_eq!(p("B1 1"), sector("B1 1"));
        assert_eq!(p("MK401"), sector("MK40 1"));
        assert_eq!(p("MK40\t1AA"), sector("MK40 1"), "a tab is a space");
        assert_eq!(
            p("MK99"),
            Some(PostcodeQuery::District("MK99".into())),
            "a district that does not exist is not the sector MK9 9"
        );
    }

    #[test]
    fn anything_else_is_not_a_postcode() {
        for text in [
            "",
            "Bedford",
            "12345",
            "MK40 AA",
            "MK40 1AAA",
            "MK40 1 AA",
            "M",
            "🙂",
            "1MK 1AA",
            "ÅÄ1 1AA",
        ] {
            assert_eq!(p(text), None, "{text:?}");
        }
    }
}
