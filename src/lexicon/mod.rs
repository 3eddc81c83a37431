//! Domain word lists, embedded at build time from the data files beside this module. Each list
//! is parsed once, on first use.

use crate::fx::FxSet;
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

use crate::fx::FxMap;

/// A set of phrases found in text leftmost-longest and without overlap: the shared matcher
/// for formulations, places, organization names and theme keywords.
pub struct Phrases<T> {
    index: PhraseIndex,
    /// Each phrase's value, by the id the index gives it.
    values: Vec<T>,
}

/// The matcher of [`Phrases`], over phrase ids: one copy of its code in the wasm whatever the
/// phrases' values (it was one per type of value: four).
struct PhraseIndex {
    /// Phrases of two chars or more by their first two chars, longest first: a pair narrows
    /// the candidates to a few (a gazetteer has hundreds of names that start with 新 or 东).
    by_pair: FxMap<(char, char), Vec<(&'static str, u32)>>,
    /// Phrases of one char.
    singles: FxMap<char, (&'static str, u32)>,
    /// Does a phrase start with the char? Most chars start none, and this answers without
    /// hashing (the matcher reads every char of the text).
    firsts: CharSet,
    /// The second chars of the phrases of two chars or more, and the phrases of one char: with
    /// a large table (a gazetteer) most chars start some phrase, and these two bit tests spare
    /// most of the pair and single lookups that would find nothing.
    seconds: CharSet,
    single: CharSet,
}

/// A set of chars for tests on every char of a text: a bit per BMP char (no hashing), a hash
/// set for the rest.
#[derive(Default)]
pub struct CharSet {
    bmp: Box<[u64]>,
    rest: FxSet<char>,
}

impl CharSet {
    #[inline]
    pub fn contains(&self, c: &char) -> bool {
        match u16::try_from(*c as u32) {
            Ok(u) => self.has_bmp(usize::from(u)),
            Err(_) => self.rest.contains(c),
        }
    }

    /// The bit of BMP code point `u`.
    #[inline]
    fn has_bmp(&self, u: usize) -> bool {
        self.bmp.get(u >> 6).is_some_and(|w| w & (1 << (u & 63)) != 0)
    }

    /// Whether any char of `s` is in the set. Read on the UTF-8 bytes: a one- or three-byte
    /// char's code point is put together in place, where `s.chars().any(…)` decodes each char
    /// through the general path (measured as `simplified`'s probe: −0.45% of jilin-2023's
    /// instructions).
    pub fn any_in(&self, s: &str) -> bool {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            if x < 0x80 {
                if self.has_bmp(usize::from(x)) {
                    return true;
                }
                i += 1;
            } else if let (0xE0..=0xEF, Some(&[b1, b2])) = (x, b.get(i + 1..i + 3)) {
                let u = usize::from(x & 0x0F) << 12 | usize::from(b1 & 0x3F) << 6 | usize::from(b2 & 0x3F);
                if self.has_bmp(u) {
                    return true;
                }
                i += 3;
            } else {
                let c = s[i..].chars().next().expect("i is at a char boundary");
                if self.contains(&c) {
                    return true;
                }
                i += c.len_utf8();
            }
        }
        false
    }

    pub fn insert(&mut self, c: char) {
        match u16::try_from(c as u32) {
            Ok(u) => {
                if self.bmp.is_empty() {
                    self.bmp = vec![0u64; 1024].into_boxed_slice();
                }
                self.bmp[usize::from(u) >> 6] |= 1 << (u & 63);
            }
            Err(_) => {
                self.rest.insert(c);
            }
        }
    }
}

impl FromIterator<char> for CharSet {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> Self {
        let mut s = CharSet::default();
        s.extend(iter);
        s
    }
}

impl Extend<char> for CharSet {
    fn extend<I: IntoIterator<Item = char>>(&mut self, iter: I) {
        iter.into_iter().for_each(|c| self.insert(c));
    }
}

impl<T: Copy> Phrases<T> {
    pub fn new(items: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut values = Vec::new();
        let index = PhraseIndex::new(items.into_iter().map(|(p, v)| {
            values.push(v);
            (p, values.len() as u32 - 1)
        }));
        Phrases { index, values }
    }

    /// (byte start, byte end, value) of each match, in order.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize, T)> {
        let mut out = Vec::new();
        self.index.find_all(text, &mut |s, e, id| out.push((s, e, self.values[id as usize])));
        out
    }

