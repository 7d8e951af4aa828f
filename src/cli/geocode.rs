//! `haven geocode` and `haven gazetteer`.

use haven::{council_by_code, AreaTable, Gazetteer};
use std::path::Path;
use std::process::ExitCode;

/// Resolves a council's GSS code, a postcode or a place and prints where it is.
pub fn run(query: &str, json: bool) -> Result<ExitCode, String> {
    let answer = council_by_code(&AreaTable::builtin(), query)
        .or_else(|| Gazetteer::builtin().geocode(query))
        .ok_or_else(|| format!("no postcode or place matches \"{}\"", query.trim()))?;
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&answer).map_err(|e| e.to_string())?
        );
    } else {
        outln!(
            "{} ({:.5}, {:.5}), {} {}, {}",
            answer.label,
            answer.lat,
            answer.lon,
            answer.area_name,
            answer.area_code,
            answer.precision
        );
        for c in answer.candidates.iter().skip(1) {
            outln!(
                "  also: {} ({:.5}, {:.5}), {}",
                c.label,
                c.lat,
                c.lon,
                c.area_code
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the gazetteer file the page loads.
pub fn write(out: &Path) -> Result<ExitCode, String> {
    let gazetteer = Gazetteer::builtin();
    let bytes = gazetteer.encode().map_err(|e| e.to_string())?;
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    let (sectors, districts, places) = gazetteer.counts();
    eprintln!("gazetteer of {sectors} sectors, {districts} districts and {places} places written to {} ({} bytes)", out.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}
