//! Word segmentation with POS tags: jieba's algorithm (dictionary path, word-boundary HMM,
//! POS guess for unknown words) over data compiled by `build.rs` from a pruned copy of jieba's
//! dictionary plus the CPPCC domain dictionary. Loading it takes a few milliseconds: the blob
//! is read into arrays with running sums, no text is parsed.

mod blob;
mod cut;
mod dict;
mod hmm;
mod posseg;

use crate::clean::{is_cn_numeral, is_digit, is_han};
use crate::lexicon;
use crate::structure::Range;
pub use cut::{Guesses, Segmenter, Tag, Word, WordIds};
use dict::NO_WORD;
use std::sync::OnceLock;

/// The compiled segmentation data (see build.rs).
static DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/segment.bin"));

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub range: Range,
    /// jieba's POS tag, with numerals (Arabic, full-width, Chinese) forced to `m`.
    pub pos: &'static str,
    /// [`is_content`] of the word and its tag (term counts and keywords both ask it).
    pub content: bool,
}

/// The segmenter, loaded once per process (or wasm instance). Named after jieba, whose
/// algorithm and data it runs.
pub fn jieba() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(load)
}

/// A new segmenter from the compiled data (`jieba()` keeps one; benchmarks time this).
pub fn load() -> Segmenter {
    Segmenter::load(DATA)
}

/// The tags the analysis knows; any other (bg, en, in, qe… from the POS model) reads as `x`.
fn known_tag(tag: &'static str) -> &'static str {
    match tag {
        "n" | "nr" | "nr1" | "nr2" | "nrj" | "nrf" | "nrfg" | "nrt" | "ns" | "nsf" | "nt" | "nz" | "nl" | "ng"
        | "t" | "tg" | "s" | "f" | "v" | "vd" | "vn" | "vshi" | "vyou" | "vf" | "vx" | "vi" | "vl" | "vg" | "vq"
        | "a" | "ad" | "an" | "ag" | "al" | "b" | "bl" | "z" | "r" | "rr" | "rz" | "rzt" | "rzs" | "rzv" | "ry"
        | "ryt" | "rys" | "ryv" | "rg" | "m" | "mq" | "q" | "qv" | "qt" | "d" | "p" | "pba" | "pbei" | "c" | "cc"
        | "u" | "uzhe" | "ule" | "uguo" | "ude1" | "ude2" | "ude3" | "usuo" | "udeng" | "uyy" | "udh" | "uls"
        | "uzhi" | "ulian" | "e" | "y" | "o" | "h" | "k" | "x" | "xx" | "xu" | "w" | "l" | "i" | "j" | "g" | "dg"
        | "df" | "eng" | "zg" | "uj" | "ul" | "ug" | "uv" | "ud" | "yg" | "mg" => tag,
        _ => "x",
    }
}

/// What the rules below ask of a word's chars, read in one pass (this runs on every token).
#[derive(Clone, Copy)]
struct Shape {
    /// More than one char.
    several: bool,
    whitespace: bool,
    /// Only digits (ASCII, full-width) and `.．,%％`, with a digit among them.
    arabic: bool,
    any_digit: bool,
    /// Only Chinese numeral chars.
    chinese_numeral: bool,
    /// No Han char, letter or numeral: punctuation and symbols.
    symbols: bool,
    /// A Han char or a letter.
    wordlike: bool,
}

impl Shape {
    fn of(word: &str) -> Shape {
        let mut s = Shape {
            several: false,
            whitespace: true,
            arabic: true,
            any_digit: false,
            chinese_numeral: true,
            symbols: true,
            wordlike: false,
        };
        for (k, c) in word.chars().enumerate() {
            s.several |= k > 0;
            // (each test only while its answer is open: most words fail the first ones at once)
            s.whitespace = s.whitespace && c.is_whitespace();
            let digit = is_digit(c);
            s.any_digit |= digit;
            s.arabic = s.arabic && (digit || matches!(c, '.' | '．' | ',' | '%' | '％'));
            s.chinese_numeral = s.chinese_numeral && is_cn_numeral(c);
            // (a Han char or letter, once seen, settles both: a letter is alphanumeric)
            if s.wordlike {
                continue;
            }
            if is_han(c) {
                (s.symbols, s.wordlike) = (false, true);
            } else if c.is_ascii() {
                s.symbols &= !c.is_ascii_alphanumeric();
                s.wordlike |= c.is_ascii_alphabetic();
            } else if !is_cjk_punctuation(c) {
                s.symbols &= !c.is_alphanumeric();
                s.wordlike |= c.is_alphabetic();
            }
        }
        s.arabic &= s.any_digit;
        s
    }

    fn is_numeral(self) -> bool {
        self.arabic || (self.chinese_numeral && self.several)
    }
}

/// The punctuation of Chinese text, none of it a letter or numeral: asked before
/// `char::is_alphanumeric`, whose table lookup is dear for chars outside ASCII.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{2010}'..='\u{2027}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
}

