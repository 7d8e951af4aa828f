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
        if CROWN_DEPENDENCIES.iter().any(|(_, [s, w, n, e])| {
            (*s..=*n).contains(&point.lat) && (*w..=*e).contains(&point.lon)
        }) {
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
