//! Heading styles and which paragraphs are headings.
//!
//! A section title is the heading as written, its list marker included (`一、2024年工作回顾`,
//! `（二）聚焦发展大局`, `一是抓好源头质量`): the marker is how the report numbers its outline, a
//! reader looks for it, and the level alone does not restore it. Only what is not part of the
//! wording is left out: Markdown marks (`##`, `**`), the brackets of a box label (`【委员通道】`)
//! and the full stop or colon that ends a run-in heading (`（一）突出质量导向。正文…`).

use super::{parts::part_of, Part, Range};
use crate::clean::{is_digit, is_han};
use crate::lexicon::HEAD;
use crate::view::simplified;

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Range of the whole heading line (or of the run-in heading inside a paragraph).
    pub range: Range,
    pub title: String,
    pub level: u8,
    pub part: Part,
    /// Style rank (see STYLE_*): levels are derived from it.
    pub style: u8,
    /// The part its own wording names, before inheritance.
    pub own_part: Part,
}

const CN_DIGITS: &str = "一二三四五六七八九十";

/// Heading style ranks, outermost first; levels are the dense rank of the styles a document
/// uses, so a report numbered 一、/（一） and a feature with ### and short head lines both
/// start at level 1.
const STYLE_PART: u8 = 10; // 第一部分, 第一章
const STYLE_CN: u8 = 11; // 一、
const STYLE_CN_PAREN: u8 = 12; // （一）
const STYLE_NUM: u8 = 13; // 1.
const STYLE_NUM_PAREN: u8 = 14; // （1）
const STYLE_BRACKET: u8 = 15; // 【委员通道】
const STYLE_LINE: u8 = 16; // 党建引领 让前进步伐坚定有力
const STYLE_DASH: u8 = 17; // 加强思想政治引领——
const STYLE_BOLD_RUN_IN: u8 = 18; // **一是抓好源头质量。**正文

/// Heading style of a paragraph's start: (style rank, byte length of the marker).
pub fn heading_style(p: &str) -> Option<(u8, usize)> {
    let hashes = p.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && p[hashes..].starts_with(' ') {
        return Some((hashes as u8, hashes + 1));
    }
    // **一、标题**: Markdown emphasis around a numbered heading belongs to the marker
    let body = p.trim_start_matches('*');
    let lead = p.len() - body.len();
    numbered_style(body).map(|(style, len)| (style, lead + len))
}

/// Chars at the start of `s` that satisfy `f`: (count, bytes).
fn prefix(s: &str, f: impl Fn(char) -> bool) -> (usize, usize) {
    s.chars().take_while(|&c| f(c)).fold((0, 0), |(n, b), c| (n + 1, b + c.len_utf8()))
}

fn numbered_style(p: &str) -> Option<(u8, usize)> {
    let cn = |c: char| crate::clean::in_set(CN_DIGITS, c);
    if let Some(rest) = p.strip_prefix('第') {
        let (n, nb) = prefix(rest, cn);
        if n > 0 {
            for word in ["部分", "章"] {
                if rest[nb..].starts_with(word) {
                    return Some((STYLE_PART, '第'.len_utf8() + nb + word.len()));
                }
            }
        }
    }
    let (n, nb) = prefix(p, cn);
    if n > 0 && n <= 3 {
        // 一、 and also 一．/一. as some reports write it
        for m in ['、', '．', '.'] {
            if p[nb..].starts_with(m) {
                return Some((STYLE_CN, nb + m.len_utf8()));
            }
        }
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = p.strip_prefix(open) {
            let rest = rest.trim_start();
            let (k, kb) = prefix(rest, cn);
            let (d, db) = prefix(rest, is_digit);
            let (style, len) = if k > 0 && k <= 3 {
                (STYLE_CN_PAREN, kb)
            } else if d > 0 && d <= 2 {
                (STYLE_NUM_PAREN, db)
            } else {
                continue;
            };
            let after = rest[len..].trim_start();
            if after.starts_with(close) {
                let total = p.len() - after.len() + close.len_utf8();
                return Some((style, total));
            }
        }
    }
    let (d, db) = prefix(p, is_digit);
    if d > 0 && d <= 2 {
        let after = &p[db..];
        // "1." but not "1.2万": the marker must not be followed by a digit.
        for m in ['.', '．', '、'] {
            if after.starts_with(m) && !after[m.len_utf8()..].starts_with(is_digit) {
                return Some((STYLE_NUM, db + m.len_utf8()));
            }
        }
    }
    if p.starts_with('【') && p.trim_end_matches('*').ends_with('】') && p.chars().count() <= 30 {
        return Some((STYLE_BRACKET, 0));
    }
    None
}

