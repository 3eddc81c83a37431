//! Paragraph repairs: a block repeated verbatim is kept once; a paragraph broken mid-sentence
//! by a page or column break is joined to its continuation; photo captions that fell between
//! the two halves are set after the joined paragraph.
//!
//! A break is joined only when the two halves make one sentence: the first is cut off (long,
//! without closing punctuation, or a heading ending on a word that cannot end it) and the second
//! continues it. Captions between them are short complete lines; when a caption has commas, the
//! join needs evidence that the halves belong together (a word made whole across the break,
//! `居⏎…⏎民` → `居民`, or a second half that cannot open a sentence). A title, subtitle,
//! speaker line, salutation or plan sentence is never a caption.

use crate::lexicon::{HEAD, PARTS};
use crate::structure::{self, Range};
use crate::view::simplified;

/// Closing punctuation: a paragraph ending otherwise was cut off.
const TERMINAL: &[char] = &[
    '。', '！', '？', '!', '?', '；', ';', '：', ':', '…', '”', '’', '」', '』', '）', ')', '】', '》', '—', '*', '.',
    '"',
];
/// A broken paragraph is long; short unterminated lines are headings, names, bylines.
const MIN_BROKEN_CHARS: usize = 30;
/// Captions are short and plain: no commas inside.
const MAX_CAPTION_CHARS: usize = 40;
/// A caption with commas may be this long, when the join around it is certain.
const MAX_LONG_CAPTION_CHARS: usize = 100;
/// How many captions may stand between the halves of a sentence.
const MAX_CAPTIONS: usize = 3;
/// A repeated run must be this long to be taken as an extraction error, not a refrain.
const MIN_REPEAT_CHARS: usize = 40;

