//! The quantity word lists (units, formulas, categories, subject words), parsed once from
//! `src/lexicon/`.

pub use crate::analysis::Approx;
use crate::analysis::Category;
use crate::fx::FxMap;
use crate::lexicon::{lines, sections, Words};
use std::sync::OnceLock;

const UNITS: &str = include_str!("../lexicon/units.txt");
const FORMULAS: &str = include_str!("../lexicon/formulas.txt");
const CATEGORIES: &str = include_str!("../lexicon/categories.txt");
const SUBJECTS: &str = include_str!("../lexicon/subjects.txt");

/// What a unit counts (its section in units.txt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    Person,
    Event,
    Item,
    Document,
    Body,
    Measure,
    Ratio,
}

/// Keyword rows: a category and its words, in order of precedence; indexed by first char so
/// that a text is read in one pass, whatever the number of keywords.
pub struct Rows {
    pub list: Vec<(Category, Vec<&'static str>)>,
    /// (keyword, row) by the keyword's first char, in table order.
    by_first: crate::fx::FxMap<char, Vec<(&'static str, usize)>>,
    /// The keys of `by_first`, as bits: most chars start no keyword (no hashing for them).
    firsts: crate::lexicon::CharSet,
}

impl Rows {
    fn new(list: Vec<(Category, Vec<&'static str>)>) -> Rows {
        let mut by_first: crate::fx::FxMap<char, Vec<(&'static str, usize)>> = Default::default();
        for (row, (_, kws)) in list.iter().enumerate() {
            for k in kws {
                if let Some(c) = k.chars().next() {
                    by_first.entry(c).or_default().push((k, row));
                }
            }
        }
        let firsts = by_first.keys().copied().collect();
        Rows { list, by_first, firsts }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn category(&self, row: usize) -> Category {
        self.list[row].0
    }

    /// The keywords that begin with `c`, with their rows.
    pub fn starting_with(&self, c: char) -> &[(&'static str, usize)] {
        if !self.firsts.contains(&c) {
            return &[];
        }
        self.by_first.get(&c).map_or(&[], Vec::as_slice)
    }
}

/// A unit as written less an alternative in brackets: 项(条) is 项.
fn primary(unit: &str) -> &str {
    unit.split(['(', '（']).next().unwrap_or(unit)
}

pub struct Tables {
    /// Units with their class, longest first.
    units: Vec<(&'static str, Vec<char>, UnitClass)>,
    /// Units that never count bodies or persons.
    matters: Vec<&'static str>,
    /// The indices of `units` by first char, in their order (a count reads the unit after it:
    /// the few that start with its char, not all of them).
    units_by_first: FxMap<char, Vec<usize>>,
    /// Words that begin with a unit but are not one (部门 after 3 is not "3部").
    not_units: Vec<Vec<char>>,
    /// Formula phrases, grouped by first char.
    formulas: FxMap<char, Vec<Vec<char>>>,
    pub labels: Vec<(Category, &'static str)>,
    pub things: Rows,
    pub activities: Rows,
    pub forms: Rows,
    pub topics: Rows,
    pub organ: Vec<&'static str>,
    pub beneficiary: Words,
    pub service: Words,
    pub trainee: Words,
    pub participation: Words,
    pub instruction: Vec<&'static str>,
    passive: Vec<&'static str>,
    pub report_up: Words,
    pub opinion_title: Words,
    pub outcome: Words,
    pub lead: Words,
    pub not_lead: Words,
    pub trail: Words,
    pub prep: Words,
    pub not_prep: Words,
    pub frame: Words,
    pub frame_tail: Words,
    pub after_stop: Words,
    pub event_verb: Words,
}

fn words(sec: &FxMap<&'static str, Vec<&'static str>>, name: &str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = sec.get(name).into_iter().flatten().flat_map(|l| l.split_whitespace()).collect();
    // longest first, so that a prefix match takes the longest word
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
}

/// A word list searched with the phrase matcher (the lists read with `in_text`, `prefix_of`…).
fn matcher(sec: &FxMap<&'static str, Vec<&'static str>>, name: &str) -> Words {
    Words::new(&words(sec, name))
}

fn rows(sec: &FxMap<&'static str, Vec<&'static str>>, name: &str) -> Rows {
    Rows::new(rows_of(sec, name))
}

fn rows_of(sec: &FxMap<&'static str, Vec<&'static str>>, name: &str) -> Vec<(Category, Vec<&'static str>)> {
    sec.get(name)
        .into_iter()
        .flatten()
        .filter_map(|l| {
            let (name, rest) = l.split_once('|')?;
            let cat = Category::from_name(name.trim())
                .unwrap_or_else(|| panic!("categories.txt: unknown category {}", name.trim()));
            Some((cat, rest.split_whitespace().collect()))
        })
        .collect()
}

pub fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let units_sec = sections(UNITS);
        let mut units = Vec::new();
        for (name, class) in [
            ("person", UnitClass::Person),
            ("event", UnitClass::Event),
            ("item", UnitClass::Item),
            ("document", UnitClass::Document),
            ("body", UnitClass::Body),
            ("measure", UnitClass::Measure),
            ("ratio", UnitClass::Ratio),
        ] {
            for w in words(&units_sec, name) {
                units.push((w, w.chars().collect::<Vec<char>>(), class));
            }
        }
        units.sort_by_key(|u| std::cmp::Reverse(u.1.len()));
        let not_units = words(&units_sec, "not").into_iter().map(|w| w.chars().collect()).collect();
        let matters = words(&units_sec, "matters");
        let mut formulas: FxMap<char, Vec<Vec<char>>> = FxMap::default();
        for w in lines(FORMULAS).flat_map(str::split_whitespace) {
            let cs: Vec<char> = w.chars().collect();
            formulas.entry(cs[0]).or_default().push(cs);
        }
        for v in formulas.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.len()));
        }
        let cat = sections(CATEGORIES);
        let labels = rows_of(&cat, "labels").into_iter().map(|(c, l)| (c, l.first().copied().unwrap_or(""))).collect();
        let sub = sections(SUBJECTS);
        let mut units_by_first: FxMap<char, Vec<usize>> = FxMap::default();
        for (k, u) in units.iter().enumerate() {
            if let Some(&c) = u.1.first() {
                units_by_first.entry(c).or_default().push(k);
            }
        }
        Tables {
            units,
            units_by_first,
            matters,
            not_units,
            formulas,
            labels,
            things: rows(&cat, "thing"),
            activities: rows(&cat, "activity"),
            forms: rows(&cat, "form"),
            topics: rows(&cat, "topic"),
            organ: words(&cat, "organ"),
            beneficiary: matcher(&cat, "beneficiary"),
            service: matcher(&cat, "service"),
            trainee: matcher(&cat, "trainee"),
            participation: matcher(&cat, "participation"),
            instruction: words(&cat, "instruction"),
            passive: words(&cat, "passive"),
            report_up: matcher(&cat, "report_up"),
            opinion_title: matcher(&cat, "opinion_title"),
            outcome: matcher(&cat, "outcome"),
            lead: matcher(&sub, "lead"),
            not_lead: matcher(&sub, "not_lead"),
            trail: matcher(&sub, "trail"),
            prep: matcher(&sub, "prep"),
            not_prep: matcher(&sub, "not_prep"),
            frame: matcher(&sub, "frame"),
            frame_tail: matcher(&sub, "frame_tail"),
            after_stop: matcher(&sub, "after_stop"),
            event_verb: matcher(&sub, "event_verb"),
        }
    })
}

fn matches_at(cs: &[char], i: usize, w: &[char]) -> bool {
    // (the first char alone first: a unit list is scanned word by word at every count)
    cs.len() >= i + w.len() && w.first().is_none_or(|c| cs[i] == *c) && cs[i..i + w.len()] == *w
}

impl Tables {
    /// The longest unit at `i`, unless the chars there begin a word that is not a unit.
    pub fn unit_at(&self, cs: &[char], i: usize) -> Option<&'static str> {
        let candidates = self.units_by_first.get(cs.get(i)?)?;
        if self.not_units.iter().any(|w| matches_at(cs, i, w)) {
            return None;
        }
        candidates.iter().map(|&k| &self.units[k]).find(|u| matches_at(cs, i, &u.1)).map(|u| u.0)
    }

    /// The class of a unit as written; an alternative in brackets (`项(条)`) is set aside.
    pub fn unit_class(&self, unit: &str) -> Option<UnitClass> {
        let primary = primary(unit);
        // (by the first char: a scan of every unit took 5% of the quantities' time, three
        // lookups per count)
        let first = primary.chars().next()?;
        self.units_by_first.get(&first)?.iter().map(|&k| &self.units[k]).find(|u| u.0 == primary).map(|u| u.2)
    }

    /// Whether a count's words open with a passive verb (被采用31条, 获批示15件次): the clause goes
    /// on with the sentence's thing. One test for the context and the category, which rely on
    /// asking the same question (`context::Words::earlier`).
    pub fn opens_passive(&self, words: &str) -> bool {
        self.passive.iter().any(|w| words.starts_with(w))
    }

    /// Whether a count in `unit` may count things of `category`: persons only in persons' units
    /// (件 and 个 do not count 委员), bodies not in the units of matters (件, 条, 项 …).
    pub fn may_count(&self, unit: &str, category: Category) -> bool {
        match category {
            Category::People => self.unit_class(unit) == Some(UnitClass::Person),
            Category::Organizations => !self.matters.contains(&primary(unit)),
            _ => true,
        }
    }

    /// Length in chars of the formula phrase starting at `i`, if any.
    pub fn formula_at(&self, cs: &[char], i: usize) -> Option<usize> {
        self.formulas.get(&cs[i])?.iter().find(|f| matches_at(cs, i, f)).map(Vec::len)
    }

    pub fn label(&self, category: Category) -> &'static str {
        self.labels.iter().find(|(c, _)| *c == category).map(|(_, l)| *l).unwrap_or("其他")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse() {
        let t = tables();
        let labelled: Vec<Category> = t.labels.iter().map(|l| l.0).collect();
        assert_eq!(labelled, Category::ALL, "every category has one label, in the contract's order");
        let cs: Vec<char> = "人次参加".chars().collect();
        assert_eq!(t.unit_at(&cs, 0), Some("人次"));
        let cs: Vec<char> = "部门".chars().collect();
        assert_eq!(t.unit_at(&cs, 0), None);
        let cs: Vec<char> = "副主席".chars().collect();
        assert_eq!(t.unit_at(&cs, 0), None);
        let cs: Vec<char> = "落实三重一大".chars().collect();
        assert_eq!(t.formula_at(&cs, 2), Some(4));
        assert_eq!(t.unit_class("人次"), Some(UnitClass::Person));
        assert_eq!(t.unit_class("场(次)"), Some(UnitClass::Event));
        assert_eq!(t.unit_class("篇（条）"), Some(UnitClass::Document));
        assert_eq!(t.unit_class("家"), Some(UnitClass::Body));
        assert!(!t.activities.is_empty() && !t.beneficiary.is_empty() && !t.lead.is_empty());
        assert!(t.may_count("个", Category::Organizations) && !t.may_count("件", Category::Organizations));
        assert!(t.may_count("名", Category::People) && !t.may_count("个", Category::People));
    }
}
