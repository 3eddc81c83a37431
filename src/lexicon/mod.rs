//! Domain word lists, embedded at build time from the data files beside this module. Each list
//! is parsed once, on first use.

use std::collections::HashSet;
use std::sync::OnceLock;

pub const DOMAIN_DICT: &str = include_str!("domain.dict");
const STOPWORDS: &str = include_str!("stopwords.txt");

/// Non-comment, non-empty lines of a data file.
pub fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lines(STOPWORDS).flat_map(str::split_whitespace).collect())
}

/// The domain dictionary without comments, in jieba's `word freq tag` format.
pub fn domain_dict() -> String {
    lines(DOMAIN_DICT).collect::<Vec<_>>().join("\n")
}

use std::collections::HashMap;

/// A set of phrases found in text leftmost-longest and without overlap: the shared matcher
/// for formulations, places, organization names and theme keywords.
pub struct Phrases<T> {
    by_first: crate::fx::FxMap<char, Vec<(&'static str, T)>>,
}

impl<T: Copy> Phrases<T> {
    pub fn new(items: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut by_first: crate::fx::FxMap<char, Vec<(&'static str, T)>> = Default::default();
        for (p, v) in items {
            if let Some(c) = p.chars().next() {
                by_first.entry(c).or_default().push((p, v));
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
            v.dedup_by(|a, b| a.0 == b.0);
        }
        Phrases { by_first }
    }

    /// (byte start, byte end, value) of each match, in order.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize, T)> {
        let mut out = Vec::new();
        let mut next = 0;
        for (i, c) in text.char_indices() {
            if i < next {
                continue;
            }
            if let Some(cands) = self.by_first.get(&c) {
                if let Some((p, v)) = cands.iter().find(|(p, _)| text[i..].starts_with(p)) {
                    out.push((i, i + p.len(), *v));
                    next = i + p.len();
                }
            }
        }
        out
    }
}

/// The `[section]` blocks of a data file, each as its non-comment lines.
pub fn sections(data: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut out: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    let mut current = "";
    for l in lines(data) {
        if l.starts_with('[') && l.ends_with(']') {
            current = &l[1..l.len() - 1];
        } else {
            out.entry(current).or_default().push(l);
        }
    }
    out
}
