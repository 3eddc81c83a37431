//! Keywords by TF-IDF and by TextRank. IDF is derived from jieba's dictionary frequencies
//! (idf = ln(total / freq)) instead of jieba-rs's `tfidf` table, which would add 2.2 MB gzipped
//! to the wasm; the ranking it gives differs little for report vocabulary.

use crate::analysis::{Keywords, Scored};
use crate::segment::{jieba, Token};
use crate::stats::{by_count, by_term, round, Counted};
use crate::vocabulary::{Vocabulary, NONE};

/// Sum of frequencies in jieba's default dictionary (dict.txt), which suggest_freq is scaled to.
const DICT_TOTAL: f64 = 60_101_967.0;
/// Cap for words the dictionary does not know (new words, names): as rare as the rarest
/// dictionary words, not infinitely rare.
const MAX_IDF: f64 = 14.0;

/// Parts of speech that make keywords: nouns, verbal nouns, names, idioms, abbreviations.
fn keyword_pos(pos: &str) -> bool {
    matches!(pos, "n" | "nr" | "ns" | "nt" | "nz" | "nl" | "vn" | "v" | "an" | "j" | "l" | "i" | "eng" | "nrt" | "nrfg")
}

/// The candidate tokens' indices, in text order.
fn candidates(tokens: &[Token]) -> Vec<usize> {
    tokens.iter().enumerate().filter(|(_, t)| t.content && keyword_pos(t.pos)).map(|(i, _)| i).collect()
}

pub fn idf(word: &str) -> f64 {
    // suggest_freq returns the dictionary frequency + 1 for a known word, and the product of
    // its parts' probabilities for an unknown one.
    let f = jieba().suggest_freq(word).max(1) as f64;
    (DICT_TOTAL / f).ln().clamp(0.0, MAX_IDF)
}

/// Both keyword lists, from one pass over the tokens (`vocab`: their words).
pub fn keywords(text: &str, tokens: &[Token], vocab: &Vocabulary, top: usize) -> Keywords {
    let cands = candidates(tokens);
    Keywords { tfidf: tfidf(vocab, cands.len(), top), textrank: textrank(text, tokens, vocab, &cands, top) }
}

/// `total`: how many candidate tokens there are.
fn tfidf(vocab: &Vocabulary, total: usize, top: usize) -> Vec<Scored> {
    let total = total.max(1) as f64;
    // a word's candidate occurrences: its content occurrences under a keyword's tag
    let tf = vocab.words.iter().map(|w| {
        let n = w.tags.iter().filter(|t| keyword_pos(t.0)).map(|t| t.1).sum::<usize>();
        (w.text, n)
    });
    // The most frequent first: a word's score is at most n/total·MAX_IDF, so once that bound
    // falls below the `top`-th score found, no rarer word can enter the list and their IDF
    // (a dictionary walk each, most of this stage) is never computed. Same list as scoring all.
    // (a counting sort on the counts, and only the counts reached sorted by word)
    let (mut words, buckets) = by_count(tf.filter(|&(_, n)| n > 0).map(|(w, n)| Counted::new(w, n, "")).collect());
    let mut out: Vec<(&str, f64)> = Vec::new();
    let mut best: Vec<f64> = Vec::new(); // the `top` highest rounded scores so far, descending
    'counts: for (s, e) in buckets {
        let bucket = &mut words[s..e];
        by_term(bucket);
        for &Counted { term: w, count: n, .. } in bucket.iter() {
            let bound = round(n as f64 / total * MAX_IDF, 6);
            if top > 0 && best.len() == top && bound < best[top - 1] {
                break 'counts;
            }
            let score = n as f64 / total * idf(w);
            let r = round(score, 6);
            let at = best.partition_point(|&b| b >= r);
            if at < top {
                best.insert(at, r);
                best.truncate(top);
            }
            out.push((w, score));
        }
    }
    finish(out, top)
}

