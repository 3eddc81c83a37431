//! Repairs of badly extracted text, before anything is counted: a block repeated verbatim is
//! kept once; a paragraph broken mid-sentence by a page or column break is joined; a photo
//! caption that interrupted the sentence is set after it. Each repair is reported with its
//! span in the repaired text, which is the text every other span refers to.

use crate::analysis::{Warning, WarningKind};
use crate::structure::{self, Range};
use crate::utf16::Utf16Index;

/// Closing punctuation: a paragraph ending otherwise was cut off.
const TERMINAL: &[char] = &[
    '。', '！', '？', '!', '?', '；', ';', '：', ':', '…', '”', '’', '」', '』', '）', ')', '】', '》', '—', '*', '.',
    '"',
];
/// A broken paragraph is long; short unterminated lines are headings, names, bylines.
const MIN_BROKEN_CHARS: usize = 30;
/// Captions are short and plain: no commas inside.
const MAX_CAPTION_CHARS: usize = 40;
/// A repeated run must be this long to be taken as an extraction error, not a refrain.
const MIN_REPEAT_CHARS: usize = 40;

pub struct Repaired {
    pub text: String,
    pub warnings: Vec<Warning>,
}

#[derive(Debug)]
enum Edit {
    /// Drop the paragraph (a copy of an earlier one).
    Drop { first_copy: usize },
    /// Append the paragraph to the previous kept one, without a break.
    Join,
    /// Move the caption to after paragraph `after`.
    Caption,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn unterminated(p: &str) -> bool {
    let last = p.trim_end().chars().last();
    last.is_some_and(|c| !TERMINAL.contains(&c)) && chars(p) >= MIN_BROKEN_CHARS && !is_heading(p)
}

fn is_heading(p: &str) -> bool {
    p.starts_with('#') || p.starts_with('【') || structure::heading_style(p).is_some() || structure::is_dash_heading(p)
}

/// Brackets and quotes opened and closed within the paragraph: a caption is a whole phrase,
/// while "质量发展的实施方案》。" is the tail of a cut sentence.
fn balanced(p: &str) -> bool {
    [('《', '》'), ('“', '”'), ('（', '）'), ('(', ')')].iter().all(|&(o, c)| {
        let mut depth = 0i32;
        for ch in p.chars() {
            if ch == o {
                depth += 1;
            } else if ch == c {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
        }
        depth == 0
    })
}

fn is_caption(p: &str) -> bool {
    let n = chars(p);
    (4..=MAX_CAPTION_CHARS).contains(&n)
        && !p.contains(['，', '、', '；', '：', ',', '“'])
        && balanced(p)
        && (p.ends_with('。') || p.ends_with("（资料图片）") || p.ends_with("(资料图片)") || !p.ends_with(TERMINAL))
        && !is_heading(p)
}

pub fn repair(text: &str) -> Repaired {
    let paras = structure::paragraph_ranges(text);
    let mut edits: Vec<Option<Edit>> = paras.iter().map(|_| None).collect();
    find_repeats(text, &paras, &mut edits);
    find_breaks(text, &paras, &mut edits);
    if edits.iter().all(Option::is_none) {
        return Repaired { text: text.to_string(), warnings: Vec::new() };
    }
    rebuild(text, &paras, &edits)
}

/// Runs of paragraphs each equal to an earlier paragraph, long enough together.
fn find_repeats(text: &str, paras: &[Range], edits: &mut [Option<Edit>]) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut i = 0;
    while i < paras.len() {
        let p = &text[paras[i].0..paras[i].1];
        match seen.get(p) {
            Some(_) => {
                let start = i;
                let mut run_chars = 0;
                while i < paras.len() && seen.contains_key(&text[paras[i].0..paras[i].1]) {
                    run_chars += chars(&text[paras[i].0..paras[i].1]);
                    i += 1;
                }
                if run_chars >= MIN_REPEAT_CHARS {
                    for k in start..i {
                        let first = seen[&text[paras[k].0..paras[k].1]];
                        edits[k] = Some(Edit::Drop { first_copy: first });
                    }
                }
            }
            None => {
                seen.insert(p, i);
                i += 1;
            }
        }
    }
}

/// Paragraphs cut off mid-sentence, their continuation, and captions between the two.
fn find_breaks(text: &str, paras: &[Range], edits: &mut [Option<Edit>]) {
    let kept: Vec<usize> = (0..paras.len()).filter(|&i| edits[i].is_none()).collect();
    let p = |i: usize| &text[paras[i].0..paras[i].1];
    let mut k = 0;
    while k < kept.len() {
        let i = kept[k];
        if !unterminated(p(i)) {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        let mut captions = Vec::new();
        while j + 1 < kept.len() && is_caption(p(kept[j])) {
            captions.push(kept[j]);
            j += 1;
        }
        // the next piece continues the sentence unless it is a heading, a caption, or the
        // title of the next notice (a line followed by its date line)
        let is_title = |x: usize| kept.get(x + 1).is_some_and(|&n| structure::is_front_matter(p(n)));
        if j < kept.len()
            && !is_heading(p(kept[j]))
            && !is_caption(p(kept[j]))
            && !structure::is_front_matter(p(kept[j]))
            && !is_title(j)
        {
            for &c in &captions {
                edits[c] = Some(Edit::Caption);
            }
            edits[kept[j]] = Some(Edit::Join);
            k = j; // the joined paragraph may itself be cut off
        } else {
            k += 1;
        }
    }
}

/// A repair made, with its byte span in the rebuilt text.
struct Note {
    kind: WarningKind,
    message: String,
    span: Range,
    removed: Option<String>,
}

fn rebuild(text: &str, paras: &[Range], edits: &[Option<Edit>]) -> Repaired {
    let mut out = String::with_capacity(text.len());
    let mut notes: Vec<Note> = Vec::new();
    let mut pending_captions: Vec<usize> = Vec::new();
    let mut prev_end = 0usize; // end of the last paragraph consumed in the source
    let mut kept_end = 0usize; // end of the last paragraph written out
    let flush = |out: &mut String, pending: &mut Vec<usize>, notes: &mut Vec<Note>| {
        for c in pending.drain(..) {
            out.push_str("\n\n");
            let s = out.len();
            out.push_str(&text[paras[c].0..paras[c].1]);
            notes.push(Note {
                kind: WarningKind::Caption,
                message: format!("图片说明“{}”打断了句子，已移到段落之后", &text[paras[c].0..paras[c].1]),
                span: (s, out.len()),
                removed: None,
            });
        }
    };
    for (i, &(s, e)) in paras.iter().enumerate() {
        let para = &text[s..e];
        match &edits[i] {
            Some(Edit::Drop { first_copy }) => {
                let at = out.len();
                let preview: String = para.chars().take(16).collect();
                notes.push(Note {
                    kind: WarningKind::Repeat,
                    message: format!("重复的段落（与第 {} 段相同）只计一次：“{preview}……”", first_copy + 1),
                    span: (at, at),
                    removed: Some(para.to_string()),
                });
            }
            Some(Edit::Caption) => pending_captions.push(i),
            Some(Edit::Join) => {
                let at = out.len();
                out.push_str(para);
                let before: String =
                    text[..kept_end].chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
                kept_end = e;
                let after: String = para.chars().take(4).collect();
                notes.push(Note {
                    kind: WarningKind::Joined,
                    message: format!("段落在句中断开（“{before}/{after}”），已接上"),
                    span: (at, at),
                    removed: Some(text[prev_end..s].to_string()),
                });
            }
            None => {
                flush(&mut out, &mut pending_captions, &mut notes);
                out.push_str(&text[prev_end..s]);
                out.push_str(para);
                kept_end = e;
            }
        }
        prev_end = e;
    }
    flush(&mut out, &mut pending_captions, &mut notes);
    out.push_str(&text[prev_end..]);
    let idx = Utf16Index::new(&out);
    let warnings = notes
        .into_iter()
        .map(|n| Warning {
            kind: n.kind,
            message: n.message,
            span: Some(idx.span(n.span.0, n.span.1)),
            removed: n.removed,
        })
        .collect();
    Repaired { text: out, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_a_broken_paragraph_around_a_caption() {
        let text = "标题\n\n市政协围绕梅花鹿产业发展开展专题调研，形成调研报告，提出了许多真\n\n\n\n市政协第四次常委会会议。\n\n知灼见，得到市委主要领导批示肯定。\n\n下一段。";
        let r = repair(text);
        assert_eq!(
            r.text,
            "标题\n\n市政协围绕梅花鹿产业发展开展专题调研，形成调研报告，提出了许多真知灼见，得到市委主要领导批示肯定。\n\n市政协第四次常委会会议。\n\n下一段。"
        );
        let kinds: Vec<&str> = r.warnings.iter().map(|w| w.kind.as_str()).collect();
        assert_eq!(kinds, vec!["joined", "caption"]);
        let units: Vec<u16> = r.text.encode_utf16().collect();
        let [s, e] = r.warnings[1].span.unwrap();
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), "市政协第四次常委会会议。");
    }

    #[test]
    fn a_repeated_block_is_kept_once() {
        let a = "召开专题议政性常委会会议2次，形成高质量建议案，推动问题整改。";
        let b = "组织委员开展调研视察，提出意见建议。";
        let text = format!("{a}\n\n{b}\n\n中间一段文字。\n\n{a}\n\n{b}\n\n各位委员：\n\n各位委员：\n");
        let r = repair(&text);
        assert_eq!(r.text.matches(a).count(), 1);
        assert_eq!(r.text.matches(b).count(), 1);
        assert_eq!(r.text.matches("各位委员：").count(), 2, "a short refrain is not an extraction error");
        assert_eq!(r.warnings.iter().filter(|w| w.kind == "repeat").count(), 2);
    }

    #[test]
    fn clean_text_is_unchanged() {
        let text = "一、工作回顾\n\n全年召开会议4次。\n\n党建引领 让前进步伐坚定有力\n\n正文。";
        let r = repair(text);
        assert_eq!(r.text, text);
        assert!(r.warnings.is_empty());
    }
}
