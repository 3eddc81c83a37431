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
