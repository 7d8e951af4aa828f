//! Open Referral UK 3.0 input: a page of services maps onto Haven's model.

mod common;

use haven::{Community, Kind, Need, Place};

fn fixture() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/oruk/domestic_abuse_services.json"
    ))
    .unwrap()
}

#[test]
fn a_refuge_imported_with_its_address_is_refused_unless_coarsening_is_allowed() {
    let strict = common::check("oruk.json", &fixture(), false);
    let errors: Vec<String> = strict
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("9d2e7b10-2c44-4f0a-8b1e-77aa0c3d5e02: location: a confidential service must not carry coordinates"));

    let coarse = common::check("oruk.json", &fixture(), true);
    assert!(!coarse.has_errors(), "{:#?}", coarse.problems);
    let refuge = coarse
        .services
        .iter()
        .find(|s| s.name == "Example Refuge")
        .unwrap();
    assert_eq!(refuge.kind, Kind::Refuge);
    assert_eq!(
        refuge.place,
        Place::Area {
            area: "E06000055".into()
        },
        "placed in the council area of its dropped coordinates"
    );
    assert_eq!(refuge.eligibility.need(Need::Nrpf), Some(true));
    assert_eq!(
        refuge.eligibility.need(Need::Wheelchair),
        None,
        "nothing is guessed"
    );
}

#[test]
fn taxonomy_terms_locations_contacts_and_schedules_map_to_the_model() {
    let report = common::check("oruk.json", &fixture(), true);
    let s = report
        .services
        .iter()
        .find(|s| s.id == "6f1c2a34-5b1e-4d7e-9a55-1c0f4e2b9a01")
        .unwrap();
    assert_eq!(s.kind, Kind::Outreach);
    assert_eq!(
        s.organisation.as_deref(),
        Some("Example Domestic Abuse Charity")
    );
    assert_eq!(s.eligibility.min_age, Some(16));
    assert_eq!(s.eligibility.need(Need::Wheelchair), Some(true));
    assert_eq!(s.communities, vec![Community::SouthAsian]);
    assert_eq!(
        s.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
        ["pa", "ur"]
    );
    assert_eq!(s.contact.phones[0].number, "01632 960123");
    assert_eq!(
        s.contact.phones[0].hours.as_deref(),
        Some("Wednesdays 10am to 2pm")
    );
    assert_eq!(s.hours.as_deref(), Some("WE 10:00–14:00"));
    assert_eq!(s.provenance.verified_on.to_string(), "2026-10-01");
    assert!(s.provenance.source.contains("Open Referral UK"));
    match &s.place {
        Place::Exact {
            postcode,
            address,
            area,
            ..
        } => {
            assert_eq!(postcode.as_deref(), Some("MK40 1AA"));
            assert_eq!(address.as_deref(), Some("1 Example Street, Bedford"));
            assert_eq!(area, "E06000055");
        }
        other => panic!("expected an exact place, found {other:?}"),
    }
}

#[test]
fn a_single_service_a_list_and_a_page_are_all_read() {
    let page = fixture();
    let value: serde_json::Value = serde_json::from_str(&page).unwrap();
    let list = value["contents"].to_string();
    let single = value["contents"][0].to_string();
    for (name, text, count) in [
        ("page", page.as_str(), 2),
        ("list", list.as_str(), 2),
        ("single", single.as_str(), 1),
    ] {
        let report = common::check(name, text, true);
        assert_eq!(
            report.services.len(),
            count,
            "{name}: {:#?}",
            report.problems
        );
    }
    let standard_list = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/oruk/service_list.json"
    ))
    .unwrap();
    let report = common::check("service_list.json", &standard_list, true);
    assert!(
        report.problems.iter().any(|p| p
            .to_string()
            .contains("total_pages: warning: this is page 1 of 10")),
        "{:#?}",
        report.problems
    );
}

/// A council's service in its own taxonomy, as real feeds publish them.
fn council_service(id: &str, name: &str, term: &str) -> serde_json::Value {
    serde_json::json!({
        "id": id, "name": name, "description": "A council service.", "status": "active",
        "assured_date": "2026-10-01",
        "attributes": [{"id": format!("a-{id}"), "taxonomy_term": {
            "id": format!("t-{id}"), "name": term, "code": term.to_lowercase(), "taxonomy": "Example City Council services"
        }}],
        "service_areas": [{"id": format!("sa-{id}"), "name": "E06000055"}]
    })
}

