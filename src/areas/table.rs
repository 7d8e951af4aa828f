//! Council areas: every UK local authority district with its GSS code, name and a
//! representative point (the mean of its postcodes), derived from ONS data by
//! `haven-derive`. Confidential services are placed at their area's point.

use crate::codes::code_enum;
use crate::geometry::LatLon;
use crate::text::fold;

code_enum! {
    /// The four nations, for services that cover one.
    pub enum Nation: "nation" {
        /// England (E92000001).
        England = "england",
        /// Wales (W92000004).
        Wales = "wales",
        /// Scotland (S92000003).
        Scotland = "scotland",
        /// Northern Ireland (N92000002).
        NorthernIreland = "northern_ireland",
    }
}

impl Nation {
    /// The nation a GSS code belongs to, from its first letter.
    pub fn of_code(gss: &str) -> Option<Nation> {
        match gss.as_bytes().first() {
            Some(b'E') => Some(Nation::England),
            Some(b'W') => Some(Nation::Wales),
            Some(b'S') => Some(Nation::Scotland),
            Some(b'N') => Some(Nation::NorthernIreland),
            _ => None,
        }
    }

    /// The nation's own GSS code.
    pub fn gss(self) -> &'static str {
        match self {
            Nation::England => "E92000001",
            Nation::Wales => "W92000004",
            Nation::Scotland => "S92000003",
            Nation::NorthernIreland => "N92000002",
        }
    }

    /// The nation with this GSS code.
    pub fn from_gss(code: &str) -> Option<Nation> {
        Nation::ALL.iter().copied().find(|n| n.gss() == code)
    }
}

/// One council area.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// GSS code, e.g. "E06000055".
    pub code: String,
    /// Name, e.g. "Bedford".
    pub name: String,
    /// Representative point: the mean of its postcodes.
    pub point: LatLon,
}

impl Area {
    /// The nation the area is in.
    pub fn nation(&self) -> Option<Nation> {
        Nation::of_code(&self.code)
    }
}

/// Every council area, looked up by code or by nearness.
#[derive(Debug, Clone, Default)]
pub struct AreaTable {
    areas: Vec<Area>,
    /// Positions in `areas`, sorted by code (a hash map costs more wasm than a few
    /// hundred binary-searched entries are worth).
    by_code: Vec<u16>,
}

/// Whether `code` has the shape of a GSS code: a letter and eight digits.
pub fn is_gss_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 9 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
}

impl AreaTable {
    /// The table derived from ONS data, compiled in from `data/areas.csv`.
    pub fn builtin() -> AreaTable {
        // The file is generated and checked by tests; a malformed row is skipped rather
        // than stopping a build.
        let mut reader = csv::Reader::from_reader(include_str!("../../data/areas.csv").as_bytes());
        let areas = reader
            .records()
            .filter_map(Result::ok)
            .filter_map(|r| {
                let lat = r.get(2)?.parse().ok()?;
                let lon = r.get(3)?.parse().ok()?;
                Some(Area {
                    code: r.get(0)?.to_string(),
                    name: r.get(1)?.to_string(),
                    point: LatLon::new(lat, lon),
                })
            })
            .collect();
        AreaTable::new(areas)
    }

    /// A table of these areas (the first of any repeated code wins).
    pub fn new(mut areas: Vec<Area>) -> AreaTable {
        areas.truncate(usize::from(u16::MAX));
        let by_code = |areas: &[Area]| {
            let mut order: Vec<u16> = (0..areas.len() as u16).collect();
            // Ties broken by position, so the first of a repeated code comes first.
            order.sort_unstable_by(|&a, &b| {
                areas[usize::from(a)]
                    .code
                    .cmp(&areas[usize::from(b)].code)
                    .then(a.cmp(&b))
            });
            order
        };
        let mut order = by_code(&areas);
        let mut keep = vec![true; areas.len()];
        for pair in order.windows(2) {
            if areas[usize::from(pair[0])].code == areas[usize::from(pair[1])].code {
                keep[usize::from(pair[1])] = false;
            }
        }
        // Drop the later of any repeated code; positions then shift, so sort again.
        if keep.contains(&false) {
            let mut kept = keep.into_iter();
            areas.retain(|_| kept.next().unwrap_or(false));
            order = by_code(&areas);
        }
        AreaTable {
            areas,
            by_code: order,
        }
    }

    /// The area with this GSS code.
    pub fn get(&self, code: &str) -> Option<&Area> {
        self.index_of(code)
            .and_then(|i| self.areas.get(usize::from(i)))
    }

