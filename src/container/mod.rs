//! The fixed header every Haven data file starts with (the directory bundle, the
//! gazetteer and vacancy updates): which kind of file, which version, how long, and a
//! checksum. Every error names the kind of file, so an outdated gazetteer is never told
//! to rebuild a bundle.
//!
//! Layout, 20 bytes, little-endian: magic (8), format version (2), flags (2), payload
//! length (4), xxHash32 of the payload (4). After the payload, a file may carry a
//! [`seal`]: the day it was made, the day it expires and, if signed, its signature.
//! `data/README.md` documents it.

mod seal;

pub use seal::{add_seal, read_seal, Seal, Signature, FILE_KINDS};
#[cfg(feature = "sign")]
pub(crate) use seal::{signature_parts, valid_signer};

use thiserror::Error;

/// Which kind of Haven file, by its first eight bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// The magic bytes the file starts with.
    pub magic: [u8; 8],
    /// What to call it in messages.
    pub name: &'static str,
    /// The payload format this build writes and reads.
    pub version: u16,
    /// How to make a file this build reads.
    pub remedy: &'static str,
}

/// A directory bundle.
pub const DIRECTORY: FileKind = FileKind {
    magic: *b"HAVENDIR",
    name: "directory bundle",
    // 2: records carry their source's own date and a contract's end.
    // 3: web chat and video routes, general services, and the day space was last
    // reported (freshness is judged on the day of the search).
    version: 3,
    remedy: "rebuild it with `haven build`",
};

/// A gazetteer.
pub const GAZETTEER: FileKind = FileKind {
    magic: *b"HAVENGAZ",
    name: "gazetteer",
    // 2: columns of delta-coded 1/500° steps, 41% of version 1's size.
    version: 2,
    remedy: "write it again with `haven gazetteer`",
};

/// A file of vacancy updates, laid over a directory bundle.
pub const VACANCIES: FileKind = FileKind {
    magic: *b"HAVENVAC",
    name: "vacancy updates file",
    version: 1,
    remedy: "write it again with `haven vacancies`",
};

/// Header length: magic (8), version (2), flags (2), payload length (4), checksum (4).
pub(crate) const HEADER_LEN: usize = 20;

/// Flag: a seal (the day the file was made and the day it expires) follows the payload.
pub(crate) const SEALED: u16 = 1;
/// Flag: the seal ends with a signature over everything before it.
pub(crate) const SIGNED: u16 = 2;
/// The flags this build knows; any other is a feature it must not silently ignore.
const KNOWN_FLAGS: u16 = SEALED | SIGNED;

/// Why bytes are not a usable Haven data file. Every variant names the kind of file.
#[derive(Debug, Error, PartialEq)]
pub enum FileError {
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
    #[error("{kind} format version {found} is not supported: this build reads version {expected}; {remedy}")]
    Version {
        /// What the file is.
        kind: &'static str,
        /// The version in the file.
        found: u16,
        /// The version this build reads.
        expected: u16,
        /// How to make a file this build reads.
        remedy: &'static str,
    },
    /// The header's flags name a feature this build does not know, and must not silently
    /// ignore.
    #[error(
        "{kind} header's flags are {found:#06x}, expected only {KNOWN_FLAGS:#06x} (a newer haven wrote it); {remedy}"
    )]
    Reserved {
        /// What the file is.
        kind: &'static str,
        /// The flags found.
        found: u16,
        /// How to make a file this build reads.
        remedy: &'static str,
    },
    /// The seal after the payload is cut short, too long or impossible.
    #[error("{kind}'s seal is {message}")]
    Seal {
        /// What the file is.
        kind: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The payload is shorter or longer than the header says.
    #[error(
        "{kind} is truncated or padded: the header says {expected} bytes of data, found {found}"
    )]
    Length {
        /// What the file is.
        kind: &'static str,
        /// Bytes the header announces.
        expected: usize,
        /// Bytes present.
        found: usize,
    },
    /// The payload's checksum does not match.
    #[error("{kind} is corrupt: payload checksum is {found:08x}, expected {expected:08x}")]
    Checksum {
        /// What the file is.
        kind: &'static str,
        /// The checksum in the header.
        expected: u32,
        /// The checksum of the bytes present.
        found: u32,
    },
    /// The payload cannot be read.
    #[error("{kind} data is malformed: {message}")]
    Payload {
        /// What the file is.
        kind: &'static str,
        /// What went wrong, and where.
        message: String,
    },
    /// The payload reads, but refers to things it does not hold.
    #[error("{kind} data is inconsistent: {message}")]
    Inconsistent {
        /// What the file is.
        kind: &'static str,
        /// What does not fit, and where.
        message: String,
    },
}

/// Why data cannot be written as a Haven file (its own type, so the browser build, which
/// only reads, carries none of it).
#[derive(Debug, Error, PartialEq)]
#[error("cannot write the {kind}: {message}")]
pub struct WriteError {
    /// What the file is.
    pub kind: &'static str,
    /// What does not fit.
    pub message: String,
}

impl FileKind {
    /// A payload that does not decode.
    pub(crate) fn malformed(self, message: impl Into<String>) -> FileError {
        FileError::Payload {
            kind: self.name,
            message: message.into(),
        }
    }

    /// A payload that decodes but does not hang together.
    pub(crate) fn inconsistent(self, message: impl Into<String>) -> FileError {
        FileError::Inconsistent {
            kind: self.name,
            message: message.into(),
        }
    }

    /// Data that cannot be written.
    pub(crate) fn unwritable(self, message: impl Into<String>) -> WriteError {
        WriteError {
            kind: self.name,
            message: message.into(),
        }
    }

