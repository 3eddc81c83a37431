//! Garbled runs in the final text: U+FFFD (bytes that did not decode) and `???` — three or
//! more question marks next to Han characters, which is what a GBK→Latin-1→GBK round trip or
//! a copy through a non-Chinese code page leaves where the characters were. Run over the text
//! the Analysis carries, so the warnings' spans point into it.

use crate::analysis::{Warning, WarningKind};
use crate::utf16::Utf16Index;

/// Warnings listed one by one before the rest are summed up in one.
const LISTED: usize = 20;

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{20000}'..='\u{3134F}')
}

fn is_question(c: char) -> bool {
    c == '?' || c == '？'
}

/// Byte ranges of garbled runs: maximal runs of U+FFFD, and runs of 3+ question marks with a
/// Han character right before or after them.
pub fn runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((start, c)) = it.next() {
        if c != '\u{FFFD}' && !is_question(c) {
            prev = Some(c);
            continue;
        }
        // the whole run of this kind
        let same = |d: char| if c == '\u{FFFD}' { d == c } else { is_question(d) };
        let mut n = 1;
        while it.next_if(|&(_, d)| same(d)).is_some() {
            n += 1;
        }
        let (end, next) = it.peek().map_or((text.len(), None), |&(b, d)| (b, Some(d)));
        let next_to_han = prev.is_some_and(is_han) || next.is_some_and(is_han);
        if c == '\u{FFFD}' || (n >= 3 && next_to_han) {
            out.push((start, end));
        }
        prev = Some(c);
    }
    out
}

/// One `garbled` warning per run (the first `LISTED`), then one for the rest.
pub fn warnings(text: &str) -> Vec<Warning> {
    let runs = runs(text);
    if runs.is_empty() {
        return Vec::new();
    }
    // (the index only when there is a span to tell: most texts have no garbled run)
    let idx = Utf16Index::new(text);
    let mut out: Vec<Warning> = runs
        .iter()
        .take(LISTED)
        .map(|&(s, e)| {
            let what = if text[s..].starts_with('\u{FFFD}') {
                "无法解码的字节（�）"
            } else {
                "连续问号（???）"
            };
            Warning {
                kind: WarningKind::Garbled,
                message: format!("乱码：{what}，原文此处的文字已丢失"),
                span: Some(idx.span(s, e)),
                removed: None,
            }
        })
        .collect();
    if runs.len() > LISTED {
        let (s, e) = runs[LISTED];
        out.push(Warning {
            kind: WarningKind::Garbled,
            message: format!("另有 {} 处乱码未逐一列出", runs.len() - LISTED),
            span: Some(idx.span(s, e)),
            removed: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_replacement_characters_and_question_marks_in_han_text() {
        let text = "政协委员???提出建议。What???? 𠀀\u{FFFD}\u{FFFD}好？？？";
        let r: Vec<&str> = runs(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(r, vec!["???", "\u{FFFD}\u{FFFD}", "？？？"]);
        let text = "第二行？？？？委员";
        assert_eq!(runs(text).len(), 1);
        let w = warnings("𠀀\u{FFFD}");
        assert_eq!(w[0].span, Some([2, 3]));
        assert!(warnings("政协委员提出建议。").is_empty());
    }
}
