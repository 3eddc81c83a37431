//! Themes: each paragraph is scored against the CPPCC functions (政治协商, 民主监督, 参政议政,
//! 凝聚共识) and the areas of a committee's work, by keyword hits from `lexicon/themes.txt`.
//! A paragraph's length is shared among the themes it touches in proportion to their hits;
//! shares are given for the whole report and for each top-level section.

pub use crate::analysis::{SectionShare, Theme};
use crate::lexicon::{lines, Phrases};
use crate::stats::round;
use crate::structure::{Document, Range};
use std::sync::OnceLock;

const THEMES: &str = include_str!("lexicon/themes.txt");

struct Table {
    themes: Vec<(&'static str, &'static str)>,
    /// keyword → bit set of themes
    words: Phrases<u32>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut themes = Vec::new();
        let mut words: Vec<(&'static str, u32)> = Vec::new();
        for l in lines(THEMES) {
            let mut p = l.split('|').map(str::trim);
            let (Some(t), Some(label), Some(kws)) = (p.next(), p.next(), p.next()) else { continue };
            let bit = 1u32 << themes.len();
            themes.push((t, label));
            for k in kws.split_whitespace() {
                match words.iter_mut().find(|(w, _)| *w == k) {
                    Some(e) => e.1 |= bit,
                    None => words.push((k, bit)),
                }
            }
        }
        Table { themes, words: Phrases::new(words) }
    })
}

/// Each paragraph's weight per theme: its length shared among the themes it touches, in
/// proportion to their keyword hits.
fn paragraph_weights(text: &str, paragraphs: &[Range]) -> Vec<Vec<f64>> {
    let t = table();
    paragraphs
        .iter()
        .map(|&(s, e)| {
            let mut hits = vec![0usize; t.themes.len()];
            for (_, _, bits) in t.words.find_all(&text[s..e]) {
                for (k, h) in hits.iter_mut().enumerate() {
                    if bits & (1 << k) != 0 {
                        *h += 1;
                    }
                }
            }
            let total = hits.iter().sum::<usize>().max(1) as f64;
            let len = text[s..e].chars().count() as f64;
            hits.iter().map(|&h| len * h as f64 / total).collect()
        })
        .collect()
}

/// Summed weights of the paragraphs `from..to`.
fn weights(per_paragraph: &[Vec<f64>], from: usize, to: usize, themes: usize) -> Vec<f64> {
    let mut w = vec![0.0; themes];
    for p in &per_paragraph[from..to] {
        for (x, y) in w.iter_mut().zip(p) {
            *x += y;
        }
    }
    w
}

fn shares(w: &[f64]) -> Vec<f64> {
    let total: f64 = w.iter().sum();
    w.iter().map(|x| if total > 0.0 { round(x / total, 3) } else { 0.0 }).collect()
}

pub fn themes(text: &str, doc: &Document) -> Vec<Theme> {
    let t = table();
    let n = t.themes.len();
    let per_paragraph = paragraph_weights(text, &doc.paragraphs);
    let whole = shares(&weights(&per_paragraph, 0, doc.paragraphs.len(), n));
    // paragraphs are in text order: a section's are found by binary search, once each
    let first_at = |at: usize| doc.paragraphs.partition_point(|p| p.0 < at);
    // top-level sections: from each level-1 heading to the next
    let tops: Vec<&crate::structure::Heading> = doc.headings.iter().filter(|h| h.level == 1).collect();
    let per_section: Vec<(String, Vec<f64>)> = tops
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let end = tops.get(i + 1).map_or(text.len(), |n| n.range.0);
            (h.title.clone(), shares(&weights(&per_paragraph, first_at(h.range.0), first_at(end), n)))
        })
        .collect();
    t.themes
        .iter()
        .enumerate()
        .map(|(k, &(theme, label))| Theme {
            theme: theme.into(),
            label: label.into(),
            share: whole[k],
            by_section: per_section.iter().map(|(s, sh)| SectionShare { section: s.clone(), share: sh[k] }).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure;

    #[test]
    fn shares_follow_the_paragraphs() {
        let text = "清河市政协工作报告\n一、提案工作\n全年立案提案230件，提案办复率100%，重点提案督办15件。\n二、生态环境\n推进河长制，开展无废城市建设，改善生态环境。";
        let doc = structure::parse(text);
        let th = themes(text, &doc);
        let get = |n: &str| th.iter().find(|t| t.theme == n).unwrap();
        assert!(get("proposals").share > 0.3, "{:?}", get("proposals"));
        assert!(get("environment").share > 0.3);
        assert!((th.iter().map(|t| t.share).sum::<f64>() - 1.0).abs() < 0.01);
        assert_eq!(get("environment").by_section[0].share, 0.0);
        assert!(get("environment").by_section[1].share > 0.9);
    }
}
