use crate::codes::code_enum;
use crate::date::Date;
use serde::Serialize;

/// A telephone or text number, as its source states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phone {
    /// The number as written by the source, e.g. "0808 2000 247".
    pub number: String,
    /// What the number is for, e.g. "Helpline" or "Text".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Opening hours in words, e.g. "Monday to Friday, 9am to 5pm".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Answered 24 hours a day, 7 days a week.
    pub twenty_four_seven: bool,
    /// Free to call from landlines and mobiles.
    pub free: bool,
    /// A number to text rather than call.
    pub sms: bool,
}

/// How to reach a service.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Contact {
    /// Telephone and text numbers.
    pub phones: Vec<Phone>,
    /// Web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

code_enum! {
    /// How someone gets into a service.
    pub enum Referral: "referral route" {
        /// The survivor can contact the service directly.
        SelfReferral = "self",
        /// Through a professional (police, IDVA, social worker, GP…).
        Professional = "professional",
        /// Through a helpline such as the National Domestic Abuse Helpline.
        Helpline = "helpline",
    }
}

code_enum! {
    /// Whether accommodation has room.
    pub enum VacancyStatus: "vacancy status" {
        /// Units are free now.
        Available = "available",
        /// Nothing free now.
        Full = "full",
        /// Call to ask.
        Unknown = "unknown",
    }
}

/// The vacancy state of accommodation, with how fresh it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vacancy {
    /// Whether there is room.
    pub status: VacancyStatus,
    /// How many units are free, when known.
    pub units_free: Option<u16>,
    /// When the provider last updated this.
    pub updated_at: Date,
}
