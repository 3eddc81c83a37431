//! The phrase matcher: many phrases found in a text in one pass, leftmost-longest and
//! without overlap.

use super::CharSet;
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
pub(super) struct PhraseIndex {
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
    pub(super) fn new(items: impl IntoIterator<Item = (&'static str, u32)>) -> Self {
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
    pub(super) fn at<'a>(
        &'a self,
        text: &'a str,
        i: usize,
        c: char,
    ) -> impl Iterator<Item = &'a (&'static str, u32)> + 'a {
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

#[cfg(test)]
mod tests {
    use super::Phrases;

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
}
