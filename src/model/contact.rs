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
    /// Web chat: where to chat in writing with the service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat: Option<String>,
    /// A video route, such as a BSL video-relay link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
}

impl Contact {
    /// Whether it can be reached without voice or hearing: a text number, web chat or
    /// video (email is left out: it is too slow to count as a way in when it matters).
    pub fn has_non_voice_route(&self) -> bool {
        self.phones.iter().any(|p| p.sms) || self.chat.is_some() || self.video.is_some()
    }
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
        /// Through the council's housing team (housing options or homelessness).
        Council = "council",
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

/// How many days a vacancy stays news: older than this, "has space" is only the last
/// known state, never a match. The survivor page and the professional view share it
/// (through `haven vocabulary`).
pub const VACANCY_FRESH_DAYS: i32 = 7;

impl Vacancy {
    /// Whether, on `today`, this says there is space now: available, and updated no more
    /// than [`VACANCY_FRESH_DAYS`] ago (a date after today is a wrong clock, not news).
    pub fn space_now(&self, today: Date) -> bool {
        self.status == VacancyStatus::Available && fresh(self.updated_at, today)
    }
}

/// Whether a vacancy updated on `updated` is fresh on `today`.
pub(crate) fn fresh(updated: Date, today: Date) -> bool {
    let age = today.to_days() - updated.to_days();
    // A day ahead is a clock in another time zone, not a wrong date.
    (-1..=VACANCY_FRESH_DAYS).contains(&age)
}
