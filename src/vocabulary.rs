//! The report's vocabulary: each distinct word of its tokens once, with its content
//! occurrences by tag, and the word of every token. Stats, term counts and both keyword lists
//! read it: the words are hashed once, not once per stage (four passes over the tokens, each
//! hashing its words, were about 6% of an analysis in wasm).

use crate::fx::FxMap;
use crate::segment::Token;

/// A distinct word of the text.
pub struct Word<'t> {
    pub text: &'t str,
    /// Its content occurrences ([`Token::content`]) by tag, each tag in order of its first
    /// occurrence.
    pub tags: Tags,
}

/// A word's tags with their counts. A word has one or two: they are kept in place, and a
/// list is allocated only for a third. (A list per word was ~2k allocations and their growth
/// for a 24 KB report: 1.2% of an analysis' instructions.)
#[derive(Default)]
pub struct Tags {
    first: [(&'static str, usize); 2],
    len: usize,
    more: Vec<(&'static str, usize)>,
}

impl Tags {
    pub fn iter(&self) -> impl Iterator<Item = &(&'static str, usize)> {
        self.first[..self.len.min(2)].iter().chain(&self.more)
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// One more occurrence under `pos`.
    fn add(&mut self, pos: &'static str) {
        let (first, more) = (&mut self.first[..self.len.min(2)], &mut self.more);
        if let Some((_, n)) = first.iter_mut().chain(more.iter_mut()).find(|(p, _)| *p == pos) {
            *n += 1;
        } else if self.len < 2 {
            self.first[self.len] = (pos, 1);
            self.len += 1;
        } else {
            self.more.push((pos, 1));
            self.len += 1;
        }
    }
}

impl Word<'_> {
    /// How often the word occurs as a content word.
    pub fn count(&self) -> usize {
        self.tags.iter().map(|t| t.1).sum()
    }
}

pub struct Vocabulary<'t> {
    /// The words of the tokens that are not punctuation (tag `x`), in order of first occurrence.
    pub words: Vec<Word<'t>>,
    /// Each token's index in `words` ([`NONE`] for punctuation).
    pub of_token: Vec<u32>,
}

pub const NONE: u32 = u32::MAX;

impl<'t> Vocabulary<'t> {
    pub fn new(text: &'t str, tokens: &[Token]) -> Vocabulary<'t> {
        // Sized for the distinct words a report of this length has, not grown and rehashed on
        // the way (−0.6 to −1.6% of an analysis's instructions). Heaps' law, fitted on the
        // corpus: n tokens hold about 9·n^0.6 distinct words (283 of 505 to 1313 of 4163);
        // sized at 10·n^0.6 for a margin.
        let n = tokens.len();
        let distinct = ((10.0 * (n as f64).powf(0.6)) as usize).min(n);
        let mut index: FxMap<&str, u32> = FxMap::with_capacity_and_hasher(distinct, Default::default());
        let mut words: Vec<Word<'t>> = Vec::with_capacity(distinct);
        let of_token = tokens
            .iter()
            .map(|t| {
                if t.pos == "x" {
                    return NONE;
                }
                let w = &text[t.range.0..t.range.1];
                let k = *index.entry(w).or_insert_with(|| {
                    words.push(Word { text: w, tags: Tags::default() });
                    (words.len() - 1) as u32
                });
                if t.content {
                    words[k as usize].tags.add(t.pos);
                }
                k
            })
            .collect();
        Vocabulary { words, of_token }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_once_with_its_content_tags_and_every_token_pointing_at_it() {
        let text = "政协委员提交提案。政协委员履职尽责，提案质量提升。";
        let tokens = crate::segment::tokenize(text, &[(0, text.len())]);
        let v = Vocabulary::new(text, &tokens);
        for (t, &k) in tokens.iter().zip(&v.of_token) {
            let w = &text[t.range.0..t.range.1];
            if t.pos == "x" {
                assert_eq!(k, NONE, "{w}");
            } else {
                assert_eq!(v.words[k as usize].text, w);
            }
        }
        let distinct: std::collections::HashSet<&str> = v.words.iter().map(|w| w.text).collect();
        assert_eq!(distinct.len(), v.words.len(), "a word listed twice");
        let tian = v.words.iter().find(|w| w.text == "提案").expect("提案");
        assert_eq!(tian.count(), 2);
        assert!(v.words.iter().all(|w| w.text != "。" && w.text != "，"));
    }

    #[test]
    fn a_word_s_tags_in_order_of_first_occurrence_past_the_two_kept_in_place() {
        let mut t = Tags::default();
        assert!(t.is_empty());
        for pos in ["v", "vn", "v", "n", "vn", "nz", "n", "n"] {
            t.add(pos);
        }
        assert_eq!(t.iter().copied().collect::<Vec<_>>(), vec![("v", 2), ("vn", 2), ("n", 3), ("nz", 1)]);
    }
}
