//! Reading one response of `/services` (or `/services/{id}`) and, when it is not what an
//! ORUK API serves, saying what it was instead.

use super::http::Fetched;
use serde_json::Value;

/// What the message says was expected of a list page.
pub const EXPECTED_PAGE: &str = "an ORUK page of services (JSON with \"contents\", \
     or the ORUK 1.x \"content\", or a list of services)";

/// The page shapes found in the wild, told apart by the first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// ORUK 3.0: `contents`, `total_pages`, `page_number`, pages counted from 1.
    V3,
    /// ORUK 1.x (Open Place, Outpost): `content`, `totalPages`, `number`, from 0.
    V1,
    /// A bare list of services: the whole feed in one response.
    List,
}

impl Shape {
    /// The number of the first page in this shape's counting.
    pub fn first_page(self) -> u64 {
        match self {
            Shape::V3 | Shape::List => 1,
            Shape::V1 => 0,
        }
    }

    /// For messages: "expected an ORUK 3.0 page …".
    pub fn name(self) -> &'static str {
        match self {
            Shape::V3 => "an ORUK 3.0 page",
            Shape::V1 => "an ORUK 1.x page",
            Shape::List => "a plain list",
        }
    }

    /// For the summary: "3 pages (ORUK 3.0)".
    pub fn label(self) -> &'static str {
        match self {
            Shape::V3 => "ORUK 3.0",
            Shape::V1 => "ORUK 1.x",
            Shape::List => "plain list",
        }
    }
}

/// One list page, its services untouched.
pub struct Page {
    pub shape: Shape,
    pub entries: Vec<Value>,
    /// The page's own number, when it says (in its shape's counting).
    pub number: Option<u64>,
    /// How many pages the server says there are, when it says.
    pub total_pages: Option<u64>,
    /// The server says this is the last page.
    pub last: bool,
}

/// Reads a response of `/services`; the error says what was found instead.
pub fn read_page(fetched: &Fetched) -> Result<Page, String> {
    let value = read_json(fetched)?;
    let mut map = match value {
        Value::Array(entries) => {
            return Ok(Page {
                shape: Shape::List,
                entries,
                number: None,
                total_pages: Some(1),
                last: true,
            })
        }
        Value::Object(map) => map,
        other => return Err(format!("JSON that is {}", describe(&other))),
    };
    let (shape, key, pages, number, last) = if map.contains_key("contents") {
        (
            Shape::V3,
            "contents",
            "total_pages",
            "page_number",
            "last_page",
        )
    } else if map.contains_key("content") {
        (Shape::V1, "content", "totalPages", "number", "last")
    } else {
        return Err(format!(
            "JSON without \"contents\" or \"content\" ({})",
            describe(&Value::Object(map))
        ));
    };
    let count = |k: &str| map.get(k).and_then(Value::as_u64);
    let (total_pages, number) = (count(pages), count(number));
    let last = map.get(last).and_then(Value::as_bool).unwrap_or(false);
    let entries = match map.remove(key) {
        Some(Value::Array(entries)) => entries,
        Some(other) => return Err(format!("\"{key}\" that is {}", describe(&other))),
        None => Vec::new(),
    };
    Ok(Page {
        shape,
        entries,
        number,
        total_pages,
        last,
    })
}

/// Reads a response of `/services/{id}`: it must be one service object. Returns the
/// value (to check its id) and the body's text, which goes into the feed as served.
pub fn read_record(fetched: &Fetched) -> Result<(Value, &str), String> {
    let value = read_json(fetched)?;
    if !value.is_object() {
        return Err(format!("JSON that is {}", describe(&value)));
    }
    Ok((value, json_text(&fetched.body)))
}

/// The body without a byte-order mark (which some Windows-hosted APIs send and JSON
/// forbids) or surrounding white space.
fn json_text(body: &str) -> &str {
    body.strip_prefix('\u{feff}').unwrap_or(body).trim()
}

