//! Which category a quantity belongs to (ANNOTATION.md): the activity wins over the unit for
//! events (次, 场, 期); persons are people unless trainees or beneficiaries; bodies are
//! organizations; for other counts the counted thing decides.

use super::tables::tables;
use crate::analysis::Category;

const PERSON_UNITS: &[&str] = &["人", "人次", "名", "位", "户次"];
const EVENT_UNITS: &[&str] = &["次", "场", "期", "轮", "场次", "批次", "趟", "届次", "会次"];
const BODY_UNITS: &[&str] = &["家", "所", "家次", "户"];
const ITEM_UNITS: &[&str] = &["个", "项", "件", "条", "类", "组", "批", "份", "件次", "条次", "处", "部", "本", "套"];
const TRAINING: &[&str] = &["培训", "讲座", "授课", "学习班", "轮训", "辅导", "研修", "进修", "培训班"];
const SERVICE: &[&str] =
    &["资助", "帮扶", "慰问", "救助", "捐赠", "捐助", "义诊", "结对", "包保", "微心愿", "困难", "惠及", "受益", "受惠"];

/// The category whose keyword stands nearest the number: the last one in `before` text
/// (`from_end`), the first one in `after` text. Ties go to the earlier table row.
fn nearest(table: &[(Category, Vec<&'static str>)], text: &str, from_end: bool) -> Option<Category> {
    nearest_keyword(table, text, from_end).map(|(c, _)| c)
}

/// The nearest keyword and its category; at equal distance the longer keyword wins
/// (考察学习 over 学习, 调研报告 over 报告).
fn nearest_keyword(
    table: &[(Category, Vec<&'static str>)],
    text: &str,
    from_end: bool,
) -> Option<(Category, &'static str)> {
    let mut best: Option<(usize, usize, Category, &'static str)> = None;
    for (cat, kws) in table {
        for k in kws {
            let pos = if from_end { text.rfind(k).map(|i| text.len() - (i + k.len())) } else { text.find(k) };
            if let Some(d) = pos {
                if best.is_none_or(|(bd, bl, _, _)| d < bd || (d == bd && k.len() > bl)) {
                    best = Some((d, k.len(), *cat, k));
                }
            }
        }
    }
    best.map(|(_, _, c, k)| (c, k))
}

/// The counted thing named next to a count (提案, 建议, 部门 …), if any.
pub fn head_noun(before: &str, after: &str) -> Option<&'static str> {
    let t = tables();
    nearest_keyword(&t.things, after, true).or_else(|| nearest_keyword(&t.things, before, true)).map(|(_, k)| k)
}

/// In the noun phrase after the number the head noun comes last (界别委员工作室 counts
/// 工作室); before the number the nearest keyword is the last one.
fn lookup(table: &[(Category, Vec<&'static str>)], after: &str, before: &str) -> Option<Category> {
    nearest(table, after, true).or_else(|| nearest(table, before, true))
}

/// Activities: the first row of the table (the more specific activity) found after the
/// number, else the nearest one before it: 2次专题议政性常委会会议 is consultation.
fn activity(table: &[(Category, Vec<&'static str>)], after: &str, before: &str) -> Option<Category> {
    table
        .iter()
        .find(|(_, kws)| kws.iter().any(|k| after.contains(k)))
        .map(|(c, _)| *c)
        .or_else(|| nearest(table, before, true))
}

/// `before`: the clause up to the number; `after`: the words after the unit (the counted noun
/// when the number precedes it); `clause`: the whole clause.
pub fn categorize(unit: &str, before: &str, after: &str, clause: &str) -> Category {
    let t = tables();
    if unit == "%" || unit == "个百分点" || unit == "倍" {
        return Category::Percentage;
    }
    if unit == "元" {
        return Category::Funds;
    }
    let any = |words: &[&str]| words.iter().any(|w| clause.contains(w));
    if PERSON_UNITS.contains(&unit) {
        if any(TRAINING) {
            return Category::StudyTraining;
        }
        if any(SERVICE) {
            return Category::ServicesForPeople;
        }
        return Category::People;
    }
    if EVENT_UNITS.contains(&unit) {
        return activity(&t.activities, after, before).unwrap_or(Category::Other);
    }
    if unit == "册" {
        return Category::Publicity; // printed copies
    }
    if BODY_UNITS.contains(&unit) {
        // 20家相关部门主要负责同志: the classifier counts bodies whatever noun ends the phrase
        let served = any(SERVICE) || lookup(&t.things, after, before) == Some(Category::ServicesForPeople);
        return if served { Category::ServicesForPeople } else { Category::Organizations };
    }
    if let Some(c) = lookup(&t.things, after, before) {
        if c == Category::People && any(TRAINING) {
            return Category::StudyTraining;
        }
        return c;
    }
    if matches!(unit, "篇" | "篇次") {
        return Category::Publicity;
    }
    if let Some(c) = nearest(&t.activities, before, true) {
        return c;
    }
    if ITEM_UNITS.contains(&unit) {
        return Category::ProjectsItems;
    }
    Category::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_wins_over_unit() {
        assert_eq!(categorize("次", "集中学习总书记重要讲话精神", "", ""), "study_training");
        assert_eq!(categorize("次", "召开", "专题议政性常委会会议", ""), "consultation");
        assert_eq!(categorize("次", "召开党组会议", "", ""), "meetings");
        assert_eq!(categorize("件", "立案办复提案", "", ""), "proposals");
        assert_eq!(categorize("家", "邀请", "相关部门", ""), "organizations");
        assert_eq!(categorize("人次", "组织委员参加视察", "", "组织委员参加视察200余人次"), "people");
        assert_eq!(categorize("名", "资助困难学生", "", "资助困难学生280多名"), "services_for_people");
        assert_eq!(categorize("人", "对全市企业", "进行培训指导", "对全市企业200余人进行培训指导"), "study_training");
        assert_eq!(categorize("%", "提案办复率", "", ""), "percentage");
        assert_eq!(categorize("元", "筹措", "资金", ""), "funds");
        assert_eq!(categorize("篇", "提交社情民意信息", "", ""), "public_opinion_info");
        assert_eq!(categorize("个", "推动问题整改", "", ""), "projects_items");
    }
}
