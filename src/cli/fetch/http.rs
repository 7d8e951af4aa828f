//! The HTTP side of `haven oruk fetch`: one polite client that paces its requests,
//! retries what is worth retrying and says plainly what it found when it gives up.

use std::time::{Duration, Instant};
use ureq::http::StatusCode;

/// A whole page of services from a large council feed is a few megabytes; ureq's own
/// default (10 MB) is too tight for the biggest, and without a cap a broken server could
/// stream until memory runs out.
const MAX_BODY: u64 = 256 * 1024 * 1024;

/// Named in every request so a council's API team can tell who is calling and why.
const USER_AGENT: &str = concat!(
    "Haven/",
    env!("CARGO_PKG_VERSION"),
    " (domestic-abuse service directory; haven oruk fetch)"
);

/// How the client behaves; all of it comes from the command line.
pub struct Settings {
    /// Retries after the first try (so `retries + 1` tries in all).
    pub retries: u32,
    /// The first back-off; each further retry waits twice as long as the one before.
    pub backoff: Duration,
    /// No wait, whether back-off or a server's `Retry-After`, is longer than this.
    pub max_wait: Duration,
    /// The least time between the starts of two requests.
    pub interval: Duration,
    /// The most one request (connect, send, whole body) may take.
    pub timeout: Duration,
}

/// A successful (2xx) response.
pub struct Fetched {
    pub body: String,
    pub content_type: Option<String>,
}

/// What was found instead of a usable response, after every try that made sense.
pub struct Failed {
    /// Says what came back ("HTTP 404 Not Found", "no answer within 30 s"…).
    pub found: String,
    pub tries: u32,
}

impl Failed {
    /// What was found, and how hard it was tried: "HTTP 500 Internal Server Error
    /// (4 tries)".
    pub fn describe(&self) -> String {
        if self.tries > 1 {
            format!("{} ({} tries)", self.found, self.tries)
        } else {
            self.found.clone()
        }
    }
}

/// One try's result.
enum Outcome {
    Done(Fetched),
    /// Worth trying again; `wait` is the server's `Retry-After`, if it gave one.
    Retry {
        found: String,
        wait: Option<Duration>,
    },
    /// Trying again would get the same answer (a 404, a bad host name, not UTF-8…).
    Fatal(String),
}

pub struct Client {
    agent: ureq::Agent,
    settings: Settings,
    last_start: Option<Instant>,
    /// Every request sent, retries included, for the summary.
    pub requests: u64,
}

impl Client {
    pub fn new(settings: Settings) -> Client {
        let agent = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            // Statuses are answers to judge (retry a 503, not a 404), not transport errors.
            .http_status_as_error(false)
            .timeout_global(Some(settings.timeout))
            .build()
            .into();
        Client {
            agent,
            settings,
            last_start: None,
            requests: 0,
        }
    }

    /// GETs `url`, retrying connection errors, timeouts, 429 and 5xx with exponential
    /// back-off. `note` hears about each retry (the caller keeps progress bars tidy).
    pub fn get(&mut self, url: &str, note: &mut dyn FnMut(String)) -> Result<Fetched, Failed> {
        let tries = self.settings.retries.saturating_add(1);
        for attempt in 0..tries {
            self.pace();
            match self.try_once(url) {
                Outcome::Done(fetched) => return Ok(fetched),
                Outcome::Fatal(found) => {
                    return Err(Failed {
                        found,
                        tries: attempt + 1,
                    })
                }
                Outcome::Retry { found, wait } => {
                    if attempt + 1 == tries {
                        return Err(Failed { found, tries });
                    }
                    let wait = wait
                        .unwrap_or_else(|| self.backoff(attempt))
                        .min(self.settings.max_wait);
                    note(format!(
                        "{url}: {found}; trying again in {:.1} s (try {} of {tries})",
                        wait.as_secs_f64(),
                        attempt + 2
                    ));
                    std::thread::sleep(wait);
                }
            }
        }
        // Only reached when there were no tries at all, which `saturating_add(1)` rules out.
        Err(Failed {
            found: "no request sent".into(),
            tries: 0,
        })
    }