    /// Decodes a whole payload with postcard: every byte must belong to the data, so junk
    /// appended inside a payload (with its checksum recomputed) is refused.
    pub(crate) fn decode<'a, T: serde::Deserialize<'a>>(
        self,
        payload: &'a [u8],
    ) -> Result<T, FileError> {
        let (value, rest) =
            postcard::take_from_bytes(payload).map_err(|e| self.malformed(postcard_message(&e)))?;
        if !rest.is_empty() {
            return Err(self.malformed(format!("{} bytes follow the end of its data", rest.len())));
        }
        Ok(value)
    }

    /// Puts the header in front of a payload. Fails only for payloads of 4 GB or more.
    pub(crate) fn wrap(self, payload: &[u8]) -> Result<Vec<u8>, WriteError> {
        let len = u32::try_from(payload.len())
            .map_err(|_| self.unwritable(format!("{} bytes is over 4 GB", payload.len())))?;
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
        out.extend_from_slice(&self.magic);
        out.extend_from_slice(&self.version.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&checksum(payload).to_le_bytes());
        out.extend_from_slice(payload);
        Ok(out)
    }

    /// Checks the header and returns the payload (a seal after it is checked for its
    /// shape, not its signature: see [`crate::trust`]).
    pub(crate) fn unwrap(self, bytes: &[u8]) -> Result<&[u8], FileError> {
        let (payload, flags, rest) = self.split(bytes)?;
        seal::parse(self, flags, rest, bytes.len())?;
        Ok(payload)
    }

    /// The header checked: the payload, the flags and what follows the payload.
    fn split(self, bytes: &[u8]) -> Result<(&[u8], u16, &[u8]), FileError> {
        let kind = self.name;
        let Some(head) = bytes.get(..HEADER_LEN) else {
            return Err(FileError::TooShort {
                kind,
                found: bytes.len(),
            });
        };
        if head[..8] != self.magic {
            return Err(FileError::BadMagic {
                kind,
                expected: String::from_utf8_lossy(&self.magic).into_owned(),
                found: String::from_utf8_lossy(&head[..8]).into_owned(),
            });
        }
        let u16_at = |i: usize| u16::from_le_bytes([head[i], head[i + 1]]);
        let u32_at =
            |i: usize| u32::from_le_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
        let version = u16_at(8);
        if version != self.version {
            return Err(FileError::Version {
                kind,
                found: version,
                expected: self.version,
                remedy: self.remedy,
            });
        }
        let flags = u16_at(10);
        if flags & !KNOWN_FLAGS != 0 || flags == SIGNED {
            return Err(FileError::Reserved {
                kind,
                found: flags,
                remedy: self.remedy,
            });
        }
        let expected = u32_at(12) as usize;
        let after = &bytes[HEADER_LEN..];
        // Without a seal the payload is the rest of the file; with one, at least the
        // payload must be there (the seal's own length is checked by the seal).
        let short = after.len() < expected;
        if short || (flags == 0 && after.len() != expected) {
            return Err(FileError::Length {
                kind,
                expected,
                found: after.len(),
            });
        }
        let (payload, rest) = after.split_at(expected);
        let (want, got) = (u32_at(16), checksum(payload));
        if want != got {
            return Err(FileError::Checksum {
                kind,
                expected: want,
                found: got,
            });
        }
        Ok((payload, flags, rest))
    }
}

/// What postcard's error means for a reader: its own words ("Serde Deserialization
/// Error") say nothing of what is wrong.
pub(crate) fn postcard_message(e: &postcard::Error) -> String {
    if *e == postcard::Error::DeserializeUnexpectedEnd {
        "it ends in the middle of its data (a count claims more than it holds)".into()
    } else {
        "a value is not one its field can hold".into()
    }
}

/// The payload checksum: xxHash32 (seed 0). Measured on a 34 MB bundle, a table-driven
/// CRC-32 small enough for the wasm took 86 ms; xxHash32 needs no tables and reads
/// gigabytes a second, and catches damaged downloads just as well.
fn checksum(payload: &[u8]) -> u32 {
    xxhash_rust::xxh32::xxh32(payload, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_another_kind_is_named_in_the_error() {
        let gazetteer = GAZETTEER.wrap(b"places").unwrap();
        let err = DIRECTORY.unwrap(&gazetteer).unwrap_err().to_string();
        assert!(
            err.starts_with("not a Haven directory bundle: expected it to start with \"HAVENDIR\", found \"HAVENGAZ\""),
            "{err}"
        );
    }

    #[test]
    fn an_outdated_gazetteer_is_told_to_write_the_gazetteer_again_not_a_bundle() {
        let mut old = GAZETTEER.wrap(b"places").unwrap();
        old[8] = 1;
        let err = GAZETTEER.unwrap(&old).unwrap_err().to_string();
        assert_eq!(
            err,
            "gazetteer format version 1 is not supported: this build reads version 2; \
             write it again with `haven gazetteer`"
        );
        assert!(!err.contains("bundle"));
    }

    #[test]
    fn reserved_bytes_that_are_not_zero_are_refused_rather_than_ignored() {
        let mut flagged = DIRECTORY.wrap(b"services").unwrap();
        flagged[10] = 4;
        assert_eq!(
            DIRECTORY.unwrap(&flagged),
            Err(FileError::Reserved {
                kind: "directory bundle",
                found: 4,
                remedy: DIRECTORY.remedy
            })
        );
    }

    #[test]
    fn what_is_wrapped_unwraps_to_the_same_payload() {
        let bytes = DIRECTORY.wrap(b"abc").unwrap();
        assert_eq!(bytes.len(), HEADER_LEN + 3);
        assert_eq!(DIRECTORY.unwrap(&bytes), Ok(&b"abc"[..]));
    }
}
