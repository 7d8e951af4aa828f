//! The addresses `haven oruk fetch` asks for, built from the one the user gave.

/// The API's base address, split so paths go before any query the user gave (an API
/// key, a filter such as `taxonomy_id=…`), which every request then carries.
pub struct Api {
    base: String,
    query: String,
}

impl Api {
    /// Accepts the base (`https://api.example.gov.uk/oruk`) with or without a trailing
    /// slash, and also the `/services` address itself, which is what people copy from
    /// a browser.
    pub fn new(url: &str) -> Result<Api, String> {
        let url = url.trim();
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(format!(
                "expected the address of an ORUK API (http://… or https://…), found {url:?}"
            ));
        }
        let url = url.split('#').next().unwrap_or(url);
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let path = path.trim_end_matches('/');
        let path = path.strip_suffix("/services").unwrap_or(path);
        Ok(Api {
            base: path.to_owned(),
            query: query.trim_matches('&').to_owned(),
        })
    }

    /// `{base}/services?page=N&per_page=M`, the user's own query first.
    pub fn page(&self, page: u64, per_page: Option<u32>) -> String {
        let mut url = format!("{}/services?", self.base);
        if !self.query.is_empty() {
            url.push_str(&self.query);
            url.push('&');
        }
        url.push_str(&format!("page={page}"));
        if let Some(per_page) = per_page {
            url.push_str(&format!("&per_page={per_page}"));
        }
        url
    }

    /// `{base}/services/{id}`, the id escaped so that one holding `/`, `?` or spaces
    /// still names one path segment.
    pub fn service(&self, id: &str) -> String {
        let mut url = format!("{}/services/{}", self.base, escape(id));
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&self.query);
        }
        url
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn escape(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_services_address_and_a_users_query_are_both_understood() {
        let api = Api::new("https://api.example.org/oruk/services/?key=abc#top").unwrap();
        assert_eq!(
            api.page(1, Some(50)),
            "https://api.example.org/oruk/services?key=abc&page=1&per_page=50"
        );
        assert_eq!(
            api.service("a b/ü"),
            "https://api.example.org/oruk/services/a%20b%2F%C3%BC?key=abc"
        );
        let plain = Api::new("http://127.0.0.1:8080/").unwrap();
        assert_eq!(plain.page(0, None), "http://127.0.0.1:8080/services?page=0");
    }

    #[test]
    fn an_address_without_a_scheme_is_refused() {
        let err = Api::new("api.example.org").err().unwrap();
        assert!(err.contains("found \"api.example.org\""), "{err}");
    }
}
