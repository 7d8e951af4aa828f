//! Where an ORUK service is and what it serves: its first physical location, and its
//! service areas as coverage (GSS codes, "UK", a nation, or a council's name).

use super::{list, text};
use crate::areas::{is_gss_code, AreaTable};
use crate::input::{RawLocation, RawService};
use crate::problem::Problem;
use crate::text::fold;
use serde_json::Value;

pub(super) fn read_location(s: &Value, raw: &mut RawService) {
    let location = list(s, "service_at_locations")
        .iter()
        .filter_map(|sal| sal.get("location"))
        .find(|l| text(l, "location_type").as_deref() != Some("virtual"));
    let Some(loc) = location else { return };
    // 3.0 `addresses`; 1.x `physical_addresses`.
    let address = list(loc, "addresses")
        .first()
        .or_else(|| list(loc, "physical_addresses").first());
    let lines: Vec<String> = address
        .map(|a| {
            ["address_1", "city"]
                .iter()
                .filter_map(|k| text(a, k))
                .collect()
        })
        .unwrap_or_default();
    raw.location = Some(RawLocation {
        lat: loc.get("latitude").and_then(number),
        lon: loc.get("longitude").and_then(number),
        address: (!lines.is_empty()).then(|| lines.join(", ")),
        postcode: address.and_then(|a| text(a, "postal_code")),
    });
}

/// A number, or a numeric string (CSV-derived feeds write "52.1").
fn number(v: &Value) -> Option<f64> {
    v.as_f64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

pub(super) fn read_service_areas(
    file: &str,
    label: &str,
    s: &Value,
    raw: &mut RawService,
    problems: &mut Vec<Problem>,
) {
    for (i, area) in list(s, "service_areas").iter().enumerate() {
        let candidates: Vec<String> = ["uri", "extent", "name", "service_area"]
            .iter()
            .filter_map(|k| text(area, k))
            .collect();
        let code = candidates.iter().find_map(|c| {
            let last = c.rsplit('/').next().unwrap_or(c);
            if is_gss_code(last) {
                return Some(last.to_string());
            }
            match fold(c).as_str() {
                "uk" | "united kingdom" | "national" => Some("uk".into()),
                "england" | "wales" | "scotland" | "northern ireland" => {
                    Some(fold(c).replace(' ', "_"))
                }
                // "Bristol": a council by name, through Haven's own table.
                _ => council_areas().by_name(c).map(|a| a.code.clone()),
            }
        });
        match code {
            Some(code) if !raw.coverage.contains(&code) => raw.coverage.push(code),
            Some(_) => {}
            None => problems.push(Problem::warning(
                file,
                label,
                &format!("service_areas[{i}]"),
                "expected a GSS code (in uri or extent), a council's name, \"UK\" or a nation; this service area is not used for coverage",
            )),
        }
    }
}

/// The council areas, read once.
fn council_areas() -> &'static AreaTable {
    static AREAS: std::sync::OnceLock<AreaTable> = std::sync::OnceLock::new();
    AREAS.get_or_init(AreaTable::builtin)
}
