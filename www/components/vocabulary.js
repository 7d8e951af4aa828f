// Every code the page uses, in one place, as data only. Each code's wording is keyed by
// its list (kind_<code>, need_<code>, community_<code>, gender_<code>, hidden_<code>,
// match_<code>, nation_<code>) and tests/browser/translations.test.mjs fails when a code
// has no wording in English or in some language.
//
// The engine has the same lists (src/model, src/query/filter.rs, src/areas.rs); this
// module's contents are meant to be replaced by a table generated from them, so keep it
// plain objects and arrays of codes: one named export per list (`import * as vocabulary`
// gives { kinds, needs, … }; the build leaves out the lists no page reads).

// Each kind of service, the page's "What do you need?" answer it belongs to (null: no
// answer searches for it) and its Easy Read picture (drawn in
// components/language-switch/language-switch.css).
export const kinds = [
  { code: "refuge", journey: "stay", icon: "house" },
  { code: "specialist_refuge", journey: "stay", icon: "people" },
  { code: "dispersed", journey: "stay", icon: "house" },
  { code: "sanctuary", journey: "home", icon: "shield" },
  { code: "second_stage", journey: "stay", icon: "house" },
  { code: "emergency", journey: "stay", icon: "house" },
  { code: "helpline", journey: "talk", icon: "phone" },
  { code: "advocacy", journey: "talk", icon: "talk" },
  { code: "outreach", journey: "talk", icon: "talk" },
  { code: "children", journey: "children", icon: "child" },
  { code: "recovery", journey: "talk", icon: "talk" },
  { code: "legal", journey: "legal", icon: "scales" },
  { code: "perpetrator", journey: null, icon: "person" },
  { code: "hba_fm", journey: "legal", icon: "shield" },
];

// What the page asks about in "Anything we should know?", in that order.
export const needs = ["wheelchair", "limited_mobility", "nrpf", "pets", "substance_use", "mental_health"];

export const communities = [
  "black_minoritised", "south_asian", "east_asian", "mena", "latin_american", "eastern_european", "jewish", "muslim",
  "gypsy_roma_traveller", "migrant_women", "lgbt_plus", "trans", "deaf", "disabled", "learning_disability",
  "older_people", "young_people", "men",
];

export const genders = ["woman", "man", "non_binary"];

// Why a search hid a service (a response's `hidden` keys).
export const hideReasons = [
  "avoid", "coverage", "gender", "trans", "age", "children", "boys_age", "household_size", "wheelchair",
  "limited_mobility", "nrpf", "pets", "substance_use", "mental_health", "complex_needs", "language", "community", "text",
];

// Why a service matched (a result's `matches`); "remote" is shown by its distance
// instead, so the card leaves it out of "Why it matches".
export const matchReasons = [
  "coverage", "gender", "trans", "children", "boys_age", "household_size", "wheelchair", "limited_mobility", "nrpf",
  "pets", "substance_use", "mental_health", "complex_needs", "language", "interpreters", "community", "vacancy", "remote",
];

export const nations = ["england", "wales", "scotland", "northern_ireland"];

export const kmPerMile = 1.609344;