/// The line without Markdown heading and emphasis marks.
fn unmarked(p: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match crate::clean::without_bold(p.trim_start_matches(['#', ' '])) {
        Cow::Borrowed(t) => Cow::Borrowed(t.trim()),
        Cow::Owned(t) => Cow::Owned(t.trim().to_string()),
    }
}

/// A subtitle under the title: "——在政协…会议上".
pub fn is_subtitle(p: &str) -> bool {
    unmarked(p).starts_with('—')
}

/// A salutation: "各位委员：", "各位委员、同志们:", also glued to the speaker's name before it
/// ("王立群各位委员、同志们:"), in either script.
pub fn is_salutation(p: &str) -> bool {
    salutation(&unmarked(p))
}

/// `is_salutation` of a line already `unmarked`.
fn salutation(u: &str) -> bool {
    const ENDS: [char; 5] = ['：', ':', '！', '!', ' '];
    // a salutation ends with its colon or exclamation (no table maps these), so most
    // paragraphs are ruled out before they are simplified
    if !u.ends_with(ENDS) {
        return false;
    }
    let t = simplified(u);
    let t = t.trim_end_matches(ENDS);
    t.len() < u.len()
        && t.chars().count() <= 30
        && crate::word_list!(HEAD, "salutations").iter().any(|w| t.ends_with(w))
}

/// A date line on its own: "2025年1月9日", "（2024年1月20日）".
fn is_date_line(t: &str) -> bool {
    // (at most 20 chars, told without counting a long paragraph's chars)
    let inner = t.trim_matches(['(', ')', '（', '）', ' ']);
    t.chars().nth(20).is_none()
        && !crate::meta::dates(inner).is_empty()
        && inner.chars().filter(|&c| is_han(c)).count() <= 6
}

/// A byline, a date line, a subtitle, the speaker's name or a salutation: part of the report's
/// head, not its outline.
pub fn is_front_matter(p: &str) -> bool {
    let markdown = p.starts_with('#');
    let u = unmarked(p);
    let t = simplified(&u);
    // at most 40 chars (told without counting all of a long paragraph's)
    let short = t.chars().nth(40).is_none();
    // (a name has at most 4 chars: 5 tell that the line is none, without copying it)
    let compact = || -> String { t.chars().filter(|c| !c.is_whitespace()).take(5).collect() };
    t.starts_with('—')
        || short && ["记者", "通讯员", "编者按"].iter().any(|w| t.contains(w))
        || (!markdown && crate::lexicon::is_name(&compact())) // the speaker's name
        || (t.starts_with(['(', '（']) && t.ends_with([')', '）']) && t.contains('年') && short)
        || is_date_line(&t)
        || salutation(&u)
        || is_speaker_line(&t)
}

/// "市政协主席  刘振邦": a role, then the speaker's name (meta reads it).
fn is_speaker_line(t: &str) -> bool {
    t.contains(char::is_whitespace) && crate::meta::speaker(t).is_some()
}

/// A paragraph that reads as the start of prose: long, or a whole sentence.
fn is_prose(q: &str) -> bool {
    let n = q.chars().count();
    n >= 40 || (n >= 8 && q.trim_end_matches(['”', '’', '）', ')']).ends_with(['。', '！', '？', '!', '?']))
}

