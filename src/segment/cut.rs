//! jieba's segmentation over our compiled data: the text is split into blocks of Han, ASCII
//! letters and digits; each block is cut along the most probable path through the words the
//! dictionary finds in it, and what that path leaves as single characters goes through the
//! word-boundary HMM. The cuts and tags are jieba-rs 0.11's (tests/dictionary.rs compares them
//! with jieba-rs on report text).

use super::blob::{Reader, FORMAT};
use super::dict::{Chars, Dict, NO_WORD};
use super::hmm::{is_hmm_han, Hmm};
use super::posseg::Posseg;
use std::cell::RefCell;

/// A word and its part-of-speech tag, with jieba-rs's `Tag` fields: char offsets (`start`,
/// `end`) and byte offsets in the text given.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag<'a> {
    pub word: &'a str,
    pub tag: &'static str,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// A word, with jieba-rs's `Token` fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'a> {
    pub word: &'a str,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Tags guessed for words the dictionary lacks, by word.
pub type Guesses<'t> = crate::fx::FxMap<&'t str, &'static str>;

pub struct Segmenter {
    chars: Chars,
    dict: Dict,
    hmm: Hmm,
    posseg: Posseg,
}

/// A set of dictionary words by id ([`Segmenter::word_ids`]).
pub struct WordIds(Vec<u64>);

impl WordIds {
    /// Whether the word of id `id` is in the set (`NO_WORD`, a word the dictionary lacks, never is).
    pub fn has(&self, id: u32) -> bool {
        self.0.get(id as usize / 64).is_some_and(|b| b & (1 << (id % 64)) != 0)
    }
}

/// Buffers reused from block to block.
#[derive(Default)]
struct Scratch {
    chars: Vec<(usize, char)>,
    codes: Vec<u16>,
    /// Dictionary words of the block: those starting at char `i` are
    /// `edges[starts[i]..starts[i + 1]]`, as (end char, word, ln frequency).
    edges: Vec<(u32, u32, f64)>,
    starts: Vec<u32>,
    /// Best path from each char: (log-probability of the rest, end of the word, the word).
    route: Vec<(f64, u32, u32)>,
    hmm_path: Vec<[u8; 4]>,
}

impl Scratch {
    fn dag_word(&self, a: usize, b: usize) -> u32 {
        let edges = &self.edges[self.starts[a] as usize..self.starts[a + 1] as usize];
        edges.iter().find(|e| e.0 as usize == b).map_or(NO_WORD, |e| e.1)
    }

    fn byte(&self, i: usize, block_end: usize) -> usize {
        self.chars.get(i).map_or(block_end, |c| c.0)
    }
}

/// jieba's block class: CJK, ASCII letters and digits, and `+#&._%-`.
fn is_block_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        is_cjk(c)
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2EBEF}' | '\u{2F800}'..='\u{2FA1F}')
}

impl Segmenter {
    pub fn load(blob: &[u8]) -> Segmenter {
        let mut r = Reader::new(blob);
        assert_eq!(r.bytes(FORMAT.len()), FORMAT, "segmentation data of another format");
        let chars = Chars::read(&mut r);
        let dict = Dict::read(&mut r, &chars);
        let hmm = Hmm::read(&mut r, &chars);
        let posseg = Posseg::read(&mut r, &chars);
        assert!(r.is_at_end(), "segmentation data longer than its format");
        Segmenter { chars, dict, hmm, posseg }
    }

    pub fn has_word(&self, word: &str) -> bool {
        self.dict.get(&self.chars, word).is_some()
    }

    /// The dictionary frequency of `word`.
    pub fn freq(&self, word: &str) -> Option<u32> {
        self.dict.get(&self.chars, word).map(|w| self.dict.freq(w))
    }

    /// jieba's `suggest_freq`: the frequency that would make `segment` one word — its own if
    /// larger; for a word the dictionary lacks, the product of its parts' probabilities.
    pub fn suggest_freq(&self, segment: &str) -> usize {
        let freq = |w: &str| f64::from(self.freq(w).unwrap_or(1));
        let mut log = 0.0;
        self.cut_each(segment, false, |a, b, _| log += freq(&segment[a..b]).ln() - self.dict.log_total);
        ((log + self.dict.log_total).exp() as usize + 1).max(freq(segment) as usize)
    }