    /// The area a council's name names: its ONS name ("Bristol, City of"), that name
    /// without its ", City of" or ", County of" ("Bristol"), or either followed by
    /// "council", "city council", "borough council" and the like ("Bristol City
    /// Council"); any case and accents. `None` for any other name, never a guess.
    pub fn by_name(&self, name: &str) -> Option<&Area> {
        let mut wanted = fold(name);
        for suffix in [
            " council",
            " city",
            " borough",
            " county",
            " district",
            " metropolitan",
        ] {
            if let Some(rest) = wanted.strip_suffix(suffix) {
                wanted = rest.to_string();
            }
        }
        self.areas.iter().find(|a| {
            let full = fold(&a.name);
            let short = a.name.split(',').next().map(fold);
            full == wanted || short.as_deref() == Some(wanted.as_str())
        })
    }

    /// The position of the area with this code, for the bundle.
    pub fn index_of(&self, code: &str) -> Option<u16> {
        let found = self
            .by_code
            .binary_search_by(|&i| self.areas[usize::from(i)].code.as_str().cmp(code));
        found.ok().map(|at| self.by_code[at])
    }

    /// The area at a position.
    pub fn by_index(&self, index: u16) -> Option<&Area> {
        self.areas.get(usize::from(index))
    }

    /// Every area, in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Area> {
        self.areas.iter()
    }

    /// How many areas there are.
    pub fn len(&self) -> usize {
        self.areas.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }

    /// The area whose representative point is nearest: the fallback for "which council
    /// is this point in?" until the gazetteer's finer answer is loaded.
    pub fn nearest(&self, point: LatLon) -> Option<&Area> {
        self.areas
            .iter()
            .map(|a| (a.point.distance_km(&point), a))
            .min_by(|x, y| x.0.total_cmp(&y.0))
            .map(|(_, a)| a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_uk_council_area_is_in_the_builtin_table_with_its_name() {
        let table = AreaTable::builtin();
        assert!(
            table.len() >= 361,
            "expected every council area, found {}",
            table.len()
        );
        assert_eq!(
            table.get("E06000055").map(|a| a.name.as_str()),
            Some("Bedford")
        );
        assert_eq!(
            table.get("E06000019").map(|a| a.name.as_str()),
            Some("Herefordshire, County of")
        );
        assert_eq!(
            table.get("E09000004").map(|a| a.name.as_str()),
            Some("Bexley")
        );
        assert_eq!(
            table.get("E06000060").map(|a| a.name.as_str()),
            Some("Buckinghamshire")
        );
        assert_eq!(
            table.get("E06000024").map(|a| a.name.as_str()),
            Some("North Somerset")
        );
        assert_eq!(
            table.get("S12000036").map(|a| a.name.as_str()),
            Some("City of Edinburgh")
        );
        assert_eq!(
            table.get("N09000003").map(|a| a.name.as_str()),
            Some("Belfast")
        );
        for nation in ["E", "W", "S", "N"] {
            assert!(
                table.iter().any(|a| a.code.starts_with(nation)),
                "no area in nation {nation}"
            );
        }
    }

    #[test]
    fn a_council_is_found_by_its_name_as_feeds_write_it_and_never_by_a_guess() {
        let table = AreaTable::builtin();
        let code = |name: &str| table.by_name(name).map(|a| a.code.as_str());
        assert_eq!(code("Bristol"), Some("E06000023"));
        assert_eq!(code("Bristol City Council"), Some("E06000023"));
        assert_eq!(code("Bristol, City of"), Some("E06000023"));
        assert_eq!(code("herefordshire council"), Some("E06000019"));
        assert_eq!(code("Bedford Borough Council"), Some("E06000055"));
        assert_eq!(code("Buckinghamshire"), Some("E06000060"));
        assert_eq!(
            code("Newcastle"),
            None,
            "two councils start so; neither is guessed"
        );
        assert_eq!(code("Narnia"), None);
    }

    #[test]
    fn a_repeated_code_keeps_its_first_area() {
        let area = |code: &str, name: &str| Area {
            code: code.into(),
            name: name.into(),
            point: LatLon::new(52.0, 0.0),
        };
        let table = AreaTable::new(vec![area("E2", "b"), area("E1", "a"), area("E2", "c")]);
        assert_eq!(table.len(), 2);
        assert_eq!(table.get("E2").map(|a| a.name.as_str()), Some("b"));
        assert_eq!(table.index_of("E1"), Some(1));
        assert_eq!(table.get("E3"), None);
    }

    #[test]
    fn each_area_point_lies_near_where_the_council_is() {
        let table = AreaTable::builtin();
        let bedford = table.get("E06000055").unwrap().point;
        assert!(
            bedford.distance_km(&LatLon::new(52.136, -0.467)) < 10.0,
            "{bedford:?}"
        );
        let belfast = table.get("N09000003").unwrap().point;
        assert!(
            belfast.distance_km(&LatLon::new(54.597, -5.930)) < 6.0,
            "{belfast:?}"
        );
        assert_eq!(
            table.nearest(LatLon::new(52.14, -0.47)).unwrap().code,
            "E06000055"
        );
    }
}
