//! Haven: a domestic-abuse service directory and safe-accommodation finder that runs
//! entirely on the device.
//!
//! The pipeline is: [`Pipeline`] reads Haven JSON or Open Referral UK 3.0 inputs, checks
//! every record into the data model ([`Service`]) and reports every [`Problem`] at once;
//! a [`Bundle`] is the compact binary directory; a [`Directory`] indexes it in an R-tree
//! and answers a [`Query`] with a [`Response`]; the [`Gazetteer`] turns postcodes and
//! places into points; [`VacancyUpdates`] carry the day's vacancies over a directory
//! between rebuilds. Every file carries a [`Seal`] (made on, expires on, and a signature
//! checked against trusted [`PublicKey`]s). The browser binding is its own crate (`wasm/`), built on this
//! one's public items alone.
//!
//! Modules are private; this list is the library's whole public face, and each item has
//! one path.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod areas;
mod bundle;
mod codes;
mod container;
mod date;
mod export;
mod gazetteer;
mod geometry;
mod index;
mod input;
pub mod limits;
mod model;
mod pipeline;
mod problem;
mod profile;
mod query;
mod report;
#[cfg(feature = "sign")]
mod signing;
mod text;
mod tree;
mod trig;
mod trust;
mod vacancies;
mod validate;
mod vocabulary;

/// Regenerating the derived tables under `data/` (maintainers only).
#[cfg(feature = "derive")]
pub mod derive;
/// Synthetic directories for tests and benchmarks (every record an example).
#[cfg(feature = "synth")]
pub mod synth;

pub use areas::{Area, AreaTable, Nation, UkCells};
pub use bundle::Bundle;
pub use codes::CodeSet;
pub use container::{
    add_seal, read_seal, FileError, FileKind, Seal, Signature, WriteError, DIRECTORY, FILE_KINDS,
    GAZETTEER, VACANCIES,
};
pub use date::Date;
pub use export::{oruk_page, oruk_service, HAVEN_TAXONOMY};
pub use gazetteer::{council_by_code, Answer, Candidate, Gazetteer, Precision};
pub use geometry::{LatLon, KM_PER_MILE};
pub use index::Directory;
pub use input::{FeedCandidate, Mapping, Page, Selected, Tally, Unselected};
pub use model::{
    Community, Contact, Coverage, Eligibility, Gender, Kind, Language, Need, Phone, Place,
    Provenance, Referral, Service, Sex, Vacancy, VacancyStatus, VACANCY_FRESH_DAYS,
};
pub use pipeline::{Input, Pipeline, Progress};
pub use problem::{Problem, Severity};
pub use query::{
    Adult, AreaRef, AvoidZone, Child, CriterionAnswer, DistanceBand, HideReason, Hit, Household,
    Location, MatchReason, NationHelplines, Pairs, Plain, Query, QueryError, Response, Sort,
    DEFAULT_LIMIT, MAX_LIMIT,
};
pub use report::Report;
#[cfg(feature = "sign")]
pub use signing::{parse_public_key, public_key_text, verify, SecretKey};
pub use text::show_number;
pub use trust::{
    check as check_seal, current as current_seal, key_from_hex, key_id, to_hex, Pending, PublicKey,
    TrustError,
};
pub use vacancies::{AppliedVacancies, VacancyUpdate, VacancyUpdates};
pub use vocabulary::{vocabulary, KindCode, Vocabulary};
