//! Points on the Earth and the distances between them.
//!
//! The R-tree stores each point as a unit vector in 3-D: the straight-line (chord)
//! distance between two unit vectors grows strictly with the great-circle distance, so
//! the tree's nearest-first order is the true nearest-first order at any latitude, which
//! a flat latitude/longitude tree would not give across the UK's 50°–61° span.

use crate::trig::sin_cos;
use serde::{Deserialize, Serialize};

/// The mean Earth radius (IUGG), as `geo`'s haversine uses it, in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A WGS84 latitude and longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

impl LatLon {
    /// A point, unchecked.
    pub const fn new(lat: f64, lon: f64) -> Self {
        LatLon { lat, lon }
    }

    /// Whether both numbers are finite and within the globe's ranges.
    pub fn is_valid(&self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lon)
    }

    /// Great-circle distance in kilometres, by the haversine formula (as `geo`'s
    /// `Haversine`, which the tests compare it with; written here on [`sin_cos`] to keep
    /// the standard trigonometry's 5 KB out of the wasm).
    pub fn distance_km(&self, other: &LatLon) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let (half_dlat, _) = sin_cos((lat2 - lat1) / 2.0);
        let (half_dlon, _) = sin_cos((other.lon - self.lon).to_radians() / 2.0);
        let (_, cos1) = sin_cos(lat1);
        let (_, cos2) = sin_cos(lat2);
        let a = half_dlat * half_dlat + cos1 * cos2 * half_dlon * half_dlon;
        2.0 * a.sqrt().clamp(0.0, 1.0).asin() * EARTH_RADIUS_KM
    }

    /// The point as a unit vector.
    pub fn to_unit_vector(self) -> [f64; 3] {
        let (sin_lat, cos_lat) = sin_cos(self.lat.to_radians());
        let (sin_lon, cos_lon) = sin_cos(self.lon.to_radians());
        [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat]
    }

    /// The point as the R-trees' key: its unit vector in single precision, good to about
    /// half a metre on the ground (results are re-ranked by exact distance).
    pub(crate) fn tree_key(self) -> [f32; 3] {
        let [x, y, z] = self.to_unit_vector();
        [x as f32, y as f32, z as f32]
    }

    /// Parses "52.13,-0.46" (the CLI's form); explains what was expected otherwise.
    pub fn parse(text: &str) -> Result<LatLon, String> {
        let (lat, lon) = text.split_once(',').ok_or_else(|| {
            format!("expected \"lat,lon\" such as \"52.136,-0.467\", found {text:?}")
        })?;
        let number = |s: &str, what: &str| {
            s.trim()
                .parse::<f64>()
                .map_err(|_| format!("expected a number for {what}, found {:?}", s.trim()))
        };
        let point = LatLon::new(number(lat, "latitude")?, number(lon, "longitude")?);
        if point.is_valid() {
            Ok(point)
        } else {
            Err(format!(
                "expected lat within ±90 and lon within ±180, found {}",
                text.trim()
            ))
        }
    }
}

/// Kilometres in a statute mile (the page shows miles; the engine works in km).
pub const KM_PER_MILE: f64 = 1.609_344;

/// The corner south-west of the UK that Haven's files and grids count from, so a UK
/// point is a small positive number of steps on each axis.
pub(crate) const GRID_ORIGIN: LatLon = LatLon::new(49.0, -9.0);

/// Whole steps of `1 / per_degree` degrees from [`GRID_ORIGIN`].
pub(crate) fn to_steps(p: LatLon, per_degree: f64) -> (i32, i32) {
    (
        ((p.lat - GRID_ORIGIN.lat) * per_degree).round() as i32,
        ((p.lon - GRID_ORIGIN.lon) * per_degree).round() as i32,
    )
}

/// The point [`to_steps`] came from (unchecked: it may lie off the globe).
pub(crate) fn from_steps((lat, lon): (i32, i32), per_degree: f64) -> LatLon {
    LatLon::new(
        GRID_ORIGIN.lat + f64::from(lat) / per_degree,
        GRID_ORIGIN.lon + f64::from(lon) / per_degree,
    )
}

/// The directory bundle keeps points in 1e-5° steps (about a metre), so a UK point
/// needs three bytes per axis.
const BUNDLE_STEPS: f64 = 100_000.0;

/// A point as whole 1e-5° steps from the UK's south-west corner.
pub(crate) fn quantise(p: LatLon) -> (i32, i32) {
    to_steps(p, BUNDLE_STEPS)
}

/// The point of [`quantise`]d steps, if it is on the globe.
pub(crate) fn dequantise(steps: (i32, i32)) -> Option<LatLon> {
    let p = from_steps(steps, BUNDLE_STEPS);
    p.is_valid().then_some(p)
}

/// The chord length between unit vectors that are `km` apart on the surface.
#[cfg(test)]
pub fn km_to_chord(km: f64) -> f64 {
    let angle = (km / EARTH_RADIUS_KM).min(std::f64::consts::PI);
    2.0 * sin_cos(angle / 2.0).0
}

/// The surface distance in kilometres for a chord between unit vectors.
pub fn chord_to_km(chord: f64) -> f64 {
    2.0 * (chord / 2.0).clamp(0.0, 1.0).asin() * EARTH_RADIUS_KM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chord_and_surface_distances_agree() {
        let bedford = LatLon::new(52.136, -0.467);
        let hereford = LatLon::new(52.056, -2.716);
        let [a, b] = [bedford.to_unit_vector(), hereford.to_unit_vector()];
        let chord = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
        let km = bedford.distance_km(&hereford);
        assert!(
            (chord_to_km(chord) - km).abs() < 1e-6,
            "{} vs {km}",
            chord_to_km(chord)
        );
        assert!((km_to_chord(km) - chord).abs() < 1e-12);
        assert!(
            (150.0..160.0).contains(&km),
            "Bedford to Hereford is about 154 km, got {km}"
        );
    }

    #[test]
    fn distances_match_geo_haversine_across_the_uk_and_beyond() {
        use geo::{Distance, Haversine, Point};
        let places = [
            (52.136, -0.467),
            (52.056, -2.716),
            (51.481, -3.179),
            (55.953, -3.189),
            (54.597, -5.930),
            (60.155, -1.145),
            (49.914, -6.316),
            (-33.9, 151.2),
            (0.0, 179.9),
            (0.0, -179.9),
        ];
        for &(a_lat, a_lon) in &places {
            for &(b_lat, b_lon) in &places {
                let ours = LatLon::new(a_lat, a_lon).distance_km(&LatLon::new(b_lat, b_lon));
                let geo = Haversine::distance(Point::new(a_lon, a_lat), Point::new(b_lon, b_lat))
                    / 1000.0;
                assert!(
                    (ours - geo).abs() < 1e-6,
                    "{a_lat},{a_lon} to {b_lat},{b_lon}: {ours} vs {geo}"
                );
            }
        }
    }

    #[test]
    fn a_point_is_parsed_from_the_cli_form_or_rejected_with_a_reason() {
        assert_eq!(
            LatLon::parse(" 52.1, -0.4 ").unwrap(),
            LatLon::new(52.1, -0.4)
        );
        assert!(LatLon::parse("52.1").unwrap_err().contains("lat,lon"));
        assert!(LatLon::parse("abc,1").unwrap_err().contains("latitude"));
        assert!(LatLon::parse("95,1").unwrap_err().contains("±90"));
        assert!(LatLon::parse("NaN,1").is_err());
    }
}
