use crate::codes::code_enum;

code_enum! {
    /// Communities a by-and-for or specialist service is dedicated to. The list is
    /// documented in `data/README.md`; it is closed so that filters mean the same thing
    /// across every directory.
    pub enum Community: "community" {
        /// Black and minoritised women.
        BlackMinoritised = "black_minoritised",
        /// South Asian survivors.
        SouthAsian = "south_asian",
        /// East and South-East Asian survivors.
        EastAsian = "east_asian",
        /// Middle Eastern and North African survivors.
        MiddleEasternNorthAfrican = "mena",
        /// Latin American survivors.
        LatinAmerican = "latin_american",
        /// Eastern European survivors.
        EasternEuropean = "eastern_european",
        /// Jewish survivors.
        Jewish = "jewish",
        /// Muslim survivors.
        Muslim = "muslim",
        /// Gypsy, Roma and Traveller survivors.
        GypsyRomaTraveller = "gypsy_roma_traveller",
        /// Migrant women, including those with insecure immigration status.
        MigrantWomen = "migrant_women",
        /// Lesbian, gay, bisexual, trans and queer survivors.
        LgbtPlus = "lgbt_plus",
        /// Trans and non-binary survivors.
        Trans = "trans",
        /// Deaf survivors (including British Sign Language users).
        Deaf = "deaf",
        /// Disabled survivors.
        Disabled = "disabled",
        /// Survivors with a learning disability.
        LearningDisability = "learning_disability",
        /// Older people.
        OlderPeople = "older_people",
        /// Young people (usually 13 to 25).
        YoungPeople = "young_people",
        /// Men.
        Men = "men",
    }
}
