//! Answering a query, once it is checked and its places found: either nearest-first through the R-tree or a scan of every record. The two share the filter
//! and the collector, so they differ only in which candidates they look at; the
//! property tests hold them to the same answer.

use super::check::QueryError;
use super::criteria::answers;
use super::filter::{Prepared, Verdict};
use super::reasons::HideReason;
use super::relevance::rank;
use super::resolve::{resolve, Resolved};
use super::response::{AreaRef, Hit, Pairs, Response};
use super::types::{Query, Sort};
use crate::index::Directory;

/// Slack between the tree's single-precision distances and exact haversine distances
/// (f32 unit vectors are good to about half a metre).
const EPSILON_KM: f64 = 0.01;

impl Directory {
    /// Searches through the index. Names in `near` and `avoid` are looked up in the
    /// gazetteer; the query is checked first, and any mistake names its field.
    pub fn search(&self, query: &Query) -> Result<Response, QueryError> {
        let resolved = resolve(self, query)?;
        Ok(search_indexed(self, query, &resolved))
    }

    /// Answers the same query by looking at every service: the reference the index is
    /// tested against, and the baseline of the benchmarks.
    pub fn scan(&self, query: &Query) -> Result<Response, QueryError> {
        let resolved = resolve(self, query)?;
        Ok(search_scan(self, query, &resolved))
    }
}

struct Collector<'a> {
    dir: &'a Directory,
    prepared: Prepared<'a>,
    radius_km: f64,
    limit: usize,
    sort: Sort,
    include_failing: bool,
    found: Vec<Entry>,
    hidden: Vec<Entry>,
}

/// A service looked at: its distance for ordering (0 for services with no premises,
/// which serve wherever the person is), relevance rank, index, and what it meets, or
/// why it is hidden; `key` puts it in the query's order before distance does.
#[derive(Clone)]
struct Entry {
    key: u64,
    distance: f64,
    rank: u8,
    index: u32,
    verdict: Verdict,
    hidden_by: Option<HideReason>,
}

/// By key, then nearest first, ties by relevance and then bundle order (a total order,
/// so an unstable sort gives the same answer every time). One function for every list
/// and order: each sort instantiated costs the wasm kilobytes.
fn sort_nearest(entries: &mut [Entry]) {
    entries.sort_unstable_by(|a, b| {
        a.key
            .cmp(&b.key)
            .then(a.distance.total_cmp(&b.distance))
            .then(a.rank.cmp(&b.rank))
            .then(a.index.cmp(&b.index))
    });
}

