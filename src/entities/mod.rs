//! Entities with counts and spans: people (with the role the text gives them), places (from
//! a gazetteer of China's divisions down to county level, with short forms), organizations,
//! documents in 《》 with their type, and meetings.
//!
//! Every finder reads the text once, through [`Chars`]: the text as chars with jieba's token
//! boundaries and tags laid over them, so a rule asks "does a word end here?" with a lookup,
//! never by segmenting again.

mod documents;
mod meetings;
mod organizations;
mod people;
mod places;

pub use crate::analysis::{DocumentTitle, Entities, Named, Person, Place};
use crate::segment::Token;
use crate::view::SpanMap;
pub use places::short_forms;

pub fn find(text: &str, tokens: &[Token], idx: &SpanMap) -> Entities {
    let cs = Chars::new(text, tokens);
    let places = places::find(&cs);
    let titles = documents::title_ranges(text);
    let mut organizations = organizations::find(&cs);
    let meetings = meetings::find(&cs, &titles);
    let people = people::find(&cs, &organizations, idx);
    // “书香政协” and “书香政协·悦读江城” are slogans in quotes
    let quoted = |m: &Mention| m.s > 0 && cs.chars[m.s - 1] == '“' && matches!(cs.chars.get(m.e), Some('”' | '·'));
    // 专题议政性常委会, 九届四次常委会暨专题议政性常委会: a name that ends a meeting's is the meeting
    let ends_meeting = |o: &Mention| {
        let k = meetings.partition_point(|m| m.s <= o.s);
        k > 0 && meetings[k - 1].e == o.e
    };
    organizations.retain(|o| !quoted(o) && !ends_meeting(o));
    Entities {
        people,
        organizations: group(organizations, &cs, idx),
        meetings: group(meetings, &cs, idx),
        places: places::tally(places, &cs, idx),
        documents: documents::find(text, &titles, idx),
    }
}

/// The text as chars, with jieba's tokens in char offsets: what every finder reads.
pub(crate) struct Chars<'a> {
    pub text: &'a str,
    pub chars: Vec<char>,
    /// Byte offset of each char, and the text's length at the end.
    byte: Vec<usize>,
    /// (first char, char after the last, POS) of each token.
    pub tokens: Vec<(usize, usize, &'static str)>,
    /// The token each char belongs to (`NONE` for the whitespace jieba's tokens leave out).
    token_of: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<'a> Chars<'a> {
    pub fn new(text: &'a str, tokens: &[Token]) -> Chars<'a> {
        let mut chars = Vec::with_capacity(text.len() / 3);
        let mut byte = Vec::with_capacity(text.len() / 3 + 1);
        for (b, c) in text.char_indices() {
            chars.push(c);
            byte.push(b);
        }
        byte.push(text.len());
        let char_at = |b: usize| byte.partition_point(|&x| x < b);
        let mut token_of = vec![NONE; chars.len()];
        let mut toks = Vec::with_capacity(tokens.len());
        // tokens come in text order: walk the char offsets along with them
        let mut at = 0;
        for (k, t) in tokens.iter().enumerate() {
            let s = if byte.get(at) == Some(&t.range.0) { at } else { char_at(t.range.0) };
            let mut e = s;
            while byte[e] < t.range.1 {
                token_of[e] = k as u32;
                e += 1;
            }
            toks.push((s, e, t.pos));
            at = e;
        }
        Chars { text, chars, byte, tokens: toks, token_of }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Byte offset of char `i` (the text's length past the end).
    pub fn byte(&self, i: usize) -> usize {
        self.byte[i.min(self.chars.len())]
    }

    /// The phrases of `p` in the text, leftmost-longest, in char offsets.
    pub fn phrases<T: Copy>(&self, p: &crate::lexicon::Phrases<T>) -> Vec<(usize, usize, T)> {
        p.find_all_chars(self.text, &self.chars, &self.byte)
    }

    /// The text of chars `s..e`.
    pub fn str(&self, s: usize, e: usize) -> &'a str {
        &self.text[self.byte(s)..self.byte(e)]
    }

    /// The token that char `i` belongs to.
    pub fn token(&self, i: usize) -> Option<usize> {
        self.token_of.get(i).filter(|&&k| k != NONE).map(|&k| k as usize)
    }

    /// Whether a word starts or ends at char offset `i`: true at the ends of the text, between
    /// two tokens, and next to the whitespace tokens leave out.
    pub fn boundary(&self, i: usize) -> bool {
        if i == 0 || i >= self.chars.len() {
            return true;
        }
        match (self.token_of[i - 1], self.token_of[i]) {
            (a, b) if a == NONE || b == NONE => true,
            (a, b) => a != b,
        }
    }
}

/// Whether `w` is a stop word (the lexicon's list, behind a faster hash: rules here ask it
/// for every candidate word).
pub(crate) fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<crate::fx::FxSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::lexicon::stopwords().iter().copied().collect()).contains(w)
}

/// Up to four chars packed into one number: a cheap key for the short strings names are.
pub(crate) fn pack(chars: &[char]) -> u128 {
    chars.iter().fold(0u128, |k, &c| (k << 21) | c as u128)
}

pub(crate) use crate::fx::FxMap;

/// An entity that gathers its mentions: a count and every span.
trait Mentioned {
    fn mention(&mut self, span: [usize; 2]);
    fn count(&self) -> usize;
    fn first(&self) -> usize;
}

macro_rules! mentioned {
    ($t:ty) => {
        impl Mentioned for $t {
            fn mention(&mut self, span: [usize; 2]) {
                self.count += 1;
                self.spans.push(span);
            }
            fn count(&self) -> usize {
                self.count
            }
            fn first(&self) -> usize {
                self.spans.first().map_or(0, |s| s[0])
            }
        }
    };
}
mentioned!(Person);
mentioned!(Place);
mentioned!(Named);
mentioned!(DocumentTitle);

/// Entries by key, in order of first mention; a map keeps adding a mention O(1).
struct Tally<T> {
    items: Vec<T>,
    index: FxMap<String, usize>,
}

impl<T: Mentioned> Tally<T> {
    fn new() -> Self {
        Tally { items: Vec::new(), index: FxMap::default() }
    }

    /// Adds a mention to the entry for `key`, making the entry on its first mention.
    fn add(&mut self, key: &str, span: [usize; 2], make: impl FnOnce() -> T) {
        let k = match self.index.get(key) {
            Some(&k) => k,
            None => {
                self.items.push(make());
                self.index.insert(key.to_string(), self.items.len() - 1);
                self.items.len() - 1
            }
        };
        self.items[k].mention(span);
    }

    /// Most mentioned first, then in order of appearance.
    fn sorted(mut self) -> Vec<T> {
        self.items.sort_by(|a, b| b.count().cmp(&a.count()).then(a.first().cmp(&b.first())));
        self.items
    }
}

/// A name found at chars `s..e`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    pub s: usize,
    pub e: usize,
}

/// Groups mentions into named entities by their text, most mentioned first.
fn group(mut mentions: Vec<Mention>, cs: &Chars, idx: &SpanMap) -> Vec<Named> {
    mentions.sort_by_key(|m| m.s);
    let mut by = Tally::new();
    for m in mentions {
        let name = cs.str(m.s, m.e);
        by.add(name, idx.span(cs.byte(m.s), cs.byte(m.e)), || Named {
            name: name.to_string(),
            count: 0,
            spans: Vec::new(),
        });
    }
    by.sorted()
}

#[cfg(test)]
mod tests;
