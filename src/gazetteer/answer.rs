//! What a lookup answers, in the shape `haven geocode --json` and `finder.geocode` share.

use crate::codes::code_enum;
use crate::geometry::LatLon;
use serde::Serialize;

code_enum! {
    /// How precise an answer is.
    pub enum Precision: "precision" {
        /// A postcode sector ("MK40 1"), typically a few hundred metres across.
        Sector = "sector",
        /// A postcode district ("MK40"), typically a few kilometres across.
        District = "district",
        /// A town, village or council area.
        Place = "place",
    }
}

/// One place a query could mean.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// What to show, e.g. "MK40 1, Bedford" or "Newport, Isle of Wight".
    pub label: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Council area GSS code.
    pub area_code: String,
    /// Council area name.
    pub area_name: String,
    /// How precise it is.
    pub precision: Precision,
}

impl Candidate {
    pub(crate) fn new(
        label: String,
        point: LatLon,
        area_code: &str,
        area_name: &str,
        precision: Precision,
    ) -> Candidate {
        // The tables hold five decimals (about a metre); means of them need no more, and
        // rounding makes the CSV-built and file-built gazetteers answer identically.
        let round = |x: f64| (x * 1e5).round() / 1e5;
        Candidate {
            label,
            lat: round(point.lat),
            lon: round(point.lon),
            area_code: area_code.into(),
            area_name: area_name.into(),
            precision,
        }
    }

    /// The point.
    pub fn point(&self) -> LatLon {
        LatLon::new(self.lat, self.lon)
    }
}

/// The answer to a lookup: the best match, and every match when a name is ambiguous
/// (most populous first; empty for postcodes). Serialised flat:
/// `{"query","label","lat","lon","area_code","area_name","precision","candidates"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// What was asked.
    pub query: String,
    /// The best match.
    #[serde(flatten)]
    pub best: Candidate,
    /// Every match, best first, when there is more than one.
    pub candidates: Vec<Candidate>,
}

impl std::ops::Deref for Answer {
    type Target = Candidate;

    fn deref(&self) -> &Candidate {
        &self.best
    }
}

impl Answer {
    pub(crate) fn single(query: &str, best: Candidate) -> Answer {
        Answer {
            query: query.into(),
            best,
            candidates: vec![],
        }
    }

    pub(crate) fn from_candidates(query: &str, candidates: Vec<Candidate>) -> Option<Answer> {
        let best = candidates.first()?.clone();
        let candidates = if candidates.len() > 1 {
            candidates
        } else {
            vec![]
        };
        Some(Answer {
            query: query.into(),
            best,
            candidates,
        })
    }
}
