//! The gazetteer's two forms: the CSV tables under `data/` (derived by `make data`,
//! compiled into the CLI) and the binary file the page loads (header `HAVENGAZ`, then
//! postcard; sectors grouped under their district so the district is written once).

use super::{GazArea, Gazetteer, Place, Unit};
use crate::bundle::{unwrap, wrap, BundleError, GAZETTEER};
use crate::geometry::{dequantise, quantise};
use crate::text::fold;
use serde::{Deserialize, Serialize};

/// A sector within its district: (digit, point, area, postcodes).
type SectorRecord = (u8, (i32, i32), u16, u32);
/// A district and its sectors.
type DistrictRecord = (String, Vec<SectorRecord>);

#[derive(Serialize, Deserialize)]
struct Body {
    areas: Vec<(String, String)>,
    /// (district, [(sector digit, point, area, postcodes)]).
    districts: Vec<DistrictRecord>,
    /// (name, point, area, population).
    places: Vec<(String, (i32, i32), u16, u32)>,
}

/// Reads the derived CSV tables. Rows that do not parse are skipped: the tables are
/// generated and checked by tests, and a bad row must not stop the tool.
#[cfg(not(target_arch = "wasm32"))]
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

pub(super) fn encode(g: &Gazetteer) -> Vec<u8> {
    let mut districts: Vec<DistrictRecord> = Vec::new();
    for s in &g.sectors {
        let (district, digit) = s.key.split_once(' ').unwrap_or((&s.key, "0"));
        let digit = digit.bytes().next().map_or(0, |b| b.wrapping_sub(b'0'));
        if districts.last().is_none_or(|(d, _)| d != district) {
            districts.push((district.to_string(), Vec::new()));
        }
        if let Some((_, list)) = districts.last_mut() {
            list.push((digit, quantise(s.point), s.area, s.postcodes));
        }
    }
    let body = Body {
        areas: g
            .areas
            .iter()
            .map(|a| (a.code.clone(), a.name.clone()))
            .collect(),
        districts,
        places: g
            .places
            .iter()
            .map(|p| (p.name.clone(), quantise(p.point), p.area, p.population))
            .collect(),
    };
    // Serialising owned strings and numbers into a Vec cannot fail.
    wrap(GAZETTEER, &postcard::to_allocvec(&body).unwrap_or_default())
}

pub(super) fn decode(bytes: &[u8]) -> Result<Gazetteer, BundleError> {
    let body: Body = postcard::from_bytes(unwrap(GAZETTEER, bytes)?)
        .map_err(|e| BundleError::Payload(e.to_string()))?;
    let n_areas = body.areas.len();
    let bad = |m: String| BundleError::Inconsistent(m);
    let area = |a: u16| {
        if usize::from(a) < n_areas {
            Ok(a)
        } else {
            Err(bad(format!(
                "area number {a} is beyond the {n_areas} areas"
            )))
        }
    };
    let point = |q: (i32, i32)| {
        dequantise(q).ok_or_else(|| {
            bad(format!(
                "coordinate steps {},{} lie off the globe",
                q.0, q.1
            ))
        })
    };
    let mut sectors = Vec::new();
    for (district, list) in body.districts {
        if !super::is_outward(&district) {
            return Err(bad(format!("\"{district}\" is not a postcode district")));
        }
        for (digit, q, a, postcodes) in list {
            if digit > 9 {
                return Err(bad(format!("sector digit {digit} in {district}")));
            }
            sectors.push(Unit {
                key: format!("{district} {digit}"),
                point: point(q)?,
                area: area(a)?,
                postcodes,
            });
        }
    }
    let places = body
        .places
        .into_iter()
        .map(|(name, q, a, population)| {
            Ok(Place {
                folded: fold(&name),
                name,
                point: point(q)?,
                area: area(a)?,
                population,
            })
        })
        .collect::<Result<Vec<_>, BundleError>>()?;
    let areas = body
        .areas
        .into_iter()
        .map(|(code, name)| GazArea { code, name })
        .collect();
    Gazetteer::new(areas, sectors, places).map_err(bad)
}
