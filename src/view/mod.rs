//! One normalised view for analysis, the original for display. Every stage reads `View::text`:
//! traditional characters read as simplified (OpenCC's T→S tables), full-width digits and
//! letters as ASCII, pinyin notes inside words (`協(xié)商`) left out, and the whitespace between
//! a number and its classifier (`156 人次`, `27⏎名`) closed. The user sees `shown`, the text as
//! dropped; spans found in the view map back to it, so a traditional report is shown in
//! traditional characters with correct highlights and analysed like its simplified twin.

use crate::clean::is_han;
use crate::fx::FxMap;
use crate::utf16::Utf16Index;
use script::tables;
use std::borrow::Cow;

mod script;
pub use script::{simplified, simplified_char, Plain};

pub struct View {
    /// What every stage reads.
    pub text: String,
    /// What the user sees: `Analysis::text`.
    shown: String,
    /// (view byte, shown byte) where the two start advancing together again; between two
    /// anchors a byte offset maps by a constant shift.
    anchors: Vec<(usize, usize)>,
    /// Simplified char → the char the report wrote, for chars the report only ever wrote in
    /// traditional form: findings are told in the report's own script.
    respell: FxMap<char, char>,
    /// The shown text has no traditional char and no phrase changed it.
    known_plain: bool,
}

