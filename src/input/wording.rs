//! The JSON readers' messages in the words of the Haven format: serde says "invalid
//! type: string \"52.13\", expected f64", naming Rust's types; a council's data team
//! should read "expected a number, found the string \"52.13\"".

/// The longest piece of a found value repeated in a message, in characters.
const SHOWN_CHARS: usize = 40;

/// serde's message for a value of the wrong type or shape, in the format's words;
/// any other message is returned as it is, without a position serde_json appended.
pub(crate) fn reader_message(message: &str) -> String {
    let message = without_position(message);
    let wrong = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix))
        .and_then(|rest| rest.rsplit_once(", expected "));
    if let Some((found, expected)) = wrong {
        return format!(
            "expected {}, found {}",
            expected_words(expected),
            found_words(found)
        );
    }
    shorten(message)
}

/// serde_json's message without the " at line L column C" it ends with, for when the
/// position is given separately.
pub(crate) fn without_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => &message[..at],
        _ => message,
    }
}

fn expected_words(expected: &str) -> String {
    let words = match expected {
        "f64" | "f32" => "a number",
        "i64" | "i32" | "i16" | "i8" | "u64" | "u32" | "u16" | "u8" | "usize" => "a whole number",
        "a sequence" => "a list",
        "a boolean" => "true or false",
        "a string" | "a borrowed string" => "a string",
        "a map" => "an object",
        e if e.starts_with("struct ") => "an object",
        e => return shorten(e),
    };
    words.to_string()
}

fn found_words(found: &str) -> String {
    let quoted = |s: &str| s.trim_matches('`').to_string();
    if let Some(n) = found.strip_prefix("integer ") {
        return format!("the number {}", quoted(n));
    }
    if let Some(n) = found.strip_prefix("floating point ") {
        return format!("the number {}", quoted(n));
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return quoted(b);
    }
    if let Some(s) = found.strip_prefix("string ") {
        return format!("the string {}", shorten(s));
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "an object".into(),
        "unit value" | "null" => "null".into(),
        f => shorten(f),
    }
}

/// At most [`SHOWN_CHARS`] characters of a value, so a 50 MB string in the wrong
/// place gives a one-line message.
fn shorten(text: &str) -> String {
    if text.chars().count() <= SHOWN_CHARS {
        return text.to_string();
    }
    let mut short: String = text.chars().take(SHOWN_CHARS).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_type_is_said_in_the_formats_words() {
        assert_eq!(
            reader_message("invalid type: string \"52.13\", expected f64"),
            "expected a number, found the string \"52.13\""
        );
        assert_eq!(
            reader_message("invalid type: string \"the council\", expected struct RawSource"),
            "expected an object, found the string \"the council\""
        );
        assert_eq!(
            reader_message("invalid type: sequence, expected a string"),
            "expected a string, found a list"
        );
        assert_eq!(
            reader_message("invalid type: integer `7`, expected a string"),
            "expected a string, found the number 7"
        );
    }

    #[test]
    fn a_position_is_not_repeated_and_a_long_value_is_cut() {
        assert_eq!(
            reader_message("trailing comma at line 1 column 50"),
            "trailing comma"
        );
        let long = format!(
            "invalid type: string \"{}\", expected f64",
            "x".repeat(5000)
        );
        assert!(reader_message(&long).chars().count() < 100);
    }
}
