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
    /// occurrence (a word has one or two: a list, not a map).
    pub tags: Vec<(&'static str, usize)>,
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
        let mut index: FxMap<&str, u32> = FxMap::default();
        let mut words: Vec<Word<'t>> = Vec::new();
        let of_token = tokens
            .iter()
            .map(|t| {
                if t.pos == "x" {
                    return NONE;
                }
                let w = &text[t.range.0..t.range.1];
                let k = *index.entry(w).or_insert_with(|| {
                    words.push(Word { text: w, tags: Vec::new() });
                    (words.len() - 1) as u32
                });
                if t.content {
                    let tags = &mut words[k as usize].tags;
                    match tags.iter_mut().find(|(p, _)| *p == t.pos) {
                        Some((_, n)) => *n += 1,
                        None => tags.push((t.pos, 1)),
                    }
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
}
