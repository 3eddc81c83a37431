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
pub mod concordance;
pub mod entities;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod formulations;
pub mod intake;
pub mod keywords;
pub mod lexicon;
pub mod meta;
pub mod quantity;
pub mod repair;
pub mod segment;
pub mod stats;
pub mod structure;
pub mod themes;
pub mod utf16;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::Analysis;
pub use error::Error;

use analysis::{Section, Source};
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
    Ok(analyze_decoded(name, bytes.len(), &read.encoding, &read.text, &read.warnings, opts))
}

/// Concordance of `term` in `text` (an Analysis's text): KWIC lines and collocates.
pub fn concordance(text: &str, term: &str, width: usize, max_lines: usize) -> concordance::Concordance {
    let tokens = segment::tokenize(text, &structure::paragraph_ranges(text));
    concordance::concordance(text, &tokens, term, width, max_lines)
}

/// Analyses text that is already a string (pasted text in the page).
pub fn analyze_text(name: &str, text: &str, opts: &Options) -> Result<Analysis, Error> {
    if text.len() > intake::MAX_BYTES {
        return Err(Error::TooLarge { bytes: text.len(), limit: intake::MAX_BYTES });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(analyze_decoded(name, text.len(), "UTF-8", text, &[], opts))
}

fn analyze_decoded(
    name: &str,
    bytes: usize,
    encoding: &str,
    raw: &str,
    read_warnings: &[intake::Notice],
    opts: &Options,
) -> Analysis {
    let repaired = repair::repair(&clean::normalize(raw));
    let text = repaired.text;
    let mut doc = structure::parse(&text);
    let idx = utf16::Utf16Index::new(&text);
    let (articles, bounds) = articles::split(&text, &doc, &idx);
    for (a, &range) in articles.iter().zip(&bounds) {
        if let Some(year) = a.meta.year {
            structure::parts_by_year(&mut doc.headings, range, year);
        }
    }
    // heading levels count within each article: a box's heading is not a sub-section of the report
    structure::relevel(&mut doc.headings, &bounds);
    let tokens = segment::tokenize(&text, &doc.paragraphs);
    let mut stats = stats::stats(&text, &doc, &tokens);
    let (formulations, share) = formulations::find(&text, &doc, &idx, stats.chars);
    stats.formulation_sentence_share = share;
    let mut terms = stats::terms(&text, &tokens);
    terms.truncate(opts.max_terms);
    let keywords = keywords::keywords(&text, &tokens, opts.max_keywords);
    let quantities = quantity::extract(&text, &doc, &idx);
    let metrics = quantity::metrics(&quantities);
    let sections = doc
        .headings
        .iter()
        .map(|h| Section { title: h.title.clone(), level: h.level, span: idx.span(h.range.0, h.range.1), part: h.part })
        .collect();
    let meta = articles.iter().find(|a| a.main).map(|a| a.meta.clone()).unwrap_or_default();
    // intake's warnings (no span: the text changed since), repairs, then garbled runs in `text`
    let mut warnings: Vec<analysis::Warning> = read_warnings
        .iter()
        .map(|n| analysis::Warning { kind: n.kind, message: n.message.clone(), span: None })
        .collect();
    warnings.extend(repaired.warnings);
    warnings.extend(intake::garbled::warnings(&text, &idx));
    Analysis {
        schema: analysis::SCHEMA,
        source: Source { name: name.to_string(), bytes, encoding: encoding.to_string() },
        stats,
        terms,
        keywords,
        meta,
        sections,
        articles,
        quantities,
        metrics,
        formulations,
        themes: themes::themes(&text, &doc),
        entities: entities::find(&text, &tokens, &idx),
        warnings,
        text,
    }
}