#[test]
fn council_terms_that_only_share_words_with_haven_never_make_a_domestic_abuse_service() {
    let feed = serde_json::json!([
        council_service("s1", "Refugee welcome", "Refugees/Asylum Seekers"),
        council_service("s2", "Ukraine hub", "Support for Ukrainian refugees"),
        council_service("s3", "Street team", "Homeless outreach"),
        council_service("s4", "Mind advocacy", "Mental health advocacy"),
        council_service("s5", "Peer group", "Peer support"),
        council_service("s6", "Advice centre", "Legal advice"),
        council_service("s7", "Nursery", "Children"),
        council_service("s8", "Youth club", "Outreach"),
        council_service("s9", "Example IDVA service", "IDVA"),
    ]);
    let report = common::check("council.json", &feed.to_string(), false);
    let imported: Vec<(&str, Kind)> = report
        .services
        .iter()
        .map(|s| (s.id.as_str(), s.kind))
        .collect();
    assert_eq!(imported, [("s9", Kind::Advocacy)], "{:#?}", report.problems);
    // The others are not taken at all: counted, never errors, never a kind.
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!(
        (
            report.tally.read,
            report.tally.selected,
            report.tally.not_selected
        ),
        (9, 1, 8)
    );
}

#[test]
fn what_real_feeds_do_is_read_bom_numeric_ids_no_limit_ages_labelled_phones_bare_www_and_council_names(
) {
    // An Outpost-style ORUK 1.x page: `content` with `totalPages` and a zero-based `number`.
    let page = serde_json::json!({
        "totalElements": 820, "totalPages": 17, "number": 0, "size": 50,
        "content": [{
            "id": 4021, "name": "Bristol IDVA service",
            "description": "<p>Advocacy for survivors &amp; their children.</p><p>Ask for an <b>IDVA</b>.</p>",
            "status": "active", "assured_date": "2026-09-30", "url": "www.example-idva.org.uk",
            "minimum_age": -1, "maximum_age": -1,
            "attributes": [{"id": "a1", "taxonomy_term": {"id": "t1", "name": "IDVA"}}],
            "phones": [{"id": "p1", "number": "Bristol Youth MAPS: 0117 332 7111"}],
            "service_areas": [{"id": "sa1", "name": "Bristol"}]
        }]
    });
    let text = format!("\u{feff}{page}");
    let report = common::check("outpost.json", &text, false);
    assert_eq!(report.services.len(), 1, "{:#?}", report.problems);
    let s = &report.services[0];
    assert_eq!(s.id, "4021");
    assert_eq!(s.kind, Kind::Advocacy);
    assert_eq!(
        (s.eligibility.min_age, s.eligibility.max_age),
        (None, None),
        "-1 is no limit, not stated"
    );
    assert_eq!(s.contact.phones[0].number, "0117 332 7111");
    assert_eq!(
        s.contact.phones[0].label.as_deref(),
        Some("Bristol Youth MAPS")
    );
    assert_eq!(
        s.contact.web.as_deref(),
        Some("https://www.example-idva.org.uk")
    );
    assert_eq!(s.coverage, [haven::Coverage::Area("E06000023".into())]);
    let warnings: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        warnings.iter().any(|w| w.contains("4021: url: warning")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("totalPages: warning: this is page 1 of 17")),
        "{warnings:#?}"
    );
    assert!(
        report.problems.iter().all(|p| !p.is_error()),
        "{warnings:#?}"
    );
}

#[test]
fn a_refuge_with_neither_area_nor_location_gets_one_error_for_its_one_cause() {
    let mut refuge = council_service("r1", "Example Women's Refuge", "Refuge");
    let served = refuge.as_object_mut().unwrap().remove("service_areas");
    let one_area = serde_json::json!([council_service("r2", "Example Women's Refuge", "Refuge")]);
    let report = common::check("council.json", &one_area.to_string(), false);
    assert_eq!(
        report.services[0].place.area(),
        Some("E06000055"),
        "a refuge serving one council is known by that council: {served:?}"
    );
    let feed = serde_json::json!([refuge]);
    let report = common::check("council.json", &feed.to_string(), false);
    let errors: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| format!("{}: {}", p.field, p.message))
        .collect();
    assert_eq!(
        errors,
        ["area: a confidential service needs its council area (GSS code), the only place it is known by"]
    );
}
