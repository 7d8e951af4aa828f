//! The searchable directory: service profiles in an R-tree, plus the services with no
//! premises, with each service's full record read from the bundle only when shown.
//! The query module searches it through the methods here. Vacancy updates laid over it
//! (`src/vacancies/`) are held here too, since records stay encoded in the bundle.

use crate::areas::{Area, AreaTable};
use crate::bundle::{self, Bundle, Loaded};
use crate::container::{FileError, WriteError, DIRECTORY};
use crate::date::Date;
use crate::gazetteer::{council_by_code, Answer, Gazetteer};
use crate::geometry::LatLon;
use crate::model::{Language, Service, Vacancy, VacancyStatus};
use crate::profile::{Placement, Profile};
use crate::text::fold;
use crate::tree::PointTree;

/// A loaded, indexed directory.
#[derive(Debug, Clone)]
pub struct Directory {
    bundle: Loaded,
    tree: PointTree,
    /// Services with no premises, found through their coverage.
    remote: Vec<u32>,
    /// Postcodes and places, once loaded: finer council lookup and text locations.
    gazetteer: Option<Gazetteer>,
    /// Vacancies newer than the bundle's own, by service index in ascending order (a
    /// day's updates touch few services, so a sorted list beats a slot per service).
    vacancies: Vec<(u32, Vacancy)>,
}

impl Directory {
    /// Indexes a bundle's services (by writing and reading its bytes, so a directory
    /// built in memory behaves exactly like one loaded from a file).
    /// Fails only when the bundle cannot be written (see [`Bundle::encode`]).
    pub fn new(bundle: &Bundle) -> Result<Directory, WriteError> {
        let bytes = bundle.encode()?;
        // What was just written always reads; if it ever did not, say so as a write
        // failure rather than panic.
        Directory::from_bytes(&bytes).map_err(|e| DIRECTORY.unwritable(e.to_string()))
    }

