//! Which lines of an article are its head: the lines a page printed above the title (date,
//! portal name, breadcrumb, a byline, a label such as 摘要), the title (joined when a PDF or a
//! layout broke it over lines: `中国人民政治协商会议⏎某市第八届委员会…⏎工 作 报 告`), the
//! subtitle (`——在…会议上`, also broken), and the lines under them (date, speaker, bylines,
//! salutation). The body starts after them.

use super::plain;
use crate::lexicon::{HEAD, KINDS};
use crate::structure::{heading_style, is_front_matter, is_salutation, is_subtitle};

pub struct Head<'a> {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// Lines above the title (page lines, bylines) and under the title and subtitle (date,
    /// speaker, bylines, salutation).
    pub lines: Vec<&'a str>,
    /// Index of the paragraph where the body starts.
    pub body: usize,
}

/// How many lines may stand above the title, and under it before the body.
const MAX_LEAD: usize = 8;
const MAX_UNDER: usize = 6;

/// A line of the page, not of the article: "2024年1月18日 星期四", "第3版", "来源：…".
pub fn is_page_noise(p: &str) -> bool {
    let t = plain(p);
    let n = t.chars().count();
    t.contains("星期")
        || (t.starts_with('第') && t.ends_with('版') && n <= 6)
        || ["来源：", "来源:", "发布时间", "责任编辑", "编辑：", "版次"].iter().any(|w| t.starts_with(w))
        || (n <= 16 && !super::dates(&t).is_empty() && t.chars().filter(|c| crate::clean::is_han(*c)).count() <= 5)
}

fn has_sentence_punctuation(t: &str) -> bool {
    t.contains(['，', '。', '；', '！', '？', ',', ';', '!', '?'])
}

/// A portal's or paper's name above the title: "某某市人民政府门户网".
fn is_portal_name(t: &str) -> bool {
    t.chars().count() <= 24
        && !has_sentence_punctuation(t)
        && crate::word_list!(HEAD, "portals").iter().any(|w| t.ends_with(w))
}

/// "首页 > 两会专题 > 重要报告", "当前位置：…".
fn is_breadcrumb(t: &str) -> bool {
    (t.contains("首页") && t.contains(['>', '＞', '»', '|', '｜']))
        || crate::word_list!(crate::lexicon::FURNITURE, "breadcrumb").iter().any(|w| t.starts_with(w))
}

/// A label over the text, never its title: "摘要", "【全文】".
pub fn is_label(t: &str) -> bool {
    let t = t.trim_matches(['【', '】', '[', ']', '〔', '〕', ' ', '：', ':']);
    crate::word_list!(HEAD, "labels").contains(&t)
}

/// A byline: reporters' names with their labels, "经济日报记者 林方 通讯员 陈立".
pub fn is_byline(p: &str) -> bool {
    let t = plain(p);
    t.chars().count() <= 50
        && !t.contains('。')
        && crate::word_set!(HEAD, "bylines").in_text(&t)
        && !super::authors::byline_names(&t).is_empty()
}

fn is_lead(p: &str) -> bool {
    let t = plain(p);
    is_page_noise(p) || is_portal_name(&t) || is_breadcrumb(&t) || is_label(&t) || is_byline(p)
}

/// "工 作 报 告" → "工作报告": a line spread out letter by letter; other spaces stay
/// ("协商聚合力 履职显担当").
pub fn despaced(t: &str) -> String {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() >= 2 && words.iter().all(|w| w.chars().count() == 1) {
        words.concat()
    } else {
        t.to_string()
    }
}

fn ends_with_any(t: &str, words: &[&str]) -> bool {
    words.iter().any(|w| t.ends_with(w))
}

fn without_abstract(t: &str) -> &str {
    t.trim_end_matches("（摘要）").trim_end_matches("(摘要)").trim_end()
}

/// A line that can be (the start of) a title: short, no sentence in it, not a numbered heading
/// nor a line of the head under a title.
fn is_title_like(p: &str) -> bool {
    // (a sentence stop in the line is one in its plain text: ruled out before it is made plain)
    if p.contains(['。', '！', '？']) {
        return false;
    }
    let t = plain(p);
    // a list marker opens a section; a box label (【委员声音】) or a Markdown title does not
    let numbered = heading_style(p).is_some_and(|(_, marker)| marker > 0) && !p.starts_with('#');
    !t.is_empty()
        && t.chars().count() <= 80
        && !t.ends_with(['：', ':'])
        && !numbered
        && !is_front_matter(p)
        && !is_salutation(p)
        && !is_byline(p)
}

