//! `haven synth`.

use haven::Date;
use std::path::Path;
use std::process::ExitCode;

/// Writes a synthetic directory.
pub fn run(count: usize, seed: u64, out: &Path) -> Result<ExitCode, String> {
    let directory = haven::synth::synthesize(count, seed, Date::today());
    let text = serde_json::to_string_pretty(&directory).map_err(|e| e.to_string())?;
    std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))?;
    errln!("{count} synthetic services written to {}", out.display());
    Ok(ExitCode::SUCCESS)
}
