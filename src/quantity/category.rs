//! Which category a quantity belongs to (ANNOTATION.md), by what its unit counts: items take
//! the category of the thing counted, events that of their activity, persons are people unless
//! beneficiaries or trainees, bodies are organizations. The words read are the count's own
//! phrase, never a neighbour's in a list or the next clause, and never those inside a title in
//! 《》 (a bulletin's name is not its topic).

use super::keywords::{first_row, hits, last, plain};
use super::tables::{tables, UnitClass};
use crate::analysis::Category;

/// The words around one count.
#[derive(Debug, Clone, Copy, Default)]
pub struct Phrase<'a> {
    pub unit: &'a str,
    /// The count's own words before the number (its list item, or the verb a run of counts
    /// shares), frame and lead words left out.
    pub before: &'a str,
    /// The noun phrase after the unit (`2次专题议政性常委会会议`).
    pub noun: &'a str,
    /// All the words after the unit up to the next count or the clause's end.
    pub after: &'a str,
    /// The previous clause when it is in the same sentence, else empty.
    pub prev_clause: &'a str,
    /// The sentence before this clause.
    pub earlier: &'a str,
    /// The words before the first count of the list or run this count belongs to (编报《A》
    /// 24期、《B》10期: 编报 is the second's verb too).
    pub list_head: &'a str,
}

/// The words naming the counted events: after the last verb that opens an event (召开, 开展 …)
/// in `before`, or the noun after the number when it names an activity.
fn event_words(before: &str, noun: &str) -> String {
    let t = tables();
    if !noun.is_empty() && (first_row(&t.activities, noun).is_some() || first_row(&t.forms, noun).is_some()) {
        return noun.to_string();
    }
    let cut = t.event_verb.last_end(before);
    match cut {
        Some(i) if i < before.len() => before[i..].to_string(),
        _ => before.to_string(),
    }
}

/// `X、Y、Z等活动` listing activities of different kinds is `other` (a mixed list); of one kind
/// it is that kind.
fn mixed_list(before: &str) -> bool {
    let t = tables();
    let Some(i) = before.rfind('等') else { return false };
    let members: Vec<&str> = before[..i].split('、').collect();
    if members.len() < 2 {
        return false;
    }
    let mut kinds: Vec<Category> = members.iter().filter_map(|m| first_row(&t.activities, m)).collect();
    kinds.sort_by_key(|c| c.as_str());
    kinds.dedup();
    kinds.len() > 1
}

/// The activity of counted events: the first in precedence among the event's own words, else
/// among all the count's words, else the event's form (座谈, 会议), else its topic (提案).
pub fn activity(before: &str, noun: &str) -> Option<Category> {
    let t = tables();
    let (before, noun) = (plain(before), plain(noun));
    let all = format!("{before}{noun}");
    if noun.is_empty() && mixed_list(&before) {
        return Some(Category::Other);
    }
    let own = event_words(&before, &noun);
    first_row(&t.activities, &own)
        .or_else(|| first_row(&t.activities, &all))
        .or_else(|| last(&t.forms, &own))
        .or_else(|| last(&t.forms, &all))
        .or_else(|| last(&t.topics, &all))
}

/// Leaders' written instructions (批示): on 社情民意 (named in the phrase, or in the clause
/// before when this one continues it: 报送社情民意……，获批示N次) they are public_opinion_info;
/// otherwise events of instructing are other and instructed documents projects_items.
fn instruction(p: &Phrase, class: UnitClass) -> Option<Category> {
    let t = tables();
    let joined = format!("{}{}", p.before, p.noun);
    let words = plain(&joined);
    let (noun, before) = (plain(p.noun), plain(p.before));
    let before = before.trim_end_matches(['的']);
    let named_last = t.instruction.iter().any(|w| words.ends_with(w) || noun.contains(w) || before.ends_with(w));
    if !named_last {
        return None;
    }
    let opinion = |s: &str| s.contains("社情民意") || s.contains("民意信息");
    let continues = t.opens_passive(p.before);
    if opinion(&words) || continues && opinion(p.earlier) {
        return Some(Category::PublicOpinionInfo);
    }
    Some(if class == UnitClass::Event { Category::Other } else { Category::ProjectsItems })
}

