//! Haven: a domestic-abuse service directory and safe-accommodation finder that runs
//! entirely on the device.
//!
//! The pipeline is: [`input`] reads Haven JSON or Open Referral UK 3.0 files into raw
//! records; [`validate`] turns them into the checked [`model`] and reports every problem at
//! once; [`bundle`] writes and reads the compact binary directory; [`Directory`] indexes it
//! in an R-tree; [`query`] searches it. The `wasm` module is the thin browser binding.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod areas;
pub mod bundle;
mod codes;
mod date;
/// Regenerating the derived tables under `data/` (maintainers only).
#[cfg(feature = "derive")]
pub mod derive;
pub mod gazetteer;
mod geometry;
mod index;
pub mod input;
pub mod model;
pub mod query;
pub mod synth;
mod text;
pub mod validate;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use areas::{Area, AreaTable, Nation};
pub use codes::CodeSet;
pub use date::Date;
pub use geometry::LatLon;
pub use index::Directory;
pub use query::{Query, Response};
