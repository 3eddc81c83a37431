//! The text as the name finder reads it: its chars and tokens, how often a surname-led string
//! occurs, and whether a candidate reads as a name (`Reader::name_at`, `Reader::name_before`).

use super::{counted_after, tables, Tables, DELIMS, FUNCTION_POS, NEVER_IN_NAME, SOFT_END, WORD_POS};
use crate::clean::is_han;
use crate::entities::{Chars, FxMap};
use crate::segment::jieba;

/// The text read for names: chars, tokens, and how often each surname-led string occurs.
pub(super) struct Reader<'c, 'a> {
    pub(super) cs: &'c Chars<'a>,
    pub(super) t: &'static Tables,
    /// The four chars from each place where the text has a surname's first char, as sorted
    /// keys (see `key`): how often a string that starts with one occurs is a range of them,
    /// found when a name asks (few do), not tallied for every such string.
    surname_at: Vec<u128>,
    /// For candidates looked up so far: None if jieba's dictionary does not know the string,
    /// else whether it knows it as a person's name.
    dict: FxMap<&'a str, Option<bool>>,
}

impl<'c, 'a> Reader<'c, 'a> {
    pub(super) fn new(cs: &'c Chars<'a>) -> Self {
        let t = tables();
        let mut surname_at: Vec<u128> = (0..cs.len())
            .filter(|&i| t.surname_first.contains(&cs.chars[i]))
            .map(|i| key(&cs.chars[i..cs.len().min(i + 4)]))
            .collect();
        surname_at.sort_unstable();
        Reader { cs, t, surname_at, dict: FxMap::default() }
    }

    /// Occurrences of `s` (2 to 4 chars, a surname's first char first) in the text: the keys
    /// that begin with its chars lie from `key(s)` up to the next value of its last char.
    fn freq(&self, s: &[char]) -> u32 {
        let lo = key(s);
        let hi = lo + (1u128 << (21 * (4 - s.len())));
        (self.surname_at.partition_point(|&k| k < hi) - self.surname_at.partition_point(|&k| k < lo)) as u32
    }

    pub(super) fn han(&self, i: usize) -> bool {
        self.cs.chars.get(i).is_some_and(|&c| is_han(c) && !crate::clean::in_set(DELIMS, c))
    }

    pub(super) fn delim(&self, i: usize) -> bool {
        self.cs.chars.get(i).is_none_or(|&c| crate::clean::in_set(DELIMS, c) || !is_han(c))
    }

    /// Length of the surname at `i`: compound first (欧阳), then single.
    pub(super) fn surname(&self, i: usize) -> Option<usize> {
        let cs = self.cs;
        if !self.t.surname_first.contains(cs.chars.get(i)?) {
            return None;
        }
        if i + 2 <= cs.len() && self.t.surnames.contains(cs.str(i, i + 2)) {
            return Some(2);
        }
        self.t.surnames.contains(cs.str(i, i + 1)).then_some(1)
    }

    /// Whether a title or a word of saying starts at char `i` (李明华市长, 胡斌说).
    fn told_at(&self, i: usize) -> bool {
        let rest = &self.cs.text[self.cs.byte(i)..];
        self.cs.chars.get(i).is_some_and(|c| self.t.after_first.contains(c))
            && (self.t.after.candidates(rest).iter().chain(self.t.cues.candidates(rest)).any(|w| rest.starts_with(w))
                || counted_after(rest))
    }

    /// Whether `w` is a word of jieba's dictionary, and if so whether a name (looked up once
    /// per string).
    fn dict_word(&mut self, w: &'a str) -> Option<bool> {
        *self.dict.entry(w).or_insert_with(|| {
            let j = jieba();
            j.has_word(w).then(|| j.tag(w, false).first().is_some_and(|t| t.word == w && t.tag.starts_with("nr")))
        })
    }

    /// Whether chars `s..e` (surname of `sl` chars first) may be a name: not a word of the
    /// dictionary (unless it is one as a name), a place, a stop word or a role, and no
    /// function word standing where the surname would be.
    fn plausible(&mut self, s: usize, e: usize, sl: usize, listed: bool) -> bool {
        let cs = self.cs;
        let w = cs.str(s, e);
        if (s + sl..e).any(|i| crate::clean::in_set(NEVER_IN_NAME, cs.chars[i])) || (s..e).any(|i| !self.han(i)) {
            return false;
        }
        if crate::entities::is_stop(w)
            || crate::entities::places::is_place_word(w)
            || !self.t.before.find_all(w).is_empty()
        {
            return false;
        }
        if self.dict_word(w) == Some(false) {
            return false;
        }
        if listed {
            return true;
        }
        // 和从业, 向前: a surname char jieba reads as a function word, before a verb
        let surname_token = cs.token(s).map(|k| cs.tokens[k]);
        if surname_token.is_some_and(|(a, b, pos)| a == s && b == s + sl && FUNCTION_POS.contains(&pos)) {
            return false;
        }
        // 宣讲/党: a verb or such that starts at the surname and ends inside the name
        if surname_token.is_some_and(|(a, b, pos)| a == s && b > s + sl && b < e && WORD_POS.contains(&pos)) {
            return false;
        }
        let given_token = cs.token(s + sl).map(|k| cs.tokens[k]);
        if given_token.is_some_and(|(a, b, pos)| a == s + sl && b == e && WORD_POS.contains(&pos)) {
            return false;
        }
        // 齐聚一堂: a word runs on past the longest name
        if let Some(k) = cs.token(s) {
            let (a, b, _) = cs.tokens[k];
            if a == s && b > s + sl + 2 {
                return false;
            }
        }
        true
    }

