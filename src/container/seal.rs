//! The seal after a Haven file's payload: the day the file was made, the day it expires
//! and, for a signed file, who signed it and the signature (ed25519 over every byte before
//! the signature, the header's flags included, so nothing in the file changes unseen).
//! Reading a seal needs no cryptography: the page checks the signature with WebCrypto,
//! the CLI with ed25519-dalek (src/signing.rs); [`crate::trust`] decides what to accept.
//!
//! Layout after the payload, little-endian: made on and expires on (i32 Julian day
//! numbers, as the bundle's dates); if signed, the signer's public key (32 bytes), the length of the
//! signer's name (1), the name (UTF-8, 1 to 64 bytes), then the signature (64).

use super::{FileError, FileKind, DIRECTORY, GAZETTEER, SEALED, SIGNED, VACANCIES};
use crate::date::Date;

/// An ed25519 signature's length.
const SIGNATURE_LEN: usize = 64;
/// An ed25519 public key's length.
const PUBLIC_KEY_LEN: usize = 32;
/// The longest signer's name a seal holds, in bytes.
pub(crate) const MAX_SIGNER_NAME: usize = 64;
const DATES_LEN: usize = 8;

/// Every kind of Haven file, for what works on any of them (sealing, signing, verifying).
pub const FILE_KINDS: [FileKind; 3] = [DIRECTORY, GAZETTEER, VACANCIES];

/// A file's seal: when it was made, when it stops being valid, and who signed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// What the file is ("directory bundle", "gazetteer", "vacancy updates file").
    pub kind: &'static str,
    /// The day the file was made.
    pub made_on: Date,
    /// The last day it may be used.
    pub expires_on: Date,
    /// The signature, if the file is signed.
    pub signature: Option<Signature>,
}

/// A signature in a seal. It is only a claim until checked against a trusted key
/// ([`crate::trust`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The signer's name, as its key file gives it.
    pub signer: String,
    /// The public key the file says signed it.
    pub public_key: [u8; 32],
    /// The ed25519 signature.
    pub signature: [u8; 64],
    /// How many bytes from the file's start the signature covers (the signature follows).
    pub signed_len: usize,
}

/// The kind of Haven file `bytes` is, by its magic.
fn kind_of(bytes: &[u8]) -> Result<FileKind, FileError> {
    let magic = bytes.get(..8);
    FILE_KINDS
        .into_iter()
        .find(|k| magic == Some(&k.magic[..]))
        .ok_or_else(|| FileError::BadMagic {
            kind: "data file",
            expected: "HAVENDIR, HAVENGAZ or HAVENVAC".into(),
            found: String::from_utf8_lossy(magic.unwrap_or(bytes)).into_owned(),
        })
}

/// The seal of a Haven file of kind `kind` (any kind when `None`), `None` for an unsealed
/// one. The header and payload checksum are checked too; the signature is not (see
/// [`crate::trust`]).
pub fn read_seal(bytes: &[u8], kind: Option<FileKind>) -> Result<Option<Seal>, FileError> {
    let kind = match kind {
        Some(kind) => kind,
        None => kind_of(bytes)?,
    };
    let (_, flags, rest) = kind.split(bytes)?;
    parse(kind, flags, rest, bytes.len())
}

