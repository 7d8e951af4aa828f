//! HTML in a feed's text (council feeds put `<p>`, `<br>`, `&nbsp;` in most
//! descriptions) as plain text: html2text parses it as a browser would, decodes
//! entities and keeps paragraphs as blank lines, so a survivor never reads markup.

/// Wide enough that no line is wrapped: the page wraps text itself.
const NO_WRAP: usize = 10_000;

/// The text with any HTML turned into plain text; text with no markup is returned as
/// it is.
pub(crate) fn plain_text(text: &str) -> String {
    if !looks_like_html(text) {
        return text.to_string();
    }
    let rendered = html2text::config::plain_no_decorate()
        .string_from_read(text.as_bytes(), NO_WRAP)
        .unwrap_or_else(|_| text.to_string());
    // Trailing spaces and runs of blank lines are layout, not content.
    let mut out = String::with_capacity(rendered.len());
    let mut blank = 0;
    for line in rendered.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line.trim_start());
    }
    out
}

/// Whether text holds a tag (`<p>`, `</b>`, `<br/>`, `<!--`) or an entity (`&amp;`,
/// `&#39;`).
pub(crate) fn looks_like_html(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| match b[i] {
        b'<' => b
            .get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!'),
        b'&' => {
            let rest = b.get(i + 1..).unwrap_or_default();
            rest.iter()
                .take(10)
                .position(|c| *c == b';')
                .is_some_and(|end| {
                    end > 0
                        && rest[..end]
                            .iter()
                            .all(|c| c.is_ascii_alphanumeric() || *c == b'#')
                })
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_plain_text_with_entities_decoded_and_paragraphs_kept() {
        let html = "<p>Support for women &amp; children.</p><p>Call&nbsp;us: <b>24 hours</b>.</p>";
        assert_eq!(
            plain_text(html),
            "Support for women & children.\n\nCall\u{a0}us: 24 hours."
        );
        assert_eq!(plain_text("Line one<br>Line two"), "Line one\nLine two");
        assert_eq!(plain_text("We&#39;re here"), "We're here");
    }

    #[test]
    fn text_without_markup_is_left_exactly_as_it_was() {
        for text in [
            "Refuge for women and children",
            "A & B",
            "Ages 16 < 25",
            "Call 0808 2000 247",
        ] {
            assert_eq!(plain_text(text), text);
        }
    }
}