/// A short stand-alone line that reads as a heading: no sentence punctuation, mostly Han (a
/// year may stand in it: "回望2024"), followed by prose.
fn is_line_heading(p: &str, next: Option<&str>) -> bool {
    // (4 to 30 chars, told before any count of a long paragraph's chars)
    if p.chars().nth(30).is_some() {
        return false;
    }
    let n = p.chars().count();
    let han = p.chars().filter(|&c| is_han(c)).count();
    let digits = p.chars().filter(|&c| is_digit(c)).count();
    let solid = p.chars().filter(|c| !c.is_whitespace()).count().max(1);
    (4..=30).contains(&n)
        && !p.contains(['，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?', '（', '('])
        && !p.ends_with(['—', '”', '…', '》'])
        && han >= 2
        && (han + digits) as f64 / solid as f64 >= 0.6
        && !is_front_matter(p)
        && next.is_some_and(is_prose)
}

/// A short run-in head ending with a dash: "加强思想政治引领——".
pub fn is_dash_heading(p: &str) -> bool {
    let n = p.chars().count();
    p.ends_with("——") && (4..=24).contains(&n) && !p.contains(['。', '，', '；'])
}

/// A run-in heading in bold at the start of a paragraph: "**一是抓好源头质量。**组织…".
/// Returns the byte length of the bold run, marks included.
fn bold_run_in(p: &str) -> Option<usize> {
    let inner_start = p.strip_prefix("**")?;
    let k = inner_start.find("**")?;
    let inner = &inner_start[..k];
    let n = inner.chars().count();
    let rest = inner_start[k + 2..].trim();
    let body = inner.trim_end_matches(['。', '：', ':']);
    ((2..=40).contains(&n) && !rest.is_empty() && !body.contains(['。', '！', '？'])).then_some(2 + k + 2)
}

pub fn clean_title(s: &str) -> String {
    let s = crate::clean::without_bold(s);
    s.trim_start_matches(['#', ' '])
        .trim()
        .trim_start_matches(['【'])
        .trim_end_matches(['】', '。', '：', ':', '—', '*'])
        .trim()
        .to_string()
}

