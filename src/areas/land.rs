//! Where the UK is, as grid cells holding any UK postcode: "is this point in the UK or a
//! Crown dependency?" without shipping coastlines. Derived by `haven-derive`.

use crate::geometry::{LatLon, GRID_ORIGIN};
use std::collections::BTreeMap;

/// The size of a cell of [`UkCells`], in degrees.
pub(crate) const CELL_DEGREES: f64 = 0.1;

/// Crown dependencies, whose postcodes carry no grid reference in the ONS data:
/// (south, west, north, east) in degrees.
const CROWN_DEPENDENCIES: [(&str, [f64; 4]); 3] = [
    ("Isle of Man", [54.03, -4.85, 54.43, -4.30]),
    ("Jersey", [49.15, -2.27, 49.28, -1.99]),
    ("Bailiwick of Guernsey", [49.40, -2.71, 49.76, -2.14]),
];

/// The UK's land and waters, coarsely, for checking a searched point without the cells:
/// bit `c` of row `r` is set when the half-degree cell from 49°N + r/2, 9°W + c/2 holds,
/// or touches (diagonally too), a cell of [`UkCells`]. That keeps 30 to 55 km of sea
/// around every coast and refuses Paris, Dublin and the open ocean. 104 bytes, where the
/// cells are 2.4 KB of text the browser's engine does not otherwise carry; a test checks
/// it against data/uk-cells.txt.
const WATERS: [u32; 26] = [
    0x0001f0, 0x001ff0, 0x1ffff0, 0x3fffe0, 0x3fffc0, 0x7fffc0, 0x7fffc0, 0x7fffc0, 0x7fff80,
    0x0fffff, 0x0fffff, 0x07ffff, 0x03fffe, 0x01fffc, 0x00fffe, 0x00fffe, 0x00fffe, 0x00fffe,
    0x00fffe, 0x007ffc, 0x01fff0, 0x03fc00, 0x03f000, 0x03f000, 0x03c000, 0x000000,
];
const WATERS_DEGREES: f64 = 0.5;

/// Whether a point is in the UK or the sea around it (Crown dependencies included: see
/// [`crown_dependency`]).
pub fn in_uk_waters(point: LatLon) -> bool {
    if !point.is_valid() {
        return false;
    }
    let row = ((point.lat - GRID_ORIGIN.lat) / WATERS_DEGREES).floor();
    let col = ((point.lon - GRID_ORIGIN.lon) / WATERS_DEGREES).floor();
    (0.0..26.0).contains(&row)
        && (0.0..24.0).contains(&col)
        && WATERS[row as usize] >> (col as u32) & 1 == 1
}

/// The Crown dependency a point lies in, if any: they are not the UK, and Haven's
/// directory does not cover them.
pub fn crown_dependency(point: LatLon) -> Option<&'static str> {
    CROWN_DEPENDENCIES
        .iter()
        .find(|(_, [s, w, n, e])| (*s..=*n).contains(&point.lat) && (*w..=*e).contains(&point.lon))
        .map(|(name, _)| *name)
}

/// The land the UK's postcodes cover, as grid cells: "is this point in the UK or a Crown
/// dependency?" without shipping coastlines.
#[derive(Debug, Clone, Default)]
pub struct UkCells {
    rows: BTreeMap<i32, Vec<(i32, i32)>>,
}

impl UkCells {
    /// The cells derived from ONS postcodes, compiled in from `data/uk-cells.txt`.
    pub fn builtin() -> UkCells {
        UkCells::parse(include_str!("../../data/uk-cells.txt"))
    }

    /// Reads the `row: col-col …` form written by `haven-derive`.
    pub fn parse(text: &str) -> UkCells {
        let mut rows = BTreeMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((row, cols)) = line.split_once(':') else {
                continue;
            };
            let Ok(row) = row.trim().parse::<i32>() else {
                continue;
            };
            let ranges = cols
                .split_whitespace()
                .filter_map(|r| r.split_once('-'))
                .filter_map(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                .collect();
            rows.insert(row, ranges);
        }
        UkCells { rows }
    }

