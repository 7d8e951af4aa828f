//! The checked data model: what a service is, whom it takes, where it is and who said so.
//!
//! It follows Open Referral UK 3.0 where that standard has a field, and adds what this
//! domain needs and the standard lacks: eligibility, confidentiality, vacancy and
//! provenance.

mod community;
mod contact;
mod eligibility;
mod kind;
mod language;
mod service;

pub use community::Community;
pub(crate) use contact::fresh as fresh_vacancy;
pub use contact::{Contact, Phone, Referral, Vacancy, VacancyStatus, VACANCY_FRESH_DAYS};
pub use eligibility::{Eligibility, Gender, Need, Sex};
pub use kind::Kind;
pub use language::Language;
pub use service::{Coverage, Place, Provenance, Service};
