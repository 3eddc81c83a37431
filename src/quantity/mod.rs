//! 履职实绩: every quantified achievement in the report, with what it counts (subject), its
//! category and where it stands (section, review or plan part).

mod category;
pub mod number;
mod scan;
pub mod tables;

use crate::analysis::{Metric, Quantity, UnitSum};
use crate::structure::{heading_at, Document, Part};
use crate::view::SpanMap;
pub use tables::Approx;

const CLAUSE_END: &[char] = &['，', '。', '；', '：', '！', '？', ',', ';', '!', '?', ':'];
/// Words at the start of a clause that frame it without naming what is counted.
const LEAD: &[&str] = &[
    "全年",
    "经审查",
    "经审核",
    "经研究",
    "累计",
    "共计",
    "总计",
    "合计",
    "共",
    "其中",
    "先后",
    "今年",
    "去年",
    "一年来",
    "年内",
    "同时",
    "此外",
    "另外",
    "并且",
    "并",
    "还",
    "已经",
    "已",
    "全市各级",
    "截至目前",
    "目前",
    "当年",
    "本年度",
    "年度",
];
/// Words right before the number that belong to the verb, not the subject.
const TRAIL: &[&str] =
    &["达到", "达", "共计", "总计", "合计", "累计", "共", "计", "有", "了", "为", "是", "等", "超过", "占"];
const PREP: &[&str] = &["对", "向", "为", "在", "与", "把", "将"];
const MAX_AFTER: usize = 24;
const MAX_SUBJECT: usize = 36;
const MAX_CONTEXT: usize = 40;

