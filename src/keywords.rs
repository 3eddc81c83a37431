//! Keywords by TF-IDF and by TextRank. IDF is derived from jieba's dictionary frequencies
//! (idf = ln(total / freq)) instead of jieba-rs's `tfidf` table, which would add 2.2 MB gzipped
//! to the wasm; the ranking it gives differs little for report vocabulary.

use crate::analysis::{Keywords, Scored};
use crate::fx::FxMap;
use crate::segment::{jieba, Token};
use crate::stats::round;

/// Sum of frequencies in jieba's default dictionary (dict.txt), which suggest_freq is scaled to.
const DICT_TOTAL: f64 = 60_101_967.0;
/// Cap for words the dictionary does not know (new words, names): as rare as the rarest
/// dictionary words, not infinitely rare.
const MAX_IDF: f64 = 14.0;

/// Parts of speech that make keywords: nouns, verbal nouns, names, idioms, abbreviations.
fn keyword_pos(pos: &str) -> bool {
    matches!(pos, "n" | "nr" | "ns" | "nt" | "nz" | "nl" | "vn" | "v" | "an" | "j" | "l" | "i" | "eng" | "nrt" | "nrfg")
}

fn candidates<'t>(text: &'t str, tokens: &[Token]) -> Vec<(&'t str, usize)> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.content && keyword_pos(t.pos))
        .map(|(i, t)| (&text[t.range.0..t.range.1], i))
        .collect()
}

pub fn idf(word: &str) -> f64 {
    // suggest_freq returns the dictionary frequency + 1 for a known word, and the product of
    // its parts' probabilities for an unknown one.
    let f = jieba().suggest_freq(word).max(1) as f64;
    (DICT_TOTAL / f).ln().clamp(0.0, MAX_IDF)
}

/// Both keyword lists, from one pass over the tokens.
pub fn keywords(text: &str, tokens: &[Token], top: usize) -> Keywords {
    let cands = candidates(text, tokens);
    Keywords { tfidf: tfidf(&cands, top), textrank: textrank(text, tokens, &cands, top) }
}

fn tfidf(cands: &[(&str, usize)], top: usize) -> Vec<Scored> {
    let total = cands.len().max(1) as f64;
    let mut tf: FxMap<&str, usize> = FxMap::default();
    for (w, _) in cands {
        *tf.entry(w).or_default() += 1;
    }
    // The most frequent first: a word's score is at most n/total·MAX_IDF, so once that bound
    // falls below the `top`-th score found, no rarer word can enter the list and their IDF
    // (a dictionary walk each, most of this stage) is never computed. Same list as scoring all.
    let mut by_count: Vec<(&str, usize)> = tf.into_iter().collect();
    by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut out: Vec<(&str, f64)> = Vec::new();
    let mut best: Vec<f64> = Vec::new(); // the `top` highest rounded scores so far, descending
    for (w, n) in by_count {
        let bound = round(n as f64 / total * MAX_IDF, 6);
        if top > 0 && best.len() == top && bound < best[top - 1] {
            break;
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
    finish(out, top)
}

/// TextRank over a co-occurrence graph: candidates within a window of 5 tokens are linked,
/// weighted by how often they co-occur; 30 iterations of PageRank with damping 0.85.
fn textrank(text: &str, tokens: &[Token], cands: &[(&str, usize)], top: usize) -> Vec<Scored> {
    const WINDOW: usize = 5;
    let mut ids: FxMap<&str, usize> = FxMap::default();
    let seq: Vec<(usize, usize)> = cands
        .iter()
        .map(|&(w, pos)| {
            let n = ids.len();
            (*ids.entry(w).or_insert(n), pos)
        })
        .collect();
    let n = ids.len();
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
        cands.iter().map(|&(_, k)| (count_to(tokens[k].range.0), count_to(tokens[k].range.1))).collect();
    // every co-occurrence as a packed (lower id, higher id), sorted, then counted: the edges
    // in a fixed order (a map's order would make near-ties fall either way)
    let mut pairs: Vec<u64> = Vec::new();
    for (i, &(a, pa)) in seq.iter().enumerate() {
        for (j, &(b, _)) in seq.iter().enumerate().skip(i + 1).take_while(|&(_, &(_, pb))| pb - pa < WINDOW) {
            if a != b && lines[j].0 == lines[i].1 {
                pairs.push(((a.min(b) as u64) << 32) | a.max(b) as u64);
            }
        }
    }
    pairs.sort_unstable();
    let mut edges: Vec<((usize, usize), f64)> = Vec::new();
    for p in pairs {
        let e = ((p >> 32) as usize, (p & 0xffff_ffff) as usize);
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
    let mut fill = row.clone();
    let mut links = vec![(0usize, 0f64); row[n]];
    for &((a, b), w) in &edges {
        links[fill[a]] = (b, w);
        fill[a] += 1;
        links[fill[b]] = (a, w);
        fill[b] += 1;
    }
    let out_weight: Vec<f64> = (0..n).map(|v| links[row[v]..row[v + 1]].iter().map(|e| e.1).sum()).collect();
    // Each link's factor 0.85·w/out(u) once, not on each of the 30 rounds (the division was
    // most of this loop); the same expression, so the same bits as computing it in place.
    for l in &mut links {
        l.1 = 0.85 * l.1 / out_weight[l.0];
    }
    let mut score = vec![1.0f64; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..30 {
        for (v, slot) in next.iter_mut().enumerate() {
            *slot = links[row[v]..row[v + 1]].iter().fold(0.15f64, |sum, &(u, f)| sum + f * score[u]);
        }
        std::mem::swap(&mut score, &mut next);
    }
    let max = score.iter().cloned().fold(f64::MIN, f64::max);
    finish(ids.into_iter().map(|(w, i)| (w, score[i] / max)).collect(), top)
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
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    out.into_iter().take(top).map(|(w, score)| Scored { term: w.to_string(), score }).collect()
}
