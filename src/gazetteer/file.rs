//! The binary gazetteer file the page loads (header `HAVENGAZ`, then postcard); the CLI
//! reads its CSV tables (`tables.rs`) through it too.
//!
//! The file is on the page's critical path, so it is laid out to compress: columns
//! rather than rows, coordinates in 1/500° steps (at most 111 m off north–south and
//! 70 m east–west, against a median of 756 m from a postcode to its sector's point)
//! delta-coded from a near neighbour, names front-coded, and counts kept in one byte.
//! Version 1 (rows of 1e-5° points) was 192 KB gzipped; this is 79 KB.

use super::{GazArea, Gazetteer, Place, Unit};
use crate::container::{FileError, WriteError, GAZETTEER};
use crate::geometry::{self, LatLon};
use crate::text::fold;
use serde::{Deserialize, Serialize};

/// Coordinate steps per degree, from the grid origin.
const STEPS: f64 = 500.0;

#[derive(Serialize, Deserialize, Default)]
struct Body {
    /// (GSS code, name).
    areas: Vec<(String, String)>,
    /// Postcode districts in order, front-coded: (bytes shared with the previous, rest).
    districts: Vec<(u8, String)>,
    /// Per district, bit d set when sector d exists.
    sector_digits: Vec<u16>,
    /// Per sector in key order: steps from the previous sector (the first from 49°N 9°W).
    sector_lat: Vec<i32>,
    sector_lon: Vec<i32>,
    /// Per sector: its area number less the previous sector's (runs are common).
    sector_area: Vec<i32>,
    /// Per sector: its postcodes, [`count_code`]d in halves of a doubling.
    sector_postcodes: Vec<u8>,
    /// Places in order (folded name, then most populous), front-coded.
    place_names: Vec<(u8, String)>,
    /// Per place: steps from the mean of its area's sectors.
    place_lat: Vec<i32>,
    place_lon: Vec<i32>,
    place_area: Vec<u16>,
    /// Per place: its population, [`count_code`]d in tenths of a doubling.
    place_population: Vec<u8>,
}

fn to_steps(p: LatLon) -> (i32, i32) {
    geometry::to_steps(p, STEPS)
}

fn from_steps(steps: (i32, i32)) -> LatLon {
    geometry::from_steps(steps, STEPS)
}

/// 2^(k/10) for k in 0..10, so decoding a count needs no floating-point library.
const TENTHS_OF_DOUBLING: [f64; 10] = [
    1.0,
    1.071_773_462_536_293,
    1.148_698_354_997_035,
    1.231_144_413_344_916,
    1.319_507_910_772_894,
    std::f64::consts::SQRT_2,
    1.515_716_566_510_398,
    1.624_504_792_712_471,
    1.741_101_126_592_248,
    1.866_065_983_073_615,
];

/// A count (of postcodes, of people) to within 3.5% in one byte: 10 steps per
/// doubling. Order is kept, which is all the gazetteer uses counts for.
fn count_code(n: u32, per_doubling: Steps) -> u8 {
    (f64::from(per_doubling as u8) * (f64::from(n) + 1.0).log2())
        .round()
        .min(255.0) as u8
}

/// How finely a count is kept: places' populations order suggestions, so they keep
/// tenths of a doubling; sectors' postcodes only weight district means, and halves
/// move a district's point by a median of 33 m while saving 4 KB.
#[derive(Clone, Copy)]
enum Steps {
    Halves = 2,
    Tenths = 10,
}

fn count_of(code: u8, per_doubling: Steps) -> u32 {
    let per = per_doubling as u8;
    let fraction = TENTHS_OF_DOUBLING[usize::from(code % per * (10 / per))];
    let value = fraction * f64::from(1u32 << (code / per).min(31));
    (value.round() as u32).saturating_sub(1)
}

/// Front-codes sorted strings: each as the bytes it shares with the one before, then
/// the rest (split on a character boundary).
fn front_code<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(u8, String)> {
    let mut previous = "";
    items
        .map(|s| {
            let mut shared = s
                .bytes()
                .zip(previous.bytes())
                .take_while(|(a, b)| a == b)
                .count()
                .min(255);
            while !s.is_char_boundary(shared) {
                shared -= 1;
            }
            previous = s;
            (shared as u8, s[shared..].to_string())
        })
        .collect()
}

