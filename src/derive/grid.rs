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
const IRISH: &str = "+proj=tmerc +lat_0=53.5 +lon_0=-8 +k=1.000035 +x_0=200000 \
    +y_0=250000 +ellps=mod_airy +towgs84=482.5,-130.6,564.6,-1.042,-0.214,-0.631,8.15 \
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