/// Parses the body as JSON, or says what it looks like instead: people point this at
/// a council's website, a login page or a proxy's error page more often than at a
/// broken API.
fn read_json(fetched: &Fetched) -> Result<Value, String> {
    let text = json_text(&fetched.body);
    let html = fetched
        .content_type
        .as_deref()
        .is_some_and(|t| t.to_ascii_lowercase().contains("html"))
        || text.starts_with('<');
    if html {
        return Err(match html_title(text) {
            Some(title) => format!("an HTML page (titled {title:?})"),
            None => "an HTML page".into(),
        });
    }
    if text.is_empty() {
        return Err("an empty response".into());
    }
    serde_json::from_str(text).map_err(|e| {
        if text.starts_with(['{', '[']) {
            format!(
                "malformed JSON (line {}, column {}: {e})",
                e.line(),
                e.column()
            )
        } else {
            format!("text that is not JSON ({})", snippet(text))
        }
    })
}

/// The text of an HTML page's `<title>`, if it has one near the top.
fn html_title(html: &str) -> Option<String> {
    // Byte offsets found in an ASCII-lowercased copy are offsets in the original too.
    let head: String = html.chars().take(8192).collect();
    let lower = head.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title = head[start..end].split_whitespace().collect::<Vec<_>>();
    (!title.is_empty()).then(|| title.join(" "))
}

/// The first few words of some text, quoted.
fn snippet(text: &str) -> String {
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() > 60 {
        format!("{:?}…", words.chars().take(60).collect::<String>())
    } else {
        format!("{words:?}")
    }
}

/// A short description of a JSON value, for "found …".
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", snippet(s)),
        Value::Array(a) => format!("a list of {}", a.len()),
        Value::Object(m) if m.is_empty() => "an empty object".into(),
        Value::Object(m) => {
            let keys: Vec<_> = m.keys().take(6).map(String::as_str).collect();
            let more = if m.len() > 6 { ", …" } else { "" };
            format!("an object with keys {}{more}", keys.join(", "))
        }
    }
}

/// A service's id as text; feeds give numbers as often as strings.
pub fn id_of(value: &Value) -> Option<String> {
    match value.get("id")? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(body: &str, content_type: Option<&str>) -> Fetched {
        Fetched {
            body: body.into(),
            content_type: content_type.map(String::from),
        }
    }

    #[test]
    fn shapes_are_told_apart_by_their_list_key() {
        let v3 = read_page(&fetched(r#"{"contents": [], "total_pages": 2}"#, None)).unwrap();
        assert_eq!((v3.shape, v3.total_pages), (Shape::V3, Some(2)));
        let v1 = read_page(&fetched(r#"{"content": [{}], "number": 0}"#, None)).unwrap();
        assert_eq!((v1.shape, v1.number), (Shape::V1, Some(0)));
        let list = read_page(&fetched("\u{feff}[{}, {}]", None)).unwrap();
        assert_eq!((list.shape, list.entries.len()), (Shape::List, 2));
    }

    #[test]
    fn what_was_found_instead_is_named() {
        let page = "<!DOCTYPE html><html><head><TITLE>\n Sign in </title>";
        let found = read_page(&fetched(page, Some("text/html"))).err().unwrap();
        assert_eq!(found, "an HTML page (titled \"Sign in\")");
        let found = read_page(&fetched(r#"{"data": []}"#, None)).err().unwrap();
        assert_eq!(
            found,
            "JSON without \"contents\" or \"content\" (an object with keys data)"
        );
        let found = read_page(&fetched("Service Unavailable", None))
            .err()
            .unwrap();
        assert_eq!(found, "text that is not JSON (\"Service Unavailable\")");
        assert!(read_page(&fetched("{\"contents\": [", None))
            .err()
            .unwrap()
            .starts_with("malformed JSON (line 1"));
        assert_eq!(
            read_page(&fetched(" ", None)).err().unwrap(),
            "an empty response"
        );
    }

    #[test]
    fn an_html_title_with_multibyte_text_does_not_panic() {
        let page = "<html><title>Café – ✓</title>".repeat(3000);
        assert_eq!(html_title(&page).as_deref(), Some("Café – ✓"));
        assert_eq!(html_title("<title>"), None);
    }
}
