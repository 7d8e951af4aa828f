//! What someone asks for, and what they get back.
//!
//! A [`Query`] has the same fields in the CLI, the JSON output and the JavaScript API,
//! and one reader ([`Query::read`]) and one check ([`Query::check`]).
//! [`Directory::search`](crate::Directory::search) answers it through the R-tree;
//! [`Directory::scan`](crate::Directory::scan) answers it by looking at every record, and
//! the two must always agree (property-tested).

mod check;
mod criteria;
mod filter;
mod helplines;
mod read;
mod reasons;
mod relevance;
mod resolve;
mod response;
mod search;
mod types;
mod value;

pub use check::QueryError;
pub use criteria::CriterionAnswer;
pub use helplines::NationHelplines;
pub use reasons::{HideReason, MatchReason};
pub use response::{AreaRef, DistanceBand, Hit, Pairs, Response};
pub use types::{
    Adult, AvoidZone, Child, Household, Location, Query, Sort, DEFAULT_LIMIT, MAX_LIMIT,
};
pub use value::Plain;
