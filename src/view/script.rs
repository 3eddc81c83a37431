//! Traditional characters read as simplified: OpenCC's T→S character and phrase tables, and
//! the probes stages use on a string of their own ([`simplified`], [`simplified_char`]).

use crate::fx::FxMap;
use crate::lexicon::{lines, Phrases};
use std::borrow::Cow;
use std::sync::OnceLock;

// OpenCC's traditional→simplified tables (Apache-2.0), the two its t2s config chains. Both
// keep the number of characters, which is what lets a span map back char for char.
// Measured: ferrous-opencc (the pure-Rust OpenCC port) with only its T→S feature adds 128 KB
// gzip to the wasm (rkyv, fst, serde_json and a run-time dictionary compiler); these tables
// with the crate's own phrase matcher add about 25 KB.
// The characters table as build.rs packs it from lexicon/opencc-ts-characters.txt (12 KB
// gzip less than the text).
const TS_CHARACTERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ts-characters.bin"));
const TS_PHRASES: &str = include_str!("../lexicon/opencc-ts-phrases.txt");

pub(super) struct Tables {
    chars: FxMap<char, char>,
    /// The keys of `chars`, as bits: most text has no traditional character, and this test
    /// on every char of every probed line was 10% of an analysis as a hashed lookup.
    pub(super) traditional: crate::lexicon::CharSet,
    pub(super) phrases: Phrases<&'static str>,
}

pub(super) fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        // the first candidate is OpenCC's choice; a key mapped to itself stays
        let first = |l: &'static str| {
            let (k, v) = l.split_once('\t')?;
            Some((k, v.split(' ').next()?))
        };
        let chars = ts_characters();
        let traditional = chars.keys().copied().collect();
        let phrases =
            Phrases::new(lines(TS_PHRASES).filter_map(first).filter(|(k, v)| k.chars().count() == v.chars().count()));
        Tables { chars, traditional, phrases }
    })
}

/// Traditional → simplified characters, read from `TS_CHARACTERS`: a count, the traditional
/// code points as deltas, then the simplified ones as zigzag offsets from them (varints).
fn ts_characters() -> FxMap<char, char> {
    let mut at = 0;
    let mut varint = || {
        let (mut v, mut shift) = (0u32, 0);
        loop {
            let b = TS_CHARACTERS[at];
            at += 1;
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                return v;
            }
            shift += 7;
        }
    };
    let n = varint() as usize;
    let mut k = 0;
    let trad: Vec<u32> = (0..n)
        .map(|_| {
            k += varint();
            k
        })
        .collect();
    trad.into_iter()
        .filter_map(|k| {
            let z = varint();
            let v = if z & 1 == 0 { k + z / 2 } else { k - z / 2 - 1 };
            Some((char::from_u32(k)?, char::from_u32(v)?))
        })
        .collect()
}

/// The simplified form of one character (itself when it has none).
pub fn simplified_char(c: char) -> char {
    let t = tables();
    if t.may_change(c) {
        t.chars.get(&c).copied().unwrap_or(c)
    } else {
        c
    }
}

impl Tables {
    #[inline]
    fn may_change(&self, c: char) -> bool {
        self.traditional.contains(&c)
    }
}

