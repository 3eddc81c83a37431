//! What a count counts, as a short phrase (`集中学习总书记重要讲话精神`): the count's own words
//! before the number, less the words that frame a clause (全年, 围绕……等) or belong to the verb
//! (达, 共计), and the noun phrase after it.

use super::tables::tables;
use crate::clean::{first_chars, last_chars, string_of};

/// Characters after 等 in which a frame's noun (等重大问题) ends.
const FRAME_TAIL: usize = 6;
/// Words after a count read for its subject.
pub const MAX_AFTER: usize = 32;
const MAX_SUBJECT: usize = 40;

/// `围绕A、B等工作开展调研` says what the action was about: what is counted comes after 等. When
/// nothing comes after it (围绕A、B等5个专题), the whole frame goes.
fn strip_frame(s: &str) -> &str {
    let t = tables();
    if t.frame.prefix_of(s).is_none() {
        return s;
    }
    let Some(i) = s.rfind('等') else { return s };
    let rest = &s[i + '等'.len_utf8()..];
    // 等重大问题开展协商: the frame's noun ends within a few characters of 等
    let near: usize = rest.char_indices().nth(FRAME_TAIL).map_or(rest.len(), |(b, _)| b);
    let tail_end = t.frame_tail.first_end(&rest[..near]);
    match tail_end {
        Some(e) if e < rest.len() => &rest[e..],
        _ => rest,
    }
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

/// A count's words before its number, less frame, lead and trailing verb words.
pub fn trim_before(cs: &[char]) -> String {
    let t = tables();
    let whole = string_of(cs);
    let mut s: &str = &whole;
    loop {
        let u = s.trim_start_matches(|c: char| c.is_whitespace() || crate::clean::in_set("、“”\"（）()", c));
        let u = strip_frame(strip_year(u));
        let u = match t.not_lead.prefix_of(u) {
            Some(_) => u,
            None => t.lead.prefix_of(u).map_or(u, |w| &u[w.len()..]),
        };
        let u = match t.not_prep.prefix_of(u) {
            Some(_) => u,
            None => t.prep.prefix_of(u).map_or(u, |w| &u[w.len()..]),
        };
        if u.len() == s.len() {
            break;
        }
        s = u;
    }
    loop {
        let u = t.trail.suffix_of(s).map_or(s, |w| &s[..s.len() - w.len()]);
        if u.len() == s.len() {
            break;
        }
        s = u;
    }
    s.trim().to_string()
}

/// The words after a count (up to the next count or the clause's end); with `noun_only`, only
/// the noun phrase it counts.
fn after(cs: &[char], noun_only: bool) -> String {
    let t = tables();
    // 召开党组会议11次、中心组学习8次: after 、 comes the next item, not this count's noun
    if cs.first() == Some(&'、') {
        return String::new();
    }
    let s = string_of(&cs[..cs.len().min(MAX_AFTER)]);
    let mut s = s.trim_start_matches(['的', '，', ' ']);
    if noun_only && s.starts_with('《') {
        if let Some(i) = s.find('》') {
            s = &s[..i + '》'.len_utf8()];
        }
    }
    if noun_only {
        if let Some(i) = t.after_stop.first_start(s) {
            s = &s[..i];
        }
    }
    let s = clean_cut(s);
    s.trim_end_matches(['、', '和', '与', '及', '的', '（', '(', ' ', '“', '《']).to_string()
}

/// The noun phrase a count counts, after its unit: `2次专题议政性常委会会议`.
pub fn noun_after(cs: &[char]) -> String {
    after(cs, true)
}

/// All the words after a count, for its subject.
pub fn words_after(cs: &[char]) -> String {
    after(cs, false)
}

/// A phrase cut short is not cut inside brackets or a title: an unclosed 《（(“ at the end is
/// dropped with what follows it, an unopened 》）)” at the start with what precedes it.
fn clean_cut(s: &str) -> &str {
    // (most phrases have none of these marks: one pass tells, where the pairs below search
    // sixteen times. Measured: −2.5% of the county fixture's instructions.)
    if !s.contains(['《', '》', '（', '）', '(', ')', '“', '”']) {
        return s;
    }
    let mut s = s;
    let pairs = [('《', '》'), ('（', '）'), ('(', ')'), ('“', '”')];
    for (open, close) in pairs {
        if let (Some(o), c) = (s.rfind(open), s.rfind(close)) {
            if c.is_none_or(|c| c < o) {
                s = &s[..o];
            }
        }
        if let (Some(c), o) = (s.find(close), s.find(open)) {
            if o.is_none_or(|o| o > c) {
                s = &s[c + close.len_utf8()..];
            }
        }
    }
    s
}

/// Titles in 《》 before a count that names its own noun are examples of it, not the counted
/// thing: 形成《A》和《B》2篇报告 counts reports.
fn drop_titles(before: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in before.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = 0,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim_end_matches(['和', '与', '及', '、', '等']).to_string()
}

/// The counted words of an event without the verb that opened it (举办培训班 → 培训班): what
/// the persons counted next took part in.
pub fn event_words(subject: &str) -> String {
    let t = tables();
    t.event_verb.prefix_of(subject).map_or(subject, |v| &subject[v.len()..]).to_string()
}

/// The subject: the words before and after, the nearest ones kept when too long.
pub fn subject(before: &str, noun: &str, after: &str) -> String {
    let before = if !noun.is_empty() && before.contains('《') { drop_titles(before) } else { before.to_string() };
    let s = format!("{before}{after}");
    if s.chars().count() <= MAX_SUBJECT {
        return s;
    }
    // keep the words nearest the number: the end of `before` and the start of `after`
    let keep_after = first_chars(after, MAX_SUBJECT / 2);
    let keep_before = last_chars(&before, MAX_SUBJECT - keep_after.chars().count());
    format!("{}{}", clean_cut(keep_before), clean_cut(keep_after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn frames_and_verb_words_are_left_out() {
        assert_eq!(trim_before(&chars("全年共")), "");
        assert_eq!(trim_before(&chars("2023年以来收到提案")), "收到提案");
        assert_eq!(trim_before(&chars("围绕乡村振兴等工作开展调研")), "开展调研");
        assert_eq!(trim_before(&chars("围绕规划实施、营商环境优化等重大问题开展专题协商")), "开展专题协商");
        assert_eq!(trim_before(&chars("围绕优化营商环境、加快数字经济转型等")), "");
        assert_eq!(trim_before(&chars("立案办复提案达")), "立案办复提案");
        assert_eq!(trim_before(&chars("对口协商会")), "对口协商会");
        assert_eq!(trim_before(&chars("并案处理")), "并案处理");
        assert_eq!(trim_before(&chars("并开展调研")), "开展调研");
        assert_eq!(trim_before(&chars("对全市企业")), "全市企业");
        assert_eq!(trim_before(&chars("其他方面约占")), "其他方面");
    }

    #[test]
    fn subjects_are_not_cut_inside_brackets_or_titles() {
        let s = subject(
            "",
            "委员",
            &words_after(&chars("委员分赴井冈山、遵义参加省政协委员(骨干)履职能力提升专题培训和市政协组织的专题培训")),
        );
        assert!(s.contains("履职能力提升专题培训"), "{s}");
        assert_eq!(clean_cut("参加《关于加强"), "参加");
        assert_eq!(clean_cut("骨干)履职能力"), "履职能力");
        assert_eq!(subject("形成《关于县域产业的调研报告》和《推动民宿提质升级》", "报告", "报告"), "形成报告");
        assert_eq!(subject("编报《委员议政》", "", ""), "编报《委员议政》");
        assert_eq!(noun_after(&chars("《疫情防控政策要点汇总》向企业发放")), "《疫情防控政策要点汇总》");
        assert_eq!(noun_after(&chars("、中心组学习")), "");
    }
}
