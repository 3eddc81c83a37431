//! Hard line breaks: text copied from a PDF breaks every line at the page's width (~35–40
//! chars), in mid-sentence and even mid-word. Such a text is recognised by its lines: prose
//! lines of nearly the same width, most of them ending without closing a sentence. Then a line
//! that does not end a sentence goes on with the next, unless the next opens a block (a
//! heading, the salutation, a subtitle). Text whose lines are paragraphs is left as it is.

use crate::structure::{heading_style, is_dash_heading, is_front_matter, is_salutation, is_subtitle};

/// Display width: a Han char or full-width sign takes two columns, ASCII one. (Stepped by
/// each char's first byte, not decoded: every line of the text is measured.)
fn width(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut w, mut i) = (0, 0);
    while i < b.len() {
        let lead = b[i];
        w += if lead < 0x80 { 1 } else { 2 };
        i += crate::clean::utf8_len(lead);
    }
    w
}

const SENTENCE_PUNCTUATION: &[char] = &['，', '。', '；', '、', '：', '！', '？', ',', ';'];
/// A sign that cannot start a line of running text: it belongs to the line before.
const CLOSING: &[char] = &['，', '。', '、', '；', '：', '？', '！', '）', '》', '”', '’', ',', '.', ';', ')'];

fn is_prose(l: &str) -> bool {
    l.contains(SENTENCE_PUNCTUATION)
}

/// A line that closes a sentence (or leads into a list or a speech with a colon).
fn ends_sentence(l: &str) -> bool {
    let t = l.trim_end().trim_end_matches(['”', '’', '」', '』', '）', ')', '"', '》']);
    t.ends_with(['。', '！', '？', '!', '?', '…', '：', ':']) || (t.len() < l.trim_end().len() && t.ends_with('.'))
}

/// A line that opens a block of its own: a heading, or a line of a report's head (subtitle,
/// speaker, date, salutation; the head's own breaks are meta's to join).
fn opens_block(l: &str) -> bool {
    heading_style(l).is_some() || is_salutation(l) || is_subtitle(l) || is_dash_heading(l) || is_front_matter(l)
}

/// Prose lines this close to the width are full lines (a share of it, in percent).
const FULL_PERCENT: usize = 80;
/// A non-prose line must be this close to the width to be cut (a title line is short).
const FULL_PLAIN_PERCENT: usize = 85;
/// At least this many cut lines, and this share of the full prose lines (percent).
const MIN_CUT_LINES: usize = 4;
const MIN_CUT_PERCENT: usize = 40;
const MIN_PROSE_LINES: usize = 8;

/// Whether the text is hard-wrapped: its line width, and each line's (measured once, and
/// only when there is prose enough to tell).
fn wrap_width(lines: &[&str], adjacent: &[bool]) -> Option<(usize, Vec<usize>)> {
    let prose: Vec<usize> = (0..lines.len()).filter(|&k| is_prose(lines[k])).collect();
    if prose.len() < MIN_PROSE_LINES {
        return None;
    }
    let widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    let mut pw: Vec<usize> = prose.iter().map(|&k| widths[k]).collect();
    pw.sort_unstable();
    let w = pw[pw.len() * 3 / 4];
    let full: Vec<usize> = prose.iter().copied().filter(|&k| widths[k] * 100 >= w * FULL_PERCENT).collect();
    let cut =
        full.iter().filter(|&&k| !ends_sentence(lines[k]) && adjacent.get(k + 1).copied().unwrap_or(false)).count();
    let mut all = widths.to_vec();
    all.sort_unstable();
    let p90 = all[all.len() * 9 / 10];
    (cut >= MIN_CUT_LINES && cut * 100 >= full.len() * MIN_CUT_PERCENT && p90 * 4 <= w * 5).then_some((w, widths))
}

