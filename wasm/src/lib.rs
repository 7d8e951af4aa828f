//! The browser binding: a thin wrapper that moves bytes and plain objects across.
//! All logic lives in the `haven` crate and is tested there. Every argument is checked
//! first ([`args`]): a wrong type, size or depth is an `Error` naming it, and the
//! `Finder` keeps working after any error. A query object is copied into the
//! `haven::Plain` value the one query reader reads (reading it with serde through
//! serde-wasm-bindgen measured 38 KB more wasm: see `haven::Query::from_plain`).
#![forbid(unsafe_code)]

mod args;

use haven::limits::MAX_SUGGESTIONS;
use haven::{Directory, Gazetteer, Query, VacancyUpdates};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Talc rather than Rust's default dlmalloc: measured smaller in the wasm, and faster by
/// its authors' WebAssembly benchmarks.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A loaded directory, searchable from JavaScript.
#[wasm_bindgen]
pub struct Finder {
    directory: Directory,
}

fn error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

#[wasm_bindgen]
impl Finder {
    /// Decodes and indexes a bundle (`Uint8Array`); throws an `Error` saying what is wrong
    /// with a bad one.
    pub fn load(bytes: JsValue) -> Result<Finder, JsError> {
        Directory::from_bytes(&args::bytes(&bytes, "bytes")?)
            .map(|directory| Finder { directory })
            .map_err(error)
    }

    /// Searches with a plain object of the same fields as the CLI; returns the same
    /// object as `haven search --json`. Throws an `Error` naming a bad field.
    pub fn search(&self, query: JsValue) -> Result<JsValue, JsError> {
        let query = Query::from_plain(&args::plain(&query, "query")?).map_err(error)?;
        let response = self.directory.search(&query).map_err(error)?;
        Ok(to_js(&response))
    }

    /// Each nation's own helplines, before anyone has searched:
    /// `[{nation, helplines: [result, …]}]`, results shaped as in `search`.
    #[wasm_bindgen(js_name = nationHelplines)]
    pub fn nation_helplines(&self) -> JsValue {
        to_js(&self.directory.nation_helplines())
    }

    /// The helplines that serve council area `code` (a response's `area.code`): those
    /// covering it, its nation or the UK, results shaped as in `search`.
    #[wasm_bindgen(js_name = areaHelplines)]
    pub fn area_helplines(&self, code: JsValue) -> Result<JsValue, JsError> {
        let code = args::text(&code, "code", haven::limits::MAX_PLACE_CHARS)?;
        Ok(to_js(&self.directory.area_helplines(&code)))
    }

    /// Adds the gazetteer (`gazetteer.bin`, loaded after the page is interactive): then
    /// `near` and `avoid` accept postcodes and places, and council areas are finer.
    /// Throws an `Error` saying what is wrong with bad bytes.
    #[wasm_bindgen(js_name = loadGazetteer)]
    pub fn load_gazetteer(&mut self, bytes: JsValue) -> Result<(), JsError> {
        let gazetteer = Gazetteer::decode(&args::bytes(&bytes, "bytes")?).map_err(error)?;
        self.directory.set_gazetteer(gazetteer);
        Ok(())
    }

    /// Lays vacancy updates (`vacancies.bin`) over the directory: each one newer than a
    /// service's own vacancy replaces it in results and in "has space now". Returns
    /// `{applied, older, unknown}` (unknown: ids this directory does not hold as
    /// accommodation, which are ignored). Throws an `Error` saying what is wrong with
    /// bad bytes.
    #[wasm_bindgen(js_name = loadVacancies)]
    pub fn load_vacancies(&mut self, bytes: JsValue) -> Result<JsValue, JsError> {
        let updates = VacancyUpdates::decode(&args::bytes(&bytes, "bytes")?).map_err(error)?;
        Ok(to_js(&self.directory.apply_vacancies(&updates)))
    }

    /// Resolves a council's GSS code, a postcode or a place: the same object as `haven
    /// geocode --json`, or `undefined` when nothing matches (postcodes and places need
    /// the gazetteer loaded; codes do not). Throws an `Error` for anything but text.
    pub fn geocode(&self, text: JsValue) -> Result<JsValue, JsError> {
        let found = args::place_text(&text, "text")?.and_then(|t| self.directory.geocode(&t));
        Ok(found.map_or(JsValue::UNDEFINED, |a| to_js(&a)))
    }

