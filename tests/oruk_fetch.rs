//! `haven oruk fetch` against a local server replaying recorded ORUK APIs
//! (tests/fixtures/oruk/fetch/). Nothing here leaves 127.0.0.1.

#[path = "fixtures/oruk/fetch/replay.rs"]
mod replay;

use replay::{v1, v3, Reply, Server, FIXTURES};
use serde_json::Value;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const S3: &str = "3f2a6c1e-8d4b-4e2a-9c71-0a5b6d7e8f03";

/// Runs `haven oruk fetch` with fast test settings (no real waiting) unless `extra`
/// sets them, and with the proxy variables removed, so the requests go straight to the
/// local server.
fn fetch(base: &str, out: &Path, extra: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_haven"));
    command
        .args(["oruk", "fetch", base, "--out"])
        .arg(out)
        .args(extra);
    for [flag, value] in [
        ["--rate", "1000"],
        ["--backoff-ms", "1"],
        ["--timeout", "10"],
    ] {
        if !extra.contains(&flag) {
            command.args([flag, value]);
        }
    }
    for var in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        command.env_remove(var);
    }
    command.output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn read_json(path: impl AsRef<Path>) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn ids(feed: &Value) -> Vec<String> {
    let contents = feed["contents"].as_array().unwrap();
    contents
        .iter()
        .map(|s| s["id"].to_string().trim_matches('"').to_owned())
        .collect()
}

#[test]
fn every_page_and_every_full_record_is_fetched_and_the_feed_imports() {
    let server = Server::start(v3);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.json");
    let run = fetch(&server.base, &out, &[]);
    let err = stderr(&run);
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
fn a_page_that_fails_with_503_once_is_retried_and_the_feed_is_complete() {
    let server = Server::start(|r| match r.page {
        Some(2) if r.nth == 0 => Reply::error(503),
        _ => v3(r),
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.json");
    let run = fetch(&server.base, &out, &[]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert!(
        err.contains("/services?page=2: HTTP 503 Service Unavailable; trying again"),
        "{err}"
    );
    assert_eq!(server.count("/services?page=2"), 2);
    assert_eq!(ids(&read_json(&out)).len(), 5);
    assert!(err.contains("5 full records, 0 failures"), "{err}");
}

#[test]
fn a_record_that_always_fails_is_reported_and_its_list_entry_kept() {
    let server = Server::start(|r| match r.path.strip_prefix("/services/") {
        Some(S3) => Reply::error(500),
        _ => v3(r),
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.json");
    let run = fetch(&server.base, &out, &["--retries", "2"]);
    let err = stderr(&run);
    assert!(
        run.status.success(),
        "a feed with one summary is still a feed: {err}"
    );
    let url = format!("{}/services/{S3}", server.base);
    assert!(
        err.contains(&format!("warning: {S3}: kept its list entry only: expected the ORUK service {S3} at {url}, found HTTP 500 Internal Server Error (3 tries)")),
        "{err}"
    );
    assert!(
        err.contains("5 services, 4 full records, 1 failure,"),
        "{err}"
    );
    assert_eq!(
        server.count(&format!("/services/{S3}")),
        3,
        "the first try and 2 retries"
    );
    let feed = read_json(&out);
    let kept = feed["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == S3)
        .unwrap();
    let listed = read_json(format!("{FIXTURES}/v3/page_2.json"))["contents"][0].clone();
    assert_eq!(kept, &listed);
}

#[test]
fn a_record_that_is_not_found_is_not_retried() {
    let server = Server::start(|r| match r.path.strip_prefix("/services/") {
        Some(S3) => Reply::error(404),
        _ => v3(r),
    });
    let dir = tempfile::tempdir().unwrap();
    let run = fetch(&server.base, &dir.path().join("feed.json"), &[]);
    assert!(
        stderr(&run).contains("found HTTP 404 Not Found"),
        "{}",
        stderr(&run)
    );
    assert_eq!(server.count(&format!("/services/{S3}")), 1);
}

#[test]
fn a_429_with_retry_after_is_waited_out_before_trying_again() {
    let server = Server::start(|r| match r.page {
        Some(1) if r.nth == 0 => {
            let mut reply = Reply::error(429);
            reply.headers.push("Retry-After: 1".into());
            reply
        }
        _ => v3(r),
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.json");
    let run = fetch(&server.base, &out, &[]);
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    assert!(
        err.contains("HTTP 429 Too Many Requests; trying again in 1.0 s"),
        "{err}"
    );
    let times = server.times("/services?page=1");
    assert_eq!(times.len(), 2);
    assert!(
        times[1] - times[0] >= Duration::from_secs(1),
        "Retry-After, not --backoff-ms"
    );
    assert_eq!(ids(&read_json(&out)).len(), 5);
}

#[test]
fn a_server_serving_html_gets_a_clear_error_and_no_file_is_written() {
    let server = Server::start(|_| Reply::fixture("not_oruk.html"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.json");
    let run = fetch(&server.base, &out, &[]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    let expected = format!(
        "haven: expected an ORUK page of services (JSON with \"contents\", or the ORUK 1.x \
         \"content\", or a list of services) at {}/services?page=1, found an HTML page (titled \
         \"Example Borough Council – Find local services\"); nothing written",
        server.base
    );
    assert!(err.contains(&expected), "{err}");
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary file left"
    );
}

#[test]
fn a_404_at_services_is_not_retried_and_leaves_the_previous_feed_untouched() {
    let server = Server::start(|_| Reply::error(404));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.json");
    std::fs::write(&out, "last week's feed").unwrap();
    let run = fetch(&server.base, &out.clone(), &["--per-page", "50"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1));
    let url = format!("{}/services?page=1&per_page=50", server.base);
    assert!(
        err.contains(&format!(
            "at {url}, found HTTP 404 Not Found; nothing written"
        )),
        "{err}"
    );
    assert_eq!(server.targets(), [url.trim_start_matches(&server.base)]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "last week's feed");
}

#[test]
fn json_without_contents_is_refused_saying_what_was_found() {
    let server = Server::start(|_| Reply::json(r#"{"data": [], "meta": {"count": 0}}"#.into()));
    let dir = tempfile::tempdir().unwrap();
    let run = fetch(&server.base, &dir.path().join("feed.json"), &[]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        err.contains(
            "found JSON without \"contents\" or \"content\" (an object with keys data, meta)"
        ),
        "{err}"
    );
}

#[test]
fn an_outpost_style_1x_feed_is_read_from_page_0_in_order() {
    let server = Server::start(v1);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("feed.json");
    let run = fetch(&server.base, &out, &[]);
    let err = stderr(&run);
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
fn an_address_where_nothing_listens_is_tried_again_then_reported() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    let run = fetch(&base, &dir.path().join("feed.json"), &["--retries", "1"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        err.contains(&format!(
            "at {base}/services?page=1, found a connection error"
        )),
        "{err}"
    );
    assert!(err.contains("(2 tries); nothing written"), "{err}");
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

#[test]
fn a_rate_of_zero_is_refused_before_anything_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let run = fetch(
        "http://127.0.0.1:9",
        &dir.path().join("feed.json"),
        &["--rate", "0"],
    );
    assert_eq!(run.status.code(), Some(2), "a usage error");
    assert!(stderr(&run).contains(
        "expected a positive number of requests per second (at least 0.001), found \"0\""
    ));
}
