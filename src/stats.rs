//! Figures of the whole text and term frequencies.

use crate::analysis::Stats;
use crate::clean::is_han;
use crate::segment::Token;
use crate::structure::Document;
use crate::vocabulary::Vocabulary;

/// Rounds to `places` decimals: figures in the JSON are read by people, not recomputed.
pub fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

pub fn stats(text: &str, doc: &Document, tokens: &[Token], vocab: &Vocabulary) -> Stats {
    // (one pass for both counts)
    let (chars, han_chars) =
        text.chars().fold((0, 0), |(n, h), c| (n + usize::from(!c.is_whitespace()), h + usize::from(is_han(c))));
    let sentence_chars: usize =
        doc.sentences.iter().map(|&(s, e)| text[s..e].chars().filter(|c| !c.is_whitespace()).count()).sum();
    let mean = if doc.sentences.is_empty() { 0.0 } else { sentence_chars as f64 / doc.sentences.len() as f64 };
    Stats {
        chars,
        han_chars,
        paragraphs: doc.paragraphs.len(),
        sentences: doc.sentences.len(),
        tokens: tokens.iter().filter(|t| t.pos != "x").count(),
        distinct_terms: vocab.words.len(),
        mean_sentence_chars: round(mean, 1),
        formulation_sentence_share: 0.0, // set by the formulations pass
    }
}

/// Content-word frequencies, most frequent first (ties by term for a stable order), as
/// (term, tag, count). A term's tag is the one jieba gave it most often.
pub fn terms<'t>(vocab: &Vocabulary<'t>) -> Vec<(&'t str, &'static str, usize)> {
    // (the terms are distinct: an unstable sort gives the one order; most ties on count are
    // told apart by the terms' first 16 bytes as one number, without a memcmp call)
    let mut keyed: Vec<(usize, u128, (&'t str, &'static str, usize))> = vocab
        .words
        .iter()
        .filter(|w| !w.tags.is_empty())
        .map(|w| {
            let pos = w.tags.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map_or("x", |t| t.0);
            let count = w.count();
            (usize::MAX - count, prefix(w.text), (w.text, pos, count))
        })
        .collect();
    keyed.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| a.2 .0.cmp(b.2 .0)));
    keyed.into_iter().map(|k| k.2).collect()
}

/// The first 16 bytes of `s`, zero-padded, as a number that orders as the bytes do: a sort
/// of words compares these first and calls `memcmp` only on a tie.
pub fn prefix(s: &str) -> u128 {
    let mut b = [0u8; 16];
    let n = s.len().min(16);
    b[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(b)
}
