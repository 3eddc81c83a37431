//! Concordance: every occurrence of a term with its left and right context (KWIC), and the
//! words that keep company with it most (collocates, by t-score within five words).

pub use crate::analysis::{Collocate, Concordance, KwicLine};
use crate::segment::{is_content, Token};
use crate::stats::round;
use crate::utf16::Utf16Index;
use std::collections::HashMap;

const WINDOW: usize = 5;

pub fn concordance(text: &str, tokens: &[Token], term: &str, width: usize, max_lines: usize) -> Concordance {
    let idx = Utf16Index::new(text);
    let mut lines = Vec::new();
    if !term.is_empty() {
        for (s, m) in text.match_indices(term).take(max_lines) {
            let e = s + m.len();
            let left: String = text[..s]
                .chars()
                .rev()
                .take(width)
                .take_while(|&c| c != '\n')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = text[e..].chars().take(width).take_while(|&c| c != '\n').collect();
            lines.push(KwicLine { left, term: m.to_string(), right, span: idx.span(s, e) });
        }
    }
    Concordance { term: term.to_string(), lines, collocates: collocates(text, tokens, term, 20) }
}

/// Content words within five tokens of the term, ranked by t-score: (O − E) / √O.
pub fn collocates(text: &str, tokens: &[Token], term: &str, top: usize) -> Vec<Collocate> {
    let words: Vec<(&str, bool)> = tokens
        .iter()
        .map(|t| {
            let w = &text[t.range.0..t.range.1];
            (w, is_content(w, t.pos))
        })
        .collect();
    let n = words.len().max(1) as f64;
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for (w, _) in &words {
        *freq.entry(w).or_default() += 1;
    }
    let positions: Vec<usize> = words.iter().enumerate().filter(|(_, (w, _))| *w == term).map(|(i, _)| i).collect();
    if positions.is_empty() {
        return Vec::new();
    }
    // each word counts once even where the windows of two occurrences overlap
    let mut in_window = vec![false; words.len()];
    for &p in &positions {
        for flag in &mut in_window[p.saturating_sub(WINDOW)..(p + WINDOW + 1).min(words.len())] {
            *flag = true;
        }
    }
    let mut near: HashMap<&str, usize> = HashMap::new();
    for (i, &(w, content)) in words.iter().enumerate() {
        if in_window[i] && content && w != term {
            *near.entry(w).or_default() += 1;
        }
    }
    let span = (2 * WINDOW) as f64 * positions.len() as f64;
    let mut out: Vec<Collocate> = near
        .into_iter()
        .filter(|&(_, o)| o >= 2)
        .map(|(w, o)| {
            let expected = freq[w] as f64 * span / n;
            let score = (o as f64 - expected) / (o as f64).sqrt();
            Collocate { term: w.to_string(), count: o, score: round(score, 3) }
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.term.cmp(&b.term)));
    out.truncate(top);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{segment, structure};

    #[test]
    fn kwic_and_collocates() {
        let text = "委员参加专题协商。委员围绕民生专题协商。\n委员在专题协商中建言。";
        let doc = structure::parse(text);
        let toks = segment::tokenize(text, &doc.paragraphs);
        let c = concordance(text, &toks, "专题协商", 4, 100);
        assert_eq!(c.lines.len(), 3);
        assert_eq!((c.lines[1].left.as_str(), c.lines[1].right.as_str()), ("围绕民生", "。"));
        assert_eq!(c.lines[2].left, "委员在", "context stops at the line break");
        let top = &c.collocates[0];
        assert_eq!((top.term.as_str(), top.count), ("委员", 3));
    }
}
