//! The browser binding: a thin wrapper that moves bytes and plain objects across.
//! All logic lives in the native modules and is tested there.

use crate::query::Query;
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
        let de = serde_wasm_bindgen::Deserializer::from(query);
        let query: Query = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let field = if path == "." {
                String::new()
            } else {
                format!(".{path}")
            };
            JsError::new(&format!("query{field}: {}", e.inner()))
        })?;
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
        self.directory.services().len()
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
