//! Figures of the whole text and term frequencies.

use crate::analysis::Stats;
use crate::clean::solid_and_han;
use crate::segment::Token;
use crate::structure::Document;
use crate::vocabulary::Vocabulary;

/// Rounds to `places` decimals: figures in the JSON are read by people, not recomputed.
pub fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

pub fn stats(text: &str, doc: &Document, tokens: &[Token], vocab: &Vocabulary) -> Stats {
    let (chars, han_chars) = solid_and_han(text);
    let sentence_chars: usize = doc.sentences.iter().map(|&(s, e)| solid_and_han(&text[s..e]).0).sum();
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
    let counted = vocab.words.iter().filter(|w| !w.tags.is_empty()).map(|w| {
        let pos = w.tags.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map_or("x", |t| t.0);
        Counted::new(w.text, w.count(), pos)
    });
    let (mut ordered, buckets) = by_count(counted.collect());
    for (s, e) in buckets {
        by_term(&mut ordered[s..e]);
    }
    ordered.into_iter().map(|c| (c.term, c.pos, c.count)).collect()
}

/// A term with its count, ordered by [`by_count`] then [`by_term`] (one type for every such
/// list, so that the wasm carries one copy of each sort).
pub struct Counted<'t> {
    /// `prefix(term)`: most ties on count are told apart by it, without a memcmp call
    key: u128,
    pub term: &'t str,
    pub count: usize,
    pub pos: &'static str,
}

impl<'t> Counted<'t> {
    pub fn new(term: &'t str, count: usize, pos: &'static str) -> Counted<'t> {
        Counted { key: prefix(term), term, count, pos }
    }
}

/// `items` most frequent first, and the ranges of equal counts: a counting sort, as counts
/// are small numbers. (A comparison sort of a report's ~1k terms on (count, term) was 1.3% of
/// an analysis' instructions; most of its compares told counts apart.)
pub fn by_count(items: Vec<Counted>) -> (Vec<Counted>, Vec<(usize, usize)>) {
    // The counts' ranks, most frequent first: the counts themselves where they are dense
    // enough for a table, else their places among the distinct counts (a word repeated far
    // more often than there are words would make a large, mostly empty table).
    let max = items.iter().map(|c| c.count).max().unwrap_or(0);
    let sparse: Option<Vec<usize>> = (max > 4 * items.len() + 1024).then(|| {
        let mut d: Vec<usize> = items.iter().map(|c| c.count).collect();
        d.sort_unstable();
        d.dedup();
        d
    });
    let rank = |n: usize| match &sparse {
        None => max - n,
        Some(d) => d.len() - 1 - d.binary_search(&n).expect("a count of the items"),
    };
    let ranks = sparse.as_ref().map_or(max + 1, Vec::len);
    // next[rank]: where the next item of that count goes
    let mut next = vec![0usize; ranks];
    for c in &items {
        next[rank(c.count)] += 1;
    }
    let mut buckets = Vec::new();
    let mut at = 0;
    for slot in next.iter_mut() {
        let n = std::mem::replace(slot, at);
        if n > 0 {
            buckets.push((at, at + n));
        }
        at += n;
    }
    let mut slots: Vec<Option<Counted>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for c in items {
        let k = &mut next[rank(c.count)];
        slots[*k] = Some(c);
        *k += 1;
    }
    (slots.into_iter().map(|s| s.expect("every slot filled")).collect(), buckets)
}

/// Sorts items of one count by their terms. (The terms are distinct, so an unstable sort
/// gives the one order.)
pub fn by_term(items: &mut [Counted]) {
    items.sort_unstable_by(|a, b| a.key.cmp(&b.key).then_with(|| a.term.cmp(b.term)));
}

/// The first 16 bytes of `s`, zero-padded, as a number that orders as the bytes do: a sort
/// of words compares these first and calls `memcmp` only on a tie.
fn prefix(s: &str) -> u128 {
    let mut b = [0u8; 16];
    let n = s.len().min(16);
    b[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `by_count` then `by_term` on each count must give: the order of a comparison sort
    /// on (count descending, term), with the ranges of equal counts.
    fn check(items: Vec<(&str, usize)>) {
        let mut expected = items.clone();
        expected.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let (mut got, buckets) = by_count(items.iter().map(|&(w, n)| Counted::new(w, n, "n")).collect());
        for &(s, e) in &buckets {
            assert!(got[s..e].iter().all(|c| c.count == got[s].count), "one count per range");
            by_term(&mut got[s..e]);
        }
        assert_eq!(buckets.iter().map(|b| b.1 - b.0).sum::<usize>(), items.len(), "the ranges cover all");
        assert_eq!(got.into_iter().map(|c| (c.term, c.count)).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn counted_most_frequent_first_then_by_term() {
        check(vec![]);
        check(vec![("委员", 3)]);
        // ties on count, terms sharing their first 16 bytes (told apart by memcmp)
        check(vec![
            ("政协委员", 2),
            ("协商", 5),
            ("中国人民政治协商会议全国委员会", 2),
            ("中国人民政治协商会议吉林市委员会", 2),
            ("调研", 5),
            ("提案", 1),
            ("履职", 2),
            ("a", 1),
        ]);
        // one word far more frequent than there are words: ranks from the distinct counts
        check(vec![("政协", 100_000), ("委员", 7), ("提案", 100_000 - 1), ("调研", 7), ("协商", 1)]);
    }
}
