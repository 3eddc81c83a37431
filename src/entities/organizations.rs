//! Organizations: bodies the catalogue names (市委, 民建, 人民政协报) and words that end like a
//! body (工信局, 中医药大学, 常务委员会), each taken whole: from the place, party or ordinal
//! that opens its name (中共吉林市委, 中国人民政治协商会议辽源市第八届委员会常务委员会), even
//! where jieba cuts a word in the middle of it (吉林市/政协党组, 辽源/市委).

use super::{Chars, Mention};
use crate::clean::is_han;
use crate::fx::FxSet;
use crate::lexicon::{sections, ByChar, CharSet, End, Phrases};
use crate::segment::jieba;
use std::sync::OnceLock;

const ORGS: &str = include_str!("../lexicon/organizations.txt");

struct Tables {
    names: Phrases<()>,
    catalogued: FxSet<&'static str>,
    prefixes: FxSet<&'static str>,
    /// Suffixes by their last char, longest first.
    suffix_ending: ByChar,
    /// The chars suffixes end with: most tokens end with none of them, told by a bit before
    /// `suffix_ending`'s hash lookup.
    suffix_last: CharSet,
    phrases: Vec<&'static str>,
    /// Words that are no body (whole or as an ending), by their last char.
    not_ending: ByChar,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let s = sections(ORGS);
        let list = |k: &str| -> Vec<&'static str> {
            s.get(k).into_iter().flatten().flat_map(|l| l.split_whitespace()).collect()
        };
        let mut suffixes = list("suffixes");
        suffixes.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Tables {
            suffix_last: suffixes.iter().filter_map(|w| w.chars().last()).collect(),
            names: Phrases::new(list("names").into_iter().map(|w| (w, ()))),
            catalogued: list("names").into_iter().chain(list("prefixes")).collect(),
            prefixes: list("prefixes").into_iter().collect(),
            suffix_ending: ByChar::new(&suffixes, End::Last),
            phrases: list("phrases"),
            not_ending: ByChar::new(&list("not"), End::Last),
        }
    })
}

/// Whether `w` is a body the catalogue names, or a party that opens one (民建).
pub(crate) fn is_catalogued(w: &str) -> bool {
    tables().catalogued.contains(w)
}

/// Whether `w` ends like a body (政协, 委员会, 局): words a meeting's name may cross.
pub(crate) fn is_body_word(w: &str) -> bool {
    let t = tables();
    // (the last-char test first: most words end with no suffix's char)
    is_catalogued(w)
        || w.chars().next_back().is_some_and(|c| t.suffix_last.contains(&c))
            && t.suffix_ending.candidates(w).iter().any(|s| s.chars().nth(1).is_some() && w.ends_with(s))
}

fn place_like(cs: &Chars, a: usize, b: usize, pos: &str) -> bool {
    pos.starts_with("ns") || super::places::is_place_word(cs.str(a, b))
}

/// An ordinal of a body's term: 第八届, 八届, 第十四届.
fn ordinal(w: &str) -> bool {
    w.ends_with('届') && w.chars().count() <= 5
}

/// Chars that open a word a body's name cannot start with: 从省/科技厅, 经县/政协主席会议.
const LEADS: &[char] = &['从', '向', '由', '在', '对', '与', '和', '经', '为', '受', '据'];
/// Chars that end the name of a division, written as a word of their own after the name
/// jieba does not know (兰溪/县, 丰禾/市) or glued to a lead (经县).
const DIVISION: &[char] = &['省', '市', '县', '区', '州'];

/// A division written out in the tokens that end at token `k`: where it starts, and whether
/// the name can open no further left (the division was glued to a lead: 经县 → 县).
pub(crate) fn division_at(cs: &Chars, k: usize) -> Option<(usize, bool)> {
    let (a, b, _) = cs.tokens[k];
    let w = cs.str(a, b);
    let last = w.chars().last()?;
    if !DIVISION.contains(&last) {
        return None;
    }
    if b - a == 2 && w.starts_with(LEADS) {
        return Some((b - 1, true));
    }
    if b - a != 1 {
        return None;
    }
    // the stem before 县: a name jieba guesses (兰溪/nr, 丰禾/ns), never a word it knows
    // otherwise (列席/市)
    let stem = k.checked_sub(1).map(|j| cs.tokens[j]).filter(|&(sa, sb, pos)| {
        let sw = cs.str(sa, sb);
        sb == a
            && (2..=4).contains(&(sb - sa))
            && sw.chars().all(is_han)
            && !super::is_stop(sw)
            && (matches!(pos, "ns" | "nr" | "nz") || !jieba().has_word(sw))
    });
    Some((stem.map_or(a, |t| t.0), false))
}

