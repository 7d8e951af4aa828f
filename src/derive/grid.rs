//! British and Irish national grid coordinates to WGS84, through `proj4rs`.
//!
//! Great Britain's postcodes are on the British National Grid (OSGB36, EPSG:27700);
//! Northern Ireland's are on the Irish Grid (TM65, EPSG:29902). Each is converted with
//! its published seven-parameter Helmert shift to WGS84, which is good to a few metres:
//! far finer than the postcode-sector centroids Haven ships.

use crate::geometry::LatLon;
use proj4rs::proj::Proj;

/// Which grid a postcode's easting and northing are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grid {
    /// British National Grid (OSGB36), EPSG:27700.
    British,
    /// Irish Grid (TM65), EPSG:29902, used for Northern Ireland (BT postcodes).
    Irish,
}

const BRITISH: &str = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 \
    +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 \
    +units=m +no_defs";
// The Modified Airy ellipsoid by its axis and inverse flattening: proj4rs 0.1.10 derives
// `+ellps=mod_airy`'s flattening as (a − b) / b instead of (a − b) / a, about a metre out
// two degrees from the central meridian (tests/grid_conversion.rs).
const IRISH: &str = "+proj=tmerc +lat_0=53.5 +lon_0=-8 +k=1.000035 +x_0=200000 \
    +y_0=250000 +a=6377340.189 +rf=299.3249646 +towgs84=482.5,-130.6,564.6,-1.042,-0.214,-0.631,8.15 \
    +units=m +no_defs";
const WGS84: &str = "+proj=longlat +ellps=WGS84 +datum=WGS84 +no_defs";

/// Converts grid coordinates to WGS84, holding the parsed projections.
pub struct GridToWgs84 {
    british: Proj,
    irish: Proj,
    wgs84: Proj,
}

impl GridToWgs84 {
    /// Parses the three projection definitions.
    pub fn new() -> Result<Self, String> {
        let parse = |def: &str| Proj::from_proj_string(def).map_err(|e| format!("{def}: {e:?}"));
        Ok(GridToWgs84 {
            british: parse(BRITISH)?,
            irish: parse(IRISH)?,
            wgs84: parse(WGS84)?,
        })
    }

    /// Converts an easting and northing in metres on `grid` to latitude and longitude.
    pub fn convert(&self, grid: Grid, easting: f64, northing: f64) -> Result<LatLon, String> {
        let from = match grid {
            Grid::British => &self.british,
            Grid::Irish => &self.irish,
        };
        let mut point = (easting, northing, 0.0);
        proj4rs::transform::transform(from, &self.wgs84, &mut point)
            .map_err(|e| format!("cannot convert {easting},{northing} on {grid:?}: {e:?}"))?;
        Ok(LatLon::new(point.1.to_degrees(), point.0.to_degrees()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(got: LatLon, lat: f64, lon: f64, metres: f64) {
        let d = got.distance_km(&LatLon::new(lat, lon)) * 1000.0;
        assert!(
            d <= metres,
            "{got:?} is {d:.1} m from {lat},{lon} (allowed {metres} m)"
        );
    }

    /// OS, *Transformations and OSGM15 User Guide*, Annexe A: Caister Water Tower,
    /// ETRS89 52.658007833 N, 1.716073973 E; OSGB36 grid 651409.804 E, 313177.450 N
    /// (ETRS89 grid 651307.003, 313255.686 plus the OSTN15 shifts 102.801, -78.236).
    /// The seven-parameter Helmert shift is good to a few metres against OSTN15.
    #[test]
    fn the_os_caister_water_tower_reference_point_converts_within_a_few_metres() {
        let g = GridToWgs84::new().unwrap();
        near(
            g.convert(Grid::British, 651409.804, 313177.450).unwrap(),
            52.658007833,
            1.716073973,
            6.0,
        );
    }

    /// OS grid reference TR 143 599 (614300 E, 159900 N) is ETRS89 51.297880 N,
    /// 1.072628 E (the worked example of the OSTN02 transformation modules).
    #[test]
    fn the_tr143599_reference_point_converts_within_a_few_metres() {
        let g = GridToWgs84::new().unwrap();
        near(
            g.convert(Grid::British, 614300.0, 159900.0).unwrap(),
            51.297880,
            1.072628,
            6.0,
        );
    }

    /// Each grid's true origin is defined on its own datum: British 49 N 2 W at
    /// (400000, -100000); Irish 53.5 N 8 W at (200000, 250000). In WGS84 they sit a
    /// datum shift away (about 100 m for OSGB36, a few tens of metres for TM65).
    #[test]
    fn each_grid_s_true_origin_lands_within_a_datum_shift_of_its_definition() {
        let g = GridToWgs84::new().unwrap();
        near(
            g.convert(Grid::British, 400000.0, -100000.0).unwrap(),
            49.0,
            -2.0,
            150.0,
        );
        near(
            g.convert(Grid::Irish, 200000.0, 250000.0).unwrap(),
            53.5,
            -8.0,
            150.0,
        );
    }
}