pub(super) fn headings(text: &str, paragraphs: &[Range]) -> Vec<Heading> {
    let mut raw: Vec<Heading> = Vec::new();
    for (i, &(s, e)) in paragraphs.iter().enumerate() {
        let p = &text[s..e];
        let next = paragraphs.get(i + 1).map(|&(a, b)| &text[a..b]);
        if i == 0 {
            continue; // the title describes the report (meta)
        }
        let plain = unmarked(p);
        let (style, head_len) = if let Some((style, _)) = heading_style(p) {
            // A run-in heading ends at its first full stop: "一、加强学习。今年……".
            let cut = p.find(['。', '：']).map(|i| i + '。'.len_utf8()).unwrap_or(p.len());
            if p.chars().count() > 60 && cut == p.len() {
                continue; // a long line with no stop is a numbered paragraph, not a heading
            }
            (style, cut)
        } else if let Some(len) = bold_run_in(p) {
            (STYLE_BOLD_RUN_IN, len)
        } else if is_line_heading(&plain, next) {
            (STYLE_LINE, p.len())
        } else if is_dash_heading(p) {
            (STYLE_DASH, p.len())
        } else {
            continue;
        };
        let title = clean_title(&p[..head_len]);
        // the lines under the title describe the report (meta); asked last, of the few
        // paragraphs that read as headings (it reads the whole line)
        if title.is_empty() || title.chars().count() > 60 || is_front_matter(p) {
            continue;
        }
        let part = part_of(&title);
        raw.push(Heading { range: (s, s + head_len), title, level: 0, part, style, own_part: part });
    }
    raw
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Part};
    use super::*;

    fn outline(text: &str) -> Vec<(String, u8, Part)> {
        parse(text).headings.iter().map(|h| (h.title.clone(), h.level, h.part)).collect()
    }

    #[test]
    fn heading_styles() {
        let text = "标题\n\n一、2023年工作回顾\n正文。\n（一）加强学习。全年学习30次。\n(二) 聚焦发展\n1.提升质量\n1.2万人参加。\n（1）具体措施\n## 二、2024年工作安排\n第三部分 体会\n【委员通道】\n";
        // styles used: ## (2), 第X部分, 一、, （一）, 1., （1）, 【】 -> levels 1..7 in that order
        assert_eq!(
            outline(text),
            vec![
                ("一、2023年工作回顾".into(), 3, Part::Review),
                ("（一）加强学习".into(), 4, Part::Review),
                ("(二) 聚焦发展".into(), 4, Part::Review),
                ("1.提升质量".into(), 5, Part::Review),
                ("（1）具体措施".into(), 6, Part::Review),
                ("二、2024年工作安排".into(), 1, Part::Plan),
                ("第三部分 体会".into(), 2, Part::Plan),
                ("委员通道".into(), 7, Part::Plan),
            ]
        );
    }

    #[test]
    fn marked_and_full_width_headings() {
        let text = "标题\n\n**一、工作回顾**\n正文。\n（１）学习\n１．提高质量\n二．工作安排\n";
        let doc = parse(text);
        let got: Vec<(&str, u8)> = doc.headings.iter().map(|h| (h.title.as_str(), h.level)).collect();
        assert_eq!(got, vec![("一、工作回顾", 1), ("（１）学习", 3), ("１．提高质量", 2), ("二．工作安排", 1)]);
    }

    #[test]
    fn feature_style_headings() {
        let body = "正文".repeat(30);
        let text = format!("用实绩书写履职答卷\n\n——政协某市2023年工作纪实\n\n本报记者 张三\n\n{body}。\n\n党建引领 让前进步伐坚定有力\n\n{body}。\n\n加强思想政治引领——\n\n{body}。\n\n会议现场。\n\n{body}。");
        let doc = parse(&text);
        let got: Vec<(&str, u8)> = doc.headings.iter().map(|h| (h.title.as_str(), h.level)).collect();
        assert_eq!(got, vec![("党建引领 让前进步伐坚定有力", 1), ("加强思想政治引领", 2)]);
    }

    #[test]
    fn bold_headings_whole_line_and_run_in() {
        let body = "围绕中心工作开展调研视察，形成调研报告，推动问题解决。".repeat(2);
        let text = format!(
            "某区政协提案工作报告\n\n### 二、主要做法\n\n**一是强化源头管理。**组织线索征集，{body}\n\n**二是做实督办。**{body}\n\n**凝聚共识 同心奋进**\n\n{body}"
        );
        let got: Vec<(String, u8)> = parse(&text).headings.iter().map(|h| (h.title.clone(), h.level)).collect();
        assert_eq!(
            got,
            vec![
                ("二、主要做法".into(), 1),
                ("一是强化源头管理".into(), 3),
                ("二是做实督办".into(), 3),
                ("凝聚共识 同心奋进".into(), 2),
            ]
        );
    }

    #[test]
    fn a_year_line_heads_a_short_paragraph() {
        let text = "——在政协某市会议上的报告\n\n李四各位委员、同志们:\n\n回望2023\n\n全年开展视察12次。\n\n2024年3月1日\n\n全年开展视察12次。";
        let got: Vec<String> = parse(text).headings.iter().map(|h| h.title.clone()).collect();
        assert_eq!(got, vec!["回望2023"], "a glued salutation and a date line are head matter");
    }

    #[test]
    fn head_lines_are_front_matter_in_either_script() {
        for p in
            ["市政协主席  刘振邦", "张  华", "各位委員:", "王立群各位委员、同志们:", "（2024年1月20日）", "**郭振声**"]
        {
            assert!(is_front_matter(p), "{p}");
        }
        for p in ["推进协商民主建设", "一、工作回顾", "委员通道"] {
            assert!(!is_front_matter(p), "{p}");
        }
    }
}
