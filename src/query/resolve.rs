//! A query made ready to search: checked once, and its postcodes and places found
//! through the directory's gazetteer.

use super::check::{check_point, QueryError};
use super::types::{Location, Query};
use crate::geometry::LatLon;
use crate::index::Directory;

/// A query's places as points.
pub(crate) struct Resolved {
    pub near: LatLon,
    pub avoid: Vec<(LatLon, f64)>,
}

/// Checks the query and finds its places (one loop, so the wasm holds one copy of
/// the lookup).
pub(crate) fn resolve(dir: &Directory, query: &Query) -> Result<Resolved, QueryError> {
    query.check()?;
    let places =
        std::iter::once((&query.near, 0.0)).chain(query.avoid.iter().map(|z| (&z.centre, z.km)));
    let mut points = Vec::with_capacity(query.avoid.len() + 1);
    for (i, (location, km)) in places.enumerate() {
        let point = match location {
            Location::Point(p) => *p,
            Location::Named(name) => {
                let field = match i {
                    0 => "near".to_string(),
                    i => format!("avoid[{}].place", i - 1),
                };
                let p = dir.locate(name).map_err(|e| QueryError::new(&field, e))?;
                check_point(&field, p)?
            }
        };
        points.push((point, km));
    }
    let near = points.remove(0).0;
    Ok(Resolved {
        near,
        avoid: points,
    })
}