    /// The wait before retry number `attempt + 1`: the first back-off, doubled each time.
    fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u32.checked_shl(attempt.min(30)).unwrap_or(u32::MAX);
        self.settings
            .backoff
            .checked_mul(factor)
            .unwrap_or(self.settings.max_wait)
    }

    /// Sleeps until at least `interval` has passed since the last request started, so a
    /// council's API sees a steady trickle rather than a burst.
    fn pace(&mut self) {
        if let Some(last) = self.last_start {
            // `checked_add`: an interval too long for the clock is simply waited out.
            let wait = match last.checked_add(self.settings.interval) {
                Some(next) => next.saturating_duration_since(Instant::now()),
                None => self.settings.interval,
            };
            if !wait.is_zero() {
                std::thread::sleep(wait);
            }
        }
        self.last_start = Some(Instant::now());
        self.requests += 1;
    }

    fn try_once(&self, url: &str) -> Outcome {
        let mut response = match self
            .agent
            .get(url)
            .header("Accept", "application/json")
            .call()
        {
            Ok(response) => response,
            Err(e) => return transport_error(e, self.settings.timeout),
        };
        let status = response.status();
        if !status.is_success() {
            let found = describe_status(status);
            return if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
                let wait = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(retry_after);
                Outcome::Retry { found, wait }
            } else {
                Outcome::Fatal(found)
            };
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = match response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
        {
            Ok(bytes) => bytes,
            Err(ureq::Error::BodyExceedsLimit(_)) => {
                return Outcome::Fatal(format!("a response larger than {} MB", MAX_BODY >> 20))
            }
            // A connection dropped halfway through the body is as transient as one that
            // never opened.
            Err(e) => return transport_error(e, self.settings.timeout),
        };
        match String::from_utf8(bytes) {
            Ok(body) => Outcome::Done(Fetched { body, content_type }),
            // JSON is UTF-8 by definition; guessing another encoding would change the data.
            Err(e) => Outcome::Fatal(format!(
                "a response that is not UTF-8 text (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            )),
        }
    }
}

/// "HTTP 503 Service Unavailable".
fn describe_status(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("HTTP {} {reason}", status.as_u16()),
        None => format!("HTTP {}", status.as_u16()),
    }
}

/// `Retry-After` in seconds. The HTTP-date form is rare from APIs and would need a clock
/// and a date parser; without it the usual back-off applies.
fn retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// Sorts transport errors into worth-retrying (the network or the server hiccuped) and
/// not (the address itself is wrong).
fn transport_error(e: ureq::Error, timeout: Duration) -> Outcome {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => Outcome::Retry {
            found: format!("no answer within {} s", timeout.as_secs()),
            wait: None,
        },
        E::Io(e) => Outcome::Retry {
            found: format!("a connection error ({e})"),
            wait: None,
        },
        E::ConnectionFailed => Outcome::Retry {
            found: "no connection".into(),
            wait: None,
        },
        E::Protocol(e) => Outcome::Retry {
            found: format!("a broken HTTP response ({e})"),
            wait: None,
        },
        E::HostNotFound => Outcome::Fatal("no such host".into()),
        E::BadUri(why) => Outcome::Fatal(format!("an address that is not a URL ({why})")),
        other => Outcome::Fatal(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_ignores_dates() {
        assert_eq!(retry_after(" 7 "), Some(Duration::from_secs(7)));
        assert_eq!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(retry_after("-1"), None);
    }

    #[test]
    fn back_off_doubles_and_never_overflows() {
        let client = Client::new(Settings {
            retries: 3,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(60),
            interval: Duration::ZERO,
            timeout: Duration::from_secs(1),
        });
        assert_eq!(client.backoff(0), Duration::from_millis(500));
        assert_eq!(client.backoff(2), Duration::from_secs(2));
        assert!(client.backoff(u32::MAX) >= Duration::from_secs(60));
    }
}
