//! `haven oruk export`: Haven's directory as ORUK 3.0 that the standard's own schema
//! accepts, and that Haven reads back as the same directory.

use haven::{oruk_page, Date, Input, Pipeline, Place, Report};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn root(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}

fn pipeline() -> Pipeline {
    Pipeline::new(Date::parse("2026-12-01").unwrap())
}

fn starter() -> Report {
    let text = std::fs::read_to_string(root("data/directory.json")).unwrap();
    let report = pipeline().check(&[Input::text("directory.json", text)]);
    assert!(!report.has_errors(), "{}", report.render());
    report
}

fn export(report: &Report) -> Value {
    let bundle = pipeline()
        .bundle(Report {
            services: report.services.clone(),
            ..Report::default()
        })
        .unwrap();
    oruk_page(&bundle.services, &bundle.areas)
}

#[test]
fn every_exported_service_validates_against_the_oruk_3_schema_formats_included() {
    let schema_path = "tests/fixtures/oruk/service.schema.json";
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(root(schema_path)).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    // The check can fail: an id that is not a UUID, a status ORUK does not know.
    let mut wrong = serde_json::json!({"id": "bedford-idva", "name": "x", "status": "open"});
    assert_eq!(validator.iter_errors(&wrong).count(), 2);
    wrong["id"] = "0b9b6c1e-3a5d-4f6e-8a7b-9c0d1e2f3a4b".into();
    wrong["status"] = "active".into();
    assert!(validator.is_valid(&wrong));
    let page = export(&starter());
    let services = page["contents"].as_array().unwrap();
    assert!(services.len() >= 40);
    for service in services {
        let errors: Vec<String> = validator
            .iter_errors(service)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", service["name"]);
    }
}

#[test]
fn importing_the_export_gives_the_same_directory() {
    let report = starter();
    let text = export(&report).to_string();
    let again = pipeline().check(&[Input::text("export.json", text)]);
    assert!(!again.has_errors(), "{}", again.render());
    assert_eq!(again.tally.selected, report.services.len());
    for (before, after) in report.services.iter().zip(&again.services) {
        assert_eq!(before, after);
    }
    assert_eq!(again.services.len(), report.services.len());
}

#[test]
fn a_confidential_service_is_exported_by_its_council_area_only() {
    let report = starter();
    let page = export(&report);
    let confidential: Vec<&Value> = page["contents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["attributes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["taxonomy_term"]["term"] == "confidential")
        })
        .collect();
    let refuges = report
        .services
        .iter()
        .filter(|s| matches!(s.place, Place::Area { .. }))
        .count();
    assert_eq!(confidential.len(), refuges);
    assert!(refuges >= 3);
    for s in confidential {
        assert!(s.get("service_at_locations").is_none(), "{s}");
        let text = s.to_string();
        assert!(
            !text.contains("latitude") && !text.contains("postal_code"),
            "{text}"
        );
    }
}

#[test]
fn the_command_exports_a_bundle_and_its_inputs_alike() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("directory.bin");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_haven"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let input = root("data/directory.json");
    let b = bundle.display().to_string();
    run(&["build", &input, "--out", &b, "--today", "2026-12-01"]);
    let from_bundle = dir.path().join("a.json").display().to_string();
    let from_input = dir.path().join("b.json").display().to_string();
    run(&["oruk", "export", &b, "--out", &from_bundle]);
    run(&[
        "oruk",
        "export",
        &input,
        "--out",
        &from_input,
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(
        std::fs::read_to_string(&from_bundle).unwrap(),
        std::fs::read_to_string(&from_input).unwrap()
    );
}
