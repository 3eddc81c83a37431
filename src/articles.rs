//! A file that holds several articles (a newspaper page: a report, a speech "(上接第一版)",
//! personnel notices; a feature with 委员通道 and 联组讨论 boxes) is split into articles, each
//! with its own meta; the main one is the longest that is about a CPPCC committee.

pub use crate::analysis::Article;
use crate::lexicon::lines;
use crate::meta::{self, plain};
use crate::structure::{is_front_matter, Document, Range};
use crate::view::SpanMap;

const BOXES: &str = include_str!("lexicon/boxes.txt");

fn is_box(p: &str) -> bool {
    is_box_label(&plain(p))
}

/// `t`: a line's [`plain`] text.
fn is_box_label(t: &str) -> bool {
    static SET: std::sync::OnceLock<crate::fx::FxSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| lines(BOXES).flat_map(str::split_whitespace).collect()).contains(t)
}

/// `t`: a line's [`plain`] text.
fn is_continued(t: &str) -> bool {
    (t.starts_with('(') || t.starts_with('（')) && t.contains("上接")
}

/// `t`: a line's [`plain`] text; `next`: the next line.
fn is_notice_title(t: &str, next: Option<&str>) -> bool {
    let named =
        t.ends_with("名单") && (t.contains("任免") || t.contains("免职") || t.contains("任职") || t.contains("人事"));
    let decision = (t.ends_with("的决定") || t.ends_with("的公告") || t.ends_with("的决议"))
        && next.is_some_and(|n| n.contains("通过"));
    named || decision
}

/// Whether a line is prose, not a head line.
fn is_prose(l: &str) -> bool {
    l.contains('。') || l.chars().count() >= 60
}

/// A newspaper headline ("# …" in Markdown) over its own head: a subtitle, a byline or the
/// writer's name follows it. A top-level section of a report ("# 2025年工作安排", a Word
/// Heading 1) is not one.
fn is_headline(lines: &[&str], i: usize) -> bool {
    let p = lines[i];
    // (the cheap test first: this runs on every paragraph)
    let section = || {
        let title = crate::structure::clean_title(p);
        crate::structure::part_of(&title) != crate::structure::Part::Other
            || crate::structure::heading_style(&title).is_some()
    };
    p.starts_with("# ")
        && !is_front_matter(p)
        && !section()
        && lines[i + 1..].iter().take(2).any(|l| is_front_matter(l) || meta::is_byline(l))
}

/// Paragraph indices where articles start.
fn starts(text: &str, paras: &[Range]) -> Vec<usize> {
    let p = |i: usize| &text[paras[i].0..paras[i].1];
    let lines: Vec<&str> = (0..paras.len()).map(p).collect();
    // prose lines before each line: whether an article has a body is a difference of two
    let mut prose_before = vec![0usize; lines.len() + 1];
    for (k, l) in lines.iter().enumerate() {
        prose_before[k + 1] = prose_before[k] + usize::from(is_prose(l));
    }
    let has_body = |from: usize, to: usize| prose_before[to] > prose_before[from.min(to)];
    // each line's plain text once: three of the tests below read it
    let plains: Vec<_> = lines.iter().map(|l| plain(l)).collect();
    let mut out = vec![0];
    for (i, line) in plains.iter().enumerate().skip(1) {
        let next = (i + 1 < paras.len()).then(|| p(i + 1));
        let start = if let Some(t) = meta::title_above(&lines, i).filter(|&t| has_body(out[out.len() - 1], t)) {
            // another report: its title (maybe broken over lines) above its "——在…会议上",
            // after an article with a body (not a page's headline above the report's title)
            Some(t)
        } else if is_continued(line) {
            // the title of a continued article stands just above the "(上接第一版)" line
            Some(if i > 0 && p(i - 1).chars().count() <= 40 { i - 1 } else { i })
        } else if is_headline(&lines, i) && has_body(out[out.len() - 1], i) {
            // a page banner ("## 2024 万象更新") just above the headline belongs to the article
            Some(if p(i - 1).starts_with("## ") { i - 1 } else { i })
        } else if is_box_label(line) || is_notice_title(line, next) {
            Some(i)
        } else {
            None
        };
        if let Some(s) = start {
            if out.last().is_some_and(|&l| l < s) {
                out.push(s);
            } else if out.last() == Some(&(s + 1)) {
                *out.last_mut().unwrap() = s;
            }
        }
    }
    out
}

/// The articles of a file, with the byte range of each and of its head (title, subtitle,
/// bylines, salutation: the lines before its body).
pub struct Split {
    pub articles: Vec<Article>,
    pub ranges: Vec<Range>,
    pub heads: Vec<Range>,
}