    /// Decodes and indexes a bundle file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Directory, FileError> {
        let bundle = bundle::load(bytes)?;
        let mut points = Vec::with_capacity(bundle.profiles.len());
        let mut remote = Vec::new();
        for (i, p) in (0..).zip(&bundle.profiles) {
            match point_of(&bundle, p) {
                Some(point) => points.push((point, i)),
                None => remote.push(i),
            }
        }
        Ok(Directory {
            tree: PointTree::new(points),
            bundle,
            remote,
            gazetteer: None,
            vacancies: Vec::new(),
        })
    }

    /// Services with a place nearest `origin` first, each with its distance in km as
    /// the tree measures it (within about a metre of the exact distance).
    pub(crate) fn nearest(&self, origin: LatLon) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.tree.nearest(origin)
    }

    /// Services with no premises, in bundle order.
    pub(crate) fn remote(&self) -> &[u32] {
        &self.remote
    }

    /// What search needs to know of service `i`.
    pub(crate) fn profile(&self, i: usize) -> Option<&Profile> {
        self.bundle.profiles.get(i)
    }

    /// Where service `i` sits for distances: its own point, its area's point, or nowhere
    /// (services with no premises).
    pub(crate) fn point(&self, i: usize) -> Option<LatLon> {
        point_of(&self.bundle, self.bundle.profiles.get(i)?)
    }

    /// The folded words of service `i` (name, organisation, description, kind, area),
    /// for text search.
    pub(crate) fn words(&self, i: usize) -> String {
        let (Ok(record), Some(profile)) = (self.bundle.record(i), self.profile(i)) else {
            return String::new();
        };
        let area = profile
            .place
            .area()
            .and_then(|a| self.areas().by_index(a))
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

    /// Heap bytes the R-tree uses (its nodes and entries), for the memory budget.
    pub fn index_bytes(&self) -> usize {
        self.tree.heap_bytes() + self.remote.len() * std::mem::size_of::<u32>()
    }

    /// How many services the directory holds.
    pub fn len(&self) -> usize {
        self.bundle.profiles.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.bundle.profiles.is_empty()
    }

    /// Service `i` in full (records are checked at load, so this fails only for an
    /// index past the end), with the newest vacancy applied to it.
    pub fn service(&self, i: usize) -> Option<Service> {
        let mut service = self.bundle.service(i).ok()?;
        if let Some(v) = self.overlay(i) {
            service.vacancy = Some(v.clone());
        }
        Some(service)
    }

    /// The id of service `i`, without reading the rest of its record.
    pub(crate) fn id(&self, i: usize) -> Option<&str> {
        self.bundle.id(i)
    }

    /// Service `i`'s vacancy: an applied update, else its record's.
    pub(crate) fn vacancy(&self, i: usize) -> Option<Vacancy> {
        match self.overlay(i) {
            Some(v) => Some(v.clone()),
            None => self.bundle.vacancy(i).ok().flatten(),
        }
    }

    /// Replaces service `i`'s vacancy, and the day search counts space from.
    pub(crate) fn set_vacancy(&mut self, i: usize, vacancy: Vacancy) {
        let (Some(profile), Ok(key)) = (self.bundle.profiles.get_mut(i), u32::try_from(i)) else {
            return;
        };
        profile.space_on =
            (vacancy.status == VacancyStatus::Available).then_some(vacancy.updated_at);
        match self.vacancies.binary_search_by_key(&key, |(k, _)| *k) {
            Ok(at) => self.vacancies[at].1 = vacancy,
            Err(at) => self.vacancies.insert(at, (key, vacancy)),
        }
    }

    fn overlay(&self, i: usize) -> Option<&Vacancy> {
        let key = u32::try_from(i).ok()?;
        let at = self
            .vacancies
            .binary_search_by_key(&key, |(k, _)| *k)
            .ok()?;
        self.vacancies.get(at).map(|(_, v)| v)
    }

    /// The council areas.
    pub fn areas(&self) -> &AreaTable {
        &self.bundle.areas
    }

    /// The languages any service speaks.
    pub fn languages(&self) -> &[Language] {
        &self.bundle.languages
    }

    /// When the bundle was built.
    pub fn built_on(&self) -> Date {
        self.bundle.built_on
    }

    /// How many services are demonstration records.
    pub fn example_count(&self) -> usize {
        self.bundle.profiles.iter().filter(|p| p.example).count()
    }

    /// Adds the gazetteer (it can arrive after the directory, as its own file).
    pub fn set_gazetteer(&mut self, gazetteer: Gazetteer) {
        self.gazetteer = Some(gazetteer);
    }

    /// The gazetteer, once set.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer.as_ref()
    }

    /// The council area a point is in: from the gazetteer's postcode sectors when it is
    /// loaded, else the area whose representative point is nearest.
    pub fn area_of(&self, point: LatLon) -> Option<&Area> {
        let from_gazetteer = self
            .gazetteer
            .as_ref()
            .and_then(|g| g.area_of(point))
            .and_then(|(code, _)| self.areas().get(code));
        from_gazetteer.or_else(|| self.bundle.areas.nearest(point))
    }

    /// Resolves a council area's GSS code (from the directory's own area table, so it
    /// needs no gazetteer), a postcode or a place name; `None` when nothing matches.
    pub fn geocode(&self, text: &str) -> Option<Answer> {
        council_by_code(self.areas(), text).or_else(|| self.gazetteer.as_ref()?.geocode(text))
    }

    /// Where a council's GSS code, a postcode or a place name is, for a query's `near`
    /// or `avoid` given as text.
    pub fn locate(&self, text: &str) -> Result<LatLon, String> {
        if let Some(council) = council_by_code(self.areas(), text) {
            return Ok(council.point());
        }
        let gazetteer = self
            .gazetteer
            .as_ref()
            .ok_or("postcodes and place names need the gazetteer; load it first")?;
        gazetteer
            .geocode(text)
            .map(|a| a.point())
            .ok_or_else(|| format!("no postcode or place matches \"{}\"", text.trim()))
    }
}

fn point_of(bundle: &Loaded, profile: &Profile) -> Option<LatLon> {
    match profile.place {
        Placement::Exact { point, .. } => Some(point),
        Placement::Area(area) => bundle.areas.by_index(area).map(|a| a.point),
        Placement::Remote => None,
    }
}