    /// [`Self::find_all`] of a text already decoded: `chars` are its chars, `byte[k]` the byte
    /// offset of char `k` (and the text's length after the last). Gives char offsets.
    pub fn find_all_chars(&self, text: &str, chars: &[char], byte: &[usize]) -> Vec<(usize, usize, T)> {
        let mut out = Vec::new();
        self.index.find_all_chars(text, chars, byte, &mut |s, e, id| out.push((s, e, self.values[id as usize])));
        out
    }
}

impl PhraseIndex {
    fn new(items: impl IntoIterator<Item = (&'static str, u32)>) -> Self {
        let mut by_pair: FxMap<(char, char), Vec<(&'static str, u32)>> = FxMap::default();
        let mut singles: FxMap<char, (&'static str, u32)> = FxMap::default();
        for (p, v) in items {
            let mut cs = p.chars();
            match (cs.next(), cs.next()) {
                (Some(a), Some(b)) => by_pair.entry((a, b)).or_default().push((p, v)),
                (Some(a), None) => {
                    singles.entry(a).or_insert((p, v));
                }
                _ => {}
            }
        }
        for v in by_pair.values_mut() {
            v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
            v.dedup_by(|a, b| a.0 == b.0);
        }
        let firsts = by_pair.keys().map(|k| k.0).chain(singles.keys().copied()).collect();
        let seconds = by_pair.keys().map(|k| k.1).collect();
        let single = singles.keys().copied().collect();
        PhraseIndex { by_pair, singles, firsts, seconds, single }
    }

    /// The phrases that start at byte `i` of `text`, where the char `c` is: longest first
    /// (a phrase of two chars or more is longer than the one-char phrase it starts with).
    fn at<'a>(&'a self, text: &'a str, i: usize, c: char) -> impl Iterator<Item = &'a (&'static str, u32)> + 'a {
        let (longer, single) = if self.firsts.contains(&c) {
            (self.pair(c, text[i + c.len_utf8()..].chars().next()), self.one_char(c))
        } else {
            (None, None)
        };
        longer.into_iter().flatten().filter(move |(p, _)| text[i..].starts_with(p)).chain(single)
    }

    /// The longest phrase `rest` starts with, given its first char `c` and the next, `d` (the
    /// scans have both decoded already): `at(…).next()`, without the iterator, on the scans'
    /// hot path (as an iterator it cost 2% of an analysis's instructions).
    #[inline]
    fn longest(&self, rest: &[u8], c: char, d: Option<char>) -> Option<&(&'static str, u32)> {
        let longer = self.pair(c, d).and_then(|ps| ps.iter().find(|(p, _)| rest.starts_with(p.as_bytes())));
        longer.or_else(|| self.one_char(c))
    }

    /// The phrases of two chars or more that start with `c` and `d`, longest first.
    #[inline]
    fn pair(&self, c: char, d: Option<char>) -> Option<&Vec<(&'static str, u32)>> {
        d.filter(|d| self.seconds.contains(d)).and_then(|d| self.by_pair.get(&(c, d)))
    }

    /// The phrase of the one char `c`.
    #[inline]
    fn one_char(&self, c: char) -> Option<&(&'static str, u32)> {
        if self.single.contains(&c) {
            self.singles.get(&c)
        } else {
            None
        }
    }

    /// `found(byte start, byte end, id)` of each match, in order.
    fn find_all(&self, text: &str, found: &mut dyn FnMut(usize, usize, u32)) {
        // `at`, inlined, over the UTF-8 bytes: this reads every char of the text, several times
        // an analysis, and most chars start no phrase. A one- or three-byte char's code point
        // is put together in place for the first test (as `CharSet::any_in` does); only a
        // char that passes it is decoded, with the next. Measured: −0.4% of jilin-2023's
        // instructions against a `char_indices` pass.
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let (first, len) = match (b[i], b.get(i + 1..i + 3)) {
                (x @ 0..=0x7F, _) => (self.firsts.has_bmp(usize::from(x)), 1),
                (x @ 0xE0..=0xEF, Some(&[b1, b2])) => {
                    let u = usize::from(x & 0x0F) << 12 | usize::from(b1 & 0x3F) << 6 | usize::from(b2 & 0x3F);
                    (self.firsts.has_bmp(u), 3)
                }
                _ => {
                    let c = text[i..].chars().next().expect("i is at a char boundary");
                    (self.firsts.contains(&c), c.len_utf8())
                }
            };
            if !first {
                i += len;
                continue;
            }
            let c = text[i..].chars().next().expect("i is at a char boundary");
            match self.longest(&b[i..], c, text[i + len..].chars().next()) {
                Some(&(p, id)) => {
                    found(i, i + p.len(), id);
                    i += p.len();
                }
                None => i += len,
            }
        }
    }

    /// [`Self::find_all`] over decoded chars, in char offsets. The entity finders hold their
    /// text so, and three of an analysis's five phrase scans are theirs: read this way, with no
    /// UTF-8 decoded again, one analysis of jilin-2023 took 1.5% fewer instructions.
    fn find_all_chars(&self, text: &str, chars: &[char], byte: &[usize], found: &mut dyn FnMut(usize, usize, u32)) {
        let b = text.as_bytes();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            if !self.firsts.contains(&c) {
                k += 1;
                continue;
            }
            let i = byte[k];
            match self.longest(&b[i..], c, chars.get(k + 1).copied()) {
                Some(&(p, id)) => {
                    let mut e = k + 1;
                    while byte[e] < i + p.len() {
                        e += 1;
                    }
                    found(k, e, id);
                    k = e;
                }
                None => k += 1,
            }
        }
    }
}

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

#[cfg(test)]
mod matcher_tests {
    use super::{ByChar, CharSet, End, Phrases, Words};

    #[test]
    fn phrases_are_found_longest_first_without_overlap() {
        let p = Phrases::new([("新", 1), ("新乐", 2), ("新乐市", 3), ("乐川", 4), ("𠀀𠀁", 5), ("𠀀", 6)]);
        let found = |t: &'static str| p.find_all(t).into_iter().map(|(s, e, v)| (&t[s..e], v)).collect::<Vec<_>>();
        assert_eq!(found("新乐市和新乐川，新"), [("新乐市", 3), ("新乐", 2), ("新", 1)]);
        assert_eq!(found("乐川𠀀𠀁𠀀"), [("乐川", 4), ("𠀀𠀁", 5), ("𠀀", 6)]);
        assert!(found("").is_empty() && found("市").is_empty());
    }

    /// The scan of decoded chars finds what the scan of the UTF-8 text finds (in char offsets),
    /// at the text's end, next to ASCII and beyond the BMP too.
    #[test]
    fn phrases_in_chars_are_those_in_the_text() {
        let p = Phrases::new([("新", 1), ("新乐", 2), ("新乐市", 3), ("乐川", 4), ("𠀀𠀁", 5), ("𠀀", 6), ("a新", 7)]);
        let found = |t: &str| {
            let (chars, mut byte): (Vec<char>, Vec<usize>) = t.char_indices().map(|(i, c)| (c, i)).unzip();
            byte.push(t.len());
            let char_at = |b: usize| byte.iter().position(|&x| x == b).unwrap();
            let in_text: Vec<_> = p.find_all(t).into_iter().map(|(s, e, v)| (char_at(s), char_at(e), v)).collect();
            let in_chars = p.find_all_chars(t, &chars, &byte);
            assert_eq!(in_chars, in_text, "{t}");
            in_chars
        };
        for t in ["新乐市和新乐川，新", "乐川𠀀𠀁𠀀", "", "市", "a新乐市a新乐", "𠀀新乐", "新乐市新乐"]
        {
            found(t);
        }
        assert_eq!(found("a新乐市"), [(0, 2, 7)]);
        assert_eq!(found("新乐市𠀀新乐"), [(0, 3, 3), (3, 4, 6), (4, 6, 2)]);
    }

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

    #[test]
    fn char_sets_hold_chars_inside_and_beyond_the_bmp() {
        let s: CharSet = ['市', 'a', '𠀀'].into_iter().collect();
        assert!(s.contains(&'市') && s.contains(&'a') && s.contains(&'𠀀'));
        assert!(!s.contains(&'县') && !s.contains(&'b') && !s.contains(&'𠀁'));
        assert!(!CharSet::default().contains(&'市'));
    }

    #[test]
    fn any_in_answers_as_chars_any_contains_would() {
        // a char of each UTF-8 length, in and out of the set
        let set: CharSet = ['a', 'é', '市', '𠀀'].into_iter().collect();
        let pool = ['a', 'b', 'é', 'ü', '市', '县', '𠀀', '𠀁', '\u{FFFF}', '\u{800}'];
        for x in pool {
            for y in pool {
                for z in pool {
                    let t: String = [x, y, z].iter().collect();
                    assert_eq!(set.any_in(&t), t.chars().any(|c| set.contains(&c)), "{t:?}");
                    assert!(!CharSet::default().any_in(&t));
                }
            }
        }
        assert!(!set.any_in(""));
    }
}
