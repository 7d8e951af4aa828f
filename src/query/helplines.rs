//! Helplines by what they cover: each nation's own, which the page shows before anyone
//! has searched, and those serving a council area, which it shows after a search there
//! (without a second search).

use super::filter::Verdict;
use super::reasons::MatchReason;
use super::relevance::rank;
use super::response::Hit;
use crate::areas::Nation;
use crate::index::Directory;
use crate::model::Kind;
use crate::profile::{serves, Covers, Placement};
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
                    .filter_map(|i| {
                        Hit::of(
                            self,
                            i,
                            None,
                            Verdict::matching(vec![MatchReason::Coverage]),
                        )
                    })
                    .collect(),
            })
            .filter(|n| !n.helplines.is_empty())
            .collect()
    }

    /// The helplines with no premises that serve council area `code` (GSS): those
    /// covering it, its nation or the whole UK, as a search there would list them: the
    /// nation's or area's own domestic-abuse helplines first, then those for everyone,
    /// then those for one group, then general lines (see `relevance`), each in
    /// directory order. None for a code the directory does not hold.
    pub fn area_helplines(&self, code: &str) -> Vec<Hit> {
        let Some(index) = self.areas().index_of(code) else {
            return vec![];
        };
        let origin = self.areas().by_index(index).map(|a| (index, a));
        let nation = Nation::of_code(code);
        let mut found: Vec<(u8, usize, Vec<MatchReason>)> = (0..self.len())
            .filter_map(|i| {
                let p = self.profile(i)?;
                let serving = p.kind == Kind::Helpline
                    && p.place == Placement::Remote
                    && !p.coverage.is_empty()
                    && serves(&p.coverage, Some(index), nation);
                if !serving {
                    return None;
                }
                // Why it matches, as a search would say: it serves this area in
                // particular (not the whole UK), and it has no premises.
                let matches = if p.coverage.contains(&Covers::Uk) {
                    vec![MatchReason::Remote]
                } else {
                    vec![MatchReason::Coverage, MatchReason::Remote]
                };
                Some((rank(p, origin), i, matches))
            })
            .collect();
        // By rank, each rank in directory order (four passes cost less wasm than a
        // stable sort).
        let mut out = Vec::with_capacity(found.len());
        for wanted in 0..=3 {
            for (_, i, matches) in found.iter_mut().filter(|f| f.0 == wanted) {
                out.extend(Hit::of(
                    self,
                    *i,
                    None,
                    Verdict::matching(std::mem::take(matches)),
                ));
            }
        }
        out
    }
}
