//! Levels within each article, and the part of the report each heading opens: the review of
//! the year reported on, the plan for the next, or other.

use super::{Heading, Part, Range};
use crate::analysis::Kind;
use crate::lexicon::PARTS;

/// Which part of a work report a heading opens, from its wording.
pub fn part_of(title: &str) -> Part {
    if crate::word_set!(PARTS, "plan").in_text(title) {
        Part::Plan
    } else if crate::word_set!(PARTS, "review").in_text(title) {
        Part::Review
    } else {
        Part::Other
    }
}

/// The headings whose start lies in `range` (headings are in document order).
fn within(headings: &[Heading], (start, end): Range) -> std::ops::Range<usize> {
    let a = headings.partition_point(|h| h.range.0 < start);
    let b = headings.partition_point(|h| h.range.0 < end);
    a..b.max(a)
}

/// Levels are the dense rank of the styles used within each group (an article), and parts are
/// inherited within it. Groups are in document order and do not overlap.
pub fn relevel(headings: &mut [Heading], groups: &[Range]) {
    for &g in groups {
        let r = within(headings, g);
        let hs = &mut headings[r];
        let mut styles: Vec<u8> = hs.iter().map(|h| h.style).collect();
        styles.sort_unstable();
        styles.dedup();
        for h in hs.iter_mut() {
            h.level = styles.iter().position(|&x| x == h.style).unwrap_or(0) as u8 + 1;
            h.part = h.own_part;
        }
        inherit_parts(hs);
    }
}

/// The first year (19xx or 20xx standing alone) a heading names: "关于2025年工作", "回望2024".
fn year_named(title: &str) -> Option<u32> {
    let b = title.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let alone = (i == 0 || !b[i - 1].is_ascii_digit()) && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let w = &b[i..i + 4];
        (alone && w.iter().all(u8::is_ascii_digit) && (w[0..2] == *b"19" || w[0..2] == *b"20"))
            .then(|| title[i..i + 4].parse().ok())?
    })
}

/// Parts of the headings of one article whose wording names none, from what the article is:
/// - a heading naming the year reported on is review, a later year plan ("关于2025年工作" in a
///   report on 2024);
/// - a feature (纪实, 写在…召开之际) looks back on the year: its sections are review;
/// - in a work or proposal report, a top-level section before the plan is review
///   ("提案工作总体情况", "主要做法和成效") unless it names reflections or problems.
pub fn parts_for_article(headings: &mut [Heading], range: Range, year: Option<u32>, kind: Kind) {
    let r = within(headings, range);
    let hs = &mut headings[r];
    if let Some(year) = year {
        for h in hs.iter_mut().filter(|h| h.own_part == Part::Other) {
            match year_named(&h.title) {
                Some(y) if y > year => h.own_part = Part::Plan,
                Some(y) if y == year => h.own_part = Part::Review,
                _ => {}
            }
        }
    }
    match kind {
        Kind::Feature => {
            for h in hs.iter_mut().filter(|h| h.own_part == Part::Other) {
                h.own_part = Part::Review;
            }
        }
        Kind::WorkReport | Kind::ProposalReport => {
            let Some(top) = hs.iter().map(|h| h.style).min() else { return };
            let aside = |t: &str| crate::word_list!(PARTS, "aside").iter().any(|w| t.contains(w));
            for h in hs.iter_mut().filter(|h| h.style == top) {
                if h.own_part == Part::Plan {
                    break;
                }
                if h.own_part == Part::Other && !aside(&h.title) {
                    h.own_part = Part::Review;
                }
            }
        }
        _ => {}
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

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn parts(text: &str, year: Option<u32>, kind: Kind) -> Vec<Part> {
        let mut doc = parse(text);
        parts_for_article(&mut doc.headings, (0, text.len()), year, kind);
        relevel(&mut doc.headings, &[(0, text.len())]);
        doc.headings.iter().map(|h| h.part).collect()
    }

    #[test]
    fn parts_from_years() {
        let text = "标题\n\n一、2024年主要工作\n\n正文。\n\n二、关于2025年工作\n\n（一）继续加强学习\n\n正文。";
        assert_eq!(parts(text, Some(2024), Kind::Other), vec![Part::Review, Part::Plan, Part::Plan]);
    }

    #[test]
    fn a_proposal_report_reviews_before_its_plan() {
        let text = "标题\n\n一、提案工作概况\n\n正文。\n\n二、几点体会\n\n正文。\n\n三、工作思路\n\n（一）提升质量\n\n正文。\n\n四、其他事项\n\n正文。";
        assert_eq!(
            parts(text, None, Kind::ProposalReport),
            vec![Part::Review, Part::Other, Part::Plan, Part::Plan, Part::Other]
        );
        assert_eq!(parts(text, None, Kind::Other)[0], Part::Other, "only reports are read this way");
    }

    #[test]
    fn a_feature_looks_back() {
        let body = "正文".repeat(30);
        let text = format!("凝心聚力再出发\n\n——写在某区政协会议召开之际\n\n坚持围绕中心 服务发展大局\n\n{body}。\n\n迈向新的一年 展望未来\n\n{body}。");
        assert_eq!(parts(&text, None, Kind::Feature), vec![Part::Review, Part::Plan]);
    }

    #[test]
    fn groups_are_levelled_apart() {
        let text = "甲\n\n一、回顾\n\n正文。\n\n（一）学习\n\n正文。\n\n乙\n\n（一）工作安排\n\n正文。";
        let mut doc = parse(text);
        let second = text.find("乙").unwrap();
        relevel(&mut doc.headings, &[(0, second), (second, text.len())]);
        let got: Vec<(u8, Part)> = doc.headings.iter().map(|h| (h.level, h.part)).collect();
        assert_eq!(got, vec![(1, Part::Review), (2, Part::Review), (1, Part::Plan)]);
    }
}
