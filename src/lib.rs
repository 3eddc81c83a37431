//! report-lens (报告透视): reads a Chinese official work report and returns what it says and
//! what it claims to have done, as one serde `Analysis`.
//!
//! ```text
//! bytes ──intake (txt/md/html/docx, any encoding)──▶ text ──clean──▶ normalised text ──repair──▶ repaired text ──structure──▶ Document (paragraphs,
//!   sentences, headings) ──segment──▶ tokens ──stats / keywords / quantity──▶ findings
//!   ──analysis──▶ Analysis (serde) ──▶ JSON (CLI) or a JS object (wasm, in a Web Worker)
//! ```
//!
//! The core is plain Rust: no wasm types outside `wasm.rs`, so the CLI and the page run the
//! same code and print the same JSON.

pub mod analysis;
pub mod articles;
pub mod clean;
pub mod compare;
pub mod concordance;
pub mod digest;
pub mod entities;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod formulations;
mod fx;
pub mod intake;
pub mod keywords;
pub mod lexicon;
pub mod meta;
mod pipeline;
pub mod quantity;
pub mod repair;
pub mod segment;
pub mod stats;
pub mod structure;
pub mod themes;
pub mod utf16;
pub mod view;
pub mod vocabulary;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{Analysis, Comparison};
pub use compare::compare;
pub use error::Error;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Options {
    /// How many terms to list (all are counted in the stats).
    pub max_terms: usize,
    /// How many keywords per method.
    pub max_keywords: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_terms: 300, max_keywords: 20 }
    }
}

/// Analyses a file's raw bytes: decodes them (UTF-8, UTF-16, GB18030) first.
pub fn analyze_bytes(name: &str, bytes: &[u8], opts: &Options) -> Result<Analysis, Error> {
    let read = intake::read(name, bytes)?;
    Ok(pipeline::analyze_decoded(name, bytes.len(), &read.encoding, &read.text, &read.warnings, opts))
}

/// Concordance of `term` in `text` (an Analysis's text): KWIC lines and collocates.
pub fn concordance(text: &str, term: &str, width: usize, max_lines: usize) -> analysis::Concordance {
    let view = view::View::new(text.to_string());
    let tokens = segment::tokenize(&view.text, &structure::paragraph_ranges(&view.text));
    concordance::concordance(&view, &tokens, term, width, max_lines)
}

/// Analyses text that is already a string (pasted text in the page).
pub fn analyze_text(name: &str, text: &str, opts: &Options) -> Result<Analysis, Error> {
    if text.len() > intake::MAX_BYTES {
        return Err(Error::TooLarge { bytes: text.len(), limit: intake::MAX_BYTES });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(pipeline::analyze_decoded(name, text.len(), "UTF-8", text, &[], opts))
}
