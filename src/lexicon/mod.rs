//! Domain word lists, embedded at build time from the data files beside this module. Each list
//! is parsed once, on first use. The matchers that search a text for them live in
//! `phrases` (many phrases, one pass), `words` (short lists asked about one string) and
//! `charset` (a char tested on every char of a text).

mod charset;
mod phrases;
mod words;

pub use charset::CharSet;
pub use phrases::Phrases;
pub use words::{ByChar, End, Words};

use crate::fx::{FxMap, FxSet};
use std::sync::OnceLock;

pub const DOMAIN_DICT: &str = include_str!("domain.dict");
const STOPWORDS: &str = include_str!("stopwords.txt");

/// Non-comment, non-empty lines of a data file.
pub fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub fn stopwords() -> &'static FxSet<&'static str> {
    static SET: OnceLock<FxSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lines(STOPWORDS).flat_map(str::split_whitespace).collect())
}

/// The `[section]` blocks of a data file, each as its non-comment lines.
pub fn sections(data: &'static str) -> FxMap<&'static str, Vec<&'static str>> {
    let mut out: FxMap<&'static str, Vec<&'static str>> = FxMap::default();
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

const LABELS: &str = include_str!("labels.txt");

/// The Chinese label of `code` in the closed set `set` (`kind`, `part`, `approx`, `entity`,
/// `figure`, `trend`) from `labels.txt`; the code itself when none is listed.
pub fn label<'a>(set: &str, code: &'a str) -> &'a str {
    type Sets = FxMap<&'static str, FxMap<&'static str, &'static str>>;
    static TABLE: OnceLock<Sets> = OnceLock::new();
    let t = TABLE.get_or_init(|| {
        sections(LABELS)
            .into_iter()
            .map(|(set, rows)| {
                let labels = rows
                    .into_iter()
                    .filter_map(|r| r.split_once('|').map(|(code, label)| (code.trim(), label.trim())))
                    .collect();
                (set, labels)
            })
            .collect()
    });
    t.get(set).and_then(|s| s.get(code)).copied().unwrap_or(code)
}

/// The whitespace-separated words of each `[section]` of a data file.
pub fn word_sections(data: &'static str) -> FxMap<&'static str, Vec<&'static str>> {
    sections(data).into_iter().map(|(k, ls)| (k, ls.into_iter().flat_map(str::split_whitespace).collect())).collect()
}

/// One section of a word-list file, parsed once: `word_list!(HEAD, "labels")`.
#[macro_export]
macro_rules! word_list {
    ($data:expr, $section:expr) => {{
        static LISTS: std::sync::OnceLock<$crate::fx::FxMap<&'static str, Vec<&'static str>>> =
            std::sync::OnceLock::new();
        LISTS.get_or_init(|| $crate::lexicon::word_sections($data)).get($section).map_or(&[][..], |v| v.as_slice())
    }};
}

/// `word_list!`'s section as a [`Words`], built once: `word_set!(DATA, "section").in_text(t)`
/// is `word_list!(DATA, "section").iter().any(|w| t.contains(w))` in one pass over `t`.
#[macro_export]
macro_rules! word_set {
    ($data:expr, $section:expr) => {{
        static SET: std::sync::OnceLock<$crate::lexicon::Words> = std::sync::OnceLock::new();
        SET.get_or_init(|| $crate::lexicon::Words::new($crate::word_list!($data, $section)))
    }};
}

pub const HEAD: &str = include_str!("head.txt");
pub const PARTS: &str = include_str!("parts.txt");
pub const FURNITURE: &str = include_str!("furniture.txt");
pub const KINDS: &str = include_str!("kinds.txt");
const SURNAMES: &str = include_str!("surnames.txt");

/// Chinese surnames, single and compound.
pub fn surnames() -> &'static FxSet<&'static str> {
    static SET: OnceLock<FxSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lines(SURNAMES).flat_map(str::split_whitespace).collect())
}

/// Whether `name` (2 to 4 Han chars) reads as a person's name: it starts with a surname.
/// Used for the lines of a report's head (speaker, bylines), where a name stands alone.
pub fn is_name(name: &str) -> bool {
    let n = name.chars().count();
    if !(2..=4).contains(&n) || !name.chars().all(crate::clean::is_han) {
        return false;
    }
    let s = surnames();
    let (first, two) = (crate::clean::first_chars(name, 1), crate::clean::first_chars(name, 2));
    // a four-char name has a compound surname (欧阳明华); otherwise it is a word
    (n <= 3 && s.contains(first)) || (n >= 3 && s.contains(two))
}

#[cfg(test)]
mod label_tests {
    use crate::analysis::{Approx, Kind, Part};

    #[test]
    fn every_kind_part_and_approx_has_a_label() {
        for k in Kind::ALL {
            assert_ne!(super::label("kind", k.as_str()), k.as_str());
        }
        for p in Part::ALL {
            assert_ne!(super::label("part", p.as_str()), p.as_str());
        }
        for a in Approx::ALL {
            assert_ne!(super::label("approx", a.as_str()), a.as_str());
        }
        assert_eq!(super::label("kind", "memo"), "memo");
    }
}
