//! The fixed header of Haven's data files (the directory bundle and the gazetteer):
//! what the file is, which version, how long, and a checksum.

use super::BundleError;

/// Which kind of Haven file, by its first eight bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// The magic bytes the file starts with.
    pub magic: [u8; 8],
    /// What to call it in messages.
    pub name: &'static str,
    /// The payload format this build writes and reads.
    pub version: u16,
}

/// A directory bundle.
pub const DIRECTORY: FileKind = FileKind {
    magic: *b"HAVENDIR",
    name: "directory bundle",
    version: FORMAT_VERSION,
};
/// A gazetteer.
pub const GAZETTEER: FileKind = FileKind {
    magic: *b"HAVENGAZ",
    name: "gazetteer",
    // 2: columns of delta-coded 1/500° steps, 41% of version 1's size.
    version: 2,
};

/// The first eight bytes of every directory bundle.
pub const MAGIC: [u8; 8] = DIRECTORY.magic;
/// The directory bundle's payload format this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;
/// Header length: magic (8), version (2), reserved (2), payload length (4), checksum (4).
pub const HEADER_LEN: usize = 20;

/// The payload checksum: xxHash32 (seed 0). Measured on a 34 MB bundle, a table-driven
/// CRC-32 small enough for the wasm took 86 ms; xxHash32 needs no tables and reads
/// gigabytes a second, and catches damaged downloads just as well.
pub fn checksum(payload: &[u8]) -> u32 {
    xxhash_rust::xxh32::xxh32(payload, 0)
}

/// Puts the header in front of a payload.
pub(crate) fn wrap(kind: FileKind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&kind.magic);
    out.extend_from_slice(&kind.version.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Checks the header and returns the payload.
pub(crate) fn unwrap(kind: FileKind, bytes: &[u8]) -> Result<&[u8], BundleError> {
    let (Some(head), Some(payload)) = (bytes.get(..HEADER_LEN), bytes.get(HEADER_LEN..)) else {
        return Err(BundleError::TooShort {
            kind: kind.name,
            found: bytes.len(),
        });
    };
    if head[..8] != kind.magic {
        return Err(BundleError::BadMagic {
            kind: kind.name,
            expected: String::from_utf8_lossy(&kind.magic).into_owned(),
            found: String::from_utf8_lossy(&head[..8]).into_owned(),
        });
    }
    let u16_at = |i: usize| u16::from_le_bytes([head[i], head[i + 1]]);
    let u32_at = |i: usize| u32::from_le_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    let version = u16_at(8);
    if version != kind.version {
        return Err(BundleError::Version {
            found: version,
            expected: kind.version,
        });
    }
    let expected = u32_at(12) as usize;
    if payload.len() != expected {
        return Err(BundleError::Length {
            expected,
            found: payload.len(),
        });
    }
    let (want, got) = (u32_at(16), checksum(payload));
    if want != got {
        return Err(BundleError::Checksum {
            expected: want,
            found: got,
        });
    }
    Ok(payload)
}
