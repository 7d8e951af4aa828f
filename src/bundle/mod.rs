//! The directory bundle: the binary file the page downloads and the wasm decodes.
//!
//! Layout: the [`container`](crate::container) header (magic `HAVENDIR`), then the
//! [`layout`] payload serialised with postcard. Confidential services carry no
//! coordinates in the model, so none can reach the bundle.

mod layout;
mod read;
mod write;

pub(crate) use read::Loaded;

use crate::areas::AreaTable;
use crate::container::{FileError, WriteError, DIRECTORY};
use crate::date::Date;
use crate::model::Service;

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

impl Bundle {
    /// Writes the bundle file. Fails only when a service refers to an area not in
    /// `areas`, or the directory uses more than 64 languages.
    pub fn encode(&self) -> Result<Vec<u8>, WriteError> {
        let payload = write::encode(&self.areas, &self.services, self.built_on)?;
        DIRECTORY.wrap(&payload)
    }

    /// Reads a bundle file with every record in full. Any bytes give either a bundle or
    /// an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<Bundle, FileError> {
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
}

/// Reads a bundle for searching: profiles decoded, records checked but left encoded.
pub(crate) fn load(bytes: &[u8]) -> Result<Loaded, FileError> {
    read::load(DIRECTORY.unwrap(bytes)?)
}
