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

/// `text` without whitespace, and where each of its bytes stands in `text`: gold written on a
/// raw text with hard line breaks ("5,000⏎余件") is found in the repaired text ("5,000余件").
fn squeezed(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
        out.push(c);
        at.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    at.push(text.len());
    (out, at)
}

/// Locates each gold line in `text` (UTF-16 span of its `text` inside its `context`), in
/// document order, so that repeated blocks map to their own copies; a context the repairs
/// changed (line breaks taken out) is found with whitespace aside.
fn locate(text: &str, gold: &[Gold]) -> Vec<Option<[usize; 2]>> {
    let mut from = 0usize;
    let mut squeeze: Option<(String, Vec<usize>)> = None;
    let u = |b: usize| text[..b].encode_utf16().count();
    gold.iter()
        .map(|g| {
            if let Some(at) = text[from..].find(&g.context).map(|i| from + i).or_else(|| text.find(&g.context)) {
                let inner = g.context.find(&g.text).unwrap_or(0);
                let s = at + inner;
                from = at;
                return Some([u(s), u(s + g.text.len().min(g.context.len() - inner))]);
            }
            let (sq, map) = squeeze.get_or_insert_with(|| squeezed(text));
            let (ctx, gt) = (squeezed(&g.context).0, squeezed(&g.text).0);
            let sq_from = map.partition_point(|&b| b < from);
            let at = sq[sq_from..].find(&ctx).map(|i| sq_from + i).or_else(|| sq.find(&ctx))?;
            let inner = ctx.find(&gt).unwrap_or(0);
            let (s, e) = (at + inner, at + inner + gt.len().min(ctx.len() - inner));
            from = map[at];
            let end = if e == 0 { 0 } else { map[e - 1] + text[map[e - 1]..].chars().next().map_or(0, char::len_utf8) };
            Some([u(map[s]), u(end)])
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

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(text: &str, context: &str) -> Gold {
        Gold {
            text: text.into(),
            value: 0.0,
            value_max: None,
            unit: String::new(),
            subject: String::new(),
            category: String::new(),
            context: context.into(),
            optional: false,
        }
    }

    #[test]
    fn gold_on_a_hard_wrapped_text_is_found_in_the_repaired_one() {
        let repaired = "全年共有 27名委员获得奖励，立案 5,000余件。";
        let spans = locate(repaired, &[gold("27\n名", "全年共有 27\n名委员"), gold("5,000\n余件", "立案 5,000\n余件")]);
        let slice =
            |[a, b]: [usize; 2]| String::from_utf16(&repaired.encode_utf16().collect::<Vec<_>>()[a..b]).unwrap();
        assert_eq!(spans.iter().map(|s| slice(s.unwrap())).collect::<Vec<_>>(), vec!["27名", "5,000余件"]);
    }
}
