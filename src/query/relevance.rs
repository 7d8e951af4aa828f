//! Which of several services at the same distance (phone lines and online services,
//! which serve wherever someone is) comes first: the searched nation's or area's own
//! domestic-abuse service, then those for everyone, then those for one group (men,
//! LGBT+ people), then general lines that are not about domestic abuse (Samaritans).

use crate::areas::Area;
use crate::model::Gender;
use crate::profile::{Covers, Profile};

/// The rank of a service for a search from `origin` (the origin's council area and its
/// table position): lower comes first.
pub(crate) fn rank(profile: &Profile, origin: Option<(u16, &Area)>) -> u8 {
    let genders = profile.eligibility.genders;
    let for_a_group = (!genders.is_empty() && Gender::ALL.iter().any(|g| !genders.has(g.bit())))
        || !profile.communities.is_empty();
    // Its own: it serves the searched council area by name, or exactly the searched
    // nation (a line for England and Wales is neither nation's own).
    let own = origin.is_some_and(|(index, area)| match profile.coverage.as_slice() {
        [Covers::Nation(n)] => area.nation() == Some(*n),
        coverage => coverage.contains(&Covers::Area(index)),
    });
    match (profile.general, for_a_group, own) {
        (true, _, _) => 3,
        (false, true, _) => 2,
        (false, false, true) => 0,
        (false, false, false) => 1,
    }
}