fn full_width_ascii(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

/// Length in bytes of a pinyin note `(xié)` / `（diào）` starting at `rest`, if it is one: Latin
/// letters with at least one tone mark (or a tone digit), nothing else.
fn pinyin_note(rest: &str) -> Option<usize> {
    let close = match rest.chars().next()? {
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    let open_len = rest.chars().next()?.len_utf8();
    let inner_end = rest[open_len..].char_indices().take(32).find(|&(_, c)| c == close)?.0;
    let inner = &rest[open_len..open_len + inner_end];
    let pinyin_chars = inner
        .chars()
        .all(|c| c.is_ascii_lowercase() || crate::clean::in_set(TONED, c) || crate::clean::in_set("ü 12345'", c));
    let toned = inner.chars().any(|c| crate::clean::in_set(TONED, c))
        || inner.as_bytes().windows(2).any(|w| w[0].is_ascii_lowercase() && (b'1'..=b'5').contains(&w[1]));
    (pinyin_chars && toned && inner.chars().any(|c| c.is_ascii_lowercase() || crate::clean::in_set(TONED, c)))
        .then_some(open_len + inner_end + close.len_utf8())
}

/// Bytes of whitespace at `rest` that stand inside a number: spaces and at most one line break
/// (a blank line is a paragraph break, never closed) before its classifier (`156 人次`), before
/// a multiplier or marker and the classifier (`2.3 万余条`, `380 余⏎个`), or around the dash of a
/// range (`2 至 3 轮`). `after_sep`: the number so far ends with a range's dash.
fn gap_in_number(rest: &str, after_sep: bool) -> Option<usize> {
    let mut breaks = 0;
    let mut len = 0;
    for c in rest.chars() {
        match c {
            '\n' => breaks += 1,
            ' ' | '\t' | '\u{3000}' => {}
            _ => break,
        }
        len += c.len_utf8();
    }
    if len == 0 || breaks > 1 {
        return None;
    }
    let ahead: Vec<char> = rest[len..].chars().take(8).map(simplified_char).collect();
    if after_sep {
        return ahead.first().is_some_and(char::is_ascii_digit).then_some(len);
    }
    if ahead.first().is_some_and(|&c| crate::clean::in_set(RANGE_DASHES, c)) {
        let digit = ahead[1..].iter().find(|c| !c.is_whitespace()).is_some_and(char::is_ascii_digit);
        return digit.then_some(len);
    }
    // markers, then maybe one more gap before the unit: 380 余⏎个
    let mut k = ahead.iter().take_while(|&&c| crate::clean::in_set(NUMBER_TAIL, c)).count();
    if k > 0 {
        k += ahead[k..].iter().take_while(|c| c.is_whitespace()).count();
    }
    let unit = ahead.get(k) == Some(&'%') || crate::quantity::tables::tables().unit_at(&ahead, k).is_some();
    unit.then_some(len)
}

/// A char that keeps a number going in the view: a multiplier, a marker, a range's dash, a
/// separator (`2.3万余`, `2至3`, `1,200`).
fn continues_number(d: char) -> bool {
    crate::clean::in_set(NUMBER_TAIL, d) || crate::clean::in_set(RANGE_DASHES, d) || d == ',' || d == '.'
}

/// Whether the view is inside a number after `run` (chars put in as they are), given whether
/// it was before: it is when the run's last digit is followed by nothing but what
/// `continues_number`, as the char-by-char rule gives.
fn number_runs_on(run: &str, before: bool) -> bool {
    for d in run.chars().rev() {
        if d.is_ascii_digit() {
            return true;
        }
        if !continues_number(d) {
            return false;
        }
    }
    before
}

/// The end of the run from byte `i` of chars that `View::new` puts in as they are, in a text
/// with nothing to convert: it stops at a bracket (a pinyin note may open there), at
/// whitespace (a gap in a number), at U+3000, and at U+FF00..U+FF7F (full-width digits,
/// letters, `％`, `．`, `（`).
fn unchanged_run_end(b: &[u8], mut i: usize) -> usize {
    // (a char at a step: `i` stays on char boundaries, a Chinese char is one step of three)
    while i < b.len() {
        i += match b[i] {
            b'(' | b' ' | b'\t' | b'\n' => break,
            0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => break,
            0xEF if matches!(b.get(i + 1), Some(0xBC | 0xBD)) => break,
            x => crate::clean::utf8_len(x),
        }
    }
    i
}

/// Multipliers and markers that may follow the digits of a count (2.3万余条).
const NUMBER_TAIL: &str = "余多万亿千";
/// The dashes of a range (2至3轮, 3-5个).
const RANGE_DASHES: &str = "至到-－—～~";

impl View {
    pub fn new(shown: String) -> View {
        let plain = !tables().traditional.any_in(&shown);
        View::read(shown, plain)
    }

    /// The view of a text the caller knows to have no traditional character (a [`Plain`]
    /// vouched for the text it was made from): not read for them again.
    pub fn new_plain(shown: String) -> View {
        View::read(shown, true)
    }

    /// `plain`: `shown` has no traditional character.
    fn read(shown: String, plain: bool) -> View {
        let t = tables();
        let mut text = String::with_capacity(shown.len());
        let mut anchors = vec![(0, 0)];
        let mut changed: FxMap<char, FxMap<char, usize>> = FxMap::default();
        // (bits, not a hash set: a char is added for every char of the text)
        let mut native = crate::lexicon::CharSet::default();
        // Most reports are in simplified characters: then no char changes script, and unless a
        // phrase does (沈默 → 沉默, 反覆 → 反复; not 有序 → 有序), what the report wrote natively
        // need not be noted: only a changed char is ever respelled. (Phrases with no such char
        // start with 25 chars as common as 一: they are looked for, not ruled out by a scan.)
        // Measured: −1.4% of jilin-2023's instructions.
        let found = t.phrases.find_all(&shown);
        let track = !plain || found.iter().any(|&(s, e, to)| shown[s..e] != *to);
        // (with nothing to count, every phrase found reads as its own chars: none is needed)
        let mut phrases = if track { found } else { Vec::new() }.into_iter().peekable();
        // chars of a phrase still to emit, for the chars of the source phrase
        let mut pending: std::str::Chars<'static> = "".chars();
        let mut prev: Option<char> = None; // the last char put into the view
                                           // the view so far ends inside a number: its digits, then markers or a range's dash
        let mut in_number = false;
        let mut i = 0usize;
        while i < shown.len() {
            while phrases.peek().is_some_and(|p| p.0 < i) {
                phrases.next();
            }
            // A run of chars that stay as they are (no pinyin note, gap in a number or
            // full-width form can start in it) is copied whole: most of a report in simplified
            // characters. Only a text with nothing to count (`!track`) takes this road.
            if !track {
                let j = unchanged_run_end(shown.as_bytes(), i);
                if j > i {
                    let (va, sa) = *anchors.last().expect("starts with one");
                    if text.len() - va != i - sa {
                        anchors.push((text.len(), i));
                    }
                    let run = &shown[i..j];
                    text.push_str(run);
                    in_number = number_runs_on(run, in_number);
                    prev = run.chars().next_back();
                    i = j;
                    continue;
                }
            }
            let rest = &shown[i..];
            let c = rest.chars().next().expect("i is a char boundary");
            if matches!(c, '(' | '（') && prev.is_some_and(is_han) {
                if let Some(n) = pinyin_note(rest) {
                    i += n;
                    continue;
                }
            }
            if in_number && matches!(c, ' ' | '\t' | '\u{3000}' | '\n') {
                let after_sep = prev.is_some_and(|p| crate::clean::in_set(RANGE_DASHES, p));
                if let Some(n) = gap_in_number(rest, after_sep) {
                    i += n;
                    continue;
                }
            }
            if let Some(&(ps, _, to)) = phrases.peek() {
                if ps == i {
                    pending = to.chars();
                    phrases.next();
                }
            }
            let d = pending
                .next()
                .or_else(|| full_width_ascii(c))
                .or_else(|| (c == '．' && prev.is_some_and(|p| p.is_ascii_digit())).then_some('.'))
                .unwrap_or_else(|| if plain { c } else { simplified_char(c) });
            if track && d != c && is_han(c) {
                *changed.entry(d).or_default().entry(c).or_default() += 1;
            } else if track && d == c {
                native.insert(c);
            }
            // a new anchor wherever the shift between the two texts changes
            let (va, sa) = *anchors.last().expect("starts with one");
            if text.len() - va != i - sa {
                anchors.push((text.len(), i));
            }
            text.push(d);
            in_number = d.is_ascii_digit() || in_number && continues_number(d);
            prev = Some(d);
            i += c.len_utf8();
        }
        let respell = changed
            .into_iter()
            .filter(|(s, _)| !native.contains(s))
            .filter_map(|(s, from)| from.into_iter().max_by_key(|&(t, n)| (n, t)).map(|(t, _)| (s, t)))
            .collect();
        // (the text's chars are the shown text's, or ASCII: it has no traditional char either)
        let known_plain = plain && !track;
        View { text, shown, anchors, respell, known_plain }
    }

    /// A guard under which [`simplified`] takes slices of the view's text as they are: they are
    /// simplified already (see [`Plain`]).
    pub fn vouch(&self) -> Option<Plain<'_>> {
        if self.known_plain {
            Some(Plain::known(&self.text))
        } else {
            Plain::vouch(&self.text)
        }
    }

    pub fn shown(&self) -> &str {
        &self.shown
    }

    pub fn into_shown(self) -> String {
        self.shown
    }

    /// Where the char at view byte `v` starts in the shown text.
    pub fn shown_start(&self, v: usize) -> usize {
        let k = self.anchors.partition_point(|&(a, _)| a <= v) - 1;
        let (va, sa) = self.anchors[k];
        (sa + (v - va)).min(self.shown.len())
    }

    /// Where the char before view byte `v` ends in the shown text (so that text left out
    /// after it, such as a pinyin note, stays outside a span ending at `v`).
    pub fn shown_end(&self, v: usize) -> usize {
        let Some(c) = self.text[..v].chars().next_back() else { return 0 };
        let s = self.shown_start(v - c.len_utf8());
        s + self.shown[s..].chars().next().map_or(0, char::len_utf8)
    }

    /// The shown text of a view range: the surface as the report prints it.
    pub fn shown_slice(&self, start: usize, end: usize) -> &str {
        let s = self.shown_start(start);
        &self.shown[s..self.shown_end(end).max(s)]
    }

    /// A finding read from the view, told in the report's own script.
    pub fn respell<'s>(&self, s: &'s str) -> Cow<'s, str> {
        if self.respell.is_empty() || !s.chars().any(|c| self.respell.contains_key(&c)) {
            return Cow::Borrowed(s);
        }
        Cow::Owned(s.chars().map(|c| self.respell.get(&c).copied().unwrap_or(c)).collect())
    }

    pub fn spans(&self) -> SpanMap<'_> {
        SpanMap { view: self, utf16: Utf16Index::new(&self.shown) }
    }
}