    /// The name that starts at `i`, as (start, end), if the chars there can be one.
    /// `listed`: in a list of names, where the delimiters mark where each ends.
    pub(super) fn name_at(&mut self, i: usize, listed: bool) -> Option<(usize, usize)> {
        let sl = self.surname(i)?;
        if !self.han(i + sl) {
            return None;
        }
        let (two, three) = (i + sl + 1, i + sl + 2);
        let three_ok = self.han(i + sl + 1);
        let cs = self.cs;
        let soft_third = three_ok && crate::clean::in_set(SOFT_END, cs.chars[three - 1]);
        let end = if three_ok && (self.delim(three) || (self.told_at(three) && !soft_third)) {
            // 杨春明说 even where jieba reads 明说 as a word
            three
        } else if self.delim(two) || !three_ok {
            two
        } else {
            match (cs.boundary(two), cs.boundary(three)) {
                (true, false) => two,
                (false, true) => three,
                // both or neither: a two-char name recurs without its third char (胡斌 …
                // 胡斌边听边记); a third char that opens the next word ends it (杨光在)
                _ => {
                    let next_soft = cs.chars.get(three).is_some_and(|&c| crate::clean::in_set(SOFT_END, c));
                    let soft = crate::clean::in_set(SOFT_END, cs.chars[three - 1]) && !self.delim(three) && !next_soft;
                    let (f2, f3) = (self.freq(&cs.chars[i..two]), self.freq(&cs.chars[i..three]));
                    if soft || f2 > f3 {
                        two
                    } else {
                        three
                    }
                }
            }
        };
        let try_end = |r: &mut Self, e: usize| r.plausible(i, e, sl, listed).then_some((i, e));
        try_end(self, end).or_else(|| if end == three && !listed { try_end(self, two) } else { None })
    }

    /// A name that ends at `e` (a title or a cue follows), starting at a word boundary.
    pub(super) fn name_before(&mut self, e: usize) -> Option<(usize, usize)> {
        for len in [3, 2, 4] {
            let Some(s) = e.checked_sub(len) else { continue };
            if !self.cs.boundary(s) || !self.cs.boundary(e) {
                continue;
            }
            let Some(sl) = self.surname(s) else { continue };
            if e - s - sl > 2 || e - s - sl == 0 {
                continue;
            }
            // 姜浩和副主席钟广和: a name before 和 ends before it
            if e - s - sl == 2 && crate::clean::in_set(SOFT_END, self.cs.chars[e - 1]) {
                continue;
            }
            if self.plausible(s, e, sl, false) {
                return Some((s, e));
            }
        }
        None
    }
}

/// Up to four chars as one number that sorts as they do: each char + 1 in 21 bits, the
/// first highest, 0 where the text ends (so a string cut short sorts before its longer forms).
/// Not [`pack`], which hashing needs: a short string here leaves the low bits 0, and FxHash
/// puts such keys all in one bucket (measured: "many distinct names" grew 6.4× for 4× text).
pub(super) fn key(chars: &[char]) -> u128 {
    (0..4).fold(0u128, |k, i| (k << 21) | chars.get(i).map_or(0, |&c| c as u128 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_is_counted_wherever_it_stands_and_not_past_the_end() {
        let text = "胡斌说，胡斌边听边记，胡斌书记和胡斌";
        let cs = Chars::new(text, &[]);
        let r = Reader::new(&cs);
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let brute = |s: &[char]| (0..cs.len()).filter(|&i| cs.chars.get(i..i + s.len()) == Some(s)).count() as u32;
        for s in ["胡斌", "胡斌说", "胡斌边听", "胡斌和", "胡斌书记", "胡斌斌"] {
            let s = chars(s);
            assert_eq!(r.freq(&s), brute(&s), "{s:?}");
        }
        assert_eq!(r.freq(&chars("胡斌")), 4);
        assert_eq!(r.freq(&chars("胡斌边")), 1);
    }
}
