//! Page furniture: what a page printed around the report, set aside before anything is read.
//! - page numbers (`- 3 -`, `第 3 页`, `Page 3`, `P. 3`, `3/12`), also before a content line
//!   (`Page 3 - 中国人民政治协商会议…工作报告`: the marker goes, the line stays);
//! - running heads: a short line at page breaks that recurs, or repeats the title;
//! - a portal's chrome: its name above the title, breadcrumbs, menus, the article's info line
//!   (`来源: … 时间: … 浏览次数:`), toolbars (`【打印】【关闭】`, `分享到`) and footers
//!   (`主办单位 … ICP备 … 网站标识码`);
//! - watermarks (`内部资料 注意保存`).
//!
//! Words are tested on the simplified, half-width form of a line, so a traditional or
//! full-width page reads like its simplified twin.

use crate::clean::{half_width, is_han};
use crate::fx::FxMap;
use crate::lexicon::{FURNITURE, HEAD};
use crate::structure::{heading_style, Range};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Furniture {
    /// The whole line.
    Line,
    /// The first bytes of the line (a page marker before content).
    Prefix(usize),
}

/// A line's probe: simplified, full-width digits and letters as ASCII.
fn probe(line: &str) -> Cow<'_, str> {
    match crate::view::simplified(line) {
        Cow::Borrowed(t) => crate::clean::half_width_str(t),
        // (the simplified copy is the probe when nothing in it narrows: not copied again)
        Cow::Owned(t) => {
            let narrowed = match crate::clean::half_width_str(&t) {
                Cow::Owned(n) => Some(n),
                Cow::Borrowed(_) => None,
            };
            Cow::Owned(narrowed.unwrap_or(t))
        }
    }
}

const DASHES: &[char] = &['-', '—', '–', '－', '~', '～', '_', '·', '•'];

/// Chars of a page marker at the start of `c` (a probe), if one is there.
fn page_marker(c: &[char]) -> Option<usize> {
    let ws = |i: &mut usize| {
        while *i < c.len() && c[*i].is_whitespace() {
            *i += 1;
        }
    };
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < c.len() && c[*i].is_ascii_digit() {
            *i += 1;
        }
        (*i > s && *i - s <= 4).then_some(())
    };
    let word = |i: &mut usize, w: &str| {
        let n = w.chars().count();
        (c.len() >= *i + n && c[*i..*i + n].iter().copied().eq(w.chars())).then(|| *i += n)
    };
    // - 3 -
    let dashed = || {
        let mut i = 0;
        while i < c.len() && DASHES.contains(&c[i]) {
            i += 1;
        }
        (i > 0).then_some(())?;
        ws(&mut i);
        digits(&mut i)?;
        ws(&mut i);
        let d = i;
        while i < c.len() && DASHES.contains(&c[i]) {
            i += 1;
        }
        (i > d).then_some(i)
    };
    // 第 3 页 (共 12 页) / 共 12 页 第 3 页
    let chinese = || {
        let one = |from: usize, lead: &str| {
            let mut i = from;
            word(&mut i, lead)?;
            ws(&mut i);
            digits(&mut i)?;
            ws(&mut i);
            word(&mut i, "页")?;
            Some(i)
        };
        let (mut i, other) = match one(0, "第") {
            Some(i) => (i, "共"),
            None => (one(0, "共")?, "第"),
        };
        let mut j = i;
        ws(&mut j);
        if j < c.len() && matches!(c[j], ',' | '，' | '/' | '、') {
            j += 1;
        }
        ws(&mut j);
        if let Some(k) = one(j, other) {
            i = k;
        }
        Some(i)
    };
    // Page 3 (of 12), P. 3
    let latin = || {
        let mut i = 0;
        if word(&mut i, "Page").or_else(|| word(&mut i, "page")).or_else(|| word(&mut i, "PAGE")).is_none() {
            if !matches!(c.first(), Some('P' | 'p')) {
                return None;
            }
            i = 1;
            if c.get(1) == Some(&'.') {
                i = 2;
            }
        }
        ws(&mut i);
        digits(&mut i)?;
        let mut j = i;
        ws(&mut j);
        if word(&mut j, "of").is_some() || word(&mut j, "/").is_some() {
            ws(&mut j);
            if digits(&mut j).is_some() {
                i = j;
            }
        }
        Some(i)
    };
    dashed().or_else(chinese).or_else(latin)
}

