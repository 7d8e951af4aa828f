//! What search needs to know of a service, decoded for every service when a bundle
//! loads. Everything else (names, descriptions, phones, sources) stays encoded in the
//! bundle until a service is shown or its words are searched, which keeps loading fast.

use crate::areas::Nation;
use crate::codes::CodeSet;
use crate::date::Date;
use crate::geometry::LatLon;
use crate::model::{Eligibility, Kind};

/// Where a service is, with its council area as a position in the area table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Placement {
    /// A public office at this point.
    Exact { point: LatLon, area: u16 },
    /// Confidential: only its council area.
    Area(u16),
    /// No premises.
    Remote,
}

impl Placement {
    pub fn area(self) -> Option<u16> {
        match self {
            Placement::Exact { area, .. } | Placement::Area(area) => Some(area),
            Placement::Remote => None,
        }
    }

    pub fn is_confidential(self) -> bool {
        matches!(self, Placement::Area(_))
    }
}

/// An area a service serves, with council areas as table positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Covers {
    Uk,
    Nation(Nation),
    Area(u16),
}

/// Whether a service with this coverage serves someone in council area `area` (a table
/// position) of nation `nation`; a service that states no coverage serves anyone.
pub(crate) fn serves(coverage: &[Covers], area: Option<u16>, nation: Option<Nation>) -> bool {
    coverage.is_empty()
        || coverage.iter().any(|c| match *c {
            Covers::Uk => true,
            Covers::Nation(n) => nation == Some(n),
            Covers::Area(code) => area == Some(code),
        })
}

/// The searchable facts of one service.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Profile {
    pub kind: Kind,
    pub place: Placement,
    pub coverage: Vec<Covers>,
    pub eligibility: Eligibility,
    pub communities: CodeSet,
    /// Bits into the bundle's language list.
    pub languages: u64,
    pub interpreters: bool,
    /// The day an "available" vacancy was last updated.
    pub space_on: Option<Date>,
    pub example: bool,
    /// Not specific to domestic abuse.
    pub general: bool,
    /// Reachable by text, web chat or video.
    pub non_voice: bool,
}