impl<'a> Collector<'a> {
    fn new(dir: &'a Directory, query: &'a Query, resolved: &Resolved) -> Collector<'a> {
        Collector {
            dir,
            prepared: Prepared::new(query, resolved, dir),
            radius_km: query.radius_km.unwrap_or(f64::INFINITY),
            limit: query.effective_limit(),
            sort: query.sort,
            include_failing: query.include_failing,
            found: Vec::new(),
            hidden: Vec::new(),
        }
    }

    /// Looks at one service.
    fn offer(&mut self, index: u32) {
        let i = index as usize;
        let Some(profile) = self.dir.profile(i) else {
            return;
        };
        if !self.prepared.wants_kind(profile.kind) {
            return;
        }
        let point = self.dir.point(i);
        let distance = match point {
            Some(p) => p.distance_km(&self.prepared.near),
            None => 0.0,
        };
        if point.is_some() && distance > self.radius_km {
            return;
        }
        let dir = self.dir;
        let mut entry = Entry {
            key: 0,
            distance,
            rank: rank(profile, self.prepared.origin_area),
            index,
            verdict: Verdict::default(),
            hidden_by: None,
        };
        entry.verdict = self.prepared.check(profile, point, || dir.words(i));
        entry.hidden_by = entry.verdict.fails.first().copied();
        if entry.hidden_by.is_some() {
            self.hidden.push(entry);
        } else {
            self.found.push(entry);
        }
    }

    /// The distance of the last result once the list is full (nearest-first only: any
    /// other order must see every service in the radius).
    fn cutoff(&mut self) -> Option<f64> {
        if self.found.len() < self.limit || self.sort != Sort::Distance {
            return None;
        }
        sort_nearest(&mut self.found);
        self.found.get(self.limit - 1).map(|f| f.distance)
    }

    /// Puts entries in the query's order, nearest first among equals.
    fn order(&self, entries: &mut [Entry]) {
        let today = self.prepared.query.today;
        let brought = &self.prepared.criteria;
        for e in entries.iter_mut() {
            e.key = match self.sort {
                // Those that meet every criterion first; those with something unknown
                // after them.
                Sort::Distance => u64::from(!e.verdict.unknown.is_empty()),
                // Space now, then any other vacancy newest first, then none.
                Sort::Vacancy => {
                    let vacancy = self.dir.service(e.index as usize).and_then(|s| s.vacancy);
                    vacancy.map_or(2 << 32, |v| {
                        let now = today.is_some_and(|t| v.space_now(t));
                        let age = u64::from(u32::MAX - v.updated_at.to_days().max(0) as u32);
                        u64::from(!now) << 32 | age
                    })
                }
                // Fewest failed, then most met, then fewest unknown.
                Sort::Criteria => {
                    let stated = e.verdict.known.iter().filter(|(c, _)| brought.contains(c));
                    let (met, known) =
                        stated.fold((0u64, 0u64), |(m, k), (_, ok)| (m + u64::from(*ok), k + 1));
                    let all = brought.len() as u64;
                    (e.verdict.fails.len() as u64) << 32 | (all - met) << 16 | (all - known)
                }
            };
        }
        sort_nearest(entries);
    }

    fn finish(mut self) -> Response {
        let cutoff = self.cutoff().unwrap_or(f64::INFINITY);
        let mut found = std::mem::take(&mut self.found);
        sort_nearest(&mut found);
        if self.sort == Sort::Distance {
            found.truncate(self.limit);
        }
        self.order(&mut found);
        found.truncate(self.limit);
        let mut hidden = std::mem::take(&mut self.hidden);
        hidden.retain(|h| h.distance <= cutoff);
        sort_nearest(&mut hidden);
        let mut counts = vec![0u32; HideReason::count()];
        for reason in hidden.iter().filter_map(|h| h.hidden_by) {
            if let Some(n) = counts.get_mut(reason.position()) {
                *n += 1;
            }
        }
        let hidden_counts: Pairs<u32> = HideReason::all()
            .into_iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(r, n)| (r.code(), n))
            .collect();
        // What fails only the household's criteria, listed after the rest on request:
        // never what lies near a place to avoid, nor what lacks the words searched for.
        let mut failing: Vec<Entry> = hidden
            .iter()
            .filter(|e| {
                self.include_failing
                    && !e
                        .verdict
                        .fails
                        .iter()
                        .any(|r| matches!(r, HideReason::Avoid | HideReason::Text))
            })
            .cloned()
            .collect();
        self.order(&mut failing);
        let dir = self.dir;
        let criteria = &self.prepared.criteria;
        let include_failing = self.include_failing;
        let hit = |e: Entry| {
            let shown = dir.point(e.index as usize).map(|_| e.distance);
            let known = e.verdict.known.clone();
            let fails = include_failing.then(|| e.verdict.fails.clone());
            // A hidden service's card says why it is hidden, not what it meets.
            let verdict = if e.hidden_by.is_some() {
                Verdict::default()
            } else {
                e.verdict
            };
            let mut hit = Hit::of(dir, e.index as usize, shown, verdict)?;
            hit.hidden_by = e.hidden_by;
            hit.criteria = answers(criteria, &known).collect();
            hit.fails = fails;
            Some(hit)
        };
        let results = found
            .into_iter()
            .chain(failing.into_iter().take(self.limit))
            .filter_map(&hit)
            .collect();
        let hidden_results = hidden
            .into_iter()
            .take(self.limit)
            .filter_map(&hit)
            .collect();
        Response {
            origin: self.prepared.near,
            area: self.prepared.origin_area.map(|(_, a)| AreaRef {
                code: a.code.clone(),
                name: a.name.clone(),
            }),
            results,
            hidden: hidden_counts,
            hidden_results,
        }
    }
}

/// Nearest first through the R-tree, stopping at the radius or once the list is full
/// and nothing nearer can follow.
fn search_indexed(dir: &Directory, query: &Query, resolved: &Resolved) -> Response {
    let mut collector = Collector::new(dir, query, resolved);
    for &index in dir.remote() {
        collector.offer(index);
    }
    let mut full_at: Option<f64> = None;
    for (index, km) in dir.nearest(resolved.near) {
        if km > collector.radius_km + EPSILON_KM || full_at.is_some_and(|f| km > f + EPSILON_KM) {
            break;
        }
        collector.offer(index);
        if full_at.is_none() && collector.found.len() >= collector.limit {
            full_at = collector.cutoff();
        }
    }
    collector.finish()
}

/// Every service, one by one.
fn search_scan(dir: &Directory, query: &Query, resolved: &Resolved) -> Response {
    let mut collector = Collector::new(dir, query, resolved);
    for index in 0..dir.len() as u32 {
        collector.offer(index);
    }
    collector.finish()
}
