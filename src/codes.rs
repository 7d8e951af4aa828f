//! Closed vocabularies with stable string codes.
//!
//! Every enum the data format exposes (kinds, communities, needs…) is spelled once with
//! this macro, so its code, its list of values and its serde form cannot drift apart.

/// Declares a fieldless enum whose values have fixed string codes.
///
/// Generates `ALL`, `code()`, `from_code()`, `Display` and serde impls that read and
/// write the code, rejecting anything else with the list of expected codes.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order (the order bit positions use).
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];
            /// What a value of this vocabulary is called in error messages.
            pub const WHAT: &'static str = $what;

            /// The stable code used in files, the CLI and the JavaScript API.
            pub fn code(self) -> &'static str {
                match self { $( $name::$variant => $code ),+ }
            }

            /// Parses a code; `None` when it is not one of [`Self::ALL`].
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $( $code => Some($name::$variant), )+ _ => None }
            }

            /// The position of this value in [`Self::ALL`], used for bitsets.
            pub fn bit(self) -> u32 {
                self as u32
            }

            /// A comma-separated list of every code, for error messages.
            pub fn expected() -> String {
                [$( $code ),+].join(", ")
            }

            /// Parses a code, or explains what was expected.
            pub fn parse(code: &str) -> Result<Self, String> {
                Self::from_code(code).ok_or_else(|| {
                    format!("unknown {} \"{}\"; expected one of {}", $what, code, Self::expected())
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&code).map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use code_enum;

/// A set of values of one vocabulary, stored as a bitset (vocabularies have ≤ 32 values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct CodeSet(pub u32);

impl CodeSet {
    /// Builds a set from values given by their bit positions.
    pub fn from_bits<I: IntoIterator<Item = u32>>(bits: I) -> Self {
        CodeSet(bits.into_iter().fold(0, |acc, b| acc | (1 << b)))
    }
    /// Whether the value at bit `b` is in the set.
    pub fn has(self, b: u32) -> bool {
        self.0 & (1 << b) != 0
    }
    /// Whether the two sets share a value.
    pub fn intersects(self, other: CodeSet) -> bool {
        self.0 & other.0 != 0
    }
    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}
