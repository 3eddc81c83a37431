//! The wasm binding: the only module that knows about JavaScript. `analyze(input, options)`
//! takes a string or a Uint8Array of raw file bytes and returns a plain JS object equal to the
//! CLI's JSON; errors become JS `Error`s carrying the core's message.
//!
//! Results cross the boundary as one JSON string that JS parses (`JSON.parse`, native code):
//! building the object field by field from Rust (serde-wasm-bindgen) makes a boundary call per
//! field and measured slower (bench/README.md). An analysis's two term lists cross beside it,
//! as one string of their words and an array of counts (`src/wasm_object.js` builds them):
//! parsing their thousand short strings was a third to a half of `JSON.parse`'s time.
//!
//! `compare(analyses)` takes an array of such objects (fresh or read back from saved JSON) and
//! returns the Comparison the CLI's `compare` prints.

use crate::{analyze_bytes, analyze_text, Analysis, Error, Options};
use js_sys::{Error as JsError, Uint8Array, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Loads the segmentation data now rather than on the first analysis, so the page can show
/// "ready" only when analysis will be quick.
#[wasm_bindgen]
pub fn warm_up() {
    let _ = crate::segment::jieba();
}

/// The report `rehearse` analyses: the demo's sample (a report we wrote; it is also the page's
/// "try the sample" text), dense with counts, names, documents and headings, so one analysis
/// runs nearly every stage.
const REHEARSAL: &str = include_str!("../tests/fixtures/sample-report.txt");

/// Analyses a built-in report, JSON included, and returns the JSON's length (0 on an error,
/// which this text never gives). Why: straight after `warm_up` a first report takes 5–15× as
/// long as later ones, because V8 runs each wasm function as baseline code until it is hot and
/// the core builds each word list on its first use (jilin-2023 in Node: ~170 ms first, ~14 ms
/// warm; bench/README.md, seventh pass). The worker calls this while idle after "ready", one
/// call per task, so a user's first report meets optimized code and built word lists.
#[wasm_bindgen]
pub fn rehearse() -> usize {
    analyze_text("", REHEARSAL, &Options::default()).ok().and_then(|a| to_json(&a).ok()).map_or(0, |json| json.len())
}

fn js_error(e: impl std::fmt::Display) -> JsValue {
    JsError::new(&e.to_string()).into()
}

fn to_json<T: Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(js_error)
}

fn parse(json: &str) -> Result<JsValue, JsValue> {
    JSON::parse(json)
}

/// KWIC lines and collocates of `term` in `text` (the `text` of an Analysis).
#[wasm_bindgen]
pub fn concordance(text: &str, term: &str, width: Option<usize>) -> Result<JsValue, JsValue> {
    parse(&to_json(&crate::concordance(text, term, width.unwrap_or(20), 1000))?)
}

fn run(input: JsValue, options: JsValue, name: Option<String>) -> Result<Analysis, JsValue> {
    let opts: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        let json: String = JSON::stringify(&options)?.into();
        serde_json::from_str(&json).map_err(|e| js_error(format!("options: {e}")))?
    };
    let name = name.unwrap_or_default();
    let result: Result<Analysis, Error> = if let Some(s) = input.as_string() {
        analyze_text(&name, &s, &opts)
    } else if input.is_instance_of::<Uint8Array>() {
        analyze_bytes(&name, &Uint8Array::from(input).to_vec(), &opts)
    } else {
        return Err(js_error("analyze(): input must be a string or a Uint8Array"));
    };
    result.map_err(js_error)
}

/// The Analysis as a plain JS object (maps as objects: it equals JSON.parse of the CLI's output,
/// keys in the same order).
#[wasm_bindgen]
pub fn analyze(input: JsValue, options: JsValue, name: Option<String>) -> Result<JsValue, JsValue> {
    let mut analysis = run(input, options, name)?;
    match TermLists::take(&mut analysis) {
        Some(t) => analysis_object(&to_json(&analysis)?, &t.words, &t.counts, &t.pos, t.term_count, t.term_words),
        None => parse(&to_json(&analysis)?),
    }
}

#[wasm_bindgen(module = "/src/wasm_object.js")]
extern "C" {
    /// JSON.parse of `json`, its empty `terms` and `term_counts` then built from the lists.
    #[wasm_bindgen(catch)]
    fn analysis_object(
        json: &str,
        words: &str,
        counts: &[u32],
        pos: &str,
        term_count: usize,
        term_words: Option<String>,
    ) -> Result<JsValue, JsValue>;
}

/// An Analysis's `term_counts` and `terms` as `analysis_object` rebuilds them: the counted
/// words joined by "\n", their counts, the terms' tags joined, and the terms' words when they
/// differ from the first counted words (respelled in a traditional report's script).
struct TermLists {
    words: String,
    counts: Vec<u32>,
    pos: String,
    term_count: usize,
    term_words: Option<String>,
}

impl TermLists {
    /// Takes the two lists out of `a` (left empty), or leaves them when they do not have the
    /// shape the rebuild assumes: the terms are the first counted words with the same counts,
    /// and no word or tag holds the separator.
    fn take(a: &mut Analysis) -> Option<TermLists> {
        let (terms, counted) = (&a.terms, &a.term_counts);
        let fits = terms.len() <= counted.len()
            && terms
                .iter()
                .zip(counted)
                .all(|(t, (_, n))| t.count == *n && !t.term.contains('\n') && !t.pos.contains('\n'))
            && counted.iter().all(|(w, n)| !w.contains('\n') && u32::try_from(*n).is_ok());
        if !fits {
            return None;
        }
        let same = terms.iter().zip(counted).all(|(t, (w, _))| t.term == *w);
        let lists = TermLists {
            words: counted.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join("\n"),
            counts: counted.iter().map(|&(_, n)| n as u32).collect(),
            pos: terms.iter().map(|t| t.pos.as_str()).collect::<Vec<_>>().join("\n"),
            term_count: terms.len(),
            term_words: (!same).then(|| terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>().join("\n")),
        };
        a.terms = Vec::new();
        a.term_counts = Vec::new();
        Some(lists)
    }
}

/// The Analysis as JSON text, for a caller that passes it on as it is (to a file, or through
/// postMessage as one string).
#[wasm_bindgen]
pub fn analyze_json(input: JsValue, options: JsValue, name: Option<String>) -> Result<String, JsValue> {
    to_json(&run(input, options, name)?)
}

/// Compares 2–50 analyses: an array of what `analyze` returned, or of saved Analysis JSON
/// parsed again. (Measured: reading analyses back, Deserialize on the contract, and the
/// comparison add 174 KiB raw, 59 KiB gzip -9 to the wasm: 3.9% and 1.7%.)
#[wasm_bindgen]
pub fn compare(analyses: JsValue) -> Result<JsValue, JsValue> {
    // the analyses cross as JSON too: JSON.stringify is native, and serde_json reads it
    let json =
        JSON::stringify(&analyses).map_err(|_| js_error("compare(): 需要分析结果的数组 (an array of analyses)"))?;
    let list: Vec<Analysis> = serde_json::from_str(&String::from(json))
        .map_err(|e| js_error(format!("compare(): 需要分析结果的数组 (an array of analyses): {e}")))?;
    let comparison = crate::compare(&list).map_err(js_error)?;
    parse(&to_json(&comparison)?)
}
