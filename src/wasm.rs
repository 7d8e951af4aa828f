//! The browser binding: a thin wrapper that moves bytes and plain objects across.
//! All logic lives in the native modules and is tested there.

use crate::query::{Plain, Query};
use crate::Directory;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A loaded directory, searchable from JavaScript.
#[wasm_bindgen]
pub struct Finder {
    directory: Directory,
}

#[wasm_bindgen]
impl Finder {
    /// Decodes and indexes a bundle (`Uint8Array`); throws an `Error` saying what is wrong
    /// with a bad one.
    pub fn load(bytes: &[u8]) -> Result<Finder, JsError> {
        Directory::from_bytes(bytes)
            .map(|directory| Finder { directory })
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Searches with a plain object of the same fields as the CLI; returns the same
    /// object as `haven search --json`. Throws an `Error` naming a bad field.
    pub fn search(&self, query: JsValue) -> Result<JsValue, JsError> {
        let query = Query::from_plain(&plain(&query)).map_err(|e| JsError::new(&e.to_string()))?;
        let response = self
            .directory
            .search(&query)
            .map_err(|e| JsError::new(&e.to_string()))?;
        response
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
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

/// Copies a JavaScript value into a [`Plain`] tree; functions and symbols become null.
fn plain(value: &JsValue) -> Plain {
    if let Some(b) = value.as_bool() {
        Plain::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Plain::Number(n)
    } else if let Some(s) = value.as_string() {
        Plain::Text(s)
    } else if js_sys::Array::is_array(value) {
        Plain::List(
            js_sys::Array::from(value)
                .iter()
                .map(|v| plain(&v))
                .collect(),
        )
    } else if value.is_object() && !value.is_function() {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        Plain::Object(
            entries
                .iter()
                .filter_map(|pair| {
                    let pair = js_sys::Array::from(&pair);
                    Some((pair.get(0).as_string()?, plain(&pair.get(1))))
                })
                .collect(),
        )
    } else {
        Plain::Null
    }
}
