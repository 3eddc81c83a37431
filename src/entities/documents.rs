//! Documents: every title in 《》, with the type its ending names (建议, 报告, 报刊 …).

use super::{DocumentTitle, Tally};
use crate::lexicon::lines;
use crate::view::SpanMap;
use std::sync::OnceLock;

const DOCS: &str = include_str!("../lexicon/documents.txt");

/// (title ending, type) pairs, in the data file's order: the first that fits wins.
fn doc_types() -> &'static [(&'static str, &'static str)] {
    static T: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    T.get_or_init(|| {
        lines(DOCS)
            .filter_map(|l| {
                let (a, b) = l.split_once('|')?;
                Some((a.trim(), b.trim()))
            })
            .collect()
    })
}

pub(crate) fn find(text: &str, titles: &[(usize, usize)], idx: &SpanMap) -> Vec<DocumentTitle> {
    let mut out = Tally::new();
    for &(s, close) in titles {
        let e = close + '》'.len_utf8();
        let title = &text[s + '《'.len_utf8()..close];
        if title.is_empty() || title.chars().count() > 80 {
            continue;
        }
        let kind = doc_types()
            .iter()
            .find(|(suffix, _)| {
                title.trim_end_matches(['）', ')']).ends_with(suffix)
                    || title.split(['（', '(']).next().is_some_and(|h| h.ends_with(suffix))
            })
            .map_or("其他", |d| d.1);
        out.add(title, idx.span(s, e), || DocumentTitle {
            title: title.to_string(),
            kind: kind.into(),
            count: 0,
            spans: Vec::new(),
        });
    }
    out.sorted()
}

/// Byte ranges of 《…》 titles on one line: from 《 to the start of 》. One pass: a 《 left
/// open at the end of its line names nothing.
pub(crate) fn title_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '《' if open.is_none() => open = Some(i),
            '》' => {
                if let Some(s) = open.take() {
                    out.push((s, i));
                }
            }
            '\n' => open = None,
            _ => {}
        }
    }
    out
}