/// The articles, and their byte ranges in the text.
pub fn split(text: &str, doc: &Document, idx: &SpanMap) -> Split {
    let paras = &doc.paragraphs;
    if paras.is_empty() {
        return Split { articles: Vec::new(), ranges: Vec::new(), heads: Vec::new() };
    }
    let st = starts(text, paras);
    let mut out: Vec<Article> = Vec::new();
    let mut ranges: Vec<Range> = Vec::new();
    let mut heads_out: Vec<Range> = Vec::new();
    for (k, &a) in st.iter().enumerate() {
        let b = st.get(k + 1).copied().unwrap_or(paras.len());
        let ps = &paras[a..b];
        let (s, e) = (ps[0].0, ps[ps.len() - 1].1);
        // the article's headings: headings are in document order
        let first = doc.headings.partition_point(|h| h.range.0 < s);
        let last = doc.headings.partition_point(|h| h.range.0 < e);
        let heads = &doc.headings[first..last.max(first)];
        let (mut meta, body) = meta::extract_with_body(text, ps, heads);
        heads_out.push((s, ps.get(body).map_or(e, |p| p.0)));
        let mut title = meta.title.clone().unwrap_or_default();
        let lines: Vec<&str> = ps.iter().take(2).map(|&(x, y)| &text[x..y]).collect();
        if let Some(b) = meta::banner(&lines) {
            // the page's banner names the article like a box label: "2024 万象更新：…"
            title = format!("{b}：{title}");
        } else if is_box(&text[ps[0].0..ps[0].1]) {
            // 联组讨论 + its own heading, or 委员通道 + the speaker's bold line (not the photo
            // caption under the label)
            let sub_line = ps[1..ps.len().min(4)]
                .iter()
                .map(|&(x, y)| &text[x..y])
                .find(|l| l.starts_with('#') || l.contains("**"));
            if let Some(line) = sub_line {
                let sub = box_title(line);
                if !sub.is_empty() {
                    title = format!("{title}：{sub}");
                    meta.title = Some(title.clone());
                }
            }
        }
        out.push(Article { title, span: idx.span(s, e), main: false, meta });
        ranges.push((s, e));
    }
    // the main article: the longest one about a CPPCC committee
    let main = (0..out.len())
        .max_by_key(|&i| (text[ranges[i].0..ranges[i].1].contains("政协"), ranges[i].1 - ranges[i].0))
        .unwrap_or(0);
    out[main].main = true;
    Split { articles: out, ranges, heads: heads_out }
}

fn box_title(p: &str) -> String {
    if let (Some(a), Some(b)) = (p.find("**"), p.rfind("**")) {
        if b > a + 2 {
            let speaker = p[..a].trim_end_matches(['：', ':']).trim();
            return format!("{speaker} {}", &p[a + 2..b]).trim().to_string();
        }
    }
    let t = plain(p);
    if t.chars().count() <= 40 {
        t.into_owned()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure;

    #[test]
    fn a_page_with_a_speech_and_notices() {
        let body = "市政协全年召开常委会议4次，政协委员积极履职。".repeat(4);
        let text = format!(
            "政协清河市第五届委员会常务委员会工作报告\n\n{body}\n\n在政协清河市第五届委员会第四次会议上的讲话\n\n(上接第一版)\n\n讲话正文。\n\n人事任免名单\n\n(2025年1月8日清河市人大常委会第十次会议通过)\n\n任命：\n\n张三为清河市副市长。"
        );
        let doc = structure::parse(&text);
        let view = crate::view::View::new(text.clone());
        let arts = split(&text, &doc, &view.spans()).articles;
        let got: Vec<(&str, bool, &str)> =
            arts.iter().map(|a| (a.title.as_str(), a.main, a.meta.kind.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("政协清河市第五届委员会常务委员会工作报告", true, "work_report"),
                ("在政协清河市第五届委员会第四次会议上的讲话", false, "speech"),
                ("人事任免名单", false, "personnel"),
            ]
        );
    }

    fn articles(text: &str) -> Vec<(String, String, Vec<String>)> {
        let doc = structure::parse(text);
        let view = crate::view::View::new(text.to_string());
        split(text, &doc, &view.spans())
            .articles
            .into_iter()
            .map(|a| (a.title, a.meta.kind.as_str().to_string(), a.meta.authors))
            .collect()
    }

    #[test]
    fn a_second_report_with_its_title_broken_over_two_lines() {
        let text = "政协东河市第三届委员会常务委员会工作报告\n\n——在政协东河市第三届委员会第二次会议上\n\n赵一鸣\n\n一、2024年工作回顾\n\n全年召开常委会议4次。\n\n中国人民政治协商会议\n\n东河市第三届委员会常务委员会关于提案工作情况的报告\n\n——在政协东河市第三届委员会第二次会议上\n\n钱立群\n\n一、提案工作总体情况\n\n共提交提案200件。";
        let got = articles(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "中国人民政治协商会议东河市第三届委员会常务委员会关于提案工作情况的报告");
        assert_eq!((got[1].1.as_str(), got[1].2.clone()), ("proposal_report", vec!["钱立群".to_string()]));
    }

    #[test]
    fn a_page_headline_over_the_report_title_is_not_an_article() {
        let text = "政协东河市委员会常务委员会工作报告\n\n中国人民政治协商会议东河市第三届委员会常务委员会工作报告\n\n——在政协东河市第三届委员会第二次会议上\n\n赵一鸣\n\n全年召开常委会议4次。";
        let got = articles(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "中国人民政治协商会议东河市第三届委员会常务委员会工作报告");
    }

    #[test]
    fn a_banner_names_its_article() {
        let body = "东河市政协围绕中心工作履职尽责，全年召开常委会议4次。".repeat(3);
        let text = format!(
            "# 东河市政协工作纪实\n\n{body}\n\n## 2025 新篇\n\n# 东河市政协凝心聚力谱新篇\n\n本报记者 孙一\n\n{body}"
        );
        let got = articles(&text);
        assert_eq!(got[1].0, "2025 新篇：东河市政协凝心聚力谱新篇");
        assert_eq!((got[1].1.as_str(), got[1].2.clone()), ("feature", vec!["孙一".to_string()]));
    }
}