/// For each line, whether it goes on the line before it. `adjacent[k]`: line k follows line
/// k-1 with a single line break (or only page furniture) between them; `indented[k]`: line k
/// starts with an indent, which opens a paragraph when only some lines have one.
pub fn continued(lines: &[&str], adjacent: &[bool], indented: &[bool]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let Some((w, widths)) = wrap_width(lines, adjacent) else { return out };
    let indents_mark_paragraphs = indented.iter().filter(|&&i| i).count() * 2 < lines.len();
    for k in 1..lines.len() {
        let (a, b) = (lines[k - 1], lines[k]);
        let cut = is_prose(a) || widths[k - 1] * 100 >= w * FULL_PLAIN_PERCENT || b.starts_with(CLOSING);
        let opens = opens_block(b) || (indents_mark_paragraphs && indented[k] && !b.starts_with(CLOSING));
        out[k] = adjacent[k] && cut && !ends_sentence(a) && heading_style(a).is_none() && !is_front_matter(a) && !opens;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_counts_two_columns_for_each_char_beyond_ascii() {
        for s in ["", "abc", "集中学习30余次，", "𠀀a中", "é ü\u{3000}"] {
            assert_eq!(width(s), s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>(), "{s}");
        }
    }

    fn join(text: &str) -> Vec<String> {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let adjacent: Vec<bool> = (0..lines.len()).map(|k| k > 0).collect();
        let indented: Vec<bool> = lines.iter().map(|l| l.starts_with(['\u{3000}', ' '])).collect();
        let lines: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
        let c = continued(&lines, &adjacent, &indented);
        let mut out: Vec<String> = Vec::new();
        for (l, c) in lines.iter().zip(c) {
            match out.last_mut() {
                Some(last) if c => last.push_str(l),
                _ => out.push(l.to_string()),
            }
        }
        out
    }

    const PDF: &str = "中国人民政治协商会议\n东河市第三届委员会常务委员会\n工 作 报 告\n——2025年1月6日在政协东河市第三届委员会\n第二次会议上\n市政协主席  赵一鸣\n各位委员：\n现在，我代表政协东河市第三届委员会常务委员会，向\n大会报告工作，请予审议。\n一、2024年工作回顾\n2024年，市政协常委会坚持团结和民主两大主题，围绕中心\n、服务大局，较好地完成了全年各项任务。全年召开常委\n会议 4 次，开展调研视察 34 次，组织委员视察 156 人次\n，提出意见建议 127 条。推动出台配套措施 11 项，全年共\n有 27 名委员获得优秀履职奖，14 个委员联络站被评为示\n范站。\n（一）坚持党的领导，政治根基更加坚实\n严格落实重大事项请示报告制度，全年向市委请示报告 9\n次。坚持党组会议“第一议题”制度，召开党组会议 18 次，\n开展常委会集体学习 6 次，培训委员 420 人次。";

    #[test]
    fn pdf_lines_become_paragraphs() {
        let got = join(PDF);
        assert_eq!(
            got,
            vec![
                "中国人民政治协商会议",
                "东河市第三届委员会常务委员会",
                "工 作 报 告",
                "——2025年1月6日在政协东河市第三届委员会",
                "第二次会议上",
                "市政协主席  赵一鸣",
                "各位委员：",
                "现在，我代表政协东河市第三届委员会常务委员会，向大会报告工作，请予审议。",
                "一、2024年工作回顾",
                "2024年，市政协常委会坚持团结和民主两大主题，围绕中心、服务大局，较好地完成了全年各项任务。全年召开常委会议 4 次，开展调研视察 34 次，组织委员视察 156 人次，提出意见建议 127 条。推动出台配套措施 11 项，全年共有 27 名委员获得优秀履职奖，14 个委员联络站被评为示范站。",
                "（一）坚持党的领导，政治根基更加坚实",
                "严格落实重大事项请示报告制度，全年向市委请示报告 9次。坚持党组会议“第一议题”制度，召开党组会议 18 次，开展常委会集体学习 6 次，培训委员 420 人次。",
            ]
        );
    }

    #[test]
    fn an_indent_opens_a_paragraph() {
        // a paragraph left without its stop, then an indented one
        let text = PDF
            .replace("被评为示\n范站。\n（一）坚持党的领导，政治根基更加坚实\n严格落实", "被评为示范站\n　　严格落实");
        let got = join(&text);
        assert!(got.iter().any(|p| p.starts_with("2024年，") && p.ends_with("示范站")), "{got:?}");
        assert!(got.iter().any(|p| p.starts_with("严格落实")), "{got:?}");
        let unindented = join(&text.replace('\u{3000}', ""));
        assert!(unindented.iter().any(|p| p.contains("示范站严格落实")), "without the indent the line goes on");
    }

    #[test]
    fn paragraphs_on_lines_stay() {
        let text = "政协东河市委员会工作报告\n各位委员：\n一、2024年工作回顾\n2024年，市政协常委会坚持团结和民主两大主题，围绕中心、服务大局，较好地完成了全年各项任务，全年召开常委会议4次。\n开展调研视察34次，组织委员视察156人次，提出意见建议127条，推动出台配套措施11项。\n全年共有27名委员获得优秀履职奖，14个委员联络站被评为示范站\n二、2025年工作安排\n计划开展专题协商6次。\n党建引领 凝心聚力\n坚持党的领导，把党的领导贯穿政协工作全过程各方面，推动政协工作高质量发展。\n推进基层协商，委员联络站开展协商活动110余次，街道议事会组织议事活动50余次。\n聚焦民生实事，开展助学助困活动，资助困难大学生35名。\n围绕生态环境保护开展民主监督，组织委员视察9次，推动整改问题89个\n全市政协系统建成委员工作室27个，开展“委员进社区”活动80余次。\n";
        assert!(text.lines().filter(|l| is_prose(l)).count() >= MIN_PROSE_LINES);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(join(text), lines);
    }
}
