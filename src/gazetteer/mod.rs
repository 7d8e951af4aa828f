//! The offline gazetteer: postcodes and place names to a location and council area, on
//! the device. Postcode sectors ("MK40 1") and districts ("MK40") resolve to the mean of
//! their postcodes; a full postcode resolves to its sector (full postcodes are never
//! shipped); places come from GeoNames and the council areas' own names. Every answer
//! carries its council area and its precision, and a name that matches nothing can be
//! answered with the names nearest it (`spelling`).

mod answer;
mod best;
mod council;
mod edit_distance;
mod file;
mod postcode;
mod spelling;
mod tables;

pub use answer::{Answer, Candidate, Precision};
use best::keep_best;
pub use council::council_by_code;
pub(crate) use postcode::is_outward;
use postcode::PostcodeQuery;

use crate::areas::spoken_name;
use crate::container::{FileError, WriteError};
use crate::geometry::LatLon;
use crate::text::{all_words_prefix, fold};
use std::cmp::Ordering;

/// A council area as the gazetteer knows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GazArea {
    pub code: String,
    pub name: String,
}

/// A postcode sector or district.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    /// "MK40 1" or "MK40".
    pub key: String,
    pub point: LatLon,
    pub area: u16,
    /// Postcodes in it, to weight district means.
    pub postcodes: u32,
}

/// A named place.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Place {
    pub name: String,
    pub folded: String,
    pub point: LatLon,
    pub area: u16,
    pub population: u32,
}

/// The gazetteer, searchable.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    areas: Vec<GazArea>,
    /// Sorted by key.
    sectors: Vec<Unit>,
    /// Sorted by key; each the postcode-weighted mean of its sectors.
    districts: Vec<Unit>,
    /// Sorted by folded name, then most populous first.
    places: Vec<Place>,
    /// Each sector's centroid as a unit vector (`LatLon::tree_key`), in sector order:
    /// the nearest by straight line is the nearest on the globe.
    sector_vectors: Vec<[f32; 3]>,
}

// The longest text worth looking up; anything longer matches nothing.
use crate::limits::{MAX_PLACE_CHARS as MAX_QUERY, MAX_SUGGESTIONS};

impl Gazetteer {
    /// Builds the searchable gazetteer from parts already in order: sectors by key
    /// (unique), places by folded name then most populous first. The file is written in
    /// that order, so loading checks it rather than sorting (sorting code costs wasm).
    pub(crate) fn new(
        areas: Vec<GazArea>,
        sectors: Vec<Unit>,
        places: Vec<Place>,
    ) -> Result<Gazetteer, String> {
        if let Some(w) = sectors.windows(2).find(|w| w[0].key >= w[1].key) {
            return Err(format!(
                "sectors out of order: \"{}\" before \"{}\"",
                w[0].key, w[1].key
            ));
        }
        let in_order = |a: &Place, b: &Place| {
            a.folded < b.folded || (a.folded == b.folded && a.population >= b.population)
        };
        if let Some(w) = places.windows(2).find(|w| !in_order(&w[0], &w[1])) {
            return Err(format!(
                "places out of order: \"{}\" before \"{}\"",
                w[0].name, w[1].name
            ));
        }
        // Districts come out in order: a district's sectors ("B1 1") sort before those
        // of any longer district it begins ("B10 1"), as the district names do.
        let districts = districts_of(&sectors);
        let sector_vectors = sectors.iter().map(|s| s.point.tree_key()).collect();
        Ok(Gazetteer {
            areas,
            sectors,
            districts,
            places,
            sector_vectors,
        })
    }

    /// A gazetteer that knows nothing.
    pub(crate) fn empty() -> Gazetteer {
        Gazetteer {
            areas: vec![],
            sectors: vec![],
            districts: vec![],
            places: vec![],
            sector_vectors: vec![],
        }
    }

    /// The gazetteer derived from ONS and GeoNames data, compiled in from
    /// `data/sectors.csv`, `data/places.csv` and `data/areas.csv` (the CLI uses this; the
    /// page loads `gazetteer.bin`, written from it).
    pub fn builtin() -> Gazetteer {
        let tables = tables::from_tables(
            include_str!("../../data/areas.csv"),
            include_str!("../../data/sectors.csv"),
            include_str!("../../data/places.csv"),
        );
        // Through the file and back, so the CLI answers exactly as the page does.
        tables
            .encode()
            .ok()
            .and_then(|bytes| Gazetteer::decode(&bytes).ok())
            .unwrap_or(tables)
    }