/// Issues or copies of a bulletin named in 《》 right by the number (编报《X》18期, 编印150册
/// 《X》): sent up to leaders (编报, 报送) or carrying 社情民意 and suggestions by its name, it is
/// public_opinion_info; otherwise publicity. No other word inside the title is read.
fn bulletin(p: &Phrase) -> Option<Category> {
    let t = tables();
    let before = p.before.trim_end();
    // 形成《A》和《B》2份建议案: the titles are examples of a thing the count names itself
    if !p.noun.is_empty() && !p.noun.starts_with('《') {
        return None;
    }
    // the title right before the number, or before a word for its kind (《社情民意》专报40期)
    let close = before.rfind('》').filter(|&c| before[c..].chars().count() <= ISSUE_KIND + 1);
    let (title, verb) = if let Some(close) = close {
        let open = before[..close].rfind('《')?;
        let verb = &before[..open];
        let verb = if verb.trim().is_empty() { p.list_head.split('《').next().unwrap_or("") } else { verb };
        (&before[open..close], verb)
    } else if p.noun.starts_with('《') {
        let close = p.noun.find('》')?;
        (&p.noun[..close], before)
    } else {
        return None;
    };
    let up = t.report_up.in_text(verb) || t.opinion_title.in_text(title);
    Some(if up { Category::PublicOpinionInfo } else { Category::Publicity })
}

/// Characters between a bulletin's title and its number that name its kind (专报, 增刊).
const ISSUE_KIND: usize = 2;

/// Persons: beneficiaries of a service, trainees, else people. A count that only says the
/// persons took part (2350人次参加) is read with the event of the clause before.
fn persons(p: &Phrase) -> Category {
    let t = tables();
    let joined = format!("{}{}", p.before, p.after);
    let own = plain(&joined);
    if t.beneficiary.in_text(&own) || t.service.in_text(&own) {
        return Category::ServicesForPeople;
    }
    let act = activity(p.before, p.after);
    if t.trainee.in_text(&own) || act == Some(Category::StudyTraining) {
        return Category::StudyTraining;
    }
    if act.is_none() && !p.prev_clause.is_empty() && took_part(p.before, p.after) {
        let before = activity(p.prev_clause, "");
        if before == Some(Category::StudyTraining) {
            return Category::StudyTraining;
        }
    }
    Category::People
}

/// The persons counted only took part (2350人次参加, 委员参会): their own words name no
/// activity but a verb of taking part, or nothing at all.
pub fn took_part(before: &str, after: &str) -> bool {
    let t = tables();
    let own = format!("{before}{after}");
    own.is_empty() || t.participation.in_text(&own) && activity(before, after).is_none()
}

/// Bodies (家, 所, 户): organizations, unless the phrase names households served (户 counts
/// households unless it counts firms).
fn bodies(p: &Phrase) -> Category {
    let t = tables();
    let text = plain(if p.noun.is_empty() { p.before } else { p.noun });
    let org = hits(&t.things, &text).iter().any(|h| h.cat == Category::Organizations);
    if org {
        return Category::Organizations;
    }
    if t.beneficiary.in_text(&text) || p.unit.starts_with('户') {
        return Category::ServicesForPeople;
    }
    Category::Organizations
}

/// The thing an item count counts: the head of the noun after it, else of the words before.
/// Persons are not counted in items (委员满意的99件 counts proposals), nor bodies in matters
/// (向有关部门报送18件). When an activity comes
/// after the last thing named (开展专题调研12项), the items are that activity's: None.
fn thing(p: &Phrase) -> Option<Category> {
    let t = tables();
    let things = |text: &str| {
        let text = plain(text);
        let thing = hits(&t.things, &text)
            .into_iter()
            .filter(|h| h.cat != Category::People && t.may_count(p.unit, h.cat))
            .max_by_key(|h| (h.end, h.end - h.start))?;
        let later_activity = hits(&t.activities, &text).iter().any(|a| a.end > thing.end && a.start >= thing.end);
        Some((!later_activity).then_some(thing.cat))
    };
    things(p.noun).or_else(|| things(p.before)).flatten()
}

