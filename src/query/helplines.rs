//! Each nation's own helplines: the services that cover a whole nation, which the page
//! shows before anyone has searched (a search then shows those serving the searched
//! area).

use super::reasons::MatchReason;
use super::response::Hit;
use crate::areas::Nation;
use crate::index::Directory;
use crate::model::Kind;
use crate::profile::Covers;
use serde::Serialize;

/// The helplines that cover one whole nation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NationHelplines {
    /// The nation.
    pub nation: Nation,
    /// Its helplines, in directory order.
    pub helplines: Vec<Hit>,
}

impl Directory {
    /// For each nation with any, the helplines whose coverage names that whole nation
    /// (not the UK as a whole, and not single council areas), in the order of
    /// [`Nation::ALL`].
    pub fn nation_helplines(&self) -> Vec<NationHelplines> {
        Nation::ALL
            .iter()
            .map(|&nation| NationHelplines {
                nation,
                helplines: (0..self.len())
                    .filter(|&i| {
                        self.profile(i).is_some_and(|p| {
                            p.kind == Kind::Helpline && p.coverage.contains(&Covers::Nation(nation))
                        })
                    })
                    .filter_map(|i| Hit::of(self, i, None, vec![MatchReason::Coverage]))
                    .collect(),
            })
            .filter(|n| !n.helplines.is_empty())
            .collect()
    }
}
