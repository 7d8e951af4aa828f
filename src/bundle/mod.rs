//! The directory bundle: the binary file the page downloads and the wasm decodes.
//!
//! Layout: a 20-byte [`header`] (magic `HAVENDIR`, format version, payload length,
//! xxHash32 checksum of the payload), then the [`layout`] payload serialised with postcard.
//! Confidential services carry no coordinates in the model, so none can reach the
//! bundle.

mod header;
mod layout;
mod read;
mod write;

pub(crate) use header::unwrap;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use header::wrap;
pub use header::{checksum, FileKind, DIRECTORY, FORMAT_VERSION, GAZETTEER, HEADER_LEN, MAGIC};
pub(crate) use read::Loaded;

use crate::areas::AreaTable;
use crate::date::Date;
use crate::model::Service;
use thiserror::Error;

/// A directory: its council areas and services.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// Every council area (services refer to these).
    pub areas: AreaTable,
    /// The services.
    pub services: Vec<Service>,
    /// When the bundle was built.
    pub built_on: Date,
}

/// Why bytes are not a usable Haven data file (bundle or gazetteer), or one could not be
/// written.
#[derive(Debug, Error, PartialEq)]
pub enum BundleError {
    /// Shorter than the header.
    #[error("not a Haven {kind}: expected at least {HEADER_LEN} bytes, found {found}")]
    TooShort {
        /// What the file should have been.
        kind: &'static str,
        /// Its length.
        found: usize,
    },
    /// Does not start with the magic bytes.
    #[error("not a Haven {kind}: expected it to start with \"{expected}\", found \"{found}\"")]
    BadMagic {
        /// What the file should have been.
        kind: &'static str,
        /// The magic bytes expected.
        expected: String,
        /// The first eight bytes found.
        found: String,
    },
    /// Written by a different format version.
    #[error("bundle format version {found} is not supported: this build reads version {expected}; rebuild the bundle with a matching haven")]
    Version {
        /// The version in the file.
        found: u16,
        /// The version this build reads.
        expected: u16,
    },
    /// The payload is shorter or longer than the header says.
    #[error(
        "bundle is truncated or padded: the header says {expected} bytes of data, found {found}"
    )]
    Length {
        /// Bytes the header announces.
        expected: usize,
        /// Bytes present.
        found: usize,
    },
    /// The payload's checksum does not match.
    #[error("bundle is corrupt: payload checksum is {found:08x}, expected {expected:08x}")]
    Checksum {
        /// The checksum in the header.
        expected: u32,
        /// The checksum of the bytes present.
        found: u32,
    },
    /// The payload cannot be read.
    #[error("bundle data is malformed: {0}")]
    Payload(String),
    /// The payload reads, but refers to things it does not hold.
    #[error("bundle data is inconsistent: {0}")]
    Inconsistent(String),
}

/// Writes a bundle. Fails only when a service refers to an area not in `bundle.areas`,
/// or the directory uses more than 64 languages.
pub fn encode(bundle: &Bundle) -> Result<Vec<u8>, BundleError> {
    let payload = write::encode(&bundle.areas, &bundle.services, bundle.built_on)?;
    Ok(header::wrap(DIRECTORY, &payload))
}

/// Reads a bundle with every record in full. Any bytes give either a bundle or an
/// error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
    let loaded = load(bytes)?;
    let services = (0..loaded.profiles.len())
        .map(|i| loaded.service(i))
        .collect::<Result<_, _>>()?;
    Ok(Bundle {
        areas: loaded.areas,
        services,
        built_on: loaded.built_on,
    })
}

/// Reads a bundle for searching: profiles decoded, records checked but left encoded.
pub(crate) fn load(bytes: &[u8]) -> Result<Loaded, BundleError> {
    read::load(header::unwrap(DIRECTORY, bytes)?)
}