thread_local! {
    /// Address ranges of the texts a [`Plain`] vouches for, innermost last.
    static VOUCHED: std::cell::RefCell<Vec<(usize, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// While alive, [`simplified`] returns any slice of its text as it is, unread: the text has no
/// traditional character, and so no slice of it has one. Stages probe each line, sometimes
/// several times (meta, furniture, front matter: 1,250 probes of jilin-2023's 8k chars, each
/// read to its end); a vouched text is read once. Measured: −2.0% of jilin-2023's
/// instructions, −3.0% of liaoyuan-2020's (bench/README.md, thirteenth pass).
/// (By address: the guard borrows the text, which can neither move nor be freed meanwhile.)
pub struct Plain<'a> {
    range: (usize, usize),
    _text: std::marker::PhantomData<&'a str>,
}

impl<'a> Plain<'a> {
    /// A guard for `text`, or `None` when it holds a character that may change script.
    pub fn vouch(text: &'a str) -> Option<Plain<'a>> {
        (!tables().traditional.any_in(text)).then(|| Plain::known(text))
    }

    /// A guard for `text`, made of the chars of `from` and whitespace (lines taken out or
    /// joined), when `from` is vouched for.
    pub fn derived(from: &str, text: &'a str) -> Option<Plain<'a>> {
        vouched(from).then(|| Plain::known(text))
    }

    /// A guard for `text`, which the caller knows to have no traditional character.
    pub(super) fn known(text: &'a str) -> Plain<'a> {
        let range = (text.as_ptr() as usize, text.as_ptr() as usize + text.len());
        VOUCHED.with_borrow_mut(|v| v.push(range));
        Plain { range, _text: std::marker::PhantomData }
    }
}

impl Drop for Plain<'_> {
    fn drop(&mut self) {
        VOUCHED.with_borrow_mut(|v| {
            if let Some(k) = v.iter().rposition(|&r| r == self.range) {
                v.remove(k);
            }
        });
    }
}

/// Whether `s` lies inside a vouched text.
pub(super) fn vouched(s: &str) -> bool {
    let (a, b) = (s.as_ptr() as usize, s.as_ptr() as usize + s.len());
    VOUCHED.with_borrow(|v| v.iter().any(|&(x, y)| x <= a && b <= y))
}

/// The simplified form of a string, phrase tables first (a probe for rules that read words).
pub fn simplified(s: &str) -> Cow<'_, str> {
    if vouched(s) {
        return Cow::Borrowed(s);
    }
    let t = tables();
    if !t.traditional.any_in(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut phrases = t.phrases.find_all(s).into_iter().peekable();
    let mut skip_to = 0;
    for (i, c) in s.char_indices() {
        if i < skip_to {
            continue;
        }
        if let Some(&(ps, pe, to)) = phrases.peek() {
            if ps == i {
                out.push_str(to);
                skip_to = pe;
                phrases.next();
                continue;
            }
        }
        out.push(simplified_char(c));
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_characters_are_the_opencc_file() {
        let text = include_str!("../lexicon/opencc-ts-characters.txt");
        let from_text: FxMap<char, char> = lines(text)
            .filter_map(|l| {
                let (k, v) = l.split_once('\t')?;
                let (mut kc, mut vc) = (k.chars(), v.split(' ').next()?.chars());
                let (k1, v1) = (kc.next()?, vc.next()?);
                (kc.next().is_none() && vc.next().is_none() && k1 != v1).then_some((k1, v1))
            })
            .collect();
        assert!(from_text.len() > 4000);
        assert_eq!(ts_characters(), from_text);
        assert_eq!(simplified_char('國'), '国');
        // (a view whose chars are a plain text's or ASCII is plain: `View::vouch`)
        assert!((0..128u8).all(|b| !tables().traditional.contains(&char::from(b))));
    }

    #[test]
    fn a_vouched_text_is_taken_as_it_is() {
        assert!(Plain::vouch("委員會議").is_none());
        let text = String::from("协商议事会召开15次，委员会议");
        assert!(!vouched(&text[3..12]));
        let guard = Plain::vouch(&text).expect("no traditional char");
        assert!(vouched(&text[3..12]) && vouched(&text) && !vouched(&String::from("商议事")));
        // another string is still read, unless it was made from a vouched one
        let joined = String::from("委員會議");
        assert_eq!(simplified(&joined), "委员会议");
        let derived = Plain::derived(&text[3..], &joined).expect("made from a vouched text");
        assert!(matches!(simplified(&joined), Cow::Borrowed(_)));
        drop((derived, guard));
        assert!(Plain::derived(&text, &joined).is_none());
        // taken unread while vouched (as `known` is told), read again after the guard
        let traditional = String::from("委員會議");
        let guard = Plain::known(&traditional);
        assert_eq!(simplified(&traditional[3..9]), "員會");
        drop(guard);
        assert_eq!(simplified(&traditional[3..9]), "员会");
        VOUCHED.with_borrow(|v| assert!(v.is_empty()));
    }
}