/// View byte ranges to spans of the shown text in UTF-16 code units (what the page slices).
pub struct SpanMap<'a> {
    view: &'a View,
    utf16: Utf16Index<'a>,
}

impl SpanMap<'_> {
    pub fn span(&self, start: usize, end: usize) -> [usize; 2] {
        let s = self.view.shown_start(start);
        [self.utf16.at(s), self.utf16.at(self.view.shown_end(end).max(s))]
    }

    pub fn shown(&self, start: usize, end: usize) -> &str {
        self.view.shown_slice(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice16(s: &str, [a, b]: [usize; 2]) -> String {
        let u: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16(&u[a..b]).unwrap()
    }

    #[test]
    fn traditional_reads_as_simplified_and_maps_back() {
        let v = View::new("自縣政協九屆三次會議以來，收到提案120件。".into());
        assert_eq!(v.text, "自县政协九届三次会议以来，收到提案120件。");
        let at = v.text.find("政协").unwrap();
        let sp = v.spans();
        assert_eq!(slice16(v.shown(), sp.span(at, at + "政协".len())), "政協");
        assert_eq!(v.respell("县政协会议"), "縣政協會議");
        assert_eq!(v.respell("提案"), "提案");
    }

    #[test]
    fn pinyin_notes_and_gaps_are_left_out() {
        let v = View::new("召開協(xié)商議事會15次，調（diào）研 28 項、\n27\n名委员、委员会(committee)".into());
        assert_eq!(v.text, "召开协商议事会15次，调研 28项、\n27名委员、委员会(committee)");
        let sp = v.spans();
        let at = v.text.find("协商").unwrap();
        assert_eq!(slice16(v.shown(), sp.span(at, at + "协商".len())), "協(xié)商");
        let at = v.text.find("协").unwrap();
        assert_eq!(slice16(v.shown(), sp.span(at, at + "协".len())), "協", "the note stays outside");
        let at = v.text.find("27名").unwrap();
        assert_eq!(sp.shown(at, at + "27名".len()), "27\n名");
        let at = v.text.find("28项").unwrap();
        assert_eq!(sp.shown(at, at + "28项".len()), "28 項");
    }

    #[test]
    fn gaps_inside_numbers_are_closed() {
        let v =
            View::new("体会 2.3 万余条，推动 380 余\n个单位，立案 5,000\n余件，调研 2 至 3 轮，2023 年 5 月".into());
        assert_eq!(v.text, "体会 2.3万余条，推动 380余个单位，立案 5,000余件，调研 2至3轮，2023 年 5 月");
        let sp = v.spans();
        let at = v.text.find("380余个").unwrap();
        assert_eq!(sp.shown(at, at + "380余个".len()), "380 余\n个");
    }

    #[test]
    fn full_width_digits_and_astral_chars() {
        let text = "𠀀办复率达１００％，共１．５万人。".to_string();
        let v = View::new(text.clone());
        assert_eq!(v.text, "𠀀办复率达100%，共1.5万人。");
        let sp = v.spans();
        let at = v.text.find("100%").unwrap();
        assert_eq!(sp.span(at, at + 4), [6, 10]);
        assert_eq!(slice16(&text, sp.span(at, at + 4)), "１００％");
        let end = v.text.len();
        assert_eq!(sp.span(0, end), [0, text.encode_utf16().count()]);
    }

    #[test]
    fn a_text_copied_in_runs_reads_as_one_read_char_by_char() {
        // A traditional char makes the view read every char on its own; before any other text
        // it leaves the state as at the start. So what follows it must come out as the runs
        // of a text with nothing to convert do: the same view text, the same spans.
        const PIECES: &[&str] = &[
            "政协",
            "委员",
            "提案",
            "2.3",
            " ",
            "\n",
            "万余条",
            "380",
            "余\n个",
            "至",
            "3",
            "轮",
            "（diào）",
            "(xié)",
            "１０",
            "％",
            "．",
            "(committee)",
            "，",
            "。",
            "有序",
            "覆盖",
            "乾隆",
            "𠀀",
            "\u{3000}",
            "件",
            "5,000",
            "-",
            "\t",
        ];
        let mut seed = 7u64;
        for _ in 0..400 {
            let mut s = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                s.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let runs = View::new(s.clone());
            let chars = View::new(format!("國\n{s}"));
            assert_eq!(chars.text.strip_prefix("国\n"), Some(runs.text.as_str()), "{s:?}");
            let (r, c, k) = (runs.spans(), chars.spans(), "国\n".len());
            for (a, ch) in runs.text.char_indices() {
                let (b, [x, y]) = (a + ch.len_utf8(), r.span(a, a + ch.len_utf8()));
                assert_eq!(c.span(a + k, b + k), [x + 2, y + 2], "{s:?} at {a}");
            }
        }
    }

    #[test]
    fn simplified_text_is_left_alone() {
        let text = "乾隆年间，著名的协商议事会召开15次，覆盖全县。".to_string();
        let v = View::new(text.clone());
        assert_eq!(v.text, text);
        assert_eq!(v.anchors, vec![(0, 0)]);
        assert!(v.respell.is_empty());
        // a phrase with no traditional char still reads as OpenCC has it, and is told back
        let v = View::new("委员沈默良久，随后有序发言：全年提案３０件。".to_string());
        assert_eq!(v.text, "委员沉默良久，随后有序发言：全年提案30件。");
        assert_eq!(v.respell("沉默"), "沈默");
        let v = View::new("覆盖全县，反覆协商。".to_string());
        assert_eq!(v.text, "覆盖全县，反复协商。");
        let v = View::new("沈阳市政协沉默是金。".to_string());
        assert_eq!((v.text.as_str(), v.respell("沉默")), ("沈阳市政协沉默是金。", "沉默".into()));
    }

    #[test]
    fn a_view_vouches_for_its_text() {
        // plain with no phrase changed, changed by a phrase, traditional, and as `new_plain`
        let views = [
            View::new("召开协商议事会１５次（xié）。".to_string()),
            View::new("委员沈默良久。".to_string()),
            View::new("委員參加專題協商。".to_string()),
            View::new_plain("召开会议".to_string()),
        ];
        for v in views {
            let slice = &v.text[3..6];
            assert!(!script::vouched(slice));
            let guard = v.vouch().expect("a view is in simplified characters");
            assert!(script::vouched(slice), "{}", v.text);
            drop(guard);
            assert!(!script::vouched(slice));
        }
    }
}
