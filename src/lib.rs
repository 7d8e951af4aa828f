//! temp
#![forbid(unsafe_code)]
#![deny(missing_docs)]
mod codes;
pub mod areas;
mod date;
mod geometry;
pub mod model;
mod text;
/// Derivation of data tables.
#[cfg(feature = "derive")]
pub mod derive;
pub use areas::{Area, AreaTable, Nation};
pub use date::Date;
pub use geometry::LatLon;