/// A line that is a page number and nothing else (a bare number needs blank lines around it).
fn is_page_number(t: &str, alone: bool) -> bool {
    // every form is written with digits, dashes, Latin letters and no Han char but 第 共 页:
    // a line of text is ruled out at its first word (this runs on every line)
    if t.chars().any(|c| is_han(c) && !matches!(c, '第' | '共' | '页')) {
        return false;
    }
    let c: Vec<char> = t.trim().chars().collect();
    if page_marker(&c) == Some(c.len()) {
        return true;
    }
    // 3/12
    let s: String = c.iter().filter(|c| !c.is_whitespace()).collect();
    if let Some((a, b)) = s.split_once('/') {
        if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
            return a >= 1 && a <= b && b <= 9999;
        }
    }
    alone && (1..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

/// Bytes of a page marker before content on the line: "Page 3 - ", "- 3 - ", "第3页 ".
fn page_prefix(line: &str) -> Option<usize> {
    let read = |c: char| crate::view::simplified_char(half_width(c));
    // every marker starts with a dash, 第, 共 or P (page_marker's three forms)
    if !line.chars().next().map(read).is_some_and(|d| DASHES.contains(&d) || matches!(d, '第' | '共' | 'P' | 'p')) {
        return None;
    }
    let c: Vec<char> = line.chars().map(read).collect();
    let mut i = page_marker(&c)?;
    let marker_end = i;
    while i < c.len() && (c[i].is_whitespace() || matches!(c[i], '-' | '—' | '–' | '|' | ':' | '：')) {
        i += 1;
    }
    // a separator after the marker, and content that reads as text
    let separated = i > marker_end;
    (separated && c[i..].iter().filter(|&&c| is_han(c)).count() >= 2)
        .then(|| line.char_indices().nth(i).map_or(line.len(), |(b, _)| b))
}

fn has_stop(t: &str) -> bool {
    t.contains(['。', '！', '？'])
}

/// Chrome of a portal page: breadcrumb, menu, info line, toolbar, footer.
fn is_chrome(t: &str) -> bool {
    // no form is over 150 chars, and only a breadcrumb holds a sentence stop: a body
    // paragraph is ruled out before any word search (this was 4% of an analysis)
    let n = t.chars().count();
    if n > 150 {
        return false;
    }
    let breadcrumb = crate::word_set!(FURNITURE, "breadcrumb").prefix_of(t).is_some()
        // (a char test first: a substring search builds its searcher on every call)
        || (t.contains('首') && t.contains("首页") && (t.matches(['>', '＞', '»']).count() >= 2 || t.contains(">>")));
    if breadcrumb {
        return true;
    }
    if has_stop(t) {
        return false;
    }
    let items: Vec<&str> = t.split(['|', '｜']).map(str::trim).collect();
    // a menu's items are short words; a table row carries figures
    let menu = items.len() >= 3
        && items.iter().all(|x| (1..=10).contains(&x.chars().count()))
        && !t.contains(|c: char| c.is_ascii_digit());
    // (each word counted is followed by a colon: a line without one has none)
    let info = || {
        n <= 120
            && t.contains([':', '：'])
            && crate::word_list!(FURNITURE, "info")
                .iter()
                .filter(|w| t.match_indices(*w).any(|(i, _)| t[i + w.len()..].trim_start().starts_with([':', '：'])))
                .count()
                >= 2
    };
    // (the words are written half-width in the lexicon, as the probe is)
    let tools = || n <= 80 && crate::word_set!(FURNITURE, "tools").in_text(t);
    let footer = || crate::word_set!(FURNITURE, "footer").in_text(t);
    menu || info() || tools() || footer()
}

/// A portal's name on a line above the title: "某某市人民政府门户网站".
fn is_portal_name(t: &str) -> bool {
    t.chars().count() <= 24
        && !t.contains(['，', '。', '；', '：', ','])
        && crate::word_list!(HEAD, "portals").iter().any(|w| t.ends_with(w))
}

/// A line of a table of contents: a heading, dot leaders, a page number ("一、工作回顾……3").
fn is_contents_line(t: &str) -> bool {
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    body.len() < t.len() && ["……", "...", "···", "．．．", "…"].iter().any(|l| body.ends_with(l))
}

/// A line made only of watermark words: "内部资料 注意保存".
fn is_watermark(t: &str) -> bool {
    static CHARS: std::sync::OnceLock<crate::lexicon::CharSet> = std::sync::OnceLock::new();
    let chars =
        CHARS.get_or_init(|| crate::word_list!(FURNITURE, "watermark").iter().flat_map(|w| w.chars()).collect());
    let mut rest = String::new();
    for c in t.chars().filter(|c| c.is_alphanumeric()) {
        // a char in no watermark word can never be taken out: most lines end at their first
        if !chars.contains(&c) {
            return false;
        }
        rest.push(c);
    }
    if rest.is_empty() {
        return false;
    }
    for w in crate::word_list!(FURNITURE, "watermark") {
        rest = rest.replace(w, "");
    }
    rest.is_empty()
}

/// Whitespace-free probe of a line: the key under which running heads recur.
fn key(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A line that could be a running head: short, no sentence in it, not a numbered heading.
fn head_like(t: &str) -> bool {
    let n = t.chars().count();
    (4..=50).contains(&n) && !t.contains(['，', '。', '；', '！', '？', '、', ',']) && heading_style(t).is_none()
}

/// How many lines at the top may be a portal's name.
const PORTAL_NAME_LINES: usize = 3;
/// A running head without page numbers must recur this often, at page tops.
const MIN_BARE_RUNNING_HEADS: usize = 3;

pub fn find(text: &str, lines: &[Range]) -> Vec<Option<Furniture>> {
    let n = lines.len();
    let line = |i: usize| &text[lines[i].0..lines[i].1];
    let newlines_before = |i: usize| if i == 0 { 2 } else { text[lines[i - 1].1..lines[i].0].matches('\n').count() };
    let probes: Vec<Cow<str>> = (0..n).map(|i| probe(line(i))).collect();
    let mut out: Vec<Option<Furniture>> = vec![None; n];
    for i in 0..n {
        let t = &*probes[i];
        let alone = newlines_before(i) >= 2 && (i + 1 == n || newlines_before(i + 1) >= 2);
        if is_page_number(t, alone)
            || is_chrome(t)
            || is_watermark(t)
            || is_contents_line(t)
            || (i < PORTAL_NAME_LINES && is_portal_name(t) && i + 1 < n)
        {
            out[i] = Some(Furniture::Line);
        } else if let Some(len) = page_prefix(line(i)) {
            out[i] = Some(Furniture::Prefix(len));
        }
    }
    running_heads(text, lines, &probes, &mut out);
    out
}

/// Running heads: at page breaks (next to a page number, or after a page marker), a short line
/// that recurs or repeats the title; without page numbers, a short line that opens pages
/// (after a blank line, its text running on under it) at least three times.
fn running_heads(text: &str, lines: &[Range], probes: &[Cow<str>], out: &mut [Option<Furniture>]) {
    let n = lines.len();
    let page_number = |i: usize| out.get(i).copied().flatten() == Some(Furniture::Line) && is_page_line(&probes[i]);
    // the content of each line, after a page marker if the line has one
    let contents: Vec<Option<Cow<str>>> = (0..n)
        .map(|i| match out[i] {
            Some(Furniture::Prefix(len)) => Some(probe(&text[lines[i].0 + len..lines[i].1])),
            _ => None,
        })
        .collect();
    let content = |i: usize| contents[i].as_deref().unwrap_or(&probes[i]);
    let kept: Vec<usize> = (0..n).filter(|&i| out[i] != Some(Furniture::Line)).collect();
    let first = kept.first().copied();
    // the title, maybe broken over the first lines
    let mut title_keys = Vec::new();
    let mut joined = String::new();
    for &i in kept.iter().take(3) {
        joined.push_str(&key(content(i)));
        title_keys.push(joined.clone());
    }
    let at_break: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| {
            let beside = (i > 0 && page_number(i - 1)) || (i + 1 < n && page_number(i + 1));
            let prefixed = matches!(out[i], Some(Furniture::Prefix(_)));
            Some(i) != first && (beside || prefixed) && head_like(content(i))
        })
        .collect();
    let mut count: FxMap<String, usize> = FxMap::default();
    for &i in &at_break {
        *count.entry(key(content(i))).or_default() += 1;
    }
    let head_region: Vec<usize> = kept.iter().take(3).copied().collect();
    for &i in &at_break {
        let k = key(content(i));
        if count[&k] >= 2 || (title_keys.contains(&k) && !head_region.contains(&i)) {
            out[i] = Some(Furniture::Line);
        }
    }
    // running heads without page numbers
    let opens_page = |i: usize| {
        let before = if i == 0 { 2 } else { text[lines[i - 1].1..lines[i].0].matches('\n').count() };
        let after = if i + 1 < n { text[lines[i].1..lines[i + 1].0].matches('\n').count() } else { 0 };
        before >= 2 && after == 1
    };
    let mut tops: FxMap<String, Vec<usize>> = FxMap::default();
    for &i in &kept {
        let t = &probes[i];
        if Some(i) != first && t.chars().count() >= 8 && head_like(t) && opens_page(i) {
            tops.entry(key(t)).or_default().push(i);
        }
    }
    for is in tops.values().filter(|v| v.len() >= MIN_BARE_RUNNING_HEADS) {
        for &i in is {
            out[i] = Some(Furniture::Line);
        }
    }
}

fn is_page_line(t: &str) -> bool {
    is_page_number(t, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::paragraph_ranges;

    fn found(text: &str) -> Vec<(String, &'static str)> {
        let lines = paragraph_ranges(text);
        find(text, &lines)
            .into_iter()
            .zip(&lines)
            .filter_map(|(f, &(s, e))| match f? {
                Furniture::Line => Some((text[s..e].to_string(), "line")),
                Furniture::Prefix(n) => Some((text[s..s + n].to_string(), "prefix")),
            })
            .collect()
    }

    #[test]
    fn page_numbers_in_their_forms() {
        for p in [
            "- 3 -",
            "·2·",
            "—12—",
            "第 3 页",
            "第３页 共１２页",
            "共12页 第3页",
            "Page 3",
            "Page 3 of 12",
            "P. 3",
            "p.12",
            "3/12",
            "3 / 12",
        ] {
            assert!(is_page_number(&probe(p), false), "{p}");
        }
        for p in ["3", "2024", "第3版", "全年开展调研3次", "P2P平台", "1/2的委员"] {
            assert!(!is_page_number(&probe(p), false), "{p}");
        }
        assert!(is_page_number("12", true), "a bare number between blank lines");
    }

    #[test]
    fn a_page_marker_before_a_title_leaves_the_title() {
        let got = found("Page 3 - 中国人民政治协商会议东河市委员会常务委员会工作报告\nP. 3\n全年开展调研视察45次，\n28名委员受到表彰。\n");
        assert_eq!(got, vec![("Page 3 - ".into(), "prefix"), ("P. 3".into(), "line")]);
    }

    #[test]
    fn running_heads_at_page_breaks() {
        let body = "围绕中心工作开展调研视察，形成调研报告，提出意见建议。";
        let text = format!(
            "中国人民政治协商会议东河市委员会\n常务委员会工作报告\n{body}\n- 1 -\n\n东河市政协常委会工作报告\n{body}\n第 2 页\n\n东河市政协常委会工作报告\n（一）加强学习\n{body}\nPage 3 - 中国人民政治协商会议东河市委员会常务委员会工作报告\n{body}\n"
        );
        let got: Vec<String> = found(&text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            got,
            vec![
                "- 1 -",
                "东河市政协常委会工作报告",
                "第 2 页",
                "东河市政协常委会工作报告",
                "Page 3 - 中国人民政治协商会议东河市委员会常务委员会工作报告"
            ]
        );
    }

    #[test]
    fn portal_chrome_and_watermarks() {
        assert!(!is_chrome("指标 | 2023年 | 2024年"), "a table row is content");
        let text = "东河市人民政府门户网站\n首页 | 政务公开 | 政务服务 | 互动交流\n当前位置：首页 > 两会专题 > 重要报告\n政协东河市委员会常务委员会工作报告\n来源: 东河日报  时间: 2025-01-16 09:30  浏览次数: 2387\n【字号：大 中 小】\n内部资料 注意保存\n全年召开会议4次。来源于基层的意见建议得到重视。\n分享到：微信 微博\n主办单位：东河市人民政府办公室  网站标识码：1309000012  冀ICP备05012345号\n";
        let got: Vec<String> = found(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(got.len(), 8, "{got:?}");
        assert!(!got.iter().any(|t| t.contains("工作报告") || t.contains("全年召开")));
    }

    #[test]
    fn a_table_of_contents() {
        let got = found("东河市政协工作报告\n目录\n一、2024年工作回顾……………………3\n二、2025年工作安排.........9\n一、2024年工作回顾\n全年召开会议4次……共计12次。\n");
        let got: Vec<String> = got.into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, vec!["一、2024年工作回顾……………………3", "二、2025年工作安排.........9"]);
    }

    #[test]
    fn running_heads_without_page_numbers() {
        let body = "围绕中心工作开展调研视察，形成调研报告，提出意见建议";
        let text = format!("东河市政协工作报告\n{body}。\n\n东河市政协常委会工作报告\n{body}，\n{body}。\n\n东河市政协常委会工作报告\n{body}。\n\n东河市政协常委会工作报告\n{body}。\n\n【委员通道】\n\n{body}。\n\n【委员通道】\n\n{body}。");
        let got: Vec<String> = found(&text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, vec!["东河市政协常委会工作报告"; 3]);
    }

    #[test]
    fn traditional_and_full_width_pages() {
        let got =
            found("政協東河市委員會工作報告\n正文第一段，內容。\n－２－\n\n來源：東河日報 發佈時間：2025-01-16\n");
        assert_eq!(got.len(), 2, "{got:?}");
    }
}
