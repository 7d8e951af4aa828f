//! `haven geocode` and `haven gazetteer`.

use super::trust::{write_file, SealOptions};
use haven::{council_by_code, AreaTable, Date, Gazetteer};
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
pub fn write(out: &Path, seal: &SealOptions) -> Result<ExitCode, String> {
    let gazetteer = Gazetteer::builtin();
    let encoded = gazetteer.encode().map_err(|e| e.to_string())?;
    let (bytes, sealed) = seal.apply(&encoded, Date::today())?;
    write_file(out, &bytes)?;
    let (sectors, districts, places) = gazetteer.counts();
    errln!("gazetteer of {sectors} sectors, {districts} districts and {places} places written to {} ({} bytes, {sealed})", out.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}