/// TextRank over a co-occurrence graph: candidates within a window of 5 tokens are linked,
/// weighted by how often they co-occur; 30 iterations of PageRank with damping 0.85.
fn textrank(text: &str, tokens: &[Token], vocab: &Vocabulary, cands: &[usize], top: usize) -> Vec<Scored> {
    const WINDOW: usize = 5;
    // the graph's nodes: the candidates' words, numbered in order of first occurrence
    let mut id_of = vec![NONE; vocab.words.len()];
    let mut words: Vec<&str> = Vec::new();
    let seq: Vec<(usize, usize)> = cands
        .iter()
        .map(|&k| {
            let v = vocab.of_token[k] as usize;
            if id_of[v] == NONE {
                id_of[v] = words.len() as u32;
                words.push(vocab.words[v].text);
            }
            (id_of[v] as usize, k)
        })
        .collect();
    let n = words.len();
    if n == 0 {
        return Vec::new();
    }
    // line breaks before each candidate's start and end: two candidates are on one line when
    // no break lies between them (a difference, not a search of the text between them)
    let mut breaks = (0usize, 0usize); // (breaks before `.1`, byte `.1`)
    let mut count_to = |b: usize| {
        breaks.0 += line_breaks(&text.as_bytes()[breaks.1..b]);
        breaks.1 = b;
        breaks.0
    };
    let lines: Vec<(usize, usize)> =
        cands.iter().map(|&k| (count_to(tokens[k].range.0), count_to(tokens[k].range.1))).collect();
    // every co-occurrence as a packed (lower id, higher id), sorted, then counted: the edges
    // in a fixed order (a map's order would make near-ties fall either way)
    // (an id takes `bits` bits: a pair's key fits in 2·bits, which the radix sort reads)
    let bits = usize::BITS - (n - 1).leading_zeros();
    let mut pairs: Vec<u64> = Vec::new();
    for (i, &(a, pa)) in seq.iter().enumerate() {
        for (j, &(b, _)) in seq.iter().enumerate().skip(i + 1).take_while(|&(_, &(_, pb))| pb - pa < WINDOW) {
            if a != b && lines[j].0 == lines[i].1 {
                pairs.push(((a.min(b) as u64) << bits) | a.max(b) as u64);
            }
        }
    }
    radix_sort(&mut pairs, 2 * bits);
    let mut edges: Vec<((usize, usize), f64)> = Vec::new();
    for p in pairs {
        let e = ((p >> bits) as usize, (p & ((1 << bits) - 1)) as usize);
        match edges.last_mut() {
            Some(last) if last.0 == e => last.1 += 1.0,
            _ => edges.push((e, 1.0)),
        }
    }
    // each word's links in one array (compressed rows: word v's are links[row[v]..row[v + 1]]),
    // in the order of the sorted edges
    let mut row = vec![0usize; n + 1];
    for &((a, b), _) in &edges {
        row[a + 1] += 1;
        row[b + 1] += 1;
    }
    for v in 0..n {
        row[v + 1] += row[v];
    }
    // (the links' ends and weights in two arrays: the rounds below read them in turn)
    let mut fill = row.clone();
    let mut to = vec![0u32; row[n]];
    let mut factor = vec![0f64; row[n]];
    for &((a, b), w) in &edges {
        (to[fill[a]], factor[fill[a]]) = (b as u32, w);
        fill[a] += 1;
        (to[fill[b]], factor[fill[b]]) = (a as u32, w);
        fill[b] += 1;
    }
    let out_weight: Vec<f64> = (0..n).map(|v| factor[row[v]..row[v + 1]].iter().sum()).collect();
    // Each link's factor 0.85·w/out(u) once, not on each of the 30 rounds (the division was
    // most of this loop); the same expression, so the same bits as computing it in place.
    for (f, &u) in factor.iter_mut().zip(&to) {
        *f = 0.85 * *f / out_weight[u as usize];
    }
    let mut score = vec![1.0f64; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..30 {
        for (v, slot) in next.iter_mut().enumerate() {
            let (a, b) = (row[v], row[v + 1]);
            *slot = to[a..b].iter().zip(&factor[a..b]).fold(0.15f64, |sum, (&u, &f)| sum + f * score[u as usize]);
        }
        std::mem::swap(&mut score, &mut next);
    }
    let max = score.iter().cloned().fold(f64::MIN, f64::max);
    finish(words.into_iter().zip(score).map(|(w, s)| (w, s / max)).collect(), top)
}

/// Sorts `keys`, each below 2^`bits`, least significant 11 bits first: two passes for the
/// pairs of up to 2k words, where `sort_unstable` compares each key about log2(n) times. The
/// same order, as equal keys are equal. Measured: −0.25% of jilin-2023's instructions (4k
/// pairs), −0.6% with the TF-IDF sort on the bench's 1 MB report.
fn radix_sort(keys: &mut Vec<u64>, bits: u32) {
    const DIGIT: u32 = 11;
    if keys.len() < 1024 {
        // (a short list, a small report's: the passes' fixed cost over 2k counts is more)
        keys.sort_unstable();
        return;
    }
    let mut out = vec![0u64; keys.len()];
    let mut count = vec![0usize; 1 << DIGIT];
    let mut shift = 0;
    while shift < bits {
        let digit = |k: u64| ((k >> shift) & ((1 << DIGIT) - 1)) as usize;
        count.fill(0);
        for &k in keys.iter() {
            count[digit(k)] += 1;
        }
        let mut at = 0;
        for c in count.iter_mut() {
            (*c, at) = (at, at + *c);
        }
        for &k in keys.iter() {
            let d = digit(k);
            out[count[d]] = k;
            count[d] += 1;
        }
        std::mem::swap(keys, &mut out);
        shift += DIGIT;
    }
}

/// Line breaks in `bytes`.
fn line_breaks(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// Rounded first, so that equal scores are equal and fall back to the term's order: the
/// ranking is the same on every run and for a report in either script.
/// Only the `top` become strings.
fn finish(mut out: Vec<(&str, f64)>, top: usize) -> Vec<Scored> {
    for s in out.iter_mut() {
        s.1 = round(s.1, 6);
    }
    // the terms are distinct, so the order is total: the `top` picked out first, then sorted
    let order = |a: &(&str, f64), b: &(&str, f64)| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0));
    if top < out.len() {
        if top > 0 {
            out.select_nth_unstable_by(top - 1, order);
        }
        out.truncate(top);
    }
    out.sort_unstable_by(order);
    out.into_iter().map(|(w, score)| Scored { term: w.to_string(), score }).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn radix_sort_orders_as_sort_unstable_does() {
        let mut seed = 7u64;
        // short lists (sort_unstable), few bits (many equal keys), one pass, a pass and a bit,
        // several passes
        for (len, bits) in
            [(0, 1), (1, 1), (50, 3), (3000, 3), (3000, 11), (3000, 12), (5000, 22), (2000, 30), (2000, 40)]
        {
            let keys: Vec<u64> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    (seed >> 20) & ((1u64 << bits) - 1)
                })
                .collect();
            let mut expected = keys.clone();
            expected.sort_unstable();
            let mut sorted = keys;
            super::radix_sort(&mut sorted, bits);
            assert_eq!(sorted, expected, "{len} keys of {bits} bits");
        }
    }
}
