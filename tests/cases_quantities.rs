//! The hard cases of `../shared/cases/quantities.jsonl` (each one way real reports have defeated
//! the analyser), scored by the rules of `../shared/cases/score.py`: every expected mention found
//! with the same value and unit (万/亿 folded into the value, an alternative unit in brackets
//! set aside, traditional and simplified alike), a category in [category] + category_alt and a
//! subject naming the same thing (character-bigram Dice >= 0.3, both read as simplified); and no
//! number of `absent` reported. Read in place, never copied; skipped when absent.

use report_lens::view::simplified;
use report_lens::{analyze_text, Options};
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

fn key(value: f64, unit: &str) -> (i64, String) {
    let unit: String = simplified(unit).chars().filter(|c| !c.is_whitespace()).collect();
    let mut u = unit.split(['(', '（']).next().unwrap_or("").to_string();
    if u == "场次" {
        u = "场".into();
    }
    if u == "％" {
        u = "%".into();
    }
    let mut v = value;
    while u.chars().count() > 1 && (u.starts_with('万') || u.starts_with('亿')) {
        v *= if u.starts_with('万') { 1e4 } else { 1e8 };
        u = u.chars().skip(1).collect();
    }
    ((v * 1e4).round() as i64, u)
}

fn bigrams(s: &str) -> HashSet<(char, char)> {
    let cs: Vec<char> = simplified(s).chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect();
    cs.windows(2).map(|w| (w[0], w[1])).collect()
}

fn same_subject(a: &str, b: &str) -> bool {
    let (x, y) = (bigrams(a), bigrams(b));
    !x.is_empty() && !y.is_empty() && 2.0 * x.intersection(&y).count() as f64 / (x.len() + y.len()) as f64 >= 0.3
}

/// Why a case fails, or nothing when it passes.
fn failures(case: &Value) -> Vec<String> {
    let id = case["id"].as_str().unwrap();
    let a = analyze_text(&format!("{id}.txt"), case["input"].as_str().unwrap(), &Options::default()).unwrap();
    let got: Vec<Value> = a.quantities.iter().map(|q| serde_json::to_value(q).unwrap()).collect();
    let mut pool: Vec<&Value> = got.iter().collect();
    let mut why = Vec::new();
    for e in case["expect"].as_array().unwrap() {
        let k = key(e["value"].as_f64().unwrap(), e["unit"].as_str().unwrap());
        let Some(i) = pool.iter().position(|q| key(q["value"].as_f64().unwrap(), q["unit"].as_str().unwrap()) == k)
        else {
            why.push(format!("missed {}", e["text"]));
            continue;
        };
        let q = pool.remove(i);
        let mut cats = vec![e["category"].clone()];
        cats.extend(e.get("category_alt").and_then(Value::as_array).into_iter().flatten().cloned());
        if !cats.contains(&q["category"]) {
            why.push(format!("{} category {} (want {})", e["text"], q["category"], e["category"]));
        }
        if !same_subject(q["subject"].as_str().unwrap(), e["subject"].as_str().unwrap()) {
            why.push(format!("{} subject {} (want like {})", e["text"], q["subject"], e["subject"]));
        }
    }
    for absent in case.get("absent").and_then(Value::as_array).into_iter().flatten() {
        let absent = absent.as_str().unwrap();
        if got.iter().any(|q| q["text"].as_str().unwrap().starts_with(absent)) {
            why.push(format!("reported {absent}, which is not a quantity"));
        }
    }
    why
}

#[test]
fn every_hard_case_passes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/cases/quantities.jsonl");
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        return eprintln!("{} missing: skipped", path.display());
    };
    let cases: Vec<Value> =
        jsonl.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut failed = Vec::new();
    for case in &cases {
        let why = failures(case);
        if !why.is_empty() {
            failed.push(format!("{}: {}", case["id"].as_str().unwrap(), why.join("; ")));
        }
    }
    println!("{} of {} cases pass", cases.len() - failed.len(), cases.len());
    assert!(cases.len() >= 28, "{} cases", cases.len());
    assert!(failed.is_empty(), "{} failed:\n{}", failed.len(), failed.join("\n"));
}
