use crate::codes::{code_enum, CodeSet};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

code_enum! {
    /// An adult's gender, as a service states whom it accepts.
    pub enum Gender: "gender" {
        /// Women.
        Woman = "woman",
        /// Men.
        Man = "man",
        /// Non-binary people.
        NonBinary = "non_binary",
    }
}

code_enum! {
    /// A child's sex, which matters because many refuges take boys only up to an age.
    pub enum Sex: "child sex" {
        /// A boy.
        Boy = "boy",
        /// A girl.
        Girl = "girl",
    }
}

code_enum! {
    /// Something a household needs from a service.
    pub enum Need: "need" {
        /// Step-free, wheelchair-accessible premises.
        Wheelchair = "wheelchair",
        /// Suitable for someone with limited mobility.
        LimitedMobility = "limited_mobility",
        /// Will consider someone with no recourse to public funds.
        Nrpf = "nrpf",
        /// Accepts pets.
        Pets = "pets",
        /// Supports substance use.
        SubstanceUse = "substance_use",
        /// Supports mental-health needs.
        MentalHealth = "mental_health",
        /// Supports multiple or complex needs.
        ComplexNeeds = "complex_needs",
        /// Can be reached by someone Deaf or who uses British Sign Language: BSL
        /// interpreting, or a text or video route.
        Bsl = "bsl",
    }
}

impl Need {
    /// Whether the need is about the premises (step-free rooms, pets), so it matters only
    /// where a household goes to stay, never for a phone line.
    pub fn is_premises(self) -> bool {
        matches!(self, Need::Wheelchair | Need::LimitedMobility | Need::Pets)
    }
}

/// Whom a service takes. Every field may be unknown: a directory rarely knows everything,
/// and "unknown" must never be shown as "yes".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Eligibility {
    /// Genders accepted; empty means the source does not say.
    pub genders: CodeSet,
    /// Whether trans people of the accepted genders are accepted.
    pub trans_inclusive: Option<bool>,
    /// Youngest client age accepted.
    pub min_age: Option<u8>,
    /// Oldest client age accepted.
    pub max_age: Option<u8>,
    /// Whether children can come with the client.
    pub children: Option<bool>,
    /// The oldest age of a boy accepted with his parent (refuges differ: 12, 14, 16…).
    pub max_boy_age: Option<u8>,
    /// The largest household (adults and children) that fits.
    pub max_household: Option<u8>,
    /// The most bedrooms in any unit.
    pub max_bedrooms: Option<u8>,
    /// Needs the service states it meets.
    pub needs_met: CodeSet,
    /// Needs the service states it cannot meet.
    pub needs_unmet: CodeSet,
}

impl Eligibility {
    /// Whether the service accepts this gender; `None` when it does not say.
    pub fn accepts_gender(&self, gender: Gender) -> Option<bool> {
        if self.genders.is_empty() {
            None
        } else {
            Some(self.genders.has(gender.bit()))
        }
    }

    /// What the service states about a need: met, unmet, or unknown.
    pub fn need(&self, need: Need) -> Option<bool> {
        if self.needs_met.has(need.bit()) {
            Some(true)
        } else if self.needs_unmet.has(need.bit()) {
            Some(false)
        } else {
            None
        }
    }

    /// Records what the service states about a need.
    pub fn set_need(&mut self, need: Need, value: Option<bool>) {
        let mask = 1u32 << need.bit();
        self.needs_met.0 &= !mask;
        self.needs_unmet.0 &= !mask;
        match value {
            Some(true) => self.needs_met.0 |= mask,
            Some(false) => self.needs_unmet.0 |= mask,
            None => {}
        }
    }
}

/// The JSON form in responses: genders as a list, and each need as `true` (met) or
/// `false` (not met), absent when the source does not say. Unknowns stay `null`, never
/// "no".
impl Serialize for Eligibility {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Genders(CodeSet);
        impl Serialize for Genders {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(Gender::ALL.iter().filter(|g| self.0.has(g.bit())))
            }
        }
        struct Needs<'a>(&'a Eligibility);
        impl Serialize for Needs<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let stated: Vec<(Need, bool)> = Need::ALL
                    .iter()
                    .filter_map(|n| self.0.need(*n).map(|v| (*n, v)))
                    .collect();
                let mut map = s.serialize_map(Some(stated.len()))?;
                for (need, value) in stated {
                    map.serialize_entry(need.code(), &value)?;
                }
                map.end()
            }
        }
        let mut st = s.serialize_struct("Eligibility", 9)?;
        st.serialize_field("genders", &Genders(self.genders))?;
        st.serialize_field("trans_inclusive", &self.trans_inclusive)?;
        st.serialize_field("min_age", &self.min_age)?;
        st.serialize_field("max_age", &self.max_age)?;
        st.serialize_field("children", &self.children)?;
        st.serialize_field("max_boy_age", &self.max_boy_age)?;
        st.serialize_field("max_household", &self.max_household)?;
        st.serialize_field("max_bedrooms", &self.max_bedrooms)?;
        st.serialize_field("needs", &Needs(self))?;
        st.end()
    }
}