    /// Words of `text` with their tags, in order (every character belongs to one word).
    pub fn tag<'a>(&self, text: &'a str, hmm: bool) -> Vec<Tag<'a>> {
        let mut out = Vec::new();
        let mut at = 0;
        self.tag_each(text, hmm, |a, b, tag| {
            let word = &text[a..b];
            let end = at + word.chars().count();
            out.push(Tag { word, tag, start: at, end, byte_start: a, byte_end: b });
            at = end;
        });
        out
    }

    /// Words of `text` (no tags), as jieba-rs's `cut` gives them.
    pub fn cut<'a>(&self, text: &'a str, hmm: bool) -> Vec<Word<'a>> {
        let mut out = Vec::new();
        let mut at = 0;
        self.cut_each(text, hmm, |a, b, _| {
            let word = &text[a..b];
            let end = at + word.chars().count();
            out.push(Word { word, start: at, end, byte_start: a, byte_end: b });
            at = end;
        });
        out
    }

    /// Calls `f(start, end, tag)` for each word of `text` (byte offsets), in order.
    pub fn tag_each(&self, text: &str, hmm: bool, mut f: impl FnMut(usize, usize, &'static str)) {
        self.tag_each_with(text, hmm, &mut Guesses::default(), |a, b, tag, _| f(a, b, tag));
    }

    /// The dictionary's id of `word` ([`Self::tag_each_with`] gives each word's), if it has it.
    pub fn word_id(&self, word: &str) -> Option<u32> {
        self.dict.get(&self.chars, word)
    }

    /// The dictionary's ids of `words`, as a set that a token's id is looked up in without
    /// hashing the word; words the dictionary lacks are left out.
    pub fn word_ids<'w>(&self, words: impl IntoIterator<Item = &'w str>) -> WordIds {
        let mut bits = vec![0u64; self.dict.nodes() / 64 + 1];
        for id in words.into_iter().filter_map(|w| self.word_id(w)) {
            bits[id as usize / 64] |= 1 << (id % 64);
        }
        WordIds(bits)
    }

    /// [`Self::tag_each`], with the tags guessed for unknown words kept in `guesses` (a
    /// caller tagging a text piece by piece passes one for all: a name recurs, and each guess
    /// runs the POS model's Viterbi). `f` is also given the word's dictionary id (`NO_WORD` for
    /// a word the dictionary lacks).
    pub fn tag_each_with<'t>(
        &self,
        text: &'t str,
        hmm: bool,
        guesses: &mut Guesses<'t>,
        mut f: impl FnMut(usize, usize, &'static str, u32),
    ) {
        self.cut_each(text, hmm, |a, b, word| {
            let word = match word {
                Some(w) => w,
                None => self.dict.get(&self.chars, &text[a..b]).unwrap_or(NO_WORD),
            };
            let tag = if word != NO_WORD {
                self.dict.tag(word)
            } else {
                let w = &text[a..b];
                *guesses.entry(w).or_insert_with(|| self.guess_tag(w))
            };
            f(a, b, tag, word);
        });
    }

    /// The tag of a word the dictionary does not know: `m` for ASCII digits, `eng` for ASCII
    /// letters, the POS model's guess for Han, `x` otherwise.
    fn guess_tag(&self, word: &str) -> &'static str {
        let eng = word.chars().filter(char::is_ascii_alphanumeric).count();
        if eng > 0 {
            let digits = word.chars().filter(char::is_ascii_digit).count();
            return if eng == digits { "m" } else { "eng" };
        }
        if word.chars().any(is_cjk) {
            return self.posseg.guess(word, &self.chars);
        }
        "x"
    }

    /// Calls `f(start, end, word)` for each word of `text`: `word` is `Some(id)` (`NO_WORD`
    /// when the dictionary is known to lack it) inside blocks, `None` for the characters
    /// between blocks.
    fn cut_each(&self, text: &str, hmm: bool, f: impl FnMut(usize, usize, Option<u32>)) {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.cut_with(text, hmm, &mut s, f),
            // a caller segmenting from inside a callback gets buffers of its own
            Err(_) => self.cut_with(text, hmm, &mut Scratch::default(), f),
        })
    }

    fn cut_with(&self, text: &str, hmm: bool, s: &mut Scratch, mut f: impl FnMut(usize, usize, Option<u32>)) {
        let mut it = text.char_indices().peekable();
        while let Some(&(start, c)) = it.peek() {
            if is_block_char(c) {
                s.chars.clear();
                while let Some(&(i, c)) = it.peek().filter(|x| is_block_char(x.1)) {
                    s.chars.push((i - start, c));
                    it.next();
                }
                let end = it.peek().map_or(text.len(), |x| x.0);
                self.cut_block(&text[start..end], hmm, s, &mut |a, b, w| f(start + a, start + b, Some(w)));
            } else {
                it.next();
                // \r\n stays one token
                let len = if c == '\r' && it.peek().is_some_and(|x| x.1 == '\n') {
                    it.next();
                    2
                } else {
                    c.len_utf8()
                };
                f(start, start + len, None);
            }
        }
    }

    fn cut_block(&self, block: &str, hmm: bool, s: &mut Scratch, f: &mut impl FnMut(usize, usize, u32)) {
        let n = s.chars.len();
        s.codes.clear();
        s.codes.extend(s.chars.iter().map(|c| self.chars.code(c.1)));
        s.edges.clear();
        s.starts.clear();
        for i in 0..n {
            s.starts.push(s.edges.len() as u32);
            self.dict.prefixes(&s.codes, i, |end, w, log| s.edges.push((end as u32, w, log)));
        }
        s.starts.push(s.edges.len() as u32);
        self.route(s);

        // emits chars a..b as one word
        let emit = |s: &Scratch, a: usize, b: usize, w: u32, f: &mut dyn FnMut(usize, usize, u32)| {
            let w = if w == NO_WORD { s.dag_word(a, b) } else { w };
            f(s.byte(a, block.len()), s.byte(b, block.len()), w);
        };
        // chars a..b the path left single: joined through the HMM (or, without it, a run of
        // ASCII letters and digits as one word)
        let run = |s: &mut Scratch, a: usize, b: usize, f: &mut dyn FnMut(usize, usize, u32)| {
            if !hmm {
                let w = if b - a == 1 { s.route[a].2 } else { NO_WORD };
                emit(s, a, b, w, f);
            } else if b - a == 1 {
                emit(s, a, b, s.route[a].2, f);
            } else if s.dag_word(a, b) != NO_WORD {
                // the run is a word the path did not take: leave it single
                for x in a..b {
                    emit(s, x, x + 1, s.route[x].2, f);
                }
            } else {
                self.hmm_run(s, a, b, block.len(), f);
            }
        };
        let (mut x, mut left) = (0, None);
        while x < n {
            let (_, y, w) = s.route[x];
            let y = y as usize;
            if y - x == 1 && (hmm || s.chars[x].1.is_ascii_alphanumeric()) {
                left.get_or_insert(x);
            } else {
                if let Some(a) = left.take() {
                    run(s, a, x, f);
                }
                emit(s, x, y, w, f);
            }
            x = y;
        }
        if let Some(a) = left {
            run(s, a, n, f);
        }
    }

    /// The most probable path through the block's dictionary words; on equal probability the
    /// longer word. A char no word starts at is a word of frequency 1.
    fn route(&self, s: &mut Scratch) {
        let n = s.chars.len();
        let log_total = self.dict.log_total;
        s.route.clear();
        s.route.resize(n + 1, (0.0, n as u32, NO_WORD));
        for i in (0..n).rev() {
            let mut best: Option<(f64, u32, u32)> = None;
            for &(end, w, log_freq) in &s.edges[s.starts[i] as usize..s.starts[i + 1] as usize] {
                let p = log_freq - log_total + s.route[end as usize].0;
                if best.is_none_or(|b| p > b.0 || (p == b.0 && end > b.1)) {
                    best = Some((p, end, w));
                }
            }
            s.route[i] = best.unwrap_or((-log_total + s.route[i + 1].0, i as u32 + 1, NO_WORD));
        }
    }

    /// Chars a..b (no dictionary word) cut by the HMM where they are Han; other characters
    /// become runs of ASCII letters and digits (joined by `.`, `_`, `-`, with a trailing `%`)
    /// and the gaps between them.
    fn hmm_run(&self, s: &mut Scratch, a: usize, b: usize, block_end: usize, f: &mut dyn FnMut(usize, usize, u32)) {
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut i = a;
        while i < b {
            let han = is_hmm_han(s.chars[i].1);
            let j = (i..b).find(|&k| is_hmm_han(s.chars[k].1) != han).unwrap_or(b);
            if han && j - i > 1 {
                let mut path = std::mem::take(&mut s.hmm_path);
                self.hmm.cut(&s.codes[i..j], &mut path, |x, y| words.push((i + x, i + y)));
                s.hmm_path = path;
            } else if han {
                words.push((i, j));
            } else {
                skip_pieces(&s.chars[i..j], |x, y| words.push((i + x, i + y)));
            }
            i = j;
        }
        for (x, y) in words {
            f(s.byte(x, block_end), s.byte(y, block_end), s.dag_word(x, y));
        }
    }
}

/// jieba's split of non-Han chars inside an HMM run: gaps of other characters, and runs of
/// ASCII letters and digits that `.`, `_` or `-` join, with a `%` after.
fn skip_pieces(chars: &[(usize, char)], mut piece: impl FnMut(usize, usize)) {
    let alnum = |i: usize| chars.get(i).is_some_and(|c| c.1.is_ascii_alphanumeric());
    let mut i = 0;
    while i < chars.len() {
        let gap = (i..chars.len()).find(|&k| alnum(k)).unwrap_or(chars.len());
        if gap > i {
            piece(i, gap);
        }
        if gap == chars.len() {
            return;
        }
        let mut end = gap;
        loop {
            while alnum(end) {
                end += 1;
            }
            if chars.get(end).is_some_and(|c| matches!(c.1, '.' | '_' | '-')) && alnum(end + 1) {
                end += 1;
            } else {
                break;
            }
        }
        if chars.get(end).is_some_and(|c| c.1 == '%') {
            end += 1;
        }
        piece(gap, end);
        i = end;
    }
}
