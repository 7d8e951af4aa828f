//! A council's feed as its maintainer works with it: recorded real-shaped feeds
//! (tests/fixtures/oruk/council/, written by tools/council-feeds.py), a mapping beside
//! them, the report they read and the candidates they review.

use haven::{Date, Gender, Input, Kind, Language, Need, Pipeline, Place, Referral, Report};
use std::path::Path;
use std::process::Command;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/oruk/council")
        .join(name)
        .display()
        .to_string()
}

fn pipeline() -> Pipeline {
    Pipeline::new(Date::parse("2026-12-01").unwrap())
}

fn inputs(names: &[&str]) -> Vec<Input> {
    names
        .iter()
        .map(|n| Input::text(*n, std::fs::read_to_string(fixture(n)).unwrap()))
        .collect()
}

fn with_mapping(names: &[&str], mapping: &str) -> Report {
    let p = pipeline();
    let mapping = p.read_mapping("mapping.toml", mapping).unwrap();
    p.mapping(Some(mapping)).check(&inputs(names))
}

fn maintainers_mapping() -> String {
    std::fs::read_to_string(fixture("mapping.toml")).unwrap()
}

const PAGES: [&str; 2] = ["outpost-page-0.json", "outpost-page-1.json"];

#[test]
fn a_feed_in_two_pages_imports_what_the_mapping_selects_and_only_counts_the_rest() {
    let report = with_mapping(&PAGES, &maintainers_mapping());
    let t = report.tally;
    assert_eq!(
        (t.read, t.selected, t.not_selected, t.inactive),
        (50, 5, 43, 2)
    );
    assert!(!report.has_errors(), "{}", report.render());
    let kinds: Vec<(&str, Kind)> = report
        .services
        .iter()
        .map(|s| (s.id.as_str(), s.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("4009", Kind::Outreach),
            ("4019", Kind::Advocacy),
            ("4029", Kind::Advocacy),
            ("4039", Kind::Refuge),
            ("4049", Kind::Sanctuary),
        ]
    );
    assert!(
        !report.problems.iter().any(|p| p.field == "totalPages"),
        "both pages were given: {}",
        report.render()
    );
}

#[test]
fn one_page_of_two_says_which_page_is_missing() {
    let report = with_mapping(&PAGES[..1], &maintainers_mapping());
    let warning = report
        .problems
        .iter()
        .find(|p| p.field == "totalPages")
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        warning.contains("this is page 1 of 2; page 2 is missing"),
        "{warning}"
    );
}

#[test]
fn every_key_of_a_service_rule_reaches_the_service_and_beats_its_term_rule() {
    let report = with_mapping(&PAGES, &maintainers_mapping());
    let refuge = report.services.iter().find(|s| s.id == "4039").unwrap();
    // Its term rule says outreach; its own rule says refuge, confidential.
    assert_eq!(refuge.kind, Kind::Refuge);
    assert_eq!(
        refuge.place,
        Place::Area {
            area: "E06000023".into()
        },
        "known only by the area the term rule names"
    );
    let e = &refuge.eligibility;
    assert_eq!(e.accepts_gender(Gender::Woman), Some(true));
    assert_eq!(e.accepts_gender(Gender::Man), Some(false));
    assert_eq!((e.children, e.max_boy_age), (Some(true), Some(15)));
    assert_eq!(e.need(Need::Wheelchair), Some(true));
    assert_eq!(e.need(Need::Nrpf), Some(false));
    assert_eq!(e.need(Need::Pets), None, "not stated stays unknown");
    assert_eq!(
        refuge
            .communities
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>(),
        ["south_asian"]
    );
    assert_eq!(
        refuge.languages,
        [
            Language::parse("pa").unwrap(),
            Language::parse("ur").unwrap()
        ]
    );
    assert_eq!(
        refuge.referral,
        [
            Referral::SelfReferral,
            Referral::Professional,
            Referral::Helpline
        ]
    );
    let idva = report.services.iter().find(|s| s.id == "4019").unwrap();
    assert_eq!(
        idva.referral,
        [Referral::SelfReferral, Referral::Professional]
    );
    let sv = report.services.iter().find(|s| s.id == "4029").unwrap();
    assert_eq!(sv.eligibility.accepts_gender(Gender::NonBinary), Some(true));
}

#[test]
fn what_real_feeds_write_arrives_as_a_survivor_should_read_it() {
    let report = with_mapping(&PAGES, &maintainers_mapping());
    let outreach = report.services.iter().find(|s| s.id == "4009").unwrap();
    assert!(
        !outreach.description.contains('<') && !outreach.description.contains("&nbsp;"),
        "{:?}",
        outreach.description
    );
    assert!(outreach.description.contains("Safety planning"));
    assert_eq!(
        (outreach.eligibility.min_age, outreach.eligibility.max_age),
        (None, None),
        "-1 means no limit, which is not stated"
    );
    assert_eq!(
        outreach.hours.as_deref(),
        Some("Monday 09:00–17:00; Wednesday 09:00–13:00")
    );
    // "Example Team 49: 0117 496 0049": the words before the colon are a label.
    let labelled = &report
        .services
        .iter()
        .find(|s| s.id == "4049")
        .unwrap()
        .contact
        .phones[0];
    assert_eq!(labelled.number, "0117 496 0049");
    assert_eq!(labelled.label.as_deref(), Some("Example Team 49"));
    assert_eq!(
        outreach.contact.web.as_deref(),
        Some("https://www.example-9.org.uk")
    );
}

