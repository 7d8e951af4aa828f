//! The two ways of answering a query: nearest-first through the R-tree, and a scan of
//! every record. They share the filter and the collector, so they differ only in which
//! candidates they look at; the property tests hold them to the same answer.

use super::filter::{HideReason, Prepared};
use super::response::{AreaRef, Hit, Pairs, Response};
use super::Query;
use crate::geometry::{chord_to_km, LatLon};
use crate::index::Directory;

/// Slack for comparing the tree's chord distances with haversine distances, whose
/// rounding differs by far less than a millimetre.
const EPSILON_KM: f64 = 1e-6;

struct Collector<'a> {
    dir: &'a Directory,
    prepared: Prepared<'a>,
    radius_km: f64,
    limit: usize,
    /// (distance for ordering, service index, confirmed matches); distance 0 for
    /// services with no premises, which serve wherever the person is.
    found: Vec<(f64, u32, Vec<&'static str>)>,
    hidden: Vec<(f64, HideReason)>,
}

impl<'a> Collector<'a> {
    fn new(dir: &'a Directory, query: &'a Query) -> Collector<'a> {
        Collector {
            dir,
            prepared: Prepared::new(query, |p| dir.area_of(p)),
            radius_km: query.radius_km.unwrap_or(f64::INFINITY),
            limit: query.effective_limit(),
            found: Vec::new(),
            hidden: Vec::new(),
        }
    }

    /// Looks at one service.
    fn offer(&mut self, index: u32) {
        let Some(service) = self.dir.services.get(index as usize) else {
            return;
        };
        if !self.prepared.wants_kind(service.kind) {
            return;
        }
        let point = self.dir.points.get(index as usize).copied().flatten();
        let distance = match point {
            Some(p) => p.distance_km(&self.prepared.query.near),
            None => 0.0,
        };
        if point.is_some() && distance > self.radius_km {
            return;
        }
        let area_name = service
            .place
            .area()
            .and_then(|c| self.dir.areas.get(c))
            .map(|a| a.name.as_str());
        match self.prepared.check(service, point, area_name) {
            Ok(matches) => self.found.push((distance, index, matches)),
            Err(reason) => self.hidden.push((distance, reason)),
        }
    }

    /// Orders what was found nearest first, ties by id (ids are unique, so the order is
    /// total and an unstable sort gives the same answer every time).
    fn sort(&mut self) {
        let services = &self.dir.services;
        self.found.sort_unstable_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then_with(|| services[a.1 as usize].id.cmp(&services[b.1 as usize].id))
        });
    }

    /// The distance of the last result once the list is full.
    fn cutoff(&mut self) -> Option<f64> {
        if self.found.len() < self.limit {
            return None;
        }
        self.sort();
        self.found.get(self.limit - 1).map(|f| f.0)
    }

    fn finish(mut self) -> Response {
        let cutoff = self.cutoff().unwrap_or(f64::INFINITY);
        self.sort();
        self.found.truncate(self.limit);
        let mut counts = [0u32; HideReason::ALL.len()];
        for (_, reason) in self.hidden.iter().filter(|(d, _)| *d <= cutoff) {
            counts[reason.bit() as usize] += 1;
        }
        let hidden = Pairs(
            HideReason::ALL
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(r, n)| (r.code(), n))
                .collect(),
        );
        let dir = self.dir;
        let results = self
            .found
            .into_iter()
            .map(|(distance, index, matches)| {
                let s = &dir.services[index as usize];
                let area_name = s
                    .place
                    .area()
                    .and_then(|c| dir.areas.get(c))
                    .map(|a| a.name.as_str());
                let shown = dir.points[index as usize].map(|_| distance);
                Hit::new(s, area_name, shown, matches)
            })
            .collect();
        let query = self.prepared.query;
        Response {
            origin: query.near,
            area: self.prepared.origin_area.map(|a| AreaRef {
                code: a.code.clone(),
                name: a.name.clone(),
            }),
            results,
            hidden,
        }
    }
}

/// Nearest first through the R-tree, stopping at the radius or once the list is full
/// and nothing nearer can follow.
pub(crate) fn search_indexed(dir: &Directory, query: &Query) -> Response {
    let mut collector = Collector::new(dir, query);
    for &index in &dir.remote {
        collector.offer(index);
    }
    let origin = LatLon::to_unit_vector(query.near);
    let mut full_at: Option<f64> = None;
    for (entry, d2) in dir.tree.nearest_neighbor_iter_with_distance_2(&origin) {
        let km = chord_to_km(d2.sqrt());
        if km > collector.radius_km + EPSILON_KM || full_at.is_some_and(|f| km > f + EPSILON_KM) {
            break;
        }
        collector.offer(entry.data);
        if full_at.is_none() && collector.found.len() >= collector.limit {
            full_at = collector.cutoff();
        }
    }
    collector.finish()
}

/// Every service, one by one.
pub(crate) fn search_scan(dir: &Directory, query: &Query) -> Response {
    let mut collector = Collector::new(dir, query);
    for index in 0..dir.services.len() as u32 {
        collector.offer(index);
    }
    collector.finish()
}
