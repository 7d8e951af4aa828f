//! `haven oruk fetch` when the server fails: retries, what is reported, and a previous
//! feed never replaced by a broken one. Nothing here leaves 127.0.0.1.

// Each test file uses part of the replay server and of the helpers.
#[allow(dead_code)]
#[path = "fixtures/oruk/fetch/replay.rs"]
mod replay;
#[allow(dead_code)]
#[path = "fixtures/oruk/fetch/run.rs"]
mod run;

use replay::{v3, Reply, Server, FIXTURES};
use run::{fetch, fetch_fresh, ids, read_json, stderr};
use std::net::TcpListener;
use std::time::Duration;

const S3: &str = "3f2a6c1e-8d4b-4e2a-9c71-0a5b6d7e8f03";

#[test]
fn a_page_that_fails_with_503_once_is_retried_and_the_feed_is_complete() {
    let server = Server::start(|r| match r.page {
        Some(2) if r.nth == 0 => Reply::error(503),
        _ => v3(r),
    });
    let (_dir, out, run, err) = fetch_fresh(&server.base, &[]);
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
    let (_dir, out, run, err) = fetch_fresh(&server.base, &["--retries", "2"]);
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
    let (_dir, out, run, err) = fetch_fresh(&server.base, &[]);
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
    let (dir, out, run, err) = fetch_fresh(&server.base, &[]);
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