    /// How many sectors, districts and places it holds.
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.sectors.len(), self.districts.len(), self.places.len())
    }

    fn area(&self, index: u16) -> (&str, &str) {
        self.areas
            .get(usize::from(index))
            .map_or(("", ""), |a| (a.code.as_str(), a.name.as_str()))
    }

    // Labels name the council as people say it; `area_name` stays the ONS name, which
    // other code matches on.
    fn unit_answer(&self, unit: &Unit, precision: Precision) -> Candidate {
        let (code, name) = self.area(unit.area);
        Candidate::new(
            format!("{}, {}", unit.key, spoken_name(name)),
            unit.point,
            code,
            name,
            precision,
        )
    }

    fn place_answer(&self, place: &Place) -> Candidate {
        let (code, name) = self.area(place.area);
        let spoken = spoken_name(name);
        // A place named as its council ("Herefordshire", "Glasgow City") is named once.
        let label = if fold(name) == place.folded || fold(spoken) == place.folded {
            place.name.clone()
        } else {
            format!("{}, {spoken}", place.name)
        };
        Candidate::new(label, place.point, code, name, Precision::Place)
    }

    fn find<'a>(units: &'a [Unit], key: &str) -> Option<&'a Unit> {
        units
            .binary_search_by(|u| u.key.as_str().cmp(key))
            .ok()
            .map(|i| &units[i])
    }

    /// Resolves a postcode (full, sector or district) or a place name. An ambiguous name
    /// answers with its most populous match and lists every match, most populous first.
    /// `None` when nothing matches; any input is safe.
    pub fn geocode(&self, text: &str) -> Option<Answer> {
        let text = text.trim();
        if text.is_empty() || text.chars().count() > MAX_QUERY {
            return None;
        }
        if let Some(query) = postcode::parse(text) {
            let found = match &query {
                PostcodeQuery::Sector(key) => Gazetteer::find(&self.sectors, key)
                    .map(|u| self.unit_answer(u, Precision::Sector))
                    .or_else(|| {
                        // An unknown sector of a known district still says where it is.
                        let district = key.split(' ').next()?;
                        Gazetteer::find(&self.districts, district)
                            .map(|u| self.unit_answer(u, Precision::District))
                    }),
                PostcodeQuery::District(key) => Gazetteer::find(&self.districts, key)
                    .map(|u| self.unit_answer(u, Precision::District)),
            };
            if let Some(found) = found {
                return Some(Answer::single(text, found));
            }
        }
        // A name may hold a comma itself ("Armagh City, Banbridge and Craigavon"): the
        // whole text first, then a place and its council.
        let whole = fold(text);
        let (name, qualifier) = match text.split_once(',') {
            Some(_) if !self.places_named(&whole).is_empty() => (whole, None),
            Some((n, q)) => (fold(n), Some(fold(q))),
            None => (whole, None),
        };
        if name.is_empty() {
            return None;
        }
        let candidates: Vec<Candidate> = self
            .places_named(&name)
            .iter()
            .filter(|p| {
                // "Newport, Isle of Wight": the words after the comma start words of
                // the council's name.
                qualifier
                    .as_ref()
                    .is_none_or(|q| all_words_prefix(&fold(self.area(p.area).1), q))
            })
            .map(|p| self.place_answer(p))
            .collect();
        Answer::from_candidates(text, candidates)
    }

    fn places_named(&self, folded: &str) -> &[Place] {
        let start = self.places.partition_point(|p| p.folded.as_str() < folded);
        let end = start + self.places[start..].partition_point(|p| p.folded == folded);
        &self.places[start..end]
    }

    /// Suggestions for what someone has typed so far: postcode districts and sectors
    /// when it looks like a postcode, else places whose name starts with it, most
    /// populous first; at most `limit`, and never more than [`MAX_SUGGESTIONS`].
    pub fn suggest(&self, prefix: &str, limit: usize) -> Vec<Answer> {
        let limit = limit.min(MAX_SUGGESTIONS);
        let prefix = prefix.trim_start();
        if prefix.trim().is_empty() || prefix.chars().count() > MAX_QUERY || limit == 0 {
            return vec![];
        }
        let upper = prefix.to_ascii_uppercase();
        let looks_like_postcode = upper
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && upper.chars().any(|c| c.is_ascii_digit())
            && upper.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ');
        let mut out: Vec<Answer> = Vec::new();
        if looks_like_postcode {
            // "MK40 " (with its space) asks for that district's sectors.
            let mut squashed: String = upper.split_whitespace().collect::<Vec<_>>().join(" ");
            if upper.ends_with(' ') {
                squashed.push(' ');
            }
            let (units, precision) = if squashed.as_bytes().contains(&b' ') {
                (&self.sectors, Precision::Sector)
            } else {
                (&self.districts, Precision::District)
            };
            let start = units.partition_point(|u| u.key.as_str() < squashed.as_str());
            out.extend(
                units[start..]
                    .iter()
                    .take_while(|u| u.key.starts_with(&squashed))
                    .take(limit)
                    .map(|u| Answer::single(prefix, self.unit_answer(u, precision))),
            );
        }
        let folded = fold(prefix);
        if !folded.is_empty() && out.len() < limit {
            let start = self
                .places
                .partition_point(|p| p.folded.as_str() < folded.as_str());
            let room = limit - out.len();
            let mut best: Vec<&Place> = Vec::new();
            let matches = self.places[start..]
                .iter()
                .take_while(|p| p.folded.starts_with(&folded));
            for place in matches {
                keep_best(&mut best, place, room, |a, b| {
                    let order = b.population.cmp(&a.population);
                    order
                        .then(a.folded.cmp(&b.folded))
                        .then(a.area.cmp(&b.area))
                        == Ordering::Less
                });
            }
            out.extend(
                best.into_iter()
                    .map(|p| Answer::single(prefix, self.place_answer(p))),
            );
        }
        out
    }

    /// The council area a point lies in: that of the nearest postcode sector.
    pub fn area_of(&self, point: LatLon) -> Option<(&str, &str)> {
        if !point.is_valid() {
            return None;
        }
        // A scan of the 12 000 sectors, not a tree: a search asks this once or twice,
        // and building an R-tree of them was half of loading the gazetteer (6.3 of 14 ms
        // natively, about 90 ms of a first search on a slow phone); the scan takes tens
        // of microseconds (`make bench`: gazetteer/load, gazetteer/area_of).
        let [x, y, z] = point.tree_key();
        let mut nearest: Option<(f32, usize)> = None;
        for (i, v) in self.sector_vectors.iter().enumerate() {
            let d = (v[0] - x) * (v[0] - x) + (v[1] - y) * (v[1] - y) + (v[2] - z) * (v[2] - z);
            if nearest.is_none_or(|(best, _)| d < best) {
                nearest = Some((d, i));
            }
        }
        let sector = self.sectors.get(nearest?.1)?;
        Some(self.area(sector.area))
    }

    /// Writes the gazetteer file the page loads.
    pub fn encode(&self) -> Result<Vec<u8>, WriteError> {
        file::encode(self)
    }

    /// Reads a gazetteer file; any bytes give a gazetteer or an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<Gazetteer, FileError> {
        file::decode(bytes)
    }
}

