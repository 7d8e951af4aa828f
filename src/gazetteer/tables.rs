//! The gazetteer's CSV tables under `data/` (derived by `make data`, compiled into the
//! CLI).

use super::{GazArea, Gazetteer, Place, Unit};
use crate::text::fold;

/// Reads the derived CSV tables. Rows that do not parse are skipped: the tables are
/// generated and checked by tests, and a bad row must not stop the tool.
pub(super) fn from_tables(areas_csv: &str, sectors_csv: &str, places_csv: &str) -> Gazetteer {
    fn rows(text: &str) -> Vec<csv::StringRecord> {
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .filter_map(Result::ok)
            .collect()
    }
    let areas: Vec<GazArea> = rows(areas_csv)
        .iter()
        .filter_map(|r| {
            Some(GazArea {
                code: r.get(0)?.into(),
                name: r.get(1)?.into(),
            })
        })
        .collect();
    let index = |code: &str| {
        areas
            .iter()
            .position(|a| a.code == code)
            .and_then(|i| u16::try_from(i).ok())
    };
    let point = |r: &csv::StringRecord| {
        Some(crate::LatLon::new(
            r.get(1)?.parse().ok()?,
            r.get(2)?.parse().ok()?,
        ))
    };
    let mut sectors: Vec<Unit> = rows(sectors_csv)
        .iter()
        .filter_map(|r| {
            Some(Unit {
                key: r.get(0)?.into(),
                point: point(r)?,
                area: index(r.get(3)?)?,
                postcodes: r.get(4)?.parse().ok()?,
            })
        })
        .collect();
    let mut places: Vec<Place> = rows(places_csv)
        .iter()
        .filter_map(|r| {
            let name = r.get(0)?.to_string();
            Some(Place {
                folded: fold(&name),
                name,
                point: point(r)?,
                area: index(r.get(3)?)?,
                population: r.get(4)?.parse().ok()?,
            })
        })
        .collect();
    sectors.sort_by(|a, b| a.key.cmp(&b.key));
    sectors.dedup_by(|a, b| a.key == b.key);
    places.sort_by(|a, b| {
        a.folded
            .cmp(&b.folded)
            .then(b.population.cmp(&a.population))
    });
    // Sorted and deduplicated just above, so the order checks cannot fail.
    Gazetteer::new(areas, sectors, places).unwrap_or_else(|_| Gazetteer::empty())
}
