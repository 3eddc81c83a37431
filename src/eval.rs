//! Scoring extracted quantities against gold annotations (`../shared/corpus/gold/*.jsonl`, by
//! the rules of ANNOTATION.md). A prediction matches a gold mention when their spans overlap
//! and value and unit agree (7 万元 equals 70000 元); optional gold lines neither reward nor
//! punish. A category is right when it is the gold line's `category` or one of its
//! `category_alt` (categories a careful reader could defend); category accuracy is reported both
//! ways. Strict matching also needs a right category and a subject that names the same thing
//! (character-bigram overlap of at least half of the gold subject's bigrams).

use crate::analysis::Quantity;
use crate::fx::FxSet;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub text: String,
    pub value: f64,
    #[serde(default)]
    pub value_max: Option<f64>,
    pub unit: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub category: String,
    /// Other categories a careful reader could defend: also right.
    #[serde(default)]
    pub category_alt: Vec<String>,
    pub context: String,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Matched mentions whose category is the gold line's `category`.
    pub category_right: usize,
    /// Matched mentions whose category is the gold's or one of its `category_alt`.
    pub category_right_with_alt: usize,
    /// Matched mentions with a right category (alternatives accepted) and subject.
    pub strict_matched: usize,
    /// Share of matched mentions whose category is the gold line's `category`.
    pub category_accuracy: f64,
    /// The same, also accepting a gold line's `category_alt`.
    pub category_accuracy_with_alt: f64,
    /// F1 over mentions matched with a right category (alternatives accepted) and subject.
    pub strict_f1: f64,
    pub misses: Vec<String>,
    pub false_positives: Vec<String>,
    /// Matched mentions whose category is neither the gold's nor one of its alternatives.
    pub wrong_category: Vec<String>,
    pub wrong_subject: Vec<String>,
}

pub fn parse_gold(jsonl: &str) -> Result<Vec<Gold>, String> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

fn norm(value: f64, unit: &str) -> (i64, String) {
    // an alternative unit in brackets is the same count: 48项(条) is 48 项
    let unit = unit.split(['(', '（']).next().unwrap_or(unit);
    let (mult, u) = match unit.strip_prefix('万') {
        Some(u) if !u.is_empty() => (1e4, u),
        _ => match unit.strip_prefix('亿') {
            Some(u) if !u.is_empty() => (1e8, u),
            _ => (1.0, unit),
        },
    };
    let u = if u == "％" { "%" } else { u };
    ((value * mult * 100.0).round() as i64, u.to_string())
}

/// Character bigrams of the Han characters of a subject, read as simplified: punctuation,
/// brackets and pinyin notes (协(xié)商) are not words, and a traditional report's subject names
/// the same thing as its simplified twin's.
fn bigrams(s: &str) -> FxSet<(char, char)> {
    let cs: Vec<char> = crate::view::simplified(s).chars().filter(|&c| crate::clean::is_han(c) && c != '的').collect();
    cs.windows(2).map(|w| (w[0], w[1])).collect()
}

pub fn same_subject(pred: &str, gold: &str) -> bool {
    let g = bigrams(gold);
    if g.is_empty() {
        return true;
    }
    let p = bigrams(pred);
    g.intersection(&p).count() * 2 >= g.len()
}

/// `text` without whitespace, and for each of its bytes the byte of the original text.
fn squeeze(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
        out.push(c);
        at.extend((0..c.len_utf8()).map(|k| i + k));
    }
    at.push(text.len());
    (out, at)
}

/// Locates each gold line in `text` (UTF-16 span of its `text` inside its `context`), in
/// document order, so that repeated blocks map to their own copies. A context written against
/// the raw extraction (line breaks inside a sentence of a PDF's text) is found whatever the
/// whitespace the analysis kept.
fn locate(text: &str, gold: &[Gold]) -> Vec<Option<[usize; 2]>> {
    let (flat, at) = squeeze(text);
    let u = |b: usize| text[..b].encode_utf16().count();
    let mut from = 0usize; // in `flat`
    gold.iter()
        .map(|g| {
            let (context, _) = squeeze(&g.context);
            let (surface, _) = squeeze(&g.text);
            let c = flat[from..].find(&context).map(|i| from + i).or_else(|| flat.find(&context))?;
            let inner = context.find(&surface).unwrap_or(0);
            from = c;
            let s = c + inner;
            let e = s + surface.len().min(context.len() - inner);
            let end = if e > s { at[e - 1] + 1 } else { at[s] };
            Some([u(at[s]), u(end)])
        })
        .collect()
}