fn front_decode(coded: Vec<(u8, String)>, what: &str) -> Result<Vec<String>, FileError> {
    let mut out: Vec<String> = Vec::with_capacity(coded.len());
    for (shared, rest) in coded {
        let previous = out.last().map_or("", String::as_str);
        let head = previous.get(..usize::from(shared)).ok_or_else(|| {
            GAZETTEER.inconsistent(format!(
                "{what} {} shares {shared} bytes with \"{previous}\", which is shorter or splits a character",
                out.len() + 1
            ))
        })?;
        let mut text = String::with_capacity(head.len() + rest.len());
        text.push_str(head);
        text.push_str(&rest);
        out.push(text);
    }
    Ok(out)
}

/// The mean of each area's sectors, in steps: where its places are coded from.
fn area_means(areas: usize, sectors: &[(i32, i32, u16)]) -> Vec<(i32, i32)> {
    let mut sums = vec![(0i64, 0i64, 0i64); areas];
    for &(lat, lon, area) in sectors {
        if let Some(s) = sums.get_mut(usize::from(area)) {
            *s = (s.0 + i64::from(lat), s.1 + i64::from(lon), s.2 + 1);
        }
    }
    sums.into_iter()
        .map(|(lat, lon, n)| match n {
            0 => (0, 0),
            n => ((lat / n) as i32, (lon / n) as i32),
        })
        .collect()
}

pub(super) fn encode(g: &Gazetteer) -> Result<Vec<u8>, WriteError> {
    let mut body = Body {
        areas: g
            .areas
            .iter()
            .map(|a| (a.code.clone(), a.name.clone()))
            .collect(),
        ..Body::default()
    };
    let mut districts: Vec<&str> = Vec::new();
    let mut steps = Vec::new();
    let (mut last_point, mut last_area) = ((0, 0), 0i32);
    for s in &g.sectors {
        // Keys are "district digit", as Gazetteer::new and the derivation guarantee.
        let Some((district, digit)) = s.key.split_once(' ') else {
            continue;
        };
        let Some(digit) = digit.parse::<u8>().ok().filter(|d| *d <= 9) else {
            continue;
        };
        if districts.last() != Some(&district) {
            districts.push(district);
            body.sector_digits.push(0);
        }
        if let Some(mask) = body.sector_digits.last_mut() {
            *mask |= 1 << digit;
        }
        let point = to_steps(s.point);
        body.sector_lat.push(point.0 - last_point.0);
        body.sector_lon.push(point.1 - last_point.1);
        body.sector_area.push(i32::from(s.area) - last_area);
        body.sector_postcodes
            .push(count_code(s.postcodes, Steps::Halves));
        (last_point, last_area) = (point, i32::from(s.area));
        steps.push((point.0, point.1, s.area));
    }
    body.districts = front_code(districts.into_iter());
    let means = area_means(g.areas.len(), &steps);
    body.place_names = front_code(g.places.iter().map(|p| p.name.as_str()));
    for p in &g.places {
        let point = to_steps(p.point);
        let mean = means.get(usize::from(p.area)).copied().unwrap_or((0, 0));
        body.place_lat.push(point.0 - mean.0);
        body.place_lon.push(point.1 - mean.1);
        body.place_area.push(p.area);
        body.place_population
            .push(count_code(p.population, Steps::Tenths));
    }
    let payload = postcard::to_allocvec(&body).map_err(|e| GAZETTEER.unwritable(e.to_string()))?;
    GAZETTEER.wrap(&payload)
}

