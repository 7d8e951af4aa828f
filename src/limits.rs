//! Every limit on what Haven reads, stated once. The query check, the query reader, the
//! gazetteer and the browser binding enforce them, and report a value past one as an error
//! naming the field, so no input, however large or deep, can exhaust memory, hang a
//! search or overflow the stack (in the wasm, that would stop every search on the page).

/// How deep a query value (JSON or a JavaScript object) may nest. The deepest real field,
/// `household.adults[0].gender`, is 4 deep; a cyclic object is infinitely deep.
pub const MAX_DEPTH: usize = 8;
/// The most entries in any one list or object of a query value.
pub const MAX_ITEMS: usize = 1000;
/// The most values in a whole query value, counting every nested one.
pub const MAX_VALUES: usize = 10_000;
/// The longest text in a query value, in characters (a place, a code).
pub const MAX_VALUE_CHARS: usize = 1000;
/// The longest words to search for (`text`), in characters.
pub const MAX_SEARCH_TEXT: usize = 200;
/// The longest postcode or place name looked up, in characters.
pub const MAX_PLACE_CHARS: usize = 100;
/// The most places to avoid in one search.
pub const MAX_AVOID_ZONES: usize = 20;
/// The most people in a household (adults and children together).
pub const MAX_HOUSEHOLD: usize = 20;
/// The most codes in one list of a query or a record (kinds, needs, languages,
/// communities, genders, referral routes).
pub const MAX_CODES: usize = 64;
/// The widest search radius, in km.
pub const MAX_RADIUS_KM: f64 = 2000.0;
/// The widest zone to avoid, in km.
pub const MAX_AVOID_KM: f64 = 500.0;
/// The most suggestions one call returns.
pub const MAX_SUGGESTIONS: usize = 50;
/// The largest data file the browser binding accepts, in bytes (a directory of 100 000
/// services is 34 MB).
pub const MAX_FILE_BYTES: usize = 128 * 1024 * 1024;

// In a record of the directory. `haven validate` and `haven build` refuse a record past
// one, naming the field, so no feed can make a bundle larger than its services need
// (a 50 MB description once made a 52 MB bundle).

/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// The longest name (of a service, organisation or source), in characters.
pub const MAX_NAME_CHARS: usize = 300;
/// The longest description, in characters: about three pages of text.
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// The longest other line of text (hours, an address, a phone's label), in characters.
pub const MAX_LINE_CHARS: usize = 500;
/// The longest web address, in characters.
pub const MAX_URL_CHARS: usize = 2000;
/// The longest email address, in characters (RFC 5321's limit on a path).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The most phone numbers on one record.
pub const MAX_PHONES: usize = 10;
/// The most council areas, nations or "uk" one service covers (the UK has 361 councils).
pub const MAX_COVERAGE: usize = 400;
/// The most languages one record lists (ISO 639-1 has 183 codes, and BSL).
pub const MAX_LANGUAGES: usize = 200;