pub fn score(text: &str, gold: &[Gold], pred: &[Quantity]) -> Score {
    let spans = locate(text, gold);
    let mut used = vec![false; pred.len()];
    let mut s = Score { predicted: 0, ..Default::default() };
    let mut strict = 0usize;
    let mut cat_ok = 0usize;
    let mut cat_alt_ok = 0usize;
    let mut optional_hits = FxSet::default();
    for (g, span) in gold.iter().zip(&spans) {
        let key = norm(g.value, &g.unit);
        let hit = pred.iter().enumerate().position(|(i, p)| {
            !used[i] && norm(p.value, &p.unit) == key && span.is_some_and(|[a, b]| p.span[0] < b && a < p.span[1])
        });
        match hit {
            Some(i) => {
                used[i] = true;
                if g.optional {
                    optional_hits.insert(i);
                    continue;
                }
                s.matched += 1;
                let p = &pred[i];
                if p.category == g.category.as_str() {
                    cat_ok += 1;
                }
                if p.category == g.category.as_str() || g.category_alt.iter().any(|a| p.category == a.as_str()) {
                    cat_alt_ok += 1;
                    if same_subject(&p.subject, &g.subject) {
                        strict += 1;
                    } else {
                        s.wrong_subject.push(format!("{}: {} ≠ {}", g.text, p.subject, g.subject));
                    }
                } else {
                    s.wrong_category.push(format!("{} [{}] {} → {}", g.text, g.subject, g.category, p.category));
                }
            }
            None if !g.optional => s.misses.push(format!("{} ({})", g.text, g.context)),
            None => {}
        }
    }
    s.gold = gold.iter().filter(|g| !g.optional).count();
    s.predicted = pred.len() - optional_hits.len();
    for (i, p) in pred.iter().enumerate() {
        if !used[i] {
            s.false_positives.push(format!("{} ({})", p.text, p.context));
        }
    }
    let f1 = |m: usize| {
        let p = m as f64 / s.predicted.max(1) as f64;
        let r = m as f64 / s.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    s.precision = s.matched as f64 / s.predicted.max(1) as f64;
    s.recall = s.matched as f64 / s.gold.max(1) as f64;
    s.f1 = f1(s.matched);
    s.strict_f1 = f1(strict);
    (s.category_right, s.category_right_with_alt, s.strict_matched) = (cat_ok, cat_alt_ok, strict);
    s.category_accuracy = cat_ok as f64 / s.matched.max(1) as f64;
    s.category_accuracy_with_alt = cat_alt_ok as f64 / s.matched.max(1) as f64;
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Approx, Category, Part};

    fn pred(text: &str, span: [usize; 2], value: f64, unit: &str, category: Category, subject: &str) -> Quantity {
        Quantity {
            text: text.into(),
            value,
            value_max: None,
            approx: Approx::None,
            unit: unit.into(),
            subject: subject.into(),
            category,
            context: String::new(),
            span,
            sentence: span,
            section: None,
            part: Part::Other,
            target: false,
        }
    }

    #[test]
    fn gold_on_a_hard_wrapped_text_is_found_in_the_repaired_one() {
        let repaired = "全年共有 27名委员获得奖励，立案 5,000余件。";
        let gold = parse_gold(concat!(
            r#"{"text":"27\n名","value":27,"unit":"名","subject":"委员","category":"other","context":"全年共有 27\n名委员"}"#,
            "\n",
            r#"{"text":"5,000\n余件","value":5000,"unit":"件","subject":"立案","category":"other","context":"立案 5,000\n余件"}"#,
        ))
        .unwrap();
        let spans = locate(repaired, &gold);
        let slice =
            |[a, b]: [usize; 2]| String::from_utf16(&repaired.encode_utf16().collect::<Vec<_>>()[a..b]).unwrap();
        assert_eq!(spans.iter().map(|s| slice(s.unwrap())).collect::<Vec<_>>(), vec!["27名", "5,000余件"]);
    }

    #[test]
    fn alternatives_count_as_right_and_both_accuracies_are_told() {
        let text = "编报《委员议政》18期，提出意见建议48项(条)。";
        let gold = parse_gold(concat!(
            r#"{"text":"18期","value":18,"unit":"期","subject":"编报《委员议政》","category":"public_opinion_info","category_alt":["publicity"],"context":"编报《委员议政》18期"}"#,
            "\n",
            r#"{"text":"48项(条)","value":48,"unit":"项(条)","subject":"提出意见建议","category":"projects_items","context":"提出意见建议48项(条)"}"#,
        ))
        .unwrap();
        let p = [
            pred("18期", [8, 11], 18.0, "期", Category::Publicity, "编报《委员议政》"),
            pred("48项(条)", [18, 24], 48.0, "项(条)", Category::Other, "提出意见建议"),
        ];
        let s = score(text, &gold, &p);
        assert_eq!((s.gold, s.matched), (2, 2), "48项(条) matches whatever its brackets: {:?}", s.misses);
        assert_eq!((s.category_accuracy, s.category_accuracy_with_alt), (0.0, 0.5));
        assert_eq!(s.wrong_category.len(), 1, "only 48项(条) is wrong: {:?}", s.wrong_category);
        assert!((s.strict_f1 - 0.5).abs() < 1e-9, "{}", s.strict_f1);
    }
}
