//! Text to document: paragraphs, sentences and the outline (headings with their level and the
//! part of the report they open: review of the year, plan for the next, or other).

pub use crate::analysis::Part;
use crate::clean::{is_digit, is_han};

/// A byte range `[start, end)` in the normalised text.
pub type Range = (usize, usize);

#[derive(Debug, Clone)]
pub struct Document {
    pub paragraphs: Vec<Range>,
    pub sentences: Vec<Range>,
    pub headings: Vec<Heading>,
}

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

const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?'];
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '"', '\''];

pub fn parse(text: &str) -> Document {
    let paragraphs = paragraph_ranges(text);
    let sentences = paragraphs.iter().flat_map(|&p| sentences(text, p)).collect();
    let headings = headings(text, &paragraphs);
    Document { paragraphs, sentences, headings }
}

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

fn sentences(text: &str, (start, end): Range) -> Vec<Range> {
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
    let cn = |c: char| CN_DIGITS.contains(c);
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

/// A byline, a date line, a subtitle or a salutation: part of the report's head, not its outline.
pub fn is_front_matter(p: &str) -> bool {
    let markdown = p.starts_with('#');
    let t = p.trim_start_matches(['#', ' ']);
    let n = t.chars().count();
    t.starts_with("——")
        || t.starts_with('—')
        || ["记者", "通讯员", "编者按"].iter().any(|w| t.contains(w)) && n <= 40
        || (!markdown && (2..=4).contains(&n) && t.chars().all(is_han)) // the speaker's name
        || (t.starts_with(['(', '（']) && t.ends_with([')', '）']) && t.contains('年') && n <= 40)
        || t.ends_with("委员：")
        || t.ends_with("同志们：")
}

/// A short stand-alone line that reads as a heading: no sentence punctuation, mostly Han,
/// followed by a real paragraph.
fn is_line_heading(p: &str, next: Option<&str>) -> bool {
    let n = p.chars().count();
    (4..=30).contains(&n)
        && !p.contains(['，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?', '（', '('])
        && !p.ends_with(['—', '”', '…', '》'])
        && han_share(p) >= 0.6
        && !is_front_matter(p)
        && next.is_some_and(|q| q.chars().count() >= 40)
}

/// A short run-in head ending with a dash: "加强思想政治引领——".
pub fn is_dash_heading(p: &str) -> bool {
    let n = p.chars().count();
    p.ends_with("——") && (4..=24).contains(&n) && !p.contains(['。', '，', '；'])
}

fn headings(text: &str, paragraphs: &[Range]) -> Vec<Heading> {
    let mut raw: Vec<Heading> = Vec::new();
    for (i, &(s, e)) in paragraphs.iter().enumerate() {
        let p = &text[s..e];
        let next = paragraphs.get(i + 1).map(|&(a, b)| &text[a..b]);
        if i == 0 || is_front_matter(p) {
            continue; // the title and the lines under it describe the report (meta)
        }
        let (style, marker) = match heading_style(p) {
            Some(x) => x,
            None if is_line_heading(p, next) => (STYLE_LINE, 0),
            None if is_dash_heading(p) => (STYLE_DASH, 0),
            None => continue,
        };
        // A run-in heading ends at its first full stop: "一、加强学习。今年……".
        let cut = p.find(['。', '：']).map(|i| i + 3).unwrap_or(p.len());
        let long_line = p.chars().count() > 60;
        if long_line && cut == p.len() {
            continue; // a long line with no stop is a numbered paragraph, not a heading
        }
        let head = &p[..cut];
        let mut body = &head[marker..];
        // "## 二、工作安排": a markdown heading that also carries a numbered marker.
        if p.starts_with('#') {
            if let Some((_, inner)) = heading_style(body.trim_start()) {
                body = &body.trim_start()[inner..];
            }
        }
        let title = clean_title(body);
        if title.is_empty() || title.chars().count() > 60 {
            continue;
        }
        let part = part_of(&title);
        raw.push(Heading { range: (s, s + head.len()), title, level: 0, part, style, own_part: part });
    }
    relevel(&mut raw, &[(0, text.len())]);
    raw
}

/// Levels are the dense rank of the styles used within each group (an article), and parts are
/// inherited within it.
pub fn relevel(headings: &mut [Heading], groups: &[Range]) {
    for &(gs, ge) in groups {
        let in_group = |h: &Heading| h.range.0 >= gs && h.range.0 < ge;
        let mut styles: Vec<u8> = headings.iter().filter(|h| in_group(h)).map(|h| h.style).collect();
        styles.sort_unstable();
        styles.dedup();
        for h in headings.iter_mut().filter(|h| in_group(h)) {
            h.level = styles.iter().position(|&x| x == h.style).unwrap_or(0) as u8 + 1;
            h.part = h.own_part;
        }
        let first = headings.iter().position(in_group);
        if let Some(f) = first {
            let n = headings[f..].iter().take_while(|h| in_group(h)).count();
            inherit_parts(&mut headings[f..f + n]);
        }
    }
}

/// A heading whose wording names no part but a year does: the year reported on is the review,
/// a later year the plan ("关于2025年工作" in a report on 2024).
pub fn parts_by_year(headings: &mut [Heading], range: Range, year: u32) {
    for h in headings.iter_mut().filter(|h| h.range.0 >= range.0 && h.range.0 < range.1 && h.own_part == Part::Other) {
        let y = h.title.char_indices().find_map(|(i, _)| {
            let w = h.title.get(i..i + 4)?;
            (w.chars().all(|c| c.is_ascii_digit()) && h.title[i + 4..].starts_with('年'))
                .then(|| w.parse::<u32>().ok())?
        });
        match y {
            Some(y) if y > year => h.own_part = Part::Plan,
            Some(y) if y == year => h.own_part = Part::Review,
            _ => {}
        }
    }
}

fn clean_title(s: &str) -> String {
    s.trim().trim_start_matches(['【']).trim_end_matches(['】', '。', '：', ':', '—', '*']).trim().to_string()
}

/// Which part of a work report a heading opens, from its wording.
pub fn part_of(title: &str) -> Part {
    const PLAN: &[&str] = &[
        "工作安排",
        "下一步",
        "新的一年",
        "工作思路",
        "工作打算",
        "主要任务",
        "工作建议",
        "工作要点",
        "目标任务",
        "总体要求",
        "今后",
        "展望",
        "明年",
    ];
    const REVIEW: &[&str] =
        &["回顾", "过去一年", "过去的一年", "主要工作", "工作情况", "履职情况", "工作成效", "取得的成绩"];
    if PLAN.iter().any(|w| title.contains(w)) {
        Part::Plan
    } else if REVIEW.iter().any(|w| title.contains(w)) {
        Part::Review
    } else {
        Part::Other
    }
}

/// A sub-heading without its own part belongs to the part of the nearest higher heading.
fn inherit_parts(headings: &mut [Heading]) {
    let mut stack: Vec<(u8, Part)> = Vec::new();
    for h in headings.iter_mut() {
        while stack.last().is_some_and(|&(l, _)| l >= h.level) {
            stack.pop();
        }
        if h.part == Part::Other {
            if let Some(&(_, p)) = stack.last() {
                h.part = p;
            }
        }
        stack.push((h.level, h.part));
    }
}

/// Index of the heading that governs byte offset `at`, if any.
pub fn heading_at(headings: &[Heading], at: usize) -> Option<usize> {
    let k = headings.partition_point(|h| h.range.0 <= at);
    k.checked_sub(1)
}

/// Share of Han characters, used to tell prose from markup leftovers.
pub fn han_share(s: &str) -> f64 {
    let total = s.chars().filter(|c| !c.is_whitespace()).count().max(1);
    s.chars().filter(|&c| is_han(c)).count() as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_styles() {
        let text = "标题\n\n一、2023年工作回顾\n正文。\n（一）加强学习。全年学习30次。\n(二) 聚焦发展\n1.提升质量\n1.2万人参加。\n（1）具体措施\n## 二、2024年工作安排\n第三部分 体会\n【委员通道】\n";
        // styles used: ## (2), 第X部分, 一、, （一）, 1., （1）, 【】 -> levels 1..7 in that order
        let doc = parse(text);
        let got: Vec<(String, u8, Part)> = doc.headings.iter().map(|h| (h.title.clone(), h.level, h.part)).collect();
        assert_eq!(
            got,
            vec![
                ("2023年工作回顾".into(), 3, Part::Review),
                ("加强学习".into(), 4, Part::Review),
                ("聚焦发展".into(), 4, Part::Review),
                ("提升质量".into(), 5, Part::Review),
                ("具体措施".into(), 6, Part::Review),
                ("2024年工作安排".into(), 1, Part::Plan),
                ("体会".into(), 2, Part::Plan),
                ("委员通道".into(), 7, Part::Plan),
            ]
        );
    }

    #[test]
    fn parts_from_years() {
        let text = "标题\n\n一、2024年主要工作\n\n正文。\n\n二、关于2025年工作\n\n（一）继续加强学习\n\n正文。";
        let mut doc = parse(text);
        parts_by_year(&mut doc.headings, (0, text.len()), 2024);
        relevel(&mut doc.headings, &[(0, text.len())]);
        let parts: Vec<Part> = doc.headings.iter().map(|h| h.part).collect();
        assert_eq!(parts, vec![Part::Review, Part::Plan, Part::Plan]);
    }

    #[test]
    fn marked_and_full_width_headings() {
        let text = "标题\n\n**一、工作回顾**\n正文。\n（１）学习\n１．提高质量\n二．工作安排\n";
        let doc = parse(text);
        let got: Vec<(&str, u8)> = doc.headings.iter().map(|h| (h.title.as_str(), h.level)).collect();
        assert_eq!(got, vec![("工作回顾", 1), ("学习", 3), ("提高质量", 2), ("工作安排", 1)]);
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
    fn sentences_keep_closing_quotes() {
        let text = "他说：“好。”然后走了！最后\n第二段";
        let doc = parse(text);
        let s: Vec<&str> = doc.sentences.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(s, vec!["他说：“好。”", "然后走了！", "最后", "第二段"]);
        assert_eq!(doc.paragraphs.len(), 2);
    }
}
