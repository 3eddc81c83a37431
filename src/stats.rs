//! Figures of the whole text and term frequencies.

use crate::analysis::{Stats, Term};
use crate::clean::is_han;
use crate::fx::{FxMap, FxSet};
use crate::segment::Token;
use crate::structure::Document;

/// Rounds to `places` decimals: figures in the JSON are read by people, not recomputed.
pub fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

pub fn stats(text: &str, doc: &Document, tokens: &[Token]) -> Stats {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let han_chars = text.chars().filter(|&c| is_han(c)).count();
    let words: Vec<&str> = tokens.iter().filter(|t| t.pos != "x").map(|t| &text[t.range.0..t.range.1]).collect();
    let distinct: FxSet<&str> = words.iter().copied().collect();
    let sentence_chars: usize =
        doc.sentences.iter().map(|&(s, e)| text[s..e].chars().filter(|c| !c.is_whitespace()).count()).sum();
    let mean = if doc.sentences.is_empty() { 0.0 } else { sentence_chars as f64 / doc.sentences.len() as f64 };
    Stats {
        chars,
        han_chars,
        paragraphs: doc.paragraphs.len(),
        sentences: doc.sentences.len(),
        tokens: words.len(),
        distinct_terms: distinct.len(),
        mean_sentence_chars: round(mean, 1),
        formulation_sentence_share: 0.0, // set by the formulations pass
    }
}

/// Content-word frequencies, most frequent first (ties by term for a stable order). A term's
/// `pos` is the tag jieba gave it most often.
pub fn terms(text: &str, tokens: &[Token]) -> Vec<Term> {
    // per word: its count, and each tag's count (a word has one or two tags: a list, not a map)
    type Tags = Vec<(&'static str, usize)>;
    let mut counts: FxMap<&str, (usize, Tags)> = FxMap::default();
    for t in tokens {
        let w = &text[t.range.0..t.range.1];
        if t.content {
            let e = counts.entry(w).or_default();
            e.0 += 1;
            match e.1.iter_mut().find(|(p, _)| *p == t.pos) {
                Some((_, n)) => *n += 1,
                None => e.1.push((t.pos, 1)),
            }
        }
    }
    let mut out: Vec<Term> = counts
        .into_iter()
        .map(|(w, (count, tags))| {
            let pos = tags.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(p, _)| p).unwrap_or("x");
            Term { term: w.to_string(), pos: pos.to_string(), count }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    out
}
