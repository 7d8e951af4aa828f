//! The searchable directory: services in an R-tree, plus the services with no premises.

use crate::areas::{Area, AreaTable};
use crate::bundle::{self, Bundle, BundleError};
use crate::geometry::LatLon;
use crate::model::{Place, Service};
use crate::query::{search_indexed, search_scan, Query, QueryError, Response};
use rstar::primitives::GeomWithData;
use rstar::RTree;

/// A tree entry: a service's point as a unit vector, and the service's position.
pub(crate) type Entry = GeomWithData<[f64; 3], u32>;

/// A loaded, indexed directory.
#[derive(Debug, Clone)]
pub struct Directory {
    pub(crate) services: Vec<Service>,
    pub(crate) areas: AreaTable,
    /// Where each service sits for distances: its own point, its area's point, or
    /// nowhere (services with no premises).
    pub(crate) points: Vec<Option<LatLon>>,
    pub(crate) tree: RTree<Entry>,
    /// Services with no premises, found through their coverage.
    pub(crate) remote: Vec<u32>,
    built_on: crate::Date,
}

impl Directory {
    /// Indexes a bundle's services.
    pub fn new(bundle: Bundle) -> Directory {
        let Bundle {
            areas,
            services,
            built_on,
        } = bundle;
        let points: Vec<Option<LatLon>> = services
            .iter()
            .map(|s| match &s.place {
                Place::Exact { point, .. } => Some(*point),
                Place::Area { area } => areas.get(area).map(|a| a.point),
                Place::Remote => None,
            })
            .collect();
        let entries: Vec<Entry> = points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some(GeomWithData::new(p.as_ref()?.to_unit_vector(), i as u32)))
            .collect();
        let remote = (0..services.len() as u32)
            .filter(|&i| points[i as usize].is_none())
            .collect();
        Directory {
            services,
            areas,
            points,
            tree: RTree::bulk_load(entries),
            remote,
            built_on,
        }
    }

    /// Decodes and indexes a bundle file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Directory, BundleError> {
        bundle::decode(bytes).map(Directory::new)
    }

    /// Searches through the index.
    pub fn search(&self, query: &Query) -> Result<Response, QueryError> {
        query.check()?;
        Ok(search_indexed(self, query))
    }

    /// Answers the same query by looking at every service: the reference the index is
    /// tested against, and the baseline of the benchmarks.
    pub fn scan(&self, query: &Query) -> Result<Response, QueryError> {
        query.check()?;
        Ok(search_scan(self, query))
    }

    /// The services, in bundle order.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The council areas.
    pub fn areas(&self) -> &AreaTable {
        &self.areas
    }

    /// When the bundle was built.
    pub fn built_on(&self) -> crate::Date {
        self.built_on
    }

    /// How many services are demonstration records.
    pub fn example_count(&self) -> usize {
        self.services
            .iter()
            .filter(|s| s.provenance.example)
            .count()
    }

    /// The council area a point is in, as far as the directory alone can tell (the area
    /// whose representative point is nearest).
    pub fn area_of(&self, point: LatLon) -> Option<&Area> {
        self.areas.nearest(point)
    }
}