/// Districts as the postcode-weighted means of their sectors, in the council most of
/// their postcodes are in.
/// A sector key is "<district> <digit>": its district is all but the last two bytes
/// (found by length, not by splitting: loading the gazetteer splits 12 000 keys).
fn district_of(key: &str) -> &str {
    key.get(..key.len().saturating_sub(2)).unwrap_or("")
}

fn districts_of(sectors: &[Unit]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut i = 0;
    while i < sectors.len() {
        let district = district_of(&sectors[i].key).to_string();
        let mut j = i;
        // Counts come from a file: summed in u64, so no count a file states can wrap.
        let (mut lat, mut lon, mut n) = (0.0, 0.0, 0u64);
        let mut by_area: Vec<(u16, u64)> = Vec::new();
        while j < sectors.len() && district_of(&sectors[j].key) == district {
            let s = &sectors[j];
            let w = u64::from(s.postcodes.max(1));
            lat += s.point.lat * w as f64;
            lon += s.point.lon * w as f64;
            n += w;
            match by_area.iter_mut().find(|(a, _)| *a == s.area) {
                Some(entry) => entry.1 += w,
                None => by_area.push((s.area, w)),
            }
            j += 1;
        }
        let area = by_area
            .iter()
            .max_by_key(|(_, w)| *w)
            .map_or(0, |(a, _)| *a);
        out.push(Unit {
            key: district,
            point: LatLon::new(lat / n as f64, lon / n as f64),
            area,
            postcodes: u32::try_from(n).unwrap_or(u32::MAX),
        });
        i = j;
    }
    out
}