/// Whether line `p` goes on with the title `cur`: the title is not whole yet and ends with
/// 会议 / 委员会 / 关于…, or the line is a short end ("工 作 报 告"). A kicker over a headline
/// ("凝心聚力 共谋发展" ⏎ "某市政协…纪实") is not one title.
fn continues_title(cur: &str, p: &str) -> bool {
    let t = despaced(&plain(p));
    if t == "（摘要）" || t == "(摘要)" {
        return true;
    }
    let ends = crate::word_list!(KINDS, "title_ends");
    let goes_on = crate::word_list!(KINDS, "title_goes_on");
    t.chars().count() <= 50
        && !t.contains(['，', '。', '；', '：', '！', '？', '、', ',', ';', ':'])
        && is_title_like(p)
        && !ends_with_any(without_abstract(cur), ends)
        && (ends_with_any(cur, goes_on) || (t.chars().count() <= SHORT_END_CHARS && ends_with_any(&t, ends)))
}

/// Whether line `p` goes on with the subtitle `cur` ("——2025年1月7日在政协某市第八届委员会"
/// + "第三次会议上").
fn continues_subtitle(cur: &str, p: &str) -> bool {
    const WHOLE: &[&str] = &["上", "之际", "报告", "讲话", "纪实", "报道", "发言", "侧记", "综述", "）", ")"];
    const ENDS: &[&str] = &["上", "之际", "报告", "讲话", "会议", "纪实", "报道", "发言"];
    let t = plain(p);
    t.chars().count() <= 30
        && !has_sentence_punctuation(&t)
        && !is_front_matter(p)
        && heading_style(p).is_none()
        && !ends_with_any(cur, WHOLE)
        && ends_with_any(&t, ENDS)
}

/// A line under the title and subtitle that still belongs to the head.
fn is_head_line(p: &str) -> bool {
    is_front_matter(p) || is_byline(p) || is_label(&plain(p)) || is_page_noise(p)
}

/// A page banner ("## 2024 万象更新") over a headline of a higher rank ("# …").
fn is_banner(p: &str, next: &str) -> bool {
    let hashes = |p: &str| p.chars().take_while(|&c| c == '#').count();
    let (a, b) = (hashes(p), hashes(next));
    b > 0 && a > b && is_title_like(p) && is_title_like(next)
}

/// The banner over an article's headline, if it has one.
pub fn banner(paras: &[&str]) -> Option<String> {
    match paras {
        [p, next, ..] if is_banner(p, next) => Some(plain(p).into_owned()),
        _ => None,
    }
}

/// A line this short that ends as a report's title does ends a broken title ("工作报告").
const SHORT_END_CHARS: usize = 6;

/// How many lines a title may be broken over.
const MAX_TITLE_LINES: usize = 3;

/// Where the title above line `at` starts, when `at` is a subtitle (or the speaker or the
/// salutation under a report's title) and the lines above it read as one title, broken over
/// up to three lines: the start of a report's head.
pub fn title_above(paras: &[&str], at: usize) -> Option<usize> {
    const REPORTS: &[&str] = &["报告", "汇报", "讲话", "致辞"];
    // every candidate title ends with the line above, which must read as a title: a sentence
    // there rules them all out (most lines follow prose: the tests below read the whole line)
    if at == 0 || paras[at - 1].contains(['。', '！', '？']) {
        return None;
    }
    let subtitle = is_subtitle(paras[at]);
    let speaker = !subtitle && (is_salutation(paras[at]) || super::authors::speaker(paras[at]).is_some());
    if !subtitle && !speaker {
        return None;
    }
    let whole = |t: usize| {
        if !(t..at).all(|k| is_title_like(paras[k]) && !is_lead(paras[k])) {
            return false;
        }
        let mut cur = despaced(&plain(paras[t]));
        let joined = (t + 1..at).all(|k| {
            let ok = continues_title(&cur, paras[k]);
            cur.push_str(&despaced(&plain(paras[k])));
            ok
        });
        joined && (subtitle || ends_with_any(without_abstract(&cur), REPORTS))
    };
    (at.saturating_sub(MAX_TITLE_LINES)..at).find(|&t| whole(t))
}

