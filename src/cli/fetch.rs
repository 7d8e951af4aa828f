//! `haven oruk fetch`: reads a live ORUK API into one feed file.

mod feed;
mod http;
mod list;
mod page;
mod records;
mod urls;

use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Arguments of `haven oruk fetch`.
#[derive(clap::Args)]
#[command(after_help = "\
How it reads the API:
  Asks for {URL}/services?page=1 and tells the kind of feed from the answer: ORUK 3.0
  (\"contents\", pages from 1, following total_pages), ORUK 1.x as Open Place and Outpost
  serve it (\"content\", pages from 0), or a plain list (the whole feed at once). Then
  asks for {URL}/services/{id} for every listed service, for its full record.

Politeness and retries:
  Requests are paced to at most --rate a second and name Haven in their User-Agent.
  Connection errors, timeouts, HTTP 429 and 5xx are tried again after an exponential
  back-off (or the server's Retry-After seconds), never waiting longer than --max-wait.
  Other 4xx answers are not retried.

Output and exit status:
  FEED is one ORUK 3.0 page holding every service, each record exactly as served, for
  `haven validate` and `haven build`. It is written beside its final name and renamed
  into place, so a failed fetch leaves the previous FEED as it was.
  Exit 0: FEED written. A service whose full record cannot be had keeps its list entry
  instead, and is reported.
  Exit 1: nothing written: the server is not an ORUK API, a page of the list could not be
  had after every retry, it listed no services (unless --allow-empty), or FEED could not
  be written.")]
pub struct FetchArgs {
    /// The API's base address (the one that serves `/services`); a query such as an API
    /// key is kept on every request.
    pub url: String,
    /// Where to write the feed.
    #[arg(long, value_name = "FEED")]
    pub out: PathBuf,
    /// Services per page to ask for (`per_page`); by default the server decides.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub per_page: Option<u32>,
    /// Keep the list entries as they are, without asking for each full record (for a
    /// feed whose list already carries whole services).
    #[arg(long)]
    pub list_only: bool,
    /// Write the feed even when the server lists no services (by default an empty
    /// answer is taken for an outage, and the previous feed is kept).
    #[arg(long)]
    pub allow_empty: bool,
    /// At most this many requests a second.
    #[arg(long, value_name = "PER_SECOND", default_value_t = 4.0, value_parser = parse_rate)]
    pub rate: f64,
    /// Tries after the first for a request that failed in a way worth retrying.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=20))]
    pub retries: u32,
    /// The most one request may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// The first retry's wait, in milliseconds; each later one waits twice as long.
    #[arg(long, value_name = "MS", default_value_t = 500)]
    pub backoff_ms: u64,
    /// The longest wait before a retry, in seconds, whatever Retry-After asks for.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub max_wait: u64,
}

/// A rate must be positive (zero would mean "never send", which is never what was
/// meant) and at least one request in 1000 s, so the pause between two fits a clock.
fn parse_rate(s: &str) -> Result<f64, String> {
    let rate: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("expected requests per second (e.g. 4 or 0.5), found {s:?}"))?;
    if !(rate.is_finite() && rate >= 0.001) {
        return Err(format!(
            "expected a positive number of requests per second (at least 0.001), found {s:?}"
        ));
    }
    Ok(rate)
}

/// Runs `haven oruk fetch`.
pub fn run(args: &FetchArgs) -> Result<ExitCode, String> {
    let started = Instant::now();
    let api = urls::Api::new(&args.url)?;
    let mut client = http::Client::new(http::Settings {
        retries: args.retries,
        backoff: Duration::from_millis(args.backoff_ms),
        max_wait: Duration::from_secs(args.max_wait),
        // `parse_rate` has kept this at most 1000 s, which always converts.
        interval: Duration::try_from_secs_f64(1.0 / args.rate).unwrap_or(Duration::ZERO),
        timeout: Duration::from_secs(args.timeout),
    });
    let nothing_written = |message: String| format!("{message}; nothing written");

    let pages = bar("pages", None);
    let listing = list::walk(&mut client, &api, args.per_page, &pages);
    pages.finish_and_clear();
    let listing = listing.map_err(nothing_written)?;
    for warning in &listing.warnings {
        errln!("warning: {warning}");
    }
    if listing.entries.is_empty() && !args.allow_empty {
        return Err(nothing_written(format!(
            "the server listed no services at {} (--allow-empty writes an empty feed)",
            api.page(listing.shape.first_page(), args.per_page)
        )));
    }
    let services = listing.entries.len();

    let filled = if args.list_only {
        records::Filled {
            records: listing
                .entries
                .into_iter()
                .map(feed::Record::Listed)
                .collect(),
            full: 0,
            failures: Vec::new(),
        }
    } else {
        let bar = bar("full records", Some(services as u64));
        let filled = records::fill(&mut client, &api, listing.entries, &bar);
        bar.finish_and_clear();
        filled
    };
    for failure in &filled.failures {
        errln!(
            "warning: {}: kept its list entry only: {}",
            failure.service,
            failure.why
        );
    }
    let bytes = feed::write(&args.out, &filled.records).map_err(nothing_written)?;

    let duplicates = match listing.duplicates {
        0 => String::new(),
        n => format!(", {n} repeated list entries skipped"),
    };
    errln!(
        "{} ({}), {}, {}, {}{duplicates}, {} in {:.1} s; wrote {} ({bytes} bytes)",
        count(listing.pages, "page"),
        listing.shape.label(),
        count(services as u64, "service"),
        count(filled.full as u64, "full record"),
        count(filled.failures.len() as u64, "failure"),
        count(client.requests, "request"),
        started.elapsed().as_secs_f64(),
        args.out.display(),
    );
    if !filled.failures.is_empty() {
        errln!(
            "{} only as listed (no locations, contacts or terms unless the list carries \
             them); see the warnings above",
            count(filled.failures.len() as u64, "service")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// "1 page", "3 pages".
fn count(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// A bar for pages or records. indicatif hides it when stderr is not a terminal, so
/// logs and tests see only the messages.
fn bar(what: &str, len: Option<u64>) -> ProgressBar {
    let bar = ProgressBar::new(len.unwrap_or(0));
    bar.set_style(
        ProgressStyle::with_template("fetching {msg} [{bar:30}] {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what.to_owned());
    bar
}
