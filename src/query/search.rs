//! The two ways of answering a query: nearest-first through the R-tree, and a scan of
//! every record. They share the filter and the collector, so they differ only in which
//! candidates they look at; the property tests hold them to the same answer.

use super::filter::{HideReason, Prepared};
use super::response::{AreaRef, Hit, Pairs, Response};
use super::Query;
use crate::geometry::{chord_to_km, LatLon};
use crate::index::Directory;
use crate::text::fold;

/// Slack between the tree's single-precision chord distances and exact haversine
/// distances (f32 unit vectors are good to about half a metre).
const EPSILON_KM: f64 = 0.01;

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
            prepared: Prepared::new(query, dir),
            radius_km: query.radius_km.unwrap_or(f64::INFINITY),
            limit: query.effective_limit(),
            found: Vec::new(),
            hidden: Vec::new(),
        }
    }

    /// The folded words of service `index`, for text search.
    fn words(&self, index: usize) -> String {
        let Ok(record) = self.dir.bundle.record(index) else {
            return String::new();
        };
        let profile = &self.dir.bundle.profiles[index];
        let area = profile
            .place
            .area()
            .and_then(|a| self.dir.areas().by_index(a))
            .map_or("", |a| a.name.as_str());
        let parts = [
            record.name,
            record.organisation.unwrap_or(""),
            record.description,
            profile.kind.label(),
            area,
        ];
        fold(&parts.join(" "))
    }

    /// Looks at one service.
    fn offer(&mut self, index: u32) {
        let i = index as usize;
        let Some(profile) = self.dir.bundle.profiles.get(i) else {
            return;
        };
        if !self.prepared.wants_kind(profile.kind) {
            return;
        }
        let point = self.dir.point(i);
        let distance = match point {
            Some(p) => p.distance_km(&self.prepared.query.near),
            None => 0.0,
        };
        if point.is_some() && distance > self.radius_km {
            return;
        }
        match self.prepared.check(profile, point, || self.words(i)) {
            Ok(matches) => self.found.push((distance, index, matches)),
            Err(reason) => self.hidden.push((distance, reason)),
        }
    }

    /// Orders what was found nearest first, ties in bundle order (a total order, so an
    /// unstable sort gives the same answer every time).
    fn sort(&mut self) {
        self.found
            .sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
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
        let hidden: Pairs<u32> = HideReason::ALL
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(r, n)| (r.code(), n))
            .collect();
        let dir = self.dir;
        let results = self
            .found
            .into_iter()
            .filter_map(|(distance, index, matches)| {
                let service = dir.service(index as usize)?;
                let area_name = service
                    .place
                    .area()
                    .and_then(|c| dir.areas().get(c))
                    .map(|a| a.name.as_str());
                let shown = dir.point(index as usize).map(|_| distance);
                Some(Hit::new(&service, area_name, shown, matches))
            })
            .collect();
        let query = self.prepared.query;
        Response {
            origin: query.near,
            area: self.prepared.origin_area.map(|(_, a)| AreaRef {
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
    let [x, y, z] = LatLon::to_unit_vector(query.near);
    let origin = [x as f32, y as f32, z as f32];
    let mut full_at: Option<f64> = None;
    for (entry, d2) in dir.tree.nearest_neighbor_iter_with_distance_2(&origin) {
        let km = chord_to_km(f64::from(d2).sqrt());
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
    for index in 0..dir.len() as u32 {
        collector.offer(index);
    }
    collector.finish()
}
