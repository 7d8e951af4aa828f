//! What Haven accepts: a file's seal checked against the publisher's public keys and the
//! day. This part needs no cryptography, so the page runs the same checks (in the wasm)
//! before WebCrypto checks the signature, and the CLI before ed25519-dalek does
//! (src/signing.rs). The order of the checks is the order of the messages a maintainer
//! can act on: a damaged file, then an unsigned one, one signed by a key not trusted, an
//! expired one; only then is the signature itself checked.

use crate::container::{read_seal, FileError, FileKind, Seal, Signature};
use crate::date::Date;
use thiserror::Error;

/// A publisher's public key, as its `.pub` file or the page's configuration gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// Who it belongs to (the name `haven keygen` was given).
    pub name: String,
    /// The ed25519 public key.
    pub key: [u8; 32],
}

impl PublicKey {
    /// A short id to tell keys apart in messages: the key's first 8 bytes in hex.
    pub fn id(&self) -> String {
        key_id(&self.key)
    }
}

/// The first 8 bytes of a public key in hex.
pub fn key_id(key: &[u8; 32]) -> String {
    to_hex(&key[..8])
}

/// Bytes as lower-case hex (by hand: `{:02x}` brings the formatter's padding into the
/// wasm).
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// 32 bytes from 64 hex digits; `None` for anything else.
pub fn key_from_hex(text: &str) -> Option<[u8; 32]> {
    let text = text.trim().as_bytes();
    if text.len() != 64 {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut key = [0u8; 32];
    for (i, pair) in text.chunks(2).enumerate() {
        key[i] = u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok()?;
    }
    Some(key)
}

/// Why a file is not accepted. Names are quoted by hand, not with `{:?}`: the Debug
/// form of text brings Unicode tables into the wasm (measured 10 KB), and a seal's names
/// hold no control characters to escape.
#[derive(Debug, Error, PartialEq)]
pub enum TrustError {
    /// Not a Haven file, or damaged: truncated, padded, a checksum that does not match.
    #[error(transparent)]
    File(#[from] FileError),
    /// Written without a seal (by a haven from before files were dated and signed).
    #[error(
        "{kind} is not signed: it has no seal at all (written by an older haven); \
         write it again with this one and `--sign KEY`"
    )]
    Unsealed {
        /// What the file is.
        kind: &'static str,
    },
    /// Dated but not signed.
    #[error("{kind} is not signed: it carries no signature; write it again with `--sign KEY`")]
    Unsigned {
        /// What the file is.
        kind: &'static str,
    },
    /// Signed by a key that is not among the trusted ones.
    #[error("{kind} is signed by \"{signer}\" (key {key}), which is not a trusted key: expected {trusted}")]
    OtherKey {
        /// What the file is.
        kind: &'static str,
        /// The name the seal gives.
        signer: String,
        /// The id of the key the seal names.
        key: String,
        /// The trusted keys, by name and id.
        trusted: String,
    },
    /// Past its expiry: a server may be handing out an old copy.
    #[error(
        "{kind} expired on {expired_on} (made on {made_on}; today is {today}): a server may \
         be handing out an old copy; publish a newer one"
    )]
    Expired {
        /// What the file is.
        kind: &'static str,
        /// Its last valid day.
        expired_on: Date,
        /// The day it was made.
        made_on: Date,
        /// The day it was checked.
        today: Date,
    },
    /// The signature does not match the bytes: something changed after signing.
    #[error("{kind} has been altered since \"{signer}\" signed it: the signature does not match its contents")]
    Altered {
        /// What the file is.
        kind: &'static str,
        /// The name the seal gives.
        signer: String,
    },
}

/// A file that passed every check but the signature's own: the seal, its signature and
/// the trusted key the signature must be checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// The seal.
    pub seal: Seal,
    /// Its signature, to check.
    pub signature: Signature,
    /// Which of the trusted keys it names.
    pub key: usize,
}

/// Checks everything about a file but the signature's bytes: its header and checksum
/// (as a file of `kind`, or any kind), that it is signed, by one of `keys`, and not
/// expired on `today`.
pub fn check(
    bytes: &[u8],
    kind: Option<FileKind>,
    keys: &[PublicKey],
    today: Date,
) -> Result<Pending, TrustError> {
    let seal = current(bytes, kind, today)?.ok_or_else(|| TrustError::Unsealed {
        kind: kind_name(bytes),
    })?;
    let Some(signature) = seal.signature.clone() else {
        return Err(TrustError::Unsigned { kind: seal.kind });
    };
    let Some(key) = keys.iter().position(|k| k.key == signature.public_key) else {
        // Short ids, unless one would look the same as a trusted key's.
        let collides = keys.iter().any(|k| k.id() == key_id(&signature.public_key));
        let id = |key: &[u8; 32]| if collides { to_hex(key) } else { key_id(key) };
        let trusted = if keys.is_empty() {
            "none was given".to_string()
        } else {
            keys.iter()
                .map(|k| format!("\"{}\" (key {})", k.name, id(&k.key)))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        return Err(TrustError::OtherKey {
            kind: seal.kind,
            signer: signature.signer,
            key: id(&signature.public_key),
            trusted,
        });
    };
    Ok(Pending {
        seal,
        signature,
        key,
    })
}

/// A file's seal if it has one, refused if it has expired by `today`. What loads a file
/// without checking its signature still refuses an expired one.
pub fn current(
    bytes: &[u8],
    kind: Option<FileKind>,
    today: Date,
) -> Result<Option<Seal>, TrustError> {
    let Some(seal) = read_seal(bytes, kind)? else {
        return Ok(None);
    };
    if today > seal.expires_on {
        return Err(TrustError::Expired {
            kind: seal.kind,
            expired_on: seal.expires_on,
            made_on: seal.made_on,
            today,
        });
    }
    Ok(Some(seal))
}

/// What the file calls itself, for an unsealed one (read_seal has accepted its magic).
fn kind_name(bytes: &[u8]) -> &'static str {
    crate::container::FILE_KINDS
        .into_iter()
        .find(|k| bytes.starts_with(&k.magic))
        .map_or("data file", |k| k.name)
}