#[test]
fn mistakes_in_a_mapping_are_errors_naming_the_table_and_key() {
    let p = pipeline();
    let unknown_key = p
        .read_mapping("m.toml", "[services.\"1\"]\nkindd = \"refuge\"\n")
        .unwrap_err();
    assert!(
        unknown_key[0].to_string().contains("unknown field `kindd`"),
        "{unknown_key:?}"
    );
    let bad_kind = p
        .read_mapping("m.toml", "[terms.\"Domestic abuse\"]\nkind = \"shelter\"\n")
        .unwrap_err();
    assert!(
        bad_kind[0].to_string().contains("unknown kind \"shelter\""),
        "{bad_kind:?}"
    );
    let bad_area = p
        .read_mapping("m.toml", "[terms.\"Domestic abuse\"]\narea = \"Bristl\"\n")
        .unwrap_err();
    assert_eq!(
        bad_area[0].to_string(),
        "m.toml: [terms.\"Domestic abuse\"]: area: expected a council's GSS code or name, such as \"E06000023\" or \"Bristol\"; found \"Bristl\", which is neither"
    );
    let bad_need = p
        .read_mapping("m.toml", "[services.\"1\"]\nneeds = [\"jacuzzi\"]\n")
        .unwrap_err();
    assert!(bad_need[0].to_string().contains("m.toml"), "{bad_need:?}");
}

#[test]
fn rules_and_selections_that_match_nothing_are_reported_as_likely_typos() {
    let report = with_mapping(
        &PAGES,
        "[select]\nterms = [\"Domestic abuse\", \"Domestik abuse\"]\nids = [\"9999\"]\n[services.\"4019\"]\nkind = \"advocacy\"\n[terms.\"Domestic abuse\"]\nkind = \"outreach\"\n",
    );
    let lines: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    for expected in [
        "mapping.toml: [select]: ids: warning: no service in the inputs has the id \"9999\"",
        "mapping.toml: [terms.\"domestik abuse\"]: -: warning: no service in the inputs has this term",
        "mapping.toml: [services.\"4019\"]: -: warning: [select] does not take this service",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(expected)),
            "{expected} in {lines:#?}"
        );
    }
}

#[test]
fn a_selected_service_with_no_kind_gets_one_error_in_the_feeds_words() {
    let report = with_mapping(&PAGES, "[select]\nterms = [\"Sexual violence\"]\n");
    let errors: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| format!("{}: {}: {}", p.record, p.field, p.message))
        .collect();
    assert_eq!(errors.len(), 1, "one service, one cause: {errors:#?}");
    assert!(
        errors[0].starts_with("4029: kind: expected a taxonomy term naming a Haven kind")
            && errors[0].contains("a kind rule in mapping.toml")
            && errors[0].ends_with("its terms are Sexual violence"),
        "{errors:?}"
    );
}

#[test]
fn candidates_are_the_unselected_services_that_speak_of_abuse_never_refugees() {
    let report = pipeline().check(&inputs(&["openplace-list.json"]));
    assert_eq!(report.tally.read, 200);
    assert!(report.services.is_empty());
    let found: Vec<String> = report
        .candidates()
        .iter()
        .filter_map(|c| c.service.name.clone())
        .collect();
    assert_eq!(found.len(), 8, "{found:#?}");
    assert!(
        found.iter().all(|n| n.starts_with("Example ")),
        "{found:#?}"
    );
    assert!(!found
        .iter()
        .any(|n| n.contains("Refugee") || n.contains("Ukraine")));
    let refuge = report
        .candidates()
        .into_iter()
        .find(|c| c.service.name.as_deref() == Some("Example Women's Refuge 99"))
        .unwrap();
    assert_eq!(refuge.topics, ["refuge", "domestic abuse"]);
}

#[test]
fn an_oruk_3_record_with_a_council_term_imports_through_a_term_rule() {
    let report = with_mapping(
        &["oruk3-record.json"],
        "[terms.\"Domestic abuse\"]\nkind = \"helpline\"\n[select]\nterms = [\"Domestic abuse\"]\n",
    );
    assert!(!report.has_errors(), "{}", report.render());
    let helpline = &report.services[0];
    assert_eq!(helpline.kind, Kind::Helpline);
    assert_eq!(
        helpline.description,
        "Free, confidential advice by phone.\n\nOpen to anyone in Bristol."
    );
    assert_eq!(helpline.eligibility.min_age, Some(16));
    assert_eq!(
        helpline.contact.phones[0].label.as_deref(),
        Some("Bristol Youth MAPS")
    );
    assert_eq!(helpline.provenance.date.as_deref(), Some("2026-10-21"));
}

#[test]
fn the_maintainers_command_prints_the_summary_first_and_exits_0() {
    let mut args = vec!["validate".to_string()];
    args.extend(PAGES.iter().map(|p| fixture(p)));
    args.extend([
        "--mapping".into(),
        fixture("mapping.toml"),
        "--today".into(),
        "2026-12-01".into(),
    ]);
    let out = Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(&args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with("Read 50 services: 5 selected, 43 not selected, 2 inactive.\nImported 5 of the 5 selected"),
        "{stderr}"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_haven"))
        .args([
            "validate",
            &fixture("oruk3-page.json"),
            "--mapping",
            &fixture("oruk3-page.json"),
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("expected a Haven mapping"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}
