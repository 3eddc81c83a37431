//! The quantity word lists (units, formulas, categories), parsed once from `src/lexicon/`.

pub use crate::analysis::Approx;
use crate::analysis::Category;
use crate::lexicon::lines;
use std::collections::HashMap;
use std::sync::OnceLock;

const UNITS: &str = include_str!("../lexicon/units.txt");
const FORMULAS: &str = include_str!("../lexicon/formulas.txt");
const CATEGORIES: &str = include_str!("../lexicon/categories.txt");

pub struct Tables {
    /// Units, longest first.
    units: Vec<(&'static str, Vec<char>)>,
    /// Words that begin with a unit but are not one (部门 after 3 is not "3部").
    not_units: Vec<Vec<char>>,
    /// Formula phrases, grouped by first char.
    formulas: HashMap<char, Vec<Vec<char>>>,
    pub labels: Vec<(Category, &'static str)>,
    pub things: Vec<(Category, Vec<&'static str>)>,
    pub activities: Vec<(Category, Vec<&'static str>)>,
}

pub fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut units = Vec::new();
        let mut not_units = Vec::new();
        for w in lines(UNITS).flat_map(str::split_whitespace) {
            match w.strip_prefix('!') {
                Some(n) => not_units.push(n.chars().collect()),
                None => units.push((w, w.chars().collect::<Vec<char>>())),
            }
        }
        units.sort_by_key(|u| std::cmp::Reverse(u.1.len()));
        let mut formulas: HashMap<char, Vec<Vec<char>>> = HashMap::new();
        for w in lines(FORMULAS).flat_map(str::split_whitespace) {
            let cs: Vec<char> = w.chars().collect();
            formulas.entry(cs[0]).or_default().push(cs);
        }
        for v in formulas.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.len()));
        }
        let (mut labels, mut things, mut activities) = (Vec::new(), Vec::new(), Vec::new());
        let mut table = "";
        for l in lines(CATEGORIES) {
            if l.starts_with('[') {
                table = l;
                continue;
            }
            let mut parts = l.split('|').map(str::trim);
            let (Some(name), Some(rest)) = (parts.next(), parts.next()) else { continue };
            let cat = Category::from_name(name).unwrap_or_else(|| panic!("categories.txt: unknown category {name}"));
            match table {
                "[labels]" => labels.push((cat, rest)),
                "[thing]" => things.push((cat, rest.split_whitespace().collect())),
                "[activity]" => activities.push((cat, rest.split_whitespace().collect())),
                _ => {}
            }
        }
        Tables { units, not_units, formulas, labels, things, activities }
    })
}

fn matches_at(cs: &[char], i: usize, w: &[char]) -> bool {
    cs.len() >= i + w.len() && cs[i..i + w.len()] == *w
}

impl Tables {
    /// The longest unit at `i`, unless the chars there begin a word that is not a unit.
    pub fn unit_at(&self, cs: &[char], i: usize) -> Option<&'static str> {
        if self.not_units.iter().any(|w| matches_at(cs, i, w)) {
            return None;
        }
        self.units.iter().find(|u| matches_at(cs, i, &u.1)).map(|u| u.0)
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
        let cs: Vec<char> = "落实三重一大".chars().collect();
        assert_eq!(t.formula_at(&cs, 2), Some(4));
    }
}