/// Reads what follows the payload (`rest`, which ends the file of `total` bytes), as the
/// header's flags say it must be.
pub(super) fn parse(
    kind: FileKind,
    flags: u16,
    rest: &[u8],
    total: usize,
) -> Result<Option<Seal>, FileError> {
    let bad = |message: String| FileError::Seal {
        kind: kind.name,
        message,
    };
    if flags & SEALED == 0 {
        return Ok(None);
    }
    let expected = if flags & SIGNED == 0 {
        DATES_LEN
    } else {
        // The name's length is read from the seal itself, once its fixed part is there.
        let fixed = DATES_LEN + PUBLIC_KEY_LEN + 1;
        fixed + rest.get(fixed - 1).map_or(0, |&n| usize::from(n)) + SIGNATURE_LEN
    };
    if rest.len() != expected {
        let what = if rest.len() < expected {
            "truncated"
        } else {
            "padded"
        };
        return Err(bad(format!(
            "{what}: expected {expected} bytes after the data, found {}",
            rest.len()
        )));
    }
    let day = |at: usize| {
        let days = i32::from_le_bytes([rest[at], rest[at + 1], rest[at + 2], rest[at + 3]]);
        Date::from_days(days).ok_or_else(|| bad(format!("holds an impossible date ({days} days)")))
    };
    let (made_on, expires_on) = (day(0)?, day(4)?);
    if expires_on < made_on {
        return Err(bad(format!(
            "impossible: it expires on {expires_on}, before it was made on {made_on}"
        )));
    }
    let signature = if flags & SIGNED == 0 {
        None
    } else {
        let key_at = DATES_LEN;
        let name_at = key_at + PUBLIC_KEY_LEN + 1;
        let sig_at = rest.len() - SIGNATURE_LEN;
        let signer = std::str::from_utf8(&rest[name_at..sig_at])
            .ok()
            .filter(|name| valid_signer(name))
            .ok_or_else(|| {
                bad(format!(
                    "impossible: the signer's name must be 1 to {MAX_SIGNER_NAME} bytes of \
                     printable UTF-8, found {} bytes that are not",
                    sig_at - name_at
                ))
            })?;
        let mut public_key = [0; PUBLIC_KEY_LEN];
        public_key.copy_from_slice(&rest[key_at..key_at + PUBLIC_KEY_LEN]);
        let mut signature = [0; SIGNATURE_LEN];
        signature.copy_from_slice(&rest[sig_at..]);
        Some(Signature {
            signer: signer.to_string(),
            public_key,
            signature,
            signed_len: total - SIGNATURE_LEN,
        })
    };
    Ok(Some(Seal {
        kind: kind.name,
        made_on,
        expires_on,
        signature,
    }))
}

/// A signer's name a seal may hold: 1 to 64 bytes, no control characters (it is
/// printed to terminals and shown on pages).
pub(crate) fn valid_signer(name: &str) -> bool {
    !name.is_empty() && name.len() <= MAX_SIGNER_NAME && !name.chars().any(char::is_control)
}

/// Seals a file as Haven wrote it: sets the flag and appends the day it was made and the
/// last day it may be used. A file is sealed once, when it is written.
pub fn add_seal(bytes: &[u8], made_on: Date, expires_on: Date) -> Result<Vec<u8>, FileError> {
    let kind = kind_of(bytes)?;
    let (_, flags, _) = kind.split(bytes)?;
    let bad = |message: String| FileError::Seal {
        kind: kind.name,
        message,
    };
    if flags != 0 {
        return Err(bad(
            "already there: a file is sealed once, when it is written".into(),
        ));
    }
    if expires_on < made_on {
        return Err(bad(format!(
            "impossible: it would expire on {expires_on}, before it was made on {made_on}"
        )));
    }
    let mut out = bytes.to_vec();
    set_flags(&mut out, SEALED);
    out.extend_from_slice(&made_on.to_days().to_le_bytes());
    out.extend_from_slice(&expires_on.to_days().to_le_bytes());
    Ok(out)
}

/// The bytes a signature covers: a sealed, unsigned file with the signed flag set and
/// the signer's key and name appended. The signature is appended to them.
#[cfg(feature = "sign")]
pub(crate) fn signature_parts(
    bytes: &[u8],
    signer: &str,
    public_key: &[u8; 32],
) -> Result<Vec<u8>, FileError> {
    let kind = kind_of(bytes)?;
    let (_, flags, _) = kind.split(bytes)?;
    let bad = |message: String| FileError::Seal {
        kind: kind.name,
        message,
    };
    if flags != SEALED {
        return Err(bad(if flags & SIGNED != 0 {
            "already signed: a file is signed once, when it is written".into()
        } else {
            "missing: only a sealed file (dated, with an expiry) is signed".into()
        }));
    }
    if !valid_signer(signer) {
        return Err(bad(format!(
            "not signable by {signer:?}: a signer's name is 1 to {MAX_SIGNER_NAME} bytes \
             with no control characters"
        )));
    }
    let mut out = bytes.to_vec();
    set_flags(&mut out, SEALED | SIGNED);
    out.extend_from_slice(public_key);
    // valid_signer keeps the name within a byte's count.
    out.push(signer.len() as u8);
    out.extend_from_slice(signer.as_bytes());
    Ok(out)
}

fn set_flags(bytes: &mut [u8], flags: u16) {
    bytes[10..12].copy_from_slice(&flags.to_le_bytes());
}
