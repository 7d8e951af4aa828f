//! Signing and verifying Haven files with ed25519 (ed25519-dalek), and the key files
//! `haven keygen` writes. Only the CLI has this: the page checks signatures with the
//! browser's own WebCrypto, after the same checks of the seal ([`crate::trust`]).
//!
//! Key files are TOML, so a maintainer can read them:
//! `NAME.key` holds `name` and `secret` (the 32-byte seed in hex) and is readable only by
//! its owner; `NAME.pub` holds `name` and `public` (the public key in hex).

use crate::container::{signature_parts, valid_signer, FileError, FileKind};
use crate::date::Date;
use crate::trust::{self, key_from_hex, to_hex, Pending, PublicKey, TrustError};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::Deserialize;

/// A publisher's secret key and the name it signs as.
pub struct SecretKey {
    name: String,
    key: SigningKey,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SecretFile {
    name: String,
    secret: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PublicFile {
    name: String,
    public: String,
}

fn check_name(name: &str, origin: &str) -> Result<(), String> {
    if valid_signer(name) {
        Ok(())
    } else {
        Err(format!(
            "{origin}: expected a key name of 1 to 64 bytes with no control characters, found {name:?}"
        ))
    }
}

impl SecretKey {
    /// A new key from the operating system's random source.
    pub fn generate(name: &str) -> Result<SecretKey, String> {
        check_name(name, "the key's name")?;
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed)
            .map_err(|e| format!("cannot read the system's random source: {e}"))?;
        Ok(SecretKey {
            name: name.to_string(),
            key: SigningKey::from_bytes(&seed),
        })
    }

    /// Reads a `.key` file's text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<SecretKey, String> {
        let file: SecretFile = toml::from_str(text).map_err(|e| {
            format!("{origin}: not a Haven secret key (expected `name` and `secret`): {e}")
        })?;
        check_name(&file.name, origin)?;
        let seed = key_from_hex(&file.secret).ok_or_else(|| {
            format!(
                "{origin}: expected `secret` to be 64 hex digits, found {} characters",
                file.secret.len()
            )
        })?;
        Ok(SecretKey {
            name: file.name,
            key: SigningKey::from_bytes(&seed),
        })
    }

    /// The `.key` file's text.
    pub fn to_text(&self) -> String {
        format!(
            "# A Haven signing key. SECRET: keep it off the web server and out of any \
             repository (docs/signing.md).\nname = \"{}\"\nsecret = \"{}\"\n",
            self.name,
            to_hex(&self.key.to_bytes())
        )
    }

    /// The name it signs as.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its public key.
    pub fn public(&self) -> PublicKey {
        PublicKey {
            name: self.name.clone(),
            key: self.key.verifying_key().to_bytes(),
        }
    }

    /// Signs a sealed file (see [`crate::add_seal`]).
    pub fn sign(&self, sealed: &[u8]) -> Result<Vec<u8>, FileError> {
        let public = self.key.verifying_key().to_bytes();
        let mut bytes = signature_parts(sealed, &self.name, &public)?;
        let signature = self.key.sign(&bytes);
        bytes.extend_from_slice(&signature.to_bytes());
        Ok(bytes)
    }
}

/// Reads a `.pub` file's text; `origin` names it in errors.
pub fn parse_public_key(text: &str, origin: &str) -> Result<PublicKey, String> {
    let file: PublicFile = toml::from_str(text).map_err(|e| {
        format!("{origin}: not a Haven public key (expected `name` and `public`): {e}")
    })?;
    check_name(&file.name, origin)?;
    let key = key_from_hex(&file.public)
        .filter(|k| VerifyingKey::from_bytes(k).is_ok())
        .ok_or_else(|| {
            format!(
                "{origin}: expected `public` to be an ed25519 public key in 64 hex digits, found {:?}",
                file.public
            )
        })?;
    Ok(PublicKey {
        name: file.name,
        key,
    })
}

/// A `.pub` file's text.
pub fn public_key_text(key: &PublicKey) -> String {
    format!(
        "# A Haven public key: pages and `haven verify --key` accept files it signed.\n\
         name = \"{}\"\npublic = \"{}\"\n",
        key.name,
        to_hex(&key.key)
    )
}

/// Checks a file (of `kind`, or any kind) as the page does: sealed, signed by one of
/// `keys`, not expired on `today`, and the signature matching every byte it covers.
pub fn verify(
    bytes: &[u8],
    kind: Option<FileKind>,
    keys: &[PublicKey],
    today: Date,
) -> Result<Pending, TrustError> {
    let pending = trust::check(bytes, kind, keys, today)?;
    let altered = || TrustError::Altered {
        kind: pending.seal.kind,
        signer: pending.signature.signer.clone(),
    };
    let key = keys
        .get(pending.key)
        .and_then(|k| VerifyingKey::from_bytes(&k.key).ok())
        .ok_or_else(altered)?;
    let signed = bytes
        .get(..pending.signature.signed_len)
        .ok_or_else(altered)?;
    let signature = Signature::from_bytes(&pending.signature.signature);
    key.verify_strict(signed, &signature)
        .map_err(|_| altered())?;
    Ok(pending)
}
