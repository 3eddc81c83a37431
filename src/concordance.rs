//! Concordance: every occurrence of a term with its left and right context (KWIC), and the
//! words that keep company with it most (collocates, by t-score within five words).

pub use crate::analysis::{Collocate, Concordance, KwicLine};
use crate::fx::FxMap;
use crate::segment::Token;
use crate::stats::round;
use crate::view::View;

const WINDOW: usize = 5;

/// KWIC lines of `term` in the view (a traditional term finds its simplified twin too), told
/// in the shown text around each occurrence.
pub fn concordance(view: &View, tokens: &[Token], term: &str, width: usize, max_lines: usize) -> Concordance {
    let text = view.text.as_str();
    let shown = view.shown();
    let spans = view.spans();
    let term = crate::view::simplified(term);
    let term = term.as_ref();
    let mut lines = Vec::new();
    if !term.is_empty() {
        for (vs, m) in text.match_indices(term).take(max_lines) {
            let ve = vs + m.len();
            let (s, e) = (view.shown_start(vs), view.shown_end(ve));
            let left: String = shown[..s]
                .chars()
                .rev()
                .take(width)
                .take_while(|&c| c != '\n')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = shown[e..].chars().take(width).take_while(|&c| c != '\n').collect();
            lines.push(KwicLine { left, term: shown[s..e].to_string(), right, span: spans.span(vs, ve) });
        }
    }
    Concordance { term: view.respell(term).into_owned(), lines, collocates: collocates(view, tokens, term, 20) }
}

/// Content words within five tokens of the term, ranked by t-score: (O − E) / √O.
pub fn collocates(view: &View, tokens: &[Token], term: &str, top: usize) -> Vec<Collocate> {
    let text = view.text.as_str();
    let words: Vec<(&str, bool)> = tokens.iter().map(|t| (&text[t.range.0..t.range.1], t.content)).collect();
    let n = words.len().max(1) as f64;
    let mut freq: FxMap<&str, usize> = FxMap::default();
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
    let mut near: FxMap<&str, usize> = FxMap::default();
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
            Collocate { term: view.respell(w).into_owned(), count: o, score: round(score, 3) }
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
        let view = View::new("委员参加专题协商。委员围绕民生专题协商。\n委员在专题协商中建言。".into());
        let doc = structure::parse(&view.text);
        let toks = segment::tokenize(&view.text, &doc.paragraphs);
        let c = concordance(&view, &toks, "专题协商", 4, 100);
        assert_eq!(c.lines.len(), 3);
        assert_eq!((c.lines[1].left.as_str(), c.lines[1].right.as_str()), ("围绕民生", "。"));
        assert_eq!(c.lines[2].left, "委员在", "context stops at the line break");
        let top = &c.collocates[0];
        assert_eq!((top.term.as_str(), top.count), ("委员", 3));
    }

    #[test]
    fn a_traditional_report_is_searched_in_either_script() {
        let view = View::new("委員參加專題協(xié)商。委員圍繞民生專題協商。".into());
        let doc = structure::parse(&view.text);
        let toks = segment::tokenize(&view.text, &doc.paragraphs);
        for term in ["专题协商", "專題協商"] {
            let c = concordance(&view, &toks, term, 4, 100);
            let got: Vec<(&str, &str)> = c.lines.iter().map(|l| (l.left.as_str(), l.term.as_str())).collect();
            assert_eq!(got, vec![("委員參加", "專題協(xié)商"), ("圍繞民生", "專題協商")]);
            assert_eq!(c.term, "專題協商");
        }
    }
}
