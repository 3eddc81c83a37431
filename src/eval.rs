//! Scoring extracted quantities against gold annotations (`../shared/corpus/gold/*.jsonl`, by
//! the rules of ANNOTATION.md). A prediction matches a gold mention when their spans overlap
//! and value and unit agree (7 万元 equals 70000 元); optional gold lines neither reward nor
//! punish. Strict matching also needs the category and a subject that names the same thing
//! (character-bigram overlap of at least half of the gold subject's bigrams).

use crate::analysis::Quantity;
use crate::compare::subjects::bigrams;
use serde::Deserialize;
use std::collections::HashSet;

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
    pub category_accuracy: f64,
    pub strict_f1: f64,
    pub misses: Vec<String>,
    pub false_positives: Vec<String>,
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

pub fn same_subject(pred: &str, gold: &str) -> bool {
    let g = bigrams(gold);
    if g.is_empty() {
        return true;
    }
    let p = bigrams(pred);
    g.intersection(&p).count() * 2 >= g.len()
}

/// Locates each gold line in `text` (UTF-16 span of its `text` inside its `context`), in
/// document order, so that repeated blocks map to their own copies.
fn locate(text: &str, gold: &[Gold]) -> Vec<Option<[usize; 2]>> {
    let mut from = 0usize;
    gold.iter()
        .map(|g| {
            let at = text[from..].find(&g.context).map(|i| from + i).or_else(|| text.find(&g.context))?;
            let inner = g.context.find(&g.text).unwrap_or(0);
            let s = at + inner;
            from = at;
            let u = |b: usize| text[..b].encode_utf16().count();
            Some([u(s), u(s + g.text.len().min(g.context.len() - inner))])
        })
        .collect()
}

pub fn score(text: &str, gold: &[Gold], pred: &[Quantity]) -> Score {
    let spans = locate(text, gold);
    let mut used = vec![false; pred.len()];
    let mut s = Score { predicted: 0, ..Default::default() };
    let mut strict = 0usize;
    let mut cat_ok = 0usize;
    let mut optional_hits = HashSet::new();
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
    s.category_accuracy = cat_ok as f64 / s.matched.max(1) as f64;
    s
}