/// The words before the number say what became of the thing they name (提案……已经解决的):
/// the count is of results.
fn outcome(p: &Phrase) -> bool {
    let t = tables();
    let before = plain(p.before);
    let named = hits(&t.things, &before).into_iter().map(|h| h.end).max();
    named.is_some_and(|end| t.outcome.in_text(&before[end..]))
}

/// The counted noun is a report (调研报告), which says nothing of its own category.
fn head_is_report(p: &Phrase) -> bool {
    let joined = format!("{}{}", p.before, p.noun);
    let words = plain(&joined);
    words.trim_end_matches(['的']).ends_with("报告")
}

pub fn categorize(p: &Phrase) -> Category {
    let t = tables();
    let class = t.unit_class(p.unit);
    if matches!(class, Some(UnitClass::Ratio)) || p.unit == "%" {
        return Category::Percentage;
    }
    if p.unit == "元" {
        return Category::Funds;
    }
    let Some(class) = class else { return Category::Other };
    let issues = matches!(p.unit.chars().next(), Some('期' | '册' | '本' | '辑' | '卷' | '份'));
    if issues {
        if let Some(c) = bulletin(p) {
            return c;
        }
    }
    if let Some(c) = instruction(p, class) {
        return c;
    }
    // the words after a noun the count names (九个专委会开展督办活动) are another predicate
    let act = || activity(p.before, if p.noun.is_empty() { p.after } else { p.noun });
    match class {
        UnitClass::Person => persons(p),
        UnitClass::Body => bodies(p),
        UnitClass::Event => act().unwrap_or(Category::Other),
        // printed copies
        UnitClass::Document if p.unit.starts_with('册') => Category::Publicity,
        // the length of a report: 近万字的调研报告 takes the work it reports on, a 成果汇编 its results
        UnitClass::Measure if thing(p) == Some(Category::ProjectsItems) && head_is_report(p) => {
            act().unwrap_or(Category::ProjectsItems)
        }
        UnitClass::Measure => thing(p).or_else(act).unwrap_or(Category::Other),
        UnitClass::Item | UnitClass::Document if outcome(p) => Category::ProjectsItems,
        UnitClass::Item | UnitClass::Document => thing(p).or_else(act).unwrap_or(if class == UnitClass::Document {
            Category::Publicity
        } else {
            Category::ProjectsItems
        }),
        UnitClass::Ratio => Category::Percentage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(unit: &str, before: &str, after: &str) -> Category {
        categorize(&Phrase { unit, before, noun: after, after, ..Default::default() })
    }

    #[test]
    fn activity_wins_over_unit() {
        assert_eq!(cat("次", "集中学习总书记重要讲话精神", ""), "study_training");
        assert_eq!(cat("次", "召开", "专题议政性常委会会议"), "consultation");
        assert_eq!(cat("次", "召开党组会议", ""), "meetings");
        assert_eq!(cat("件", "立案办复提案", ""), "proposals");
        assert_eq!(cat("家", "邀请", "相关部门"), "organizations");
        assert_eq!(cat("人次", "组织委员参加视察", ""), "people");
        assert_eq!(cat("名", "资助困难学生", ""), "services_for_people");
        assert_eq!(cat("人", "对全市企业", "进行培训指导"), "study_training");
        assert_eq!(cat("%", "提案办复率", ""), "percentage");
        assert_eq!(cat("元", "筹措", "资金"), "funds");
        assert_eq!(cat("篇", "提交社情民意信息", ""), "public_opinion_info");
        assert_eq!(cat("个", "推动问题整改", ""), "projects_items");
        assert_eq!(cat("项", "开展专题调研", ""), "research_inspection");
        assert_eq!(cat("个", "", "专题"), "projects_items");
        assert_eq!(cat("件", "社会事业类", ""), "projects_items");
        assert_eq!(cat("件", "提案已经解决和部分解决的", ""), "projects_items");
        assert_eq!(cat("件", "解决提案", ""), "proposals");
    }

    #[test]
    fn counted_bodies_are_organizations_whatever_the_verb() {
        assert_eq!(cat("家", "结对联系帮扶民营企业", ""), "organizations");
        assert_eq!(cat("个", "组建", "“专家型”委员小组"), "organizations");
        assert_eq!(cat("个", "在各界别建成委员书屋", ""), "organizations");
        assert_eq!(cat("个", "建立委员监督联络点", ""), "organizations");
        assert_eq!(cat("户", "走访慰问困难群众", ""), "services_for_people");
        assert_eq!(cat("户", "实地踏查", "企业和项目"), "organizations");
        assert_eq!(cat("个", "", "专委会"), "organizations");
        assert_eq!(cat("个", "接待港澳来访团组", ""), "organizations");
        // matters and documents never count bodies: the departments received them
        assert_eq!(cat("件", "直接向有关部门报送", ""), "projects_items");
    }

    #[test]
    fn persons_served_trained_or_taking_part() {
        assert_eq!(cat("名", "委员们结对照顾留守儿童", ""), "services_for_people");
        assert_eq!(cat("人次", "义诊服务群众", ""), "services_for_people");
        assert_eq!(cat("人次", "全年接待群众", ""), "people");
        assert_eq!(cat("人次", "", "委员参学"), "study_training");
        assert_eq!(cat("人次", "线上线下参训委员", ""), "study_training");
        let joined =
            |prev_clause| categorize(&Phrase { unit: "人次", after: "参加", prev_clause, ..Default::default() });
        assert_eq!(joined("举办3期委员履职能力培训班"), "study_training");
        assert_eq!(joined("开展视察活动5次"), "people");
    }

    #[test]
    fn events_by_purpose_before_form_and_topic() {
        assert_eq!(cat("次", "开展民主监督性视察", ""), "supervision");
        assert_eq!(cat("场", "召开重点提案督办座谈会", ""), "supervision");
        assert_eq!(cat("场", "专题读书小组召开座谈会", ""), "study_training");
        assert_eq!(cat("场", "召开座谈会", ""), "consultation");
        assert_eq!(cat("次", "召开", "理论研讨会"), "study_training");
        assert_eq!(cat("次", "全年召开提案委员会全体会议", ""), "meetings");
        assert_eq!(cat("次", "组织委员赴外地学习考察提案工作", ""), "research_inspection");
        assert_eq!(cat("场(次)", "开展心理辅导", ""), "services_for_people");
        assert_eq!(cat("次", "召开提案交办会", ""), "meetings");
        assert_eq!(cat("次", "委员联络站开展“三事共商”协商活动", ""), "consultation");
    }

    #[test]
    fn generic_and_mixed_activities_are_other() {
        assert_eq!(cat("项", "开展各类履职活动", ""), "other");
        assert_eq!(cat("项", "围绕乡村振兴开展", "履职活动"), "other");
        assert_eq!(cat("场次", "组织委员参加读书交流、考察调研、参与羽毛球比赛等活动", ""), "other");
        assert_eq!(cat("场", "开展专题协商、对口协商等活动", ""), "consultation");
    }

    #[test]
    fn titles_are_not_read_for_topics() {
        assert_eq!(cat("期", "编报《委员议政》", ""), "public_opinion_info");
        assert_eq!(cat("期", "编发《提案工作简报》", ""), "publicity");
        assert_eq!(cat("期", "编发《政协委员“直通车”》", ""), "public_opinion_info");
        assert_eq!(cat("期", "编发《社情民意》专报", ""), "public_opinion_info");
        assert_eq!(cat("期", "编印《政协文史》", ""), "publicity");
        let listed = Phrase {
            unit: "期", before: "《委员议政》", list_head: "编报《政协信息》", ..Default::default()
        };
        assert_eq!(categorize(&listed), "public_opinion_info");
        assert_eq!(cat("册", "编印", "《疫情防控期间政策要点汇总》"), "publicity");
        assert_eq!(
            cat("篇", "形成《关于发展县域特色产业的调研报告》和《推动乡村民宿提质升级》", "报告"),
            "projects_items"
        );
    }

    #[test]
    fn instructions_take_what_was_instructed_on() {
        assert_eq!(cat("次", "区委领导作出批示", ""), "other");
        assert_eq!(cat("件次", "社情民意信息获省领导批示", ""), "public_opinion_info");
        assert_eq!(cat("篇次", "全年市委、市政府领导批示", ""), "projects_items");
        let p = Phrase {
            unit: "件次", before: "获领导批示", earlier: "全年报送社情民意5期", ..Default::default()
        };
        assert_eq!(categorize(&p), "public_opinion_info");
    }
}
