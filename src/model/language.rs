use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A language as its ISO 639-1 code (two lower-case letters), or `sgn` for British Sign
/// Language, which has no two-letter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language([u8; 3]);

impl Language {
    /// English, which every service is assumed to offer.
    pub const ENGLISH: Language = Language(*b"en\0");

    /// Parses `pl`, `PL` or `sgn`; explains what was expected otherwise.
    pub fn parse(code: &str) -> Result<Self, String> {
        let lower = code.trim().to_ascii_lowercase();
        let bytes = lower.as_bytes();
        match bytes {
            [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => Ok(Language([*a, *b, 0])),
            b"bsl" | b"sgn" => Ok(Language(*b"sgn")),
            _ => Err(format!(
                "unknown language \"{code}\"; expected a two-letter ISO 639-1 code such as \"pl\", or \"sgn\" for British Sign Language"
            )),
        }
    }

    /// The code as written in files.
    pub fn code(&self) -> &str {
        let len = if self.0[2] == 0 { 2 } else { 3 };
        std::str::from_utf8(&self.0[..len]).unwrap_or("??")
    }

    /// The raw bytes, for the bundle.
    pub(crate) fn to_bytes(self) -> [u8; 3] {
        self.0
    }

    /// Rebuilds a language from bundle bytes, checking them.
    pub(crate) fn from_bytes(bytes: [u8; 3]) -> Option<Self> {
        let len = if bytes[2] == 0 { 2 } else { 3 };
        let text = std::str::from_utf8(&bytes[..len]).ok()?;
        Language::parse(text).ok().filter(|l| l.0 == bytes)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Language::parse(&code).map_err(serde::de::Error::custom)
    }
}