pub fn read<'a>(paras: &[&'a str]) -> Head<'a> {
    let n = paras.len();
    let mut i = 0;
    let mut lines = Vec::new();
    while i < n.min(MAX_LEAD) && is_lead(paras[i]) {
        lines.push(paras[i]);
        i += 1;
    }
    // a page's headline above the document's own title and subtitle is a line of the page
    if let Some(t) = (i + 1..n.min(i + 1 + MAX_TITLE_LINES + 1)).find_map(|s| title_above(paras, s)) {
        while i < t && is_title_like(paras[i]) {
            lines.push(paras[i]);
            i += 1;
        }
    }
    while i + 1 < n && is_banner(paras[i], paras[i + 1]) {
        lines.push(paras[i]);
        i += 1;
    }
    let mut title = None;
    if i < n && is_title_like(paras[i]) {
        let mut t = despaced(&plain(paras[i]));
        i += 1;
        while i < n && continues_title(&t, paras[i]) {
            t.push_str(&despaced(&plain(paras[i])));
            i += 1;
        }
        title = Some(t);
    }
    let mut subtitle = None;
    let under = i;
    while i < n && i < under + MAX_UNDER {
        let p = paras[i];
        if subtitle.is_none() && is_subtitle(p) {
            let mut s = plain(p).trim_start_matches('—').trim().to_string();
            i += 1;
            while i < n && continues_subtitle(&s, paras[i]) {
                s.push_str(&plain(paras[i]));
                i += 1;
            }
            subtitle = Some(s);
            continue;
        }
        if !is_head_line(p) {
            break;
        }
        lines.push(p);
        i += 1;
        if is_salutation(p) {
            break;
        }
    }
    Head { title, subtitle, lines, body: i }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> (Option<String>, Option<String>, Vec<String>, usize) {
        let paras: Vec<&str> = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
        let h = read(&paras);
        (h.title, h.subtitle, h.lines.iter().map(|l| l.to_string()).collect(), h.body)
    }

    #[test]
    fn a_title_broken_over_lines_is_joined() {
        let (t, s, lines, body) = head(
            "中国人民政治协商会议\n东河市第三届委员会常务委员会\n工 作 报 告\n——2025年1月6日在政协东河市第三届委员会\n第二次会议上\n市政协主席  赵一鸣\n各位委员：\n现在，我代表常务委员会报告工作。",
        );
        assert_eq!(t.as_deref(), Some("中国人民政治协商会议东河市第三届委员会常务委员会工作报告"));
        assert_eq!(s.as_deref(), Some("2025年1月6日在政协东河市第三届委员会第二次会议上"));
        assert_eq!(lines, vec!["市政协主席  赵一鸣", "各位委员："]);
        assert_eq!(body, 7);
    }

    #[test]
    fn lines_above_the_title_are_not_the_title() {
        for lead in
            ["某某县人民政府门户网站", "首页 > 两会专题 > 报告", "摘要", "【全文】", "经济日报记者 孙一 通讯员 钱二"]
        {
            let (t, ..) = head(&format!("{lead}\n政协某某县委员会常务委员会工作报告\n各位委员："));
            assert_eq!(t.as_deref(), Some("政协某某县委员会常务委员会工作报告"), "{lead}");
        }
        // a byline, then the body: there is no title
        let (t, _, lines, body) = head("本报记者 孙一\n15日，县政协十届三次会议开幕。会议听取了报告。");
        assert_eq!((t, lines.len(), body), (None, 1, 1));
    }

    #[test]
    fn a_page_headline_above_the_document_title() {
        let (t, s, lines, _) = head("政协东河市委员会常务委员会工作报告\n中国人民政治协商会议东河市第三届委员会常务委员会工作报告\n——在政协东河市第三届委员会第二次会议上\n赵一鸣");
        assert_eq!(t.as_deref(), Some("中国人民政治协商会议东河市第三届委员会常务委员会工作报告"));
        assert!(s.is_some());
        assert_eq!(lines, vec!["政协东河市委员会常务委员会工作报告", "赵一鸣"]);
    }

    #[test]
    fn a_banner_over_the_headline() {
        let (t, _, lines, body) = head("## 2024 新篇\n# 东河市政协凝心聚力谱新篇\n本报记者 孙一\n正文。");
        assert_eq!(t.as_deref(), Some("东河市政协凝心聚力谱新篇"));
        assert_eq!((lines, body), (vec!["## 2024 新篇".to_string(), "本报记者 孙一".to_string()], 3));
    }

    #[test]
    fn a_kicker_over_the_headline() {
        let (t, ..) =
            head("凝心聚力 共谋发展\n东河市政协2024年履职纪实\n——写在东河市政协三届二次会议召开之际\n本报记者 孙一");
        assert_eq!(t.as_deref(), Some("东河市政协2024年履职纪实"));
    }

    #[test]
    fn a_report_title_over_its_speaker_starts_a_head() {
        let paras = ["全年召开会议4次。", "东河市政协提案委员会工作情况汇报", "钱立群", "各位委员："];
        assert_eq!(title_above(&paras, 2), Some(1));
        assert_eq!(title_above(&["全年召开会议4次。", "凝心聚力 共谋发展", "钱立群"], 2), None);
    }

    #[test]
    fn a_complete_title_takes_no_more_lines() {
        let (t, ..) = head("协商聚力 履职为民\n一年来工作回顾\n全年开展视察12次，形成报告8篇，提出意见建议150条。");
        assert_eq!(t.as_deref(), Some("协商聚力 履职为民"));
        let (t, ..) = head("政协某市委员会常务委员会工作报告\n（摘要）\n各位委员：");
        assert_eq!(t.as_deref(), Some("政协某市委员会常务委员会工作报告（摘要）"));
    }
}