/// Tokens of the text, paragraph by paragraph (no token crosses a paragraph).
pub fn tokenize(text: &str, paragraphs: &[Range]) -> Vec<Token> {
    let j = jieba();
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut guesses = Guesses::default();
    for &(s, e) in paragraphs {
        j.tag_each_with(&text[s..e], true, &mut guesses, |a, b, tag, id| {
            let word = &text[s + a..s + b];
            let shape = Shape::of(word);
            if shape.whitespace {
                return;
            }
            let pos = if shape.is_numeral() {
                "m"
            } else if shape.symbols {
                "x"
            } else {
                known_tag(tag)
            };
            out.push(Token { range: (s + a, s + b), pos, content: content(word, id, shape, pos) });
        });
    }
    out
}

/// Whether a token is a content word worth counting: not punctuation, numeral, function word
/// or stop word, and at least two characters (single Han characters are mostly grammar).
pub fn is_content(word: &str, pos: &str) -> bool {
    content(word, NO_WORD, Shape::of(word), pos)
}

/// The stop words' ids in the dictionary: a token's id is looked up, where its word was hashed
/// (measured: −0.7 to −0.9% of an analysis's instructions; this runs on every token).
fn stop_ids() -> &'static WordIds {
    static IDS: OnceLock<WordIds> = OnceLock::new();
    IDS.get_or_init(|| jieba().word_ids(lexicon::stopwords().iter().copied()))
}