    /// The (row, column) cell of a point, when it lies in the grid's frame.
    pub fn cell_of(point: LatLon) -> Option<(i32, i32)> {
        if !point.is_valid() {
            return None;
        }
        let row = ((point.lat - GRID_ORIGIN.lat) / CELL_DEGREES).floor();
        let col = ((point.lon - GRID_ORIGIN.lon) / CELL_DEGREES).floor();
        ((0.0..200.0).contains(&row) && (0.0..200.0).contains(&col))
            .then_some((row as i32, col as i32))
    }

    fn occupied(&self, row: i32, col: i32) -> bool {
        self.rows
            .get(&row)
            .is_some_and(|r| r.iter().any(|&(a, b)| (a..=b).contains(&col)))
    }

    /// Whether the point is in, or within a cell of, land holding UK postcodes, or in a
    /// Crown dependency.
    pub fn contains(&self, point: LatLon) -> bool {
        if crown_dependency(point).is_some() {
            return true;
        }
        let Some((row, col)) = UkCells::cell_of(point) else {
            return false;
        };
        (-1..=1).any(|dr| (-1..=1).any(|dc| self.occupied(row + dr, col + dc)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_waters_mask_is_the_postcode_cells_widened_by_half_a_degree() {
        let cells = UkCells::builtin();
        let mut big = std::collections::BTreeSet::new();
        for (&row, ranges) in &cells.rows {
            for &(a, b) in ranges {
                for col in a..=b {
                    big.insert((row / 5, col / 5));
                }
            }
        }
        let mut mask = [0u32; 26];
        for (r, bits) in mask.iter_mut().enumerate() {
            for c in 0..24 {
                let near =
                    (-1..=1).any(|dr| (-1..=1).any(|dc| big.contains(&(r as i32 + dr, c + dc))));
                *bits |= u32::from(near) << c;
            }
        }
        assert_eq!(mask, WATERS, "regenerate WATERS from data/uk-cells.txt");
    }

    #[test]
    fn every_point_of_the_uk_is_in_its_waters_and_paris_dublin_and_the_ocean_are_not() {
        for (name, lat, lon) in [
            ("Bedford", 52.136, -0.467),
            ("Lerwick", 60.155, -1.145),
            ("St Mary's, Scilly", 49.914, -6.311),
            ("Enniskillen", 54.344, -7.639),
            ("Dover", 51.128, 1.314),
            ("off Hastings, in the Channel", 50.7, 0.6),
        ] {
            assert!(in_uk_waters(LatLon::new(lat, lon)), "{name}");
        }
        for (name, lat, lon) in [
            ("Paris", 48.857, 2.352),
            ("Dublin", 53.349, -6.260),
            ("0,0", 0.0, 0.0),
            ("the North Pole", 90.0, 0.0),
            ("Dover with lat and lon swapped", 1.314, 51.128),
            ("Atlantic", 55.0, -15.0),
        ] {
            assert!(!in_uk_waters(LatLon::new(lat, lon)), "{name}");
        }
        assert_eq!(
            crown_dependency(LatLon::new(49.186, -2.106)),
            Some("Jersey")
        );
        assert_eq!(
            crown_dependency(LatLon::new(54.150, -4.482)),
            Some("Isle of Man")
        );
        assert_eq!(crown_dependency(LatLon::new(52.136, -0.467)), None);
    }

    #[test]
    fn points_in_the_uk_and_crown_dependencies_are_inside_and_others_are_not() {
        let cells = UkCells::builtin();
        let inside = [
            ("Bedford", 52.136, -0.467),
            ("Lerwick", 60.155, -1.145),
            ("St Mary's, Scilly", 49.914, -6.311),
            ("Enniskillen", 54.344, -7.639),
            ("Douglas, Isle of Man", 54.150, -4.482),
            ("St Helier, Jersey", 49.186, -2.106),
        ];
        for (name, lat, lon) in inside {
            assert!(
                cells.contains(LatLon::new(lat, lon)),
                "{name} should be in the UK"
            );
        }
        let outside = [
            ("Paris", 48.857, 2.352),
            ("Dublin", 53.349, -6.260),
            ("Cherbourg", 49.640, -1.616),
            ("Atlantic", 55.0, -15.0),
        ];
        for (name, lat, lon) in outside {
            assert!(
                !cells.contains(LatLon::new(lat, lon)),
                "{name} should be outside the UK"
            );
        }
    }
}
