//! Fetching each listed service's full record (`/services/{id}`): list pages carry only
//! a summary of each service, without its locations, contacts or taxonomy terms.

use super::feed::Record;
use super::http::Client;
use super::page::{id_of, read_record};
use super::urls::Api;
use indicatif::ProgressBar;
use serde_json::Value;

/// A service whose full record could not be had; its list entry stands in for it.
pub struct Failure {
    /// The service's id, or its place in the list when it has none.
    pub service: String,
    pub why: String,
}

/// The feed's records, one per list entry, and what went wrong on the way.
pub struct Filled {
    pub records: Vec<Record>,
    pub full: usize,
    pub failures: Vec<Failure>,
}

/// Swaps each list entry for its full record, keeping the entry when the record cannot
/// be had: a summary of a service is worth more to the directory than a gap.
pub fn fill(client: &mut Client, api: &Api, entries: Vec<Value>, bar: &ProgressBar) -> Filled {
    let mut filled = Filled {
        records: Vec::with_capacity(entries.len()),
        full: 0,
        failures: Vec::new(),
    };
    for (index, entry) in entries.into_iter().enumerate() {
        match full_record(client, api, &entry, bar) {
            Ok(text) => {
                filled.full += 1;
                filled.records.push(Record::Full(text));
            }
            Err(why) => {
                filled.failures.push(Failure {
                    service: id_of(&entry).unwrap_or_else(|| format!("entry {}", index + 1)),
                    why,
                });
                filled.records.push(Record::Listed(entry));
            }
        }
        bar.inc(1);
    }
    filled
}

/// The text of one service's full record, checked to be that service.
fn full_record(
    client: &mut Client,
    api: &Api,
    entry: &Value,
    bar: &ProgressBar,
) -> Result<String, String> {
    if !entry.is_object() {
        return Err(format!(
            "the list entry is not a service object, so there is no id to ask for (found {})",
            super::page::describe(entry)
        ));
    }
    let Some(id) = id_of(entry) else {
        return Err("the list entry has no id, so there is no full record to ask for".into());
    };
    let url = api.service(&id);
    let expected =
        |found: String| format!("expected the ORUK service {id} at {url}, found {found}");
    let fetched = client
        .get(&url, &mut |note| bar.suspend(|| errln!("{note}")))
        .map_err(|failed| expected(failed.describe()))?;
    let (value, text) = read_record(&fetched).map_err(expected)?;
    // A server that ignores the id and answers every request with the same service
    // would otherwise fill the feed with copies of it.
    match id_of(&value) {
        Some(served) if served == id => Ok(text.to_owned()),
        Some(served) => Err(expected(format!("the service {served}"))),
        None => Err(expected("a service without an id".into())),
    }
}
