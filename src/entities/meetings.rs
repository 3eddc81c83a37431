//! Meetings: a word that ends like one (会议, 全会, 座谈会 …, `lexicon/meetings.txt`) and the
//! words of its name before it: what it is about (专题议政性常委会会议), and the body, term and
//! session that hold it (政协辽源市第八届委员会第六次会议, 市委十四届七次全会).

use super::{Chars, Mention};
use crate::fx::FxMap;
use crate::lexicon::{lines, CharSet};
use crate::segment::jieba;
use std::sync::OnceLock;

const MEETINGS: &str = include_str!("../lexicon/meetings.txt");

/// Meeting endings, longest first, and the chars they end with.
fn ends() -> &'static (Vec<&'static str>, CharSet) {
    static T: OnceLock<(Vec<&'static str>, CharSet)> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<&str> = lines(MEETINGS).flat_map(str::split_whitespace).collect();
        v.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let last = v.iter().filter_map(|m| m.chars().last()).collect();
        (v, last)
    })
}

/// A session's number: 第三次, 七次, 第六, 次.
fn session(w: &str, pos: &str) -> bool {
    (pos == "m" || pos == "q" || pos == "mq") && (w.ends_with('次') || w.ends_with('届') || w.starts_with('第'))
}

/// Words that say what a meeting is about (专题, 议政性, 双月协商, 乡村振兴).
fn topic(pos: &str) -> bool {
    matches!(pos, "n" | "nz" | "vn" | "l" | "an" | "b" | "j")
}

/// Meetings in the text, outside 《》 titles; `titles` are byte ranges in text order.
pub(crate) fn find(cs: &Chars, titles: &[(usize, usize)]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut verb_led: FxMap<&str, bool> = FxMap::default();
    let mut title = 0;
    for (k, &(a, b, _)) in cs.tokens.iter().enumerate() {
        let w = cs.str(a, b);
        // most tokens end with no meeting word: test the last char first
        let (ends, last) = ends();
        if !w.chars().last().is_some_and(|c| last.contains(&c)) {
            continue;
        }
        let Some(end) = ends.iter().find(|m| w.ends_with(*m)) else { continue };
        // 中国人民政治协商会议 is a body
        if super::organizations::is_catalogued(w) {
            continue;
        }
        // 主持会议, 召开会议: a verb and its object
        let head = &w[..w.len() - end.len()];
        let verb = *verb_led.entry(head).or_insert_with(|| {
            !head.is_empty()
                && jieba().has_word(head)
                && jieba().tag(head, false).first().is_some_and(|t| t.word == head && t.tag.starts_with('v'))
        });
        if verb {
            continue;
        }
        let (bs, be) = (cs.byte(a), cs.byte(b));
        while titles.get(title).is_some_and(|t| t.1 < bs) {
            title += 1;
        }
        if titles.get(title).is_some_and(|t| t.0 <= bs && be <= t.1) {
            continue; // inside a document title
        }
        // 人大常委会委员: a body before a role is no meeting
        if super::people::role_follows(cs, b) {
            continue;
        }
        // a meeting is named: 座谈会 alone is any (专题议政性常委会 is one kind); 省政协常委会 is the body unless a session
        // or a topic names one of its meetings (九届四次常委会)
        let (s, told) = open_left(cs, k);
        let body = *end == "常委会" && !told;
        let n = end.chars().count();
        if (b - s > n + 1 || n >= 5) && !body {
            out.push(Mention { s, e: b });
        }
    }
    // a meeting inside a longer one (人大常委会 in 人大常委会第三十二次会议) is that one
    out.sort_by_key(|m| (m.s, std::cmp::Reverse(m.e)));
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        match kept.last_mut() {
            Some(last) if m.s < last.e => last.e = last.e.max(m.e),
            _ => kept.push(m),
        }
    }
    kept
}

/// Where the meeting ending at token `k` opens: back over the words of its topic next to the
/// ending, then over the session, term, body and place that hold it; never over a date (11日)
/// or a verb (锚定市委…全会). Also whether a session number or a topic was crossed.
fn open_left(cs: &Chars, k: usize) -> (usize, bool) {
    let mut s = cs.tokens[k].0;
    let mut start = s;
    let mut held = false; // past a session or term number: only a body or place may come
    let mut told = false; // a session number or a topic names the meeting
    let mut j = k;
    while j > 0 && k - j < 10 {
        let (a, b, pos) = cs.tokens[j - 1];
        if b != s {
            break;
        }
        if let Some((d, stop)) = super::organizations::division_at(cs, j - 1) {
            start = d;
            if stop || d > a {
                break;
            }
            s = a;
            j -= 1;
            continue;
        }
        let w = cs.str(a, b);
        let date = w.ends_with(['年', '月', '日']) || pos == "t";
        if date || w.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        if session(w, pos) {
            held = true;
            told = true;
            start = a;
        } else if (super::organizations::is_body_word(w) || pos.starts_with("ns") || pos == "nt") && !super::is_stop(w)
        {
            start = a;
        } else if !held && topic(pos) && !super::is_stop(w) {
            start = a;
            told = true;
        } else {
            break;
        }
        s = a;
        j -= 1;
    }
    // 2次专题议政性常委会会议: a count's 次 without its number opens no name
    if cs.chars.get(start) == Some(&'次') {
        start += 1;
    }
    (start, told)
}
