//! Paragraphs and sentences.

use super::Range;

const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?'];
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '"', '\''];

/// A paragraph is a line holding something other than whitespace, trimmed.
pub fn paragraph_ranges(text: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let trimmed = line.trim_matches(|c: char| c.is_whitespace());
        if !trimmed.is_empty() {
            let s = start + (trimmed.as_ptr() as usize - line.as_ptr() as usize);
            out.push((s, s + trimmed.len()));
        }
        start += line.len() + 1;
    }
    out
}

pub(super) fn sentences(text: &str, (start, end): Range) -> Vec<Range> {
    let para = &text[start..end];
    let mut out = Vec::new();
    let mut s = 0;
    let mut chars = para.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if SENTENCE_END.contains(&c) {
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if SENTENCE_END.contains(&d) || CLOSERS.contains(&d) {
                    e = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push_sentence(para, start, s, e, &mut out);
            s = e;
        }
    }
    push_sentence(para, start, s, para.len(), &mut out);
    out
}

fn push_sentence(para: &str, base: usize, s: usize, e: usize, out: &mut Vec<Range>) {
    let piece = &para[s..e];
    let trimmed = piece.trim_start();
    if trimmed.chars().any(|c| c.is_alphanumeric()) {
        let lead = piece.len() - trimmed.len();
        out.push((base + s + lead, base + e));
    }
}