pub(super) fn decode(bytes: &[u8]) -> Result<Gazetteer, FileError> {
    let body: Body = GAZETTEER.decode(GAZETTEER.unwrap(bytes)?)?;
    let bad = |m: String| GAZETTEER.inconsistent(m);
    let n_areas = body.areas.len();
    let area = |a: i32, what: &str| {
        u16::try_from(a)
            .ok()
            .filter(|a| usize::from(*a) < n_areas)
            .ok_or_else(|| {
                bad(format!(
                    "{what}: area number {a} is beyond the {n_areas} areas"
                ))
            })
    };
    let point = |steps: (i32, i32), what: &str| {
        let p = from_steps(steps);
        if p.is_valid() {
            Ok(p)
        } else {
            Err(bad(format!(
                "{what}: {},{} steps lie off the globe",
                steps.0, steps.1
            )))
        }
    };
    let districts = front_decode(body.districts, "district")?;
    let n_sectors: usize = body
        .sector_digits
        .iter()
        .map(|m| m.count_ones() as usize)
        .sum();
    let columns = [
        ("sector digits", body.sector_digits.len(), districts.len()),
        ("sector latitudes", body.sector_lat.len(), n_sectors),
        ("sector longitudes", body.sector_lon.len(), n_sectors),
        ("sector areas", body.sector_area.len(), n_sectors),
        ("sector postcodes", body.sector_postcodes.len(), n_sectors),
        (
            "place latitudes",
            body.place_lat.len(),
            body.place_names.len(),
        ),
        (
            "place longitudes",
            body.place_lon.len(),
            body.place_names.len(),
        ),
        ("place areas", body.place_area.len(), body.place_names.len()),
        (
            "place populations",
            body.place_population.len(),
            body.place_names.len(),
        ),
    ];
    if let Some((what, found, expected)) = columns
        .iter()
        .find(|(_, found, expected)| found != expected)
    {
        return Err(bad(format!("expected {expected} {what}, found {found}")));
    }
    let mut sectors = Vec::with_capacity(n_sectors);
    let mut steps = Vec::with_capacity(n_sectors);
    let (mut lat, mut lon, mut area_number) = (0i32, 0i32, 0i32);
    let mut i = 0;
    for (district, mask) in districts.iter().zip(&body.sector_digits) {
        if !super::is_outward(district) {
            return Err(bad(format!("\"{district}\" is not a postcode district")));
        }
        if *mask >= 1 << 10 {
            return Err(bad(format!("{district} has sector digits beyond 9")));
        }
        for digit in (0..10).filter(|d| mask & (1 << d) != 0) {
            // Pushed, not format!ted: 12 000 of them, and formatting was most of the
            // time this loop took (gazetteer/load in `make bench`).
            let mut key = String::with_capacity(district.len() + 2);
            key.push_str(district);
            key.push(' ');
            key.push(char::from(b'0' + digit));
            lat = lat.wrapping_add(body.sector_lat[i]);
            lon = lon.wrapping_add(body.sector_lon[i]);
            area_number = area_number.wrapping_add(body.sector_area[i]);
            let area = area(area_number, &key)?;
            steps.push((lat, lon, area));
            sectors.push(Unit {
                point: point((lat, lon), &key)?,
                area,
                postcodes: count_of(body.sector_postcodes[i], Steps::Halves),
                key,
            });
            i += 1;
        }
    }
    let means = area_means(n_areas, &steps);
    let names = front_decode(body.place_names, "place")?;
    let mut places = Vec::with_capacity(names.len());
    for (i, name) in names.into_iter().enumerate() {
        let area = area(i32::from(body.place_area[i]), &name)?;
        let mean = means.get(usize::from(area)).copied().unwrap_or((0, 0));
        let steps = (
            mean.0.wrapping_add(body.place_lat[i]),
            mean.1.wrapping_add(body.place_lon[i]),
        );
        places.push(Place {
            folded: fold(&name),
            point: point(steps, &name)?,
            area,
            population: count_of(body.place_population[i], Steps::Tenths),
            name,
        });
    }
    let areas = body
        .areas
        .into_iter()
        .map(|(code, name)| GazArea { code, name })
        .collect();
    Gazetteer::new(areas, sectors, places).map_err(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_survive_their_one_byte_code_to_within_four_percent() {
        for n in [0u32, 1, 2, 7, 100, 4_321, 65_000, 8_900_000] {
            let back = count_of(count_code(n, Steps::Tenths), Steps::Tenths);
            let error = (f64::from(back) - f64::from(n)).abs() / (f64::from(n) + 1.0);
            assert!(error < 0.04, "{n} came back as {back}");
        }
    }

    #[test]
    fn larger_counts_never_code_smaller() {
        for steps in [Steps::Halves, Steps::Tenths] {
            let codes: Vec<u8> = (0..100_000)
                .step_by(37)
                .map(|n| count_code(n, steps))
                .collect();
            assert!(codes.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    #[test]
    fn front_coding_gives_back_every_name_including_non_ascii_ones() {
        let names = [
            "Abbey Dore",
            "Abbey Wood",
            "Ynys Môn",
            "Ynys Mônach",
            "Ystrad",
        ];
        let coded = front_code(names.iter().copied());
        assert_eq!(coded[1], (6, "Wood".to_string()));
        assert_eq!(front_decode(coded, "place").unwrap(), names);
    }

    #[test]
    fn a_front_code_that_splits_a_character_is_an_error_not_a_panic() {
        let coded = vec![(0, "Môn".to_string()), (2, "x".to_string())];
        assert!(front_decode(coded, "place").is_err());
    }
}
