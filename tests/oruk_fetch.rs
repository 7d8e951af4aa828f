//! `haven oruk fetch` against a local server replaying recorded ORUK APIs
//! (tests/fixtures/oruk/fetch/): paging, each API's shape, and the rate limit. What it
//! does when the server fails is in oruk_fetch_failures.rs. Nothing here leaves 127.0.0.1.

// Each test file uses part of the replay server and of the helpers.
#[allow(dead_code)]
#[path = "fixtures/oruk/fetch/replay.rs"]
mod replay;
#[allow(dead_code)]
#[path = "fixtures/oruk/fetch/run.rs"]
mod run;

use replay::{v1, v3, Reply, Server, FIXTURES};
use run::{fetch, fetch_fresh, ids, read_json, stderr};
use serde_json::Value;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn every_page_and_every_full_record_is_fetched_and_the_feed_imports() {
    let server = Server::start(v3);
    let (_dir, out, run, err) = fetch_fresh(&server.base, &[]);
    assert!(run.status.success(), "{err}");
    assert!(
        err.contains("3 pages (ORUK 3.0), 5 services, 5 full records, 0 failures"),
        "{err}"
    );

    let targets = server.targets();
    for page in 1..=3 {
        assert_eq!(
            server.count(&format!("/services?page={page}")),
            1,
            "{targets:#?}"
        );
    }
    assert_eq!(
        targets.len(),
        3 + 5,
        "no page past total_pages: {targets:#?}"
    );
    let agents = server
        .log
        .lock()
        .unwrap()
        .iter()
        .map(|(_, _, a)| a.clone())
        .collect::<Vec<_>>();
    assert!(agents.iter().all(|a| a.starts_with("Haven/")), "{agents:?}");

    let feed = read_json(&out);
    assert_eq!(
        (
            &feed["total_items"],
            &feed["total_pages"],
            &feed["size"],
            &feed["empty"]
        ),
        (
            &Value::from(5),
            &Value::from(1),
            &Value::from(5),
            &Value::from(false)
        )
    );
    let listed: Vec<String> = (1..=3)
        .flat_map(|n| ids(&read_json(format!("{FIXTURES}/v3/page_{n}.json"))))
        .collect();
    assert_eq!(ids(&feed), listed, "the server's order");
    for (record, id) in feed["contents"].as_array().unwrap().iter().zip(&listed) {
        assert_eq!(
            record,
            &read_json(format!("{FIXTURES}/v3/services/{id}.json")),
            "as served"
        );
    }

    let validate = Command::new(env!("CARGO_BIN_EXE_haven"))
        .args([
            "validate",
            out.to_str().unwrap(),
            "--today",
            "2026-12-01",
            "--allow-coarsening",
        ])
        .output()
        .unwrap();
    let report = stderr(&validate);
    assert!(report.contains("5 services, 0 errors"), "{report}");
}

#[test]
fn an_outpost_style_1x_feed_is_read_from_page_0_in_order() {
    let server = Server::start(v1);
    let (_dir, out, run, err) = fetch_fresh(&server.base, &[]);
    assert!(run.status.success(), "{err}");
    assert!(
        err.contains("2 pages (ORUK 1.x), 3 services, 3 full records, 0 failures"),
        "{err}"
    );
    let pages: Vec<String> = server
        .targets()
        .into_iter()
        .filter(|t| t.contains("page="))
        .collect();
    assert_eq!(
        pages,
        ["/services?page=1", "/services?page=0"],
        "page 1 tells the shape"
    );
    let feed = read_json(&out);
    assert_eq!(ids(&feed), ["101", "102", "103"]);
    assert_eq!(
        feed["contents"][0],
        read_json(format!("{FIXTURES}/v1/services/101.json"))
    );

    let validate = Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(["validate", out.to_str().unwrap(), "--today", "2026-12-01"])
        .output()
        .unwrap();
    // Whether each 1.x service is selected depends on its terms; what matters here is
    // that every one is read, with no problem with the file itself.
    let report = stderr(&validate);
    assert!(report.contains("Read 3 services"), "{report}");
    assert!(!report.contains("feed.json: -:"), "{report}");
}

#[test]
fn a_plain_list_is_the_whole_feed_in_one_request() {
    let server = Server::start(|r| match r.page {
        Some(_) => {
            let entries = read_json(format!("{FIXTURES}/v3/page_1.json"))["contents"].clone();
            Reply::json(entries.to_string())
        }
        None => v3(r),
    });
    let dir = tempfile::tempdir().unwrap();
    let run = fetch(&server.base, &dir.path().join("feed.json"), &[]);
    let err = stderr(&run);
    assert!(
        err.contains("1 page (plain list), 2 services, 2 full records"),
        "{err}"
    );
    assert_eq!(
        server
            .targets()
            .iter()
            .filter(|t| t.contains("page="))
            .count(),
        1
    );
}

#[test]
fn a_server_that_ignores_the_page_number_is_read_once_not_forever() {
    let server = Server::start(|r| match r.page {
        Some(_) => Reply::fixture("v3/page_1.json"),
        None => v3(r),
    });
    let dir = tempfile::tempdir().unwrap();
    let run = fetch(
        &server.base,
        &dir.path().join("feed.json"),
        &["--list-only"],
    );
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert!(
        err.contains("page 2 only repeats services already listed"),
        "{err}"
    );
    assert!(
        err.contains("2 pages (ORUK 3.0), 2 services, 0 full records"),
        "{err}"
    );
}

#[test]
fn an_empty_feed_is_refused_unless_allowed_so_an_outage_never_replaces_a_good_feed() {
    let empty = r#"{"total_items": 0, "total_pages": 0, "page_number": 1, "contents": []}"#;
    let server = Server::start(move |_| Reply::json(empty.into()));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.json");
    let refused = fetch(&server.base, &out, &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("the server listed no services"),
        "{}",
        stderr(&refused)
    );
    assert!(!out.exists());
    let allowed = fetch(&server.base, &out, &["--allow-empty"]);
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    assert_eq!(read_json(&out)["empty"], true);
}

#[test]
fn requests_are_spaced_out_by_the_rate_limit() {
    let server = Server::start(v3);
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let run = fetch(
        &server.base,
        &dir.path().join("feed.json"),
        &["--rate", "25"],
    );
    let took = started.elapsed();
    assert!(run.status.success(), "{}", stderr(&run));
    // 8 requests at most 25 a second: 7 gaps of 40 ms at the least (a lower bound only,
    // which a slow machine cannot break).
    assert_eq!(server.targets().len(), 8);
    assert!(took >= Duration::from_millis(7 * 40), "{took:?}");
}