/// Where a body's name opens, back from `s` over places, parties and ordinals (and, when
/// `nouns`, over the nouns that say what the body does: 长春/中医药/大学).
fn open_left(cs: &Chars, s: usize, nouns: bool) -> usize {
    let t = tables();
    let mut s = s;
    // a name that starts inside a token starts where the token does (吉林市 + 市政协)
    if let Some(k) = cs.token(s) {
        let (a, b, pos) = cs.tokens[k];
        if a < s && place_like(cs, a, b, pos) {
            s = a;
        }
    }
    let mut plain = 0;
    let mut start = s;
    let mut steps = 0;
    let mut nouns = nouns;
    while s > 0 && steps < 8 {
        let Some(k) = cs.token(s - 1) else { break };
        let (a, b, pos) = cs.tokens[k];
        if b != s {
            break;
        }
        if let Some((d, stop)) = division_at(cs, k) {
            s = d;
            start = d;
            if stop || d > a {
                break;
            }
            // before a place, only what holds it: 政协/丰禾/市, never 列席/市
            nouns = false;
            steps += 1;
            continue;
        }
        let w = cs.str(a, b);
        let n = w.chars().count();
        // 从省/科技厅, 代表/政协…: a preposition or a role before the name
        let led = n <= 2 && w.starts_with(LEADS);
        if super::is_stop(w) || t.not_ending.candidates(w).contains(&w) || w.chars().any(|c| !is_han(c)) || led {
            break;
        }
        if super::people::is_role(w) {
            break;
        }
        let strong = place_like(cs, a, b, pos) || t.prefixes.contains(w) || is_body_word(w) || pos == "nt";
        // 提案/委/办公室: a body's one-char word inside the name
        let noun = nouns
            && plain < 3
            && (matches!(pos, "nz" | "j" | "b" | "l")
                || (matches!(pos, "n" | "nr") && n <= 3)
                || (n == 1 && t.suffix_ending.candidates(w).contains(&w)));
        if strong || ordinal(w) {
            s = a;
            // an ordinal alone does not open a name: a place or body must stand before it
            if strong {
                start = s;
            }
        } else if noun {
            s = a;
            start = s;
            plain += 1;
        } else {
            break;
        }
        steps += 1;
    }
    start
}

/// Whether the token `w` ends like a body, and the suffix it ends with.
fn body_suffix(w: &str, pos: &str) -> Option<&'static str> {
    let t = tables();
    if !w.chars().last().is_some_and(|c| t.suffix_last.contains(&c)) {
        return None;
    }
    let suffix = t.suffix_ending.candidates(w).iter().copied().find(|s| w.ends_with(s))?;
    let n = w.chars().count();
    let ok = if suffix.chars().count() > 1 {
        true
    } else {
        // a one-char suffix (局, 委, 院) makes a body only of a noun jieba does not know
        // (工信局) or knows as a body: 大局, 格局 and 多办 are other words
        n >= 2 && matches!(pos, "n" | "nt" | "nz" | "j" | "l" | "ns" | "x") && (n >= 3 || !jieba().has_word(w))
    };
    ok.then_some(suffix)
}

/// Bodies named in the text, each whole, none inside another.
pub(crate) fn find(cs: &Chars) -> Vec<Mention> {
    let t = tables();
    let mut out: Vec<Mention> = Vec::new();
    for (k, &(a, b, pos)) in cs.tokens.iter().enumerate() {
        let w = cs.str(a, b);
        let Some(suffix) = body_suffix(w, pos) else { continue };
        let after_place = k > 0 && cs.tokens[k - 1].1 == a && place_like(cs, cs.tokens[k - 1].0, a, cs.tokens[k - 1].2);
        // 青年干部 ends with 部, 服务中心大局 is no 服务中心: a phrase the suffix opens
        let rest = &cs.text[cs.byte(b - suffix.chars().count())..];
        let phrase = t.phrases.iter().any(|p| rest.starts_with(p));
        if t.not_ending.candidates(w).iter().any(|n| w.ends_with(n))
            || phrase
            || super::is_stop(w)
            || pos.starts_with('v')
        {
            continue;
        }
        let mut s = open_left(cs, a, true);
        // 县发/改局: jieba cut the name where no word ends; a word it only guessed, glued
        // to a short core, is read back into the name
        if s == a && b - a == 2 && k > 0 {
            let (pa, pb, _) = cs.tokens[k - 1];
            let pw = cs.str(pa, pb);
            if pb == a && pb - pa <= 2 && pw.chars().all(is_han) && !jieba().has_word(pw) && !pw.starts_with(LEADS) {
                s = match division_at(cs, k - 1) {
                    Some(_) => pa,
                    None if DIVISION.contains(&pw.chars().next().unwrap_or(' ')) => pa,
                    None => open_left(cs, pa, true),
                };
            }
        }
        // 政协 and 办公室 alone are anyone's: a name must say whose (辽源市/政协,
        // 提案/委/办公室), not what is done with it (赋能/政协, 三是/政协)
        let whose = k > 0 && {
            let (pa, pb, ppos) = cs.tokens[k - 1];
            let pw = cs.str(pa, pb);
            pb == a
                && (after_place
                    || ppos == "nt"
                    || is_body_word(pw)
                    || t.suffix_ending.candidates(pw).contains(&pw)
                    || ordinal(pw))
        };
        if w == suffix && !whose {
            continue;
        }
        if (2..=30).contains(&(b - s)) && !super::places::is_place_word(cs.str(s, b)) {
            out.push(Mention { s, e: b });
        }
    }
    for (s, e, ()) in cs.phrases(&t.names) {
        out.push(Mention { s: open_left(cs, s, false), e });
    }
    // one mention per stretch of text: the longest, where names overlap
    out.sort_by_key(|m| (m.s, std::cmp::Reverse(m.e)));
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        match kept.last_mut() {
            // 吉林市政协 and 吉林市政协党组: one body, written out to the longer end
            Some(last) if m.s < last.e => last.e = last.e.max(m.e),
            // 辽源市政协|提案|委办公室: jieba's word 政协提案 straddles where one name seemed
            // to end and the next to begin, so they are one
            Some(last) if m.s - last.e <= 3 && cs.token(m.s - 1).is_some_and(|k| cs.tokens[k].0 < last.e) => {
                last.e = m.e
            }
            _ => kept.push(m),
        }
    }
    kept
}
