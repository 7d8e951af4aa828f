//! Regenerates the derived tables under `data/` from the open data in the registry
//! packages named in PRODUCT.md. Only maintainers run this (feature `derive`); building
//! and testing use the committed tables.

pub mod grid;
pub mod onspd;
pub mod tables;
