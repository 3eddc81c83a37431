//! 履职实绩: every quantified achievement in the report, with what it counts (subject), its
//! category and where it stands (section, review or plan part).
//!
//! `scan` finds the counts in a paragraph (`number` reads the numbers), `clause` where each
//! one's words lie, `context` lends a count what the counts before it said and it leaves out,
//! `subject` and `category` read the words (`keywords` finds the category tables' words in
//! them), `metrics` sums the counts per category. Word lists are in `tables`.

mod category;
mod clause;
mod context;
mod keywords;
mod metrics;
pub mod number;
mod scan;
mod subject;
pub mod tables;

use crate::analysis::Quantity;
use crate::structure::{heading_at, Document, Part};
use crate::view::SpanMap;
use context::Memory;

pub use metrics::metrics;
pub use tables::Approx;

pub fn extract(text: &str, doc: &Document, idx: &SpanMap) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut memory = Memory::default();
    let mut prev_para: Option<(usize, usize)> = None;
    for &(ps, pe) in &doc.paragraphs {
        let para = &text[ps..pe];
        let prev = prev_para.replace((ps, pe));
        let cs: Vec<char> = para.chars().collect();
        let mentions = scan::scan(&cs);
        if mentions.is_empty() {
            // (most paragraphs count nothing: none of what follows is needed for them)
            continue;
        }
        memory.broken_line = prev.and_then(|p| unfinished(text, doc, p, ps)).unwrap_or_default();
        let mut offs: Vec<usize> = para.char_indices().map(|(i, _)| ps + i).collect();
        offs.push(pe);
        let frames = clause::frames(&cs, &mentions);
        for (k, (m, f)) in mentions.iter().zip(&frames).enumerate() {
            let (start, end) = (offs[m.start], offs[m.end]);
            let section = heading_at(&doc.headings, start);
            memory.enter(section, k == 0 || f.new_sentence);
            let w = memory.words(&cs, &mentions, &frames, k);
            let category = category::categorize(&w.phrase(&m.unit));
            let subject = memory.subject(m, &w);
            let h = section.map(|i| &doc.headings[i]);
            let si = doc.sentences.partition_point(|&(_, se)| se <= start);
            let sentence = doc.sentences.get(si).filter(|&&(ss, _)| ss <= start).map_or((start, end), |&r| r);
            let part = h.map_or(Part::Other, |h| h.part);
            out.push(Quantity {
                text: idx.shown(start, end).to_string(),
                value: round(m.value),
                value_max: m.value_max.map(round),
                approx: m.approx,
                unit: m.unit.clone(),
                subject,
                category,
                context: text[offs[f.context.0]..offs[f.context.1]].trim().to_string(),
                span: idx.span(start, end),
                sentence: idx.span(sentence.0, sentence.1.max(end)),
                section: h.map(|h| h.title.clone()),
                part,
                target: part == Part::Plan,
            });
        }
    }
    out
}

/// The last clause of the paragraph `prev` when its sentence goes on in the next line, which
/// starts at `next` (a page's text broken mid-sentence: 委员发表读书⏎体会2.3万余条).
fn unfinished(text: &str, doc: &Document, (ps, pe): (usize, usize), next: usize) -> Option<String> {
    let prev = &text[ps..pe];
    let adjacent = text[pe..next].chars().filter(|&c| c == '\n').count() == 1;
    // headings are in text order, at most one per paragraph: only the last one starting
    // before the paragraph's end can lie in it (a scan of them all per paragraph is quadratic)
    let k = doc.headings.partition_point(|h| h.range.0 < pe);
    let heading = k.checked_sub(1).is_some_and(|k| ps < doc.headings[k].range.1.max(doc.headings[k].range.0 + 1));
    let ended = prev.ends_with(|c: char| crate::clean::in_set("。！？!?：:；;”）)", c));
    // a title or heading line holds no clause of prose
    let marker = prev.char_indices().nth(3).map_or(prev.len(), |(i, _)| i); // 一、 (二)、
    let prose = prev.contains(['，', '；', ',']) || prev[marker..].contains('、');
    if !adjacent || heading || ended || !prose {
        return None;
    }
    let tail = prev
        .rfind(|c: char| clause::CLAUSE_END.contains(&c))
        .map_or(prev, |i| &prev[i + prev[i..].chars().next().map_or(1, char::len_utf8)..]);
    // page furniture (P. 2) is no sentence
    let words = tail.chars().filter(|&c| crate::clean::is_han(c)).count() >= 2;
    (words && tail.chars().count() <= 40).then(|| tail.trim().to_string())
}

