use crate::codes::code_enum;

code_enum! {
    /// What a service is. The first six are the "relevant safe accommodation" of
    /// SI 2021/991 regulation 2.
    pub enum Kind: "kind" {
        /// Accommodation with intensive support tied to it; address always confidential.
        Refuge = "refuge",
        /// A refuge run by and for survivors sharing a protected characteristic.
        SpecialistRefuge = "specialist_refuge",
        /// Dispersed accommodation, or a tenancy with refuge-level or lighter support.
        Dispersed = "dispersed",
        /// Extra security at home so the survivor can stay there.
        Sanctuary = "sanctuary",
        /// Second-stage or move-on accommodation after refuge.
        SecondStage = "second_stage",
        /// Other designated, self-contained, short-term domestic-abuse accommodation.
        Emergency = "emergency",
        /// A telephone, text or chat helpline.
        Helpline = "helpline",
        /// Independent domestic or sexual violence advocacy (IDVA, ISVA).
        Advocacy = "advocacy",
        /// Community-based (outreach) support.
        Outreach = "outreach",
        /// Support for children and young people.
        Children = "children",
        /// Recovery and peer support.
        Recovery = "recovery",
        /// Legal, immigration and no-recourse-to-public-funds advice.
        Legal = "legal",
        /// A behaviour-change programme for people who cause harm.
        Perpetrator = "perpetrator",
        /// Honour-based abuse and forced marriage.
        HbaFm = "hba_fm",
    }
}

impl Kind {
    /// Whether a household stays in this service (so premises needs such as wheelchair
    /// access, pets or household size must be confirmed, not assumed).
    pub fn is_accommodation(self) -> bool {
        matches!(
            self,
            Kind::Refuge
                | Kind::SpecialistRefuge
                | Kind::Dispersed
                | Kind::SecondStage
                | Kind::Emergency
        )
    }

    /// Which answer to the survivor's "What do you need?" this kind belongs to
    /// (`stay`, `home`, `talk`, `children`, `legal`); `None` for kinds the survivor's
    /// page does not offer by that question.
    pub fn journey(self) -> Option<&'static str> {
        match self {
            Kind::Refuge
            | Kind::SpecialistRefuge
            | Kind::Dispersed
            | Kind::SecondStage
            | Kind::Emergency => Some("stay"),
            Kind::Sanctuary => Some("home"),
            Kind::Helpline | Kind::Advocacy | Kind::Outreach | Kind::Recovery => Some("talk"),
            Kind::Children => Some("children"),
            Kind::Legal | Kind::HbaFm => Some("legal"),
            Kind::Perpetrator => None,
        }
    }

    /// Whether the address of this kind is always confidential.
    pub fn always_confidential(self) -> bool {
        matches!(self, Kind::Refuge | Kind::SpecialistRefuge)
    }

    /// A short English label, for terminal output and text search.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Refuge => "Refuge",
            Kind::SpecialistRefuge => "Specialist refuge",
            Kind::Dispersed => "Dispersed accommodation",
            Kind::Sanctuary => "Sanctuary scheme",
            Kind::SecondStage => "Move-on accommodation",
            Kind::Emergency => "Emergency accommodation",
            Kind::Helpline => "Helpline",
            Kind::Advocacy => "Advocacy (IDVA/ISVA)",
            Kind::Outreach => "Community support",
            Kind::Children => "Children and young people",
            Kind::Recovery => "Recovery and peer support",
            Kind::Legal => "Legal and immigration advice",
            Kind::Perpetrator => "Behaviour-change programme",
            Kind::HbaFm => "Honour-based abuse and forced marriage",
        }
    }
}