    /// Suggestions for type-ahead: a list of the same objects, best first, at most
    /// `limit` (0 to 50). Throws an `Error` for a prefix that is not text or a bad limit.
    pub fn suggest(&self, prefix: JsValue, limit: JsValue) -> Result<JsValue, JsError> {
        self.names(&prefix, "prefix", &limit, Gazetteer::suggest)
    }

    /// "Did you mean …?" for a place that matched nothing: the nearest names by
    /// spelling, as a list of the same objects as `suggest`, best first; empty for text
    /// that resolves, postcodes and nonsense.
    #[wasm_bindgen(js_name = didYouMean)]
    pub fn did_you_mean(&self, text: JsValue, limit: JsValue) -> Result<JsValue, JsError> {
        self.names(&text, "text", &limit, Gazetteer::did_you_mean)
    }

    /// Whether the gazetteer is loaded.
    #[wasm_bindgen(getter, js_name = hasGazetteer)]
    pub fn has_gazetteer(&self) -> bool {
        self.directory.gazetteer().is_some()
    }

    /// How many services the directory holds.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.directory.len()
    }

    /// How many of them are example records (the page must then say so).
    #[wasm_bindgen(getter, js_name = exampleCount)]
    pub fn example_count(&self) -> usize {
        self.directory.example_count()
    }

    /// When the bundle was built, as YYYY-MM-DD.
    #[wasm_bindgen(getter, js_name = builtOn)]
    pub fn built_on(&self) -> String {
        self.directory.built_on().to_string()
    }
}

/// Reads a Haven file's seal (`Uint8Array`): `{kind, madeOn, expiresOn, signer,
/// publicKey, signedLength}` (the last three `null` for an unsigned file; the signature is
/// the 64 bytes after the first `signedLength`), or `null` for a file with no seal.
/// Throws an `Error` saying what is wrong with a damaged file. Which keys to trust and
/// whether it has expired are the page's to decide (components/trust, with the rule of
/// `haven verify`): deciding here measured 3.3 KB more wasm.
#[wasm_bindgen(js_name = readSeal)]
pub fn read_seal(bytes: JsValue) -> Result<JsValue, JsError> {
    let seal = haven::read_seal(&args::bytes(&bytes, "bytes")?, None).map_err(error)?;
    let Some(seal) = seal else {
        return Ok(JsValue::NULL);
    };
    let sig = seal.signature.as_ref();
    Ok(to_js(&SealView {
        kind: seal.kind,
        made_on: seal.made_on.to_string(),
        expires_on: seal.expires_on.to_string(),
        signer: sig.map(|s| s.signer.as_str()),
        public_key: sig.map(|s| haven::to_hex(&s.public_key)),
        signed_length: sig.map(|s| s.signed_len),
    }))
}

/// What `readSeal` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SealView<'a> {
    kind: &'a str,
    made_on: String,
    expires_on: String,
    signer: Option<&'a str>,
    public_key: Option<String>,
    signed_length: Option<usize>,
}

impl Finder {
    /// A list of place names from the gazetteer (`find`: suggestions or near spellings)
    /// for checked text and limit; empty without the gazetteer or for text too long to be
    /// a name.
    fn names(
        &self,
        text: &JsValue,
        field: &str,
        limit: &JsValue,
        find: fn(&Gazetteer, &str, usize) -> Vec<haven::Answer>,
    ) -> Result<JsValue, JsError> {
        let limit = args::count(limit, "limit", MAX_SUGGESTIONS)?;
        let text = args::place_text(text, field)?;
        let answers = match (self.directory.gazetteer(), text) {
            (Some(g), Some(text)) => find(g, &text, limit),
            _ => Vec::new(),
        };
        Ok(to_js(&answers))
    }
}

/// Plain JavaScript objects, as `JSON.parse` of the CLI's JSON would give (maps as
/// objects, missing values as null). Haven's types always serialise, so a failure is a
/// bug, shown as undefined rather than thrown.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::UNDEFINED)
}
