//! Keywords of the category tables found in a count's words, as a reader takes them: the words
//! inside a title in 《》 and short bracketed asides are not read, overlapping keywords are read
//! leftmost and longest first, and a keyword that is part of a body's name is not one.

use super::tables::{tables, Rows};
use crate::analysis::Category;

/// A keyword found in a text: byte range, category, table row.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub cat: Category,
    pub row: usize,
    pub word: &'static str,
}

/// The text with what keywords must not be read in left out: the inside of titles (《X》 stays
/// as 《》) and short asides in brackets (双督议（课）题 reads 双督议题).
pub fn plain(s: &str) -> std::borrow::Cow<'_, str> {
    // (most clauses have no title or bracket: borrowed, not rebuilt char by char; nor copied,
    // which was a third of the quantities' allocations)
    if !s.contains(['《', '(', '（']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let close = match c {
            '《' => Some(('》', 80)),
            '(' => Some((')', 3)),
            '（' => Some(('）', 3)),
            _ => None,
        };
        if let Some((close, max)) = close {
            if let Some(k) = cs[i + 1..].iter().take(max + 1).position(|&x| x == close) {
                if c == '《' {
                    out.push_str("《》");
                }
                i += k + 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// Every keyword of `tables` in `text` as a reader takes the words, leftmost and longest first:
/// 辅导 inside 心理辅导 and 商会 across 协商会 are not read, nor a keyword that is part of a
/// body's name (提案 in 提案委员会).
pub fn hits_in(tables_: &[&Rows], text: &str) -> Vec<Hit> {
    let t = tables();
    let mut found = Vec::new();
    // one pass over the text; at each char the keywords that start with it, table by table and
    // row by row (the order that breaks ties between equal spans)
    for (start, c) in text.char_indices() {
        for table in tables_ {
            for &(k, row) in table.starting_with(c) {
                if !text[start..].starts_with(k) {
                    continue;
                }
                let end = start + k.len();
                if t.organ.iter().any(|o| text[end..].starts_with(o)) {
                    continue;
                }
                found.push(Hit { start, end, cat: table.category(row), row, word: k });
            }
        }
    }
    found.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut next = 0;
    found.retain(|h| {
        let keep = h.start >= next;
        if keep {
            next = h.end;
        }
        keep
    });
    found
}

pub fn hits(table: &Rows, text: &str) -> Vec<Hit> {
    hits_in(&[table], text)
}

/// The keyword nearest the end of `text` (the head of a noun phrase comes last); at equal
/// distance the longer one.
pub fn last(table: &Rows, text: &str) -> Option<Category> {
    hits(table, text).into_iter().max_by_key(|h| (h.end, h.end - h.start)).map(|h| h.cat)
}

/// The keyword of the first row among those found: the table is in order of precedence.
pub fn first_row(table: &Rows, text: &str) -> Option<Category> {
    hits(table, text).into_iter().min_by_key(|h| h.row).map(|h| h.cat)
}

/// The last word in `text` that names what a count in `unit` may count (Tables::may_count): a
/// thing, an activity or an event's form. Its byte end in `text` and the word.
pub fn last_name(text: &str, unit: &str) -> Option<(usize, &'static str)> {
    let t = tables();
    hits_in(&[&t.things, &t.activities, &t.forms], text)
        .into_iter()
        .filter(|h| t.may_count(unit, h.cat))
        .max_by_key(|h| (h.end, h.end - h.start))
        .map(|h| (h.end, h.word))
}

/// Whether `text` names an activity or an event's form (not only a topic such as 提案).
pub fn names_activity(text: &str) -> bool {
    let t = tables();
    let text = plain(text);
    first_row(&t.activities, &text).is_some() || first_row(&t.forms, &text).is_some()
}

/// What a count names of its own, if anything: the last name in the noun after it, else in the
/// words before it. A count that names nothing (经济方面311件, 全年召开4次) counts what the
/// count or clause before named. With it, whether that name is the noun counted: after the
/// number, or ending the words before it (提交提案386件), not inside a clause that qualifies
/// it (所提问题已经解决的215件). (One function, as each lookup costs a scan of the tables.)
pub fn head(before: &str, noun: &str, unit: &str) -> Option<(&'static str, bool)> {
    if let Some((_, w)) = last_name(&plain(noun), unit) {
        return Some((w, true));
    }
    let before = plain(before);
    last_name(&before, unit).map(|(end, w)| (w, before[end..].chars().count() <= 2))
}