pub fn extract(text: &str, doc: &Document, idx: &SpanMap) -> Vec<Quantity> {
    let mut out = Vec::new();
    for &(ps, pe) in &doc.paragraphs {
        let para = &text[ps..pe];
        let cs: Vec<char> = para.chars().collect();
        let mut offs: Vec<usize> = para.char_indices().map(|(i, _)| ps + i).collect();
        offs.push(pe);
        let mentions = scan::scan(&cs);
        // the unit and counted noun of the last mention, for elliptical counts after it
        let mut last_head: Option<(String, &'static str)> = None;
        // the subject of the last count in the sentence: 提案412件，占34.7% shares it
        let mut last_subject: Option<String> = None;
        for (k, m) in mentions.iter().enumerate() {
            if k > 0 && cs[mentions[k - 1].end..m.start].contains(&'。') {
                last_head = None;
                last_subject = None;
            }
            let cstart = cs[..m.start].iter().rposition(|c| CLAUSE_END.contains(c)).map_or(0, |p| p + 1);
            let cend = cs[m.end..].iter().position(|c| CLAUSE_END.contains(c)).map_or(cs.len(), |p| m.end + p);
            // Several counts in one clause. Listed with 、 each has its own phrase:
            // 召开党组会议11次、中心组学习8次. Run together they share the verb before the
            // first: 提出3个大类11个小类23条建议.
            let prev = k.checked_sub(1).map(|p| &mentions[p]).filter(|p| p.start >= cstart);
            let (bstart, bend) = match prev {
                Some(p) => match cs[p.end..m.start].iter().rposition(|&c| c == '、') {
                    Some(i) => (p.end + i + 1, m.start),
                    None => {
                        let first = mentions[..k]
                            .iter()
                            .rev()
                            .take_while(|q| q.start >= cstart)
                            .last()
                            .map_or(m.start, |f| f.start);
                        (cstart, first)
                    }
                },
                None => (cstart, m.start),
            };
            let next_start = mentions.get(k + 1).filter(|n| n.start < cend).map_or(cend, |n| n.start);
            let mut before = trim_before(&cs[bstart..bend.max(bstart)]);
            let rest = &cs[m.end..next_start.max(m.end)];
            let noun = trim_after(rest, true);
            let clause: String = cs[cstart..cend].iter().collect();
            // 征集提案292件，立案230件: the second count's noun is left out; it is the first's
            let mut head = category::head_noun(&before, &noun);
            if head.is_none() {
                head = last_head.as_ref().filter(|(u, _)| *u == m.unit).map(|(_, h)| *h);
                if let Some(h) = head {
                    before = format!("{h}{before}");
                }
            }
            let category = category::categorize(&m.unit, &before, &noun, &clause);
            let mut subject = subject(&before, &trim_after(rest, false));
            if m.unit == "%" && subject.is_empty() {
                if let Some(prev) = &last_subject {
                    subject = format!("{prev}占比");
                }
            }
            if let Some(h) = head {
                last_head = Some((m.unit.clone(), h));
            }
            if m.unit != "%" {
                last_subject = Some(subject.clone());
            }
            let (start, end) = (offs[m.start], offs[m.end]);
            let h = heading_at(&doc.headings, start).map(|i| &doc.headings[i]);
            let k = doc.sentences.partition_point(|&(_, se)| se <= start);
            let sentence = doc.sentences.get(k).filter(|&&(ss, _)| ss <= start).map_or((start, end), |&r| r);
            let part = h.map_or(Part::Other, |h| h.part);
            out.push(Quantity {
                text: idx.shown(start, end).to_string(),
                value: round(m.value),
                value_max: m.value_max.map(round),
                approx: m.approx,
                unit: m.unit.clone(),
                subject,
                category,
                context: context(&cs, cstart, cend, m.start, m.end),
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

fn round(v: f64) -> f64 {
    crate::stats::round(v, 6)
}

/// Frames such as 围绕……等工作 say what an action was about, not what is counted.
const FRAMES: &[&str] = &["围绕", "聚焦", "针对", "按照", "根据", "结合"];

fn strip_frame(s: &str) -> &str {
    if FRAMES.iter().any(|f| s.starts_with(f)) {
        if let Some(i) = s.rfind('等') {
            let rest = &s[i + '等'.len_utf8()..];
            for w in ["重要事项", "重点工作", "工作", "问题", "事项", "议题", "方面", "内容", "主题", ""]
            {
                if let Some(r) = rest.strip_prefix(w) {
                    if !r.is_empty() {
                        return r;
                    }
                }
            }
        }
    }
    s
}

fn trim_before(cs: &[char]) -> String {
    let whole: String = cs.iter().collect();
    let mut s: &str = strip_frame(&whole);
    loop {
        let t = s.trim_start_matches(|c: char| c.is_whitespace() || "、“”\"（）()".contains(c));
        let t = strip_year(t);
        let t = LEAD.iter().find_map(|w| t.strip_prefix(w)).unwrap_or(t);
        let t = PREP.iter().find_map(|w| t.strip_prefix(w)).unwrap_or(t);
        if t.len() == s.len() {
            break;
        }
        s = t;
    }
    loop {
        let t = TRAIL.iter().find_map(|w| s.strip_suffix(w)).unwrap_or(s);
        if t.len() == s.len() {
            break;
        }
        s = t;
    }
    s.trim().to_string()
}

/// "2023年", "2023年度", "2023年以来" at the start of a clause frame it in time.
fn strip_year(s: &str) -> &str {
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 4 {
        if let Some(rest) = s[4..].strip_prefix('年') {
            return ["度", "以来", "来"].iter().find_map(|w| rest.strip_prefix(w)).unwrap_or(rest);
        }
    }
    s
}

/// Verbs and prepositions that end the noun phrase after a count: in 150册《汇总》向企业发放
/// the counted thing is the title, not the firms it went to.
const AFTER_STOP: &[&str] = &[
    "向", "为", "用于", "参加", "进行", "齐聚", "担任", "得到", "被", "在", "到", "对", "开展", "提出", "充实", "参与",
    "获得", "发放", "实现", "完成", "形成",
];

/// The words after a count; with `noun_only`, only the noun phrase it counts.
fn trim_after(cs: &[char], noun_only: bool) -> String {
    // 召开党组会议11次、中心组学习8次: after 、 comes the next item, not this count's noun
    if cs.first() == Some(&'、') {
        return String::new();
    }
    let s: String = cs.iter().take(MAX_AFTER).collect();
    let mut s = s.trim_start_matches(['的', '，', ' ']);
    if noun_only && s.starts_with('《') {
        if let Some(i) = s.find('》') {
            s = &s[..i + '》'.len_utf8()];
        }
    }
    if noun_only {
        if let Some(i) = AFTER_STOP.iter().filter_map(|w| s.find(w)).min() {
            s = &s[..i];
        }
    }
    let s = s.trim_end_matches(['、', '和', '与', '及', '的', '（', '(', ' ', '“', '《']);
    s.to_string()
}

fn subject(before: &str, after: &str) -> String {
    let s = format!("{before}{after}");
    let n = s.chars().count();
    if n <= MAX_SUBJECT {
        return s;
    }
    // keep the words nearest the number: the end of `before` and the start of `after`
    let keep_after: String = after.chars().take(MAX_SUBJECT / 2).collect();
    let room = MAX_SUBJECT - keep_after.chars().count();
    let b: Vec<char> = before.chars().collect();
    let keep_before: String = b[b.len().saturating_sub(room)..].iter().collect();
    format!("{keep_before}{keep_after}")
}

/// The clause around the mention, cut to about 40 chars centred on it.
fn context(cs: &[char], cstart: usize, cend: usize, ms: usize, me: usize) -> String {
    let mut s = cstart;
    let mut e = cend;
    while e - s > MAX_CONTEXT {
        if ms - s > e - me {
            s += 1;
        } else if e > me {
            e -= 1;
        } else {
            break;
        }
    }
    cs[s..e].iter().collect::<String>().trim().to_string()
}

/// Per category: mentions and, for achievements (not targets), sums per unit.
pub fn metrics(qs: &[Quantity]) -> Vec<Metric> {
    let t = tables::tables();
    let mut out: Vec<Metric> = Vec::new();
    for &(cat, label) in &t.labels {
        let of_cat: Vec<&Quantity> = qs.iter().filter(|q| q.category == cat).collect();
        if of_cat.is_empty() {
            continue;
        }
        let mut sums: Vec<UnitSum> = Vec::new();
        for q in of_cat.iter().filter(|q| !q.target && q.unit != "%") {
            match sums.iter_mut().find(|s| s.unit == q.unit) {
                Some(s) => {
                    s.total = round(s.total + q.value);
                    s.mentions += 1;
                }
                None => sums.push(UnitSum { unit: q.unit.clone(), total: q.value, mentions: 1 }),
            }
        }
        sums.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(b.total.total_cmp(&a.total)));
        out.push(Metric { category: cat, label: label.to_string(), mentions: of_cat.len(), sums });
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.mentions));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure;

    fn run(text: &str) -> Vec<Quantity> {
        let doc = structure::parse(text);
        let view = crate::view::View::new(text.to_string());
        extract(text, &doc, &view.spans())
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
}
