//! Short word lists asked about one string at a time: grouped by a char of each word, or
//! searched in one pass with the phrase matcher's index.

use super::phrases::PhraseIndex;
use crate::fx::FxMap;

/// A short word list grouped by one char of each word (its first or its last), each group in
/// the list's order: a text is compared only with the words that start (or end) as it does,
/// where a scan of the list compared it with every word. Such scans, run on each token that
/// ends like a body or each char that may open a title, were most of the string comparisons
/// of an analysis (13k calls on jilin-2023).
pub struct ByChar {
    /// Which char of a word (and of a text asked about) is its key.
    key: End,
    words: FxMap<char, Vec<&'static str>>,
}

/// A word's first or last char.
#[derive(Clone, Copy)]
pub enum End {
    First,
    Last,
}

impl End {
    #[inline]
    fn of(self, s: &str) -> Option<char> {
        match self {
            End::First => s.chars().next(),
            End::Last => s.chars().next_back(),
        }
    }
}

impl ByChar {
    /// `words` grouped by their `key` char.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a &'static str>, key: End) -> ByChar {
        let mut by: FxMap<char, Vec<&'static str>> = FxMap::default();
        for &w in words {
            if let Some(c) = key.of(w) {
                by.entry(c).or_default().push(w);
            }
        }
        ByChar { key, words: by }
    }

    /// The words `s` may start (or end) with: those whose key char is `s`'s, in the list's
    /// order.
    #[inline]
    pub fn candidates(&self, s: &str) -> &[&'static str] {
        self.key.of(s).and_then(|c| self.words.get(&c)).map_or(&[], Vec::as_slice)
    }
}

/// A word list searched in one pass over the text with the phrase matcher's index: the
/// answers `str::find` per word gave (one substring search per word per probe, a visible
/// share of reading each count), every occurrence counted, overlaps included.
pub struct Words {
    phrases: PhraseIndex,
    /// Chars of the longest word.
    pub max_chars: usize,
}

impl Words {
    pub fn new(words: &[&'static str]) -> Words {
        let max_chars = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        Words { phrases: PhraseIndex::new(words.iter().map(|&w| (w, 0))), max_chars }
    }

    /// (start, end) of every occurrence of every word, in start order.
    fn occurrences<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        s.char_indices().flat_map(move |(i, c)| self.phrases.at(s, i, c).map(move |(w, _)| (i, i + w.len())))
    }

    /// Whether any word occurs in `s`.
    pub fn in_text(&self, s: &str) -> bool {
        self.first_start(s).is_some()
    }

    /// Where the first occurrence of any word starts: min over the words of `s.find(w)`.
    pub fn first_start(&self, s: &str) -> Option<usize> {
        self.occurrences(s).next().map(|(i, _)| i)
    }

    /// min over the words of `s.find(w) + w.len()`.
    pub fn first_end(&self, s: &str) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, e) in self.occurrences(s) {
            if best.is_some_and(|b| i >= b) {
                break;
            }
            best = Some(best.map_or(e, |b| b.min(e)));
        }
        best
    }

    /// max over the words of `s.rfind(w) + w.len()`.
    pub fn last_end(&self, s: &str) -> Option<usize> {
        self.occurrences(s).map(|(_, e)| e).max()
    }

    /// The longest word `s` starts with.
    pub fn prefix_of(&self, s: &str) -> Option<&'static str> {
        let c = s.chars().next()?;
        self.phrases.at(s, 0, c).next().map(|&(w, _)| w)
    }

    /// The longest word `s` ends with: the farthest start, within the longest word's length,
    /// where a word runs to the end.
    pub fn suffix_of(&self, s: &str) -> Option<&'static str> {
        let from = s.char_indices().rev().take(self.max_chars).last()?.0;
        s[from..].char_indices().find_map(|(k, c)| {
            let i = from + k;
            self.phrases.at(s, i, c).map(|&(w, _)| w).find(|w| i + w.len() == s.len())
        })
    }

    pub fn is_empty(&self) -> bool {
        self.max_chars == 0
    }
}

#[cfg(test)]
mod tests {
    use super::{ByChar, End, Words};

    #[test]
    fn words_answer_as_str_find_would() {
        let w = Words::new(&["协商", "协商会", "会议"]);
        let s = "召开协商会议";
        assert_eq!(w.first_start(s), s.find("协商"));
        assert_eq!(w.first_end(s), Some(s.find("协商").unwrap() + "协商".len()));
        assert_eq!(w.last_end(s), Some(s.len()));
        assert_eq!(w.prefix_of("协商会议"), Some("协商会"));
        assert!(!w.in_text("会"));
        // the longest word the string ends with, as the first of the words longest first that
        // `ends_with` finds
        let longest_suffix = |s: &str| ["协商会", "协商", "会议"].into_iter().find(|x| s.ends_with(x));
        for s in ["召开协商会", "召开协商", "会议", "议", "", "会议协商会议", "协商会x"] {
            assert_eq!(w.suffix_of(s), longest_suffix(s), "{s}");
        }
        assert!(!w.is_empty() && Words::new(&[]).is_empty());
    }

    #[test]
    fn words_by_char_are_those_with_that_char_in_the_list_s_order() {
        let list = ["委员会", "常委会", "局", "大会", "院", "会"];
        let by_last = ByChar::new(&list, End::Last);
        assert_eq!(by_last.candidates("政协常委会"), ["委员会", "常委会", "大会", "会"]);
        assert_eq!(by_last.candidates("工信局"), ["局"]);
        assert!(by_last.candidates("市").is_empty() && by_last.candidates("").is_empty());
        let by_first = ByChar::new(&list, End::First);
        assert_eq!(by_first.candidates("委员们"), ["委员会"]);
        assert_eq!(by_first.candidates("会议"), ["会"]);
        // what a scan of the whole list finds, for any word
        for w in ["政协常委会", "工信局", "人民代表大会", "法院", "开会", "市委"] {
            let scan = list.iter().find(|s| w.ends_with(*s));
            assert_eq!(by_last.candidates(w).iter().find(|s| w.ends_with(*s)), scan, "{w}");
        }
    }
}
