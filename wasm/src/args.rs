//! Every argument from JavaScript checked before the engine sees it: its type, its size
//! and, for objects, its depth ([`haven::limits`]), so that no value can trap the wasm. A
//! trap would leave the instance unusable for every `Finder` on the page: a cyclic or
//! 10 000-deep object overflowed the stack, and a number where text was expected made
//! the generated glue read memory out of bounds. Reading a value runs JavaScript
//! (getters, proxies); anything it throws is caught here and reported, never let through
//! the wasm, which would leave a `Finder` borrowed for good.

use haven::limits::{MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS, MAX_VALUES, MAX_VALUE_CHARS};

use haven::{show_number, Plain};
use js_sys::{Array, JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    // The same functions as js_sys's, declared to catch what they throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    // Never runs a proxy's traps, unlike `instanceof`.
    #[wasm_bindgen(catch, js_namespace = ArrayBuffer, js_name = isView)]
    fn is_view(value: &JsValue) -> Result<bool, JsValue>;
}

/// An argument that is wrong: `{field}: expected …, found …`.
pub fn wrong(field: &str, expected: &str, value: &JsValue) -> JsError {
    JsError::new(&format!(
        "{field}: expected {expected}, found {}",
        kind_of(value)
    ))
}

/// What a value is, for "found …".
fn kind_of(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(b) = value.as_bool() {
        b.to_string()
    } else if let Some(n) = value.as_f64() {
        format!("the number {}", show_number(n))
    } else if value.is_string() {
        "text".into()
    } else if value.is_bigint() {
        "a BigInt".into()
    } else if value.is_symbol() {
        "a Symbol".into()
    } else if value.is_function() {
        "a function".into()
    } else if is_array(value).unwrap_or(false) {
        "a list".into()
    } else {
        "an object".into()
    }
}

/// Text of at most `max` characters.
pub fn text(value: &JsValue, field: &str, max: usize) -> Result<String, JsError> {
    let Some(js) = value.dyn_ref::<JsString>() else {
        return Err(wrong(field, "text", value));
    };
    // Measured before it is copied into the wasm, in UTF-16 units as JavaScript counts.
    if js.length() as usize > max {
        return Err(JsError::new(&format!(
            "{field}: expected at most {max} characters, found {}",
            js.length()
        )));
    }
    Ok(String::from(js))
}

/// Text to look up as a place: `None` (nothing matches) when it is longer than any place
/// name could be, without copying it; an `Error` when it is not text at all.
pub fn place_text(value: &JsValue, field: &str) -> Result<Option<String>, JsError> {
    let Some(js) = value.dyn_ref::<JsString>() else {
        return Err(wrong(field, "text", value));
    };
    Ok((js.length() as usize <= MAX_VALUE_CHARS).then(|| String::from(js)))
}

/// A whole number from 0 to `max` (a BigInt, NaN or a fraction is refused).
pub fn count(value: &JsValue, field: &str, max: usize) -> Result<usize, JsError> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=max as f64).contains(&n) => Ok(n as usize),
        Some(n) => Err(JsError::new(&format!(
            "{field}: expected a whole number from 0 to {max}, found {}",
            show_number(n)
        ))),
        None => Err(wrong(field, "a number", value)),
    }
}

/// The bytes of a file (`Uint8Array`), at most [`MAX_FILE_BYTES`].
pub fn bytes(value: &JsValue, field: &str) -> Result<Vec<u8>, JsError> {
    let view = is_view(value).unwrap_or(false);
    let Some(array) = value.dyn_ref::<Uint8Array>().filter(|_| view) else {
        return Err(wrong(field, "the file's bytes as a Uint8Array", value));
    };
    let len = array.length() as usize;
    if len > MAX_FILE_BYTES {
        return Err(JsError::new(&format!(
            "{field}: expected at most {MAX_FILE_BYTES} bytes, found {len}"
        )));
    }
    Ok(array.to_vec())
}

/// Copies a JavaScript value into a [`Plain`] tree, within [`MAX_DEPTH`], [`MAX_ITEMS`]
/// per list or object, [`MAX_VALUES`] in all and [`MAX_VALUE_CHARS`] per text; a BigInt,
/// Symbol or function anywhere is refused, naming where. `undefined` is null, as in JSON.
pub fn plain(value: &JsValue, field: &str) -> Result<Plain, JsError> {
    let mut path = field.to_string();
    let mut budget = MAX_VALUES;
    walk(value, &mut path, 0, &mut budget)
}

fn fail(path: &str, message: &str) -> JsError {
    JsError::new(&format!("{path}: {message}"))
}

fn caught(path: &str, error: &JsValue) -> JsError {
    let said = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default();
    fail(path, &format!("reading it threw: {said}"))
}

/// `path` is the field being read; each level appends its part and takes it off again.
fn walk(
    value: &JsValue,
    path: &mut String,
    depth: usize,
    budget: &mut usize,
) -> Result<Plain, JsError> {
    if *budget == 0 {
        return Err(fail(
            path,
            &format!("expected at most {MAX_VALUES} values in all, found more"),
        ));
    }
    *budget -= 1;
    if value.is_undefined() || value.is_null() {
        return Ok(Plain::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Plain::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Plain::Number(n));
    }
    if value.is_string() {
        return text(value, path, MAX_VALUE_CHARS).map(Plain::Text);
    }
    if value.is_bigint() || value.is_symbol() || value.is_function() {
        return Err(wrong(
            path,
            "a number, text, true or false, a list or an object",
            value,
        ));
    }
    if depth >= MAX_DEPTH {
        return Err(fail(
            path,
            &format!("expected values nested at most {MAX_DEPTH} deep, found deeper (does the object refer to itself?)"),
        ));
    }
    let list = is_array(value).map_err(|e| caught(path, &e))?;
    let names = if list {
        None
    } else {
        Some(keys(value).map_err(|e| caught(path, &e))?)
    };
    let len = match &names {
        Some(names) => names.length(),
        None => get(value, &JsValue::from_str("length"))
            .map_err(|e| caught(path, &e))?
            .as_f64()
            .map_or(0, |n| n.clamp(0.0, u32::MAX as f64) as u32),
    };
    if len as usize > MAX_ITEMS {
        return Err(fail(
            path,
            &format!("expected at most {MAX_ITEMS} items, found more"),
        ));
    }
    let mut items = Vec::new();
    let mut fields = Vec::new();
    for i in 0..len {
        let keep = path.len();
        let key = match &names {
            Some(names) => {
                let key = names.get(i);
                path.push('.');
                path.push_str(&key.as_string().unwrap_or_default());
                key
            }
            None => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
                JsValue::from(i)
            }
        };
        let item = get(value, &key).map_err(|e| caught(path, &e))?;
        let item = walk(&item, path, depth + 1, budget)?;
        path.truncate(keep);
        match key.as_string() {
            Some(name) if names.is_some() => fields.push((name, item)),
            _ => items.push(item),
        }
    }
    Ok(if names.is_some() {
        Plain::Object(fields)
    } else {
        Plain::List(items)
    })
}