fn round(v: f64) -> f64 {
    crate::stats::round(v, 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure;

    /// As the pipeline does: the analysis reads the view, spans map back to the text.
    fn run(text: &str) -> Vec<Quantity> {
        let view = crate::view::View::new(text.to_string());
        let doc = structure::parse(&view.text);
        extract(&view.text, &doc, &view.spans())
    }

    fn rows(text: &str) -> Vec<(String, String, String)> {
        run(text).into_iter().map(|q| (q.text, q.subject, q.category.as_str().to_string())).collect()
    }

    #[test]
    fn subjects_and_parts() {
        let text = "一、2023年工作回顾\n全年立案办复提案230件，召开2次专题议政性常委会会议，提出3个大类11个小类23条具体建议。\n二、2024年工作安排\n计划开展调研10次。";
        let q = run(text);
        let got: Vec<(&str, &str, &str, bool)> =
            q.iter().map(|q| (q.text.as_str(), q.subject.as_str(), q.category.as_str(), q.target)).collect();
        assert_eq!(
            got,
            vec![
                ("230件", "立案办复提案", "proposals", false),
                ("2次", "召开专题议政性常委会会议", "consultation", false),
                ("3个", "提出大类", "projects_items", false),
                ("11个", "提出小类", "projects_items", false),
                ("23条", "提出具体建议", "projects_items", false),
                ("10次", "计划开展调研", "research_inspection", true),
            ]
        );
        let m = metrics(&q);
        let p = m.iter().find(|m| m.category == "projects_items").unwrap();
        let sums: Vec<(&str, f64, usize)> = p.sums.iter().map(|s| (s.unit.as_str(), s.total, s.mentions)).collect();
        assert_eq!((p.mentions, sums), (3, vec![("个", 14.0, 2), ("条", 23.0, 1)]));
    }

    #[test]
    fn a_second_count_keeps_the_clause_activity() {
        let r = rows("推进基层协商，12家委员工作站开展“有事好商量”协商活动70余次。");
        assert_eq!(r[1].0, "70余次");
        assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("委员工作站开展“有事好商量”协商活动", "consultation"));
        assert_eq!(r[0].2, "organizations");
    }

    #[test]
    fn persons_who_took_part_in_the_event_before() {
        let r = rows("举办2期新任委员培训班，180人次参加。");
        assert_eq!(r[1], ("180人次".into(), "参加新任委员培训班".into(), "study_training".into()));
    }

    #[test]
    fn a_count_naming_nothing_counts_what_the_clause_before_named() {
        let r = rows("提案委员会全体会议每季度召开一次，全年召开4次。");
        assert_eq!(r[0], ("4次".into(), "提案委员会全体会议召开".into(), "meetings".into()));
        let r = rows("围绕重点产业、重要项目和企业复工复产等重点任务，领导50余次深入县区，实地踏查31户企业。");
        assert_eq!(r[0].2, "research_inspection");
        let r = rows("全年报送社情民意信息300条，其中被采用31条，获领导批示15件次。");
        assert_eq!(r[1], ("31条".into(), "社情民意信息被采用".into(), "public_opinion_info".into()));
        assert_eq!(r[2], ("15件次".into(), "社情民意信息获领导批示".into(), "public_opinion_info".into()));
    }

    #[test]
    fn odd_text_is_read_without_a_panic() {
        for s in [
            "《未闭合的书名号3篇，“引号5个",
            "???5期，获批示3次？？2件?",
            "、、3个、、4项，，，5次。。。",
            "（（3个））【4项】《》5期《《6篇》》",
            "围绕、等等5个",
            "占38%，占40%",
            "2 至 3 轮、380 余\n个、2.3 万余条",
            "批示批示3次获获获4件次",
        ] {
            let _ = run(s);
        }
        let long: String = "全年召开会议11次、".repeat(500);
        assert_eq!(run(&long).len(), 500);
    }

    #[test]
    fn a_sentence_broken_across_lines_is_read_whole() {
        let r = rows("二、工作回顾\n开展读书活动，委员发表读书\n体会 2.3 万余条，立案率 89.8%，办复\n率 100%。");
        assert_eq!(r[0], ("2.3 万余条".into(), "委员发表读书体会".into(), "study_training".into()));
        assert_eq!(r[2].1, "办复率");
        let r = rows("二、工作回顾，年度\n体会3条。");
        assert_eq!(r[0].1, "体会", "a title line does not run into the paragraph after it");
        let r = rows("委员发表读书\nP. 2\n体会3条。");
        assert_eq!(r[0].1, "体会", "nor does page furniture");
    }

    #[test]
    fn a_share_takes_the_subject_of_the_count_before() {
        let r = rows("其中经济方面提案40件，占25%。");
        assert_eq!(r[1].1, "经济方面提案占比");
    }

    #[test]
    fn a_left_out_noun_carries_through_the_section() {
        let r = rows("一、提案情况\n共收到提案300件。\n按内容分，经济方面120件，社会方面80件。\n二、其他\n办结60件。");
        let cats: Vec<&str> = r.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(cats, vec!["proposals", "proposals", "proposals", "projects_items"]);
        assert_eq!(r[1].1, "提案经济方面");
    }
}
