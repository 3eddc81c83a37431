//! The wasm binding: the only module that knows about JavaScript. `analyze(input, options)`
//! takes a string or a Uint8Array of raw file bytes and returns a plain JS object equal to the
//! CLI's JSON; `compare(analyses)` takes an array of such objects (fresh or read back from
//! saved JSON) and returns the Comparison the CLI's `compare` prints; errors become JS
//! `Error`s carrying the core's message.

use crate::{analyze_bytes, analyze_text, Options};
use js_sys::{Error as JsError, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Builds the segmentation dictionary now rather than on the first analysis (it takes most of
/// a second), so the page can show "ready" only when analysis will be quick.
#[wasm_bindgen]
pub fn warm_up() {
    let t = js_sys::Date::now();
    let _ = crate::segment::jieba();
    web_sys::console::debug_1(&format!("report-lens: dictionary ready in {:.0} ms", js_sys::Date::now() - t).into());
}

/// KWIC lines and collocates of `term` in `text` (the `text` of an Analysis).
#[wasm_bindgen]
pub fn concordance(text: &str, term: &str, width: Option<usize>) -> Result<JsValue, JsValue> {
    let c = crate::concordance(text, term, width.unwrap_or(20), 1000);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    c.serialize(&ser).map_err(|e| JsError::new(&e.to_string()).into())
}

#[wasm_bindgen]
pub fn analyze(input: JsValue, options: JsValue, name: Option<String>) -> Result<JsValue, JsValue> {
    let opts: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("options: {e}")))?
    };
    let name = name.unwrap_or_default();
    let result = if let Some(s) = input.as_string() {
        analyze_text(&name, &s, &opts)
    } else if input.is_instance_of::<Uint8Array>() {
        analyze_bytes(&name, &Uint8Array::from(input).to_vec(), &opts)
    } else {
        return Err(JsError::new("analyze(): input must be a string or a Uint8Array").into());
    };
    let analysis = result.map_err(|e| JsError::new(&e.to_string()))?;
    // maps as plain objects, so the result equals JSON.parse of the CLI's output
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&ser).map_err(|e| JsError::new(&e.to_string()).into())
}

/// Compares 2–50 analyses: an array of what `analyze` returned, or of saved Analysis JSON
/// parsed again. (Measured: reading analyses back, Deserialize on the contract, and the
/// comparison add 174 KiB raw, 59 KiB gzip -9 to the wasm: 3.9% and 1.7%.)
#[wasm_bindgen]
pub fn compare(analyses: JsValue) -> Result<JsValue, JsValue> {
    let list: Vec<crate::Analysis> = serde_wasm_bindgen::from_value(analyses)
        .map_err(|e| JsError::new(&format!("compare(): 需要分析结果的数组 (an array of analyses): {e}")))?;
    let comparison = crate::compare(&list).map_err(|e| JsError::new(&e.to_string()))?;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    comparison.serialize(&ser).map_err(|e| JsError::new(&e.to_string()).into())
}