/// [`is_content`], given the word's dictionary id when the segmenter gave one (`NO_WORD` else).
fn content(word: &str, id: u32, shape: Shape, pos: &str) -> bool {
    // (a match, not a list search: this runs on every token)
    let skip = matches!(
        pos,
        "m" | "mq"
            | "q"
            | "x"
            | "w"
            | "u"
            | "uj"
            | "ul"
            | "ug"
            | "uv"
            | "ud"
            | "uz"
            | "p"
            | "c"
            | "r"
            | "d"
            | "f"
            | "t"
            | "e"
            | "y"
            | "o"
            | "zg"
    );
    if skip || !shape.several || shape.any_digit || !shape.wordlike {
        return false;
    }
    if id == NO_WORD {
        !lexicon::stopwords().contains(word)
    } else {
        !stop_ids().has(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token's `content`, told by its dictionary id, is `is_content` of its word: on every
    /// report fixture, with a stop word that passes every other test among the tokens.
    #[test]
    fn content_by_id_is_content_by_word() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reports");
        let (mut tokens, mut stopped) = (0, 0);
        for entry in std::fs::read_dir(dir).unwrap() {
            let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else { continue };
            let text = format!("{text}\n我们进一步加强学习。");
            for t in tokenize(&text, &crate::structure::paragraph_ranges(&text)) {
                let word = &text[t.range.0..t.range.1];
                assert_eq!(t.content, is_content(word, t.pos), "{word:?} ({})", t.pos);
                tokens += 1;
                let shape = Shape::of(word);
                stopped +=
                    usize::from(lexicon::stopwords().contains(word) && shape.several && !shape.any_digit && !t.content);
            }
        }
        assert!(tokens > 10_000 && stopped > 0, "{tokens} tokens, {stopped} stop words");
        // the set holds the stop words the dictionary has, and no other word
        let id = |w: &str| jieba().word_id(w).unwrap_or_else(|| panic!("{w} is a dictionary word"));
        assert!(["我们", "进一步", "加强"].iter().all(|w| stop_ids().has(id(w))));
        assert!(!["政协", "委员", "协商"].iter().any(|w| stop_ids().has(id(w))));
        assert!(!stop_ids().has(NO_WORD));
    }

    #[test]
    fn domain_terms_are_single_tokens() {
        let text = "市政协委员围绕全过程人民民主开展双月协商，报送社情民意信息。";
        let toks = tokenize(text, &[(0, text.len())]);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.range.0..t.range.1]).collect();
        for w in ["全过程人民民主", "双月协商", "社情民意信息"] {
            assert!(words.contains(&w), "{w} not whole in {words:?}");
        }
        assert_eq!(words.concat(), text, "tokens tile the paragraph");
    }

    #[test]
    fn numerals_are_m() {
        let text = "立案办复提案230件，３０余次。";
        let toks = tokenize(text, &[(0, text.len())]);
        let nums: Vec<&str> = toks.iter().filter(|t| t.pos == "m").map(|t| &text[t.range.0..t.range.1]).collect();
        assert!(nums.iter().any(|w| w.contains("230")), "{nums:?}");
        assert!(!is_content("230", "m") && !is_content("进一步", "d") && is_content("提案", "n"));
    }

    #[test]
    fn cjk_punctuation_is_no_letter_or_numeral() {
        // the shortcut must answer as char::is_alphanumeric would
        let all = (0x2000..0x2100).chain(0x3000..0x3100).chain(0xFF00..0xFFF0).filter_map(char::from_u32);
        let mut n = 0;
        for c in all.filter(|&c| is_cjk_punctuation(c)) {
            assert!(!c.is_alphanumeric() && !is_han(c), "{c:?} U+{:04X}", c as u32);
            n += 1;
        }
        assert_eq!(n, 93, "every char of the ranges was read");
    }

    #[test]
    fn shape_of_a_word() {
        let numeral = |w: &str| Shape::of(w).is_numeral();
        assert!(numeral("230") && numeral("３０") && numeral("1,200.5%") && numeral("三十") && numeral("〇一"));
        assert!(!numeral("十") && !numeral("%") && !numeral("30件") && !numeral("A1"));
        assert!(Shape::of("，“《").symbols && Shape::of("—·").symbols && !Shape::of("，a").symbols);
        assert!(!Shape::of("〇").symbols && !Shape::of("々").symbols && !Shape::of("Ⅻ").symbols);
        assert!(Shape::of(" \u{3000}\n").whitespace && !Shape::of(" a").whitespace);
        assert!(is_content("CPPCC", "eng") && !is_content("，，", "n") && !is_content("提案2", "n"));
        assert!(is_content("々々", "n") && !is_content("——", "n"));
    }
}

#[cfg(test)]
mod lexicon_tests {
    use super::*;

    /// Every term of the domain dictionary comes out as one token, in several contexts.
    #[test]
    fn every_domain_term_is_one_token() {
        let mut broken = Vec::new();
        for line in lexicon::lines(lexicon::DOMAIN_DICT) {
            let term = line.split_whitespace().next().unwrap();
            for ctx in ["关于{}的意见", "我们要推进{}。", "围绕{}开展调研"] {
                let text = ctx.replace("{}", term);
                let toks = tokenize(&text, &[(0, text.len())]);
                if !toks.iter().any(|t| &text[t.range.0..t.range.1] == term) {
                    let words: Vec<&str> = toks.iter().map(|t| &text[t.range.0..t.range.1]).collect();
                    broken.push(format!("{term} in {text}: {words:?}"));
                }
            }
        }
        assert!(broken.is_empty(), "{} splits:\n{}", broken.len(), broken.join("\n"));
    }

    #[test]
    fn every_dictionary_line_has_a_frequency() {
        // jieba-rs silently reads a missing frequency as 0, and such a word never wins
        for line in lexicon::lines(lexicon::DOMAIN_DICT) {
            let f: Vec<&str> = line.split_whitespace().collect();
            assert!(f.len() == 3 && f[1].parse::<usize>().is_ok_and(|n| n > 0), "{line}");
        }
    }
}
