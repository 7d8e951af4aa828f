//! Walking the pages of `/services`: which page numbers to ask for, and when to stop.

use super::http::Client;
use super::page::{id_of, read_page, Page, Shape, EXPECTED_PAGE};
use super::urls::Api;
use indicatif::ProgressBar;
use serde_json::Value;
use std::collections::HashSet;

/// No real directory has this many pages; a server that never says "last" is cut off
/// here rather than asked forever.
const MAX_PAGES: u64 = 10_000;

/// Every list entry, in the server's order, each service once.
pub struct Listing {
    pub shape: Shape,
    pub pages: u64,
    pub entries: Vec<Value>,
    /// Entries skipped because an earlier page already listed the same id (lists that
    /// change while they are paged through shift entries across page boundaries).
    pub duplicates: usize,
    /// Things worth telling the user that did not stop the fetch.
    pub warnings: Vec<String>,
}

/// Fetches every page of the list. Any page that cannot be had fails the whole fetch:
/// a feed silently missing a page would drop services from the directory.
pub fn walk(
    client: &mut Client,
    api: &Api,
    per_page: Option<u32>,
    bar: &ProgressBar,
) -> Result<Listing, String> {
    // ORUK 3.0 counts from 1, so page 1 is asked for first; its shape says whether this
    // is a 1.x server, whose first page is 0.
    let mut first = Some(get_page(client, &api.page(1, per_page), None, bar)?);
    let page_one = first.as_ref().map_or(Shape::V3, |p| p.shape);
    let start = match first.as_ref() {
        // 1.x counts from 0, so page 0 is still to come; unless this server numbers the
        // page it was asked for as 1 its page 0, and so counts from 1 after all.
        Some(p) if p.shape == Shape::V1 && p.number != Some(0) => 0,
        _ => 1,
    };
    let total = first.as_ref().and_then(|p| p.total_pages);
    if let Some(total) = total {
        bar.set_length(total.min(MAX_PAGES));
    }
    let mut listing = Listing {
        shape: page_one,
        pages: 0,
        entries: Vec::new(),
        duplicates: 0,
        warnings: Vec::new(),
    };
    let mut seen = HashSet::new();
    let mut number = start;
    loop {
        // Beyond the end the server gave (for a 1.x feed of one page, the page 1 that
        // was asked for first is past it and is not used).
        if total.is_some_and(|t| number - start >= t) {
            break;
        }
        if number - start >= MAX_PAGES {
            listing.warnings.push(format!(
                "stopped after {MAX_PAGES} pages; the server never said which page was last"
            ));
            break;
        }
        let page = match (number, first.take()) {
            (1, Some(page)) => page,
            (_, kept) => {
                first = kept;
                get_page(client, &api.page(number, per_page), Some(page_one), bar)?
            }
        };
        listing.pages += 1;
        bar.inc(1);
        let (empty, last) = (page.entries.is_empty(), page.last);
        let mut new = 0;
        for entry in page.entries {
            // Entries without an id cannot be told apart, so each is kept.
            if id_of(&entry).is_some_and(|id| !seen.insert(id)) {
                listing.duplicates += 1;
            } else {
                new += 1;
                listing.entries.push(entry);
            }
        }
        if empty {
            if total.is_some_and(|t| number - start + 1 < t) {
                listing.warnings.push(format!(
                    "page {number} of {} was empty; stopping there",
                    total.unwrap_or_default()
                ));
            }
            break;
        }
        if new == 0 {
            listing.warnings.push(format!(
                "page {number} only repeats services already listed (does the server ignore \
                 ?page=?); stopping there"
            ));
            break;
        }
        if last || page_one == Shape::List {
            break;
        }
        number += 1;
    }
    Ok(listing)
}

/// Fetches and reads one page; once the first page has fixed the shape, every later
/// page must have it too.
fn get_page(
    client: &mut Client,
    url: &str,
    shape: Option<Shape>,
    bar: &ProgressBar,
) -> Result<Page, String> {
    let fetched = client
        .get(url, &mut |note| bar.suspend(|| errln!("{note}")))
        .map_err(|failed| {
            format!(
                "expected {EXPECTED_PAGE} at {url}, found {}",
                failed.describe()
            )
        })?;
    let page = read_page(&fetched)
        .map_err(|found| format!("expected {EXPECTED_PAGE} at {url}, found {found}"))?;
    match shape {
        Some(shape) if shape != page.shape => Err(format!(
            "expected {} like the first one at {url}, found {}",
            shape.name(),
            page.shape.name()
        )),
        _ => Ok(page),
    }
}