#[derive(Debug)]
pub enum Edit {
    /// Drop the paragraph (a copy of an earlier one).
    Drop { first_copy: usize },
    /// Append the paragraph to the previous kept one, without a break.
    Join,
    /// Move the caption to after the paragraph it interrupted.
    Caption,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn is_heading(p: &str) -> bool {
    p.starts_with('#') || p.starts_with('【') || structure::heading_style(p).is_some() || structure::is_dash_heading(p)
}

/// A line of a report's head or a title: never moved, never joined as a broken half.
fn is_head_matter(p: &str) -> bool {
    structure::is_front_matter(p) || looks_like_title(p)
}

/// A line that reads as a report's title: "中国人民政治协商会议", "…工作报告（摘要）".
fn looks_like_title(p: &str) -> bool {
    let t = crate::meta::plain(p);
    let t = t.trim_end_matches("（摘要）").trim_end_matches("(摘要)");
    let named = ["报告", "汇报", "讲话", "致辞", "纪实"].iter().any(|w| t.ends_with(w));
    let committee = (t.starts_with("中国人民政治协商会议") || t.starts_with("政协"))
        && (t.ends_with("会议") || t.ends_with("委员会"));
    !t.contains(['，', '。']) && (named || committee)
}

fn unterminated(p: &str) -> bool {
    let last = p.trim_end().chars().last();
    last.is_some_and(|c| !TERMINAL.contains(&c)) && chars(p) >= MIN_BROKEN_CHARS && !is_heading(p) && !is_head_matter(p)
}

/// A heading whose last word cannot end it: "（二）围绕发展大局，以".
fn dangling_heading(p: &str) -> bool {
    if structure::heading_style(p).is_none() {
        return false;
    }
    let t = simplified(p);
    !t.ends_with(TERMINAL) && crate::word_list!(HEAD, "dangling").iter().any(|w| t.ends_with(w))
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

/// A sentence about the plan: "力争全年办复率达到100%。".
fn is_plan_sentence(p: &str) -> bool {
    let t = simplified(p);
    crate::word_list!(PARTS, "plan_sentence").iter().any(|w| t.starts_with(w))
}

/// What any caption is: a short whole phrase, not a heading, head line or plan sentence.
fn caption_shaped(p: &str, max_chars: usize) -> bool {
    let n = chars(p);
    (4..=max_chars).contains(&n)
        && balanced(p)
        && (p.ends_with('。')
            || p.ends_with("（资料图片）")
            || p.ends_with("(资料图片)")
            || p.ends_with('摄')
            || !p.ends_with(TERMINAL))
        && !is_heading(p)
        && !is_head_matter(p)
        && !is_plan_sentence(p)
}

/// A photo caption with no commas: set aside around any break.
fn is_caption(p: &str) -> bool {
    caption_shaped(p, MAX_CAPTION_CHARS) && !p.contains(['，', '、', '；', '：', ',', '“'])
}

/// A longer caption, with commas: set aside only when the join around it is certain.
fn is_long_caption(p: &str) -> bool {
    caption_shaped(p, MAX_LONG_CAPTION_CHARS) && !p.contains(['：', ':'])
}

/// Whether `b` goes on the sentence `a` broke off: a dictionary word spans the break
/// (居|民, 真|知灼见), or `b` opens with what cannot open a sentence (a comma, 的).
fn one_sentence(a: &str, b: &str) -> bool {
    const WINDOW: usize = 4;
    let b = simplified(b);
    if b.starts_with(['，', '、', '；', '。', '）', '》', '”', ',']) {
        return true;
    }
    if crate::word_list!(HEAD, "continuing").iter().any(|w| b.starts_with(w)) {
        return true;
    }
    let a = simplified(a);
    let tail = crate::clean::last_chars(&a, WINDOW);
    let head = crate::clean::first_chars(&b, WINDOW);
    let joint = tail.len();
    let probe = format!("{tail}{head}");
    crate::segment::jieba().cut(&probe, false).iter().any(|t| {
        t.byte_start < joint && t.byte_start + t.word.len() > joint && t.word.chars().all(crate::clean::is_han)
    })
}

pub fn find(text: &str, paras: &[Range]) -> Vec<Option<Edit>> {
    let mut edits: Vec<Option<Edit>> = paras.iter().map(|_| None).collect();
    find_repeats(text, paras, &mut edits);
    find_breaks(text, paras, &mut edits);
    edits
}

/// Runs of paragraphs each equal to an earlier paragraph, long enough together.
fn find_repeats(text: &str, paras: &[Range], edits: &mut [Option<Edit>]) {
    let mut seen: crate::fx::FxMap<&str, usize> = crate::fx::FxMap::default();
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
    // the title of the next notice: a line followed by its date line or subtitle
    let is_title = |x: usize| kept.get(x + 1).is_some_and(|&n| structure::is_front_matter(p(n)));
    let continues = |x: usize| {
        let q = p(kept[x]);
        !is_heading(q) && !is_head_matter(q) && !is_title(x)
    };
    let mut k = 0;
    while k < kept.len() {
        let a = p(kept[k]);
        if dangling_heading(a) {
            if k + 1 < kept.len() && continues(k + 1) {
                edits[kept[k + 1]] = Some(Edit::Join);
                k += 1;
            }
            k += 1;
            continue;
        }
        if !unterminated(a) {
            k += 1;
            continue;
        }
        // the continuation the evidence points to, past captions of any length
        let certain = (k + 1..kept.len().min(k + 2 + MAX_CAPTIONS))
            .find(|&j| (k + 1..j).all(|c| is_long_caption(p(kept[c]))) && continues(j) && one_sentence(a, p(kept[j])));
        // else the first paragraph past plain captions
        let plain = || {
            let mut j = k + 1;
            while j + 1 < kept.len() && j <= k + MAX_CAPTIONS && is_caption(p(kept[j])) {
                j += 1;
            }
            (j < kept.len() && !is_caption(p(kept[j])) && continues(j)).then_some(j)
        };
        match certain.or_else(plain) {
            Some(j) => {
                for c in k + 1..j {
                    edits[kept[c]] = Some(Edit::Caption);
                }
                edits[kept[j]] = Some(Edit::Join);
                k = j; // the joined paragraph may itself be cut off
            }
            None => k += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_and_what_is_never_one() {
        assert!(is_caption("市政协第四次常委会会议。"));
        assert!(is_caption("县政协委员在委员工作室接待来访群众"));
        for p in [
            "中国人民政治协商会议",
            "某市第八届委员会常务委员会工作报告（摘要）",
            "——在政协某市第八届委员会第三次会议上",
            "刘建民",
            "各位委员：",
            "力争全年办复率达到100%。",
            "（一）提升提案质量",
        ] {
            assert!(!is_caption(p) && !is_long_caption(p), "{p}");
        }
        assert!(is_long_caption(
            "区政协委员实地走访东湖街道养老服务中心、区第二实验小学，就“推进普惠养老服务”开展座谈交流。"
        ));
    }

    #[test]
    fn halves_of_one_sentence() {
        assert!(one_sentence("委员40余人次、居", "民80余人次参与协商活动"));
        assert!(one_sentence("提出了许多真", "知灼见，得到批示肯定"));
        assert!(one_sentence("开展调研视察", "，形成调研报告"));
        assert!(!one_sentence("形成意见建议15条", "区政协委员对区中心医院建设情况开展专题视察。"));
    }
}
