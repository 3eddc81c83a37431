//! A traditional or pinyin-noted report gives the same analysis as its simplified twin: the
//! same findings (read back in simplified characters), the same figures and, where the two
//! texts have the same length, the same spans. Checked on our fixture twins and on a
//! traditional twin made of every fixture report and every shared hard case.

use report_lens::{analyze_bytes, view, Options};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Simplified → traditional, char by char (OpenCC's STCharacters, first candidate): enough to
/// make a traditional twin of a text for this test.
fn traditional(s: &str) -> String {
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        std::fs::read_to_string(root().join("tests/data/opencc-st-characters.txt"))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (k, v) = l.split_once('\t')?;
                Some((k.chars().next()?, v.split(' ').next()?.chars().next()?))
            })
            .collect()
    });
    s.chars().map(|c| map.get(&c).copied().unwrap_or(c)).collect()
}

fn analysis(name: &str, text: &str) -> Value {
    let a = analyze_bytes(name, text.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::to_value(a).unwrap()
}

/// Strings read as simplified; the text and the file name left out (they differ by design);
/// with `spans`, offsets kept.
fn comparable(v: &Value, spans: bool) -> Value {
    match v {
        Value::String(s) => Value::String(view::simplified(s).into_owned()),
        Value::Array(a) => Value::Array(a.iter().map(|x| comparable(x, spans)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, _)| {
                    // the id is a digest of the text itself: twins differ in it by design
                    !matches!(k.as_str(), "source" | "id")
                        && (spans
                            || !matches!(k.as_str(), "span" | "spans" | "sentence" | "first" | "message" | "removed"))
                })
                .filter(|(k, v)| !(k.as_str() == "text" && v.as_str().is_some_and(|t| t.len() > 200)))
                .map(|(k, x)| (k.clone(), comparable(x, spans)))
                .collect(),
        ),
        x => x.clone(),
    }
}

/// The first place where two JSON values differ, as a path and the two sides.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or(&Value::Null);
                if let Some(d) = first_difference(v, w, &format!("{path}.{k}")) {
                    return Some(d);
                }
            }
            y.keys().find(|k| !x.contains_key(*k)).map(|k| format!("{path}.{k}: only in the twin"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(v, w, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: {} items ≠ {}", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: {a} ≠ {b}")),
    }
}

fn assert_twins(label: &str, simplified: &str, variant: &str, same_spans: bool) -> Option<String> {
    let a = comparable(&analysis("a.txt", simplified), same_spans);
    let b = comparable(&analysis("b.txt", variant), same_spans);
    first_difference(&a, &b, "").map(|d| format!("{label}: {d}"))
}

#[test]
fn fixture_twins_analyse_alike() {
    let dir = root().join("tests/fixtures/reports");
    let mut failures = Vec::new();
    for line in std::fs::read_to_string(dir.join("twins.jsonl")).unwrap().lines().filter(|l| !l.trim().is_empty()) {
        let pair: Value = serde_json::from_str(line).unwrap();
        let read = |k: &str| std::fs::read_to_string(dir.join(pair[k].as_str().unwrap())).unwrap();
        let pinyin = pair["how"].as_str().unwrap().contains("pinyin");
        let label = pair["variant"].as_str().unwrap();
        failures.extend(assert_twins(label, &read("simplified"), &read("variant"), !pinyin));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn fixture_reports() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .filter(|p| !p.to_string_lossy().contains("-trad") && !p.to_string_lossy().contains("-pinyin"))
        .collect();
    v.sort();
    v
}

fn shared_cases() -> Vec<(String, String)> {
    let dir = root().join("../shared/cases");
    let mut out = Vec::new();
    for file in ["quantities.jsonl", "documents.jsonl"] {
        let Ok(s) = std::fs::read_to_string(dir.join(file)) else { continue };
        for l in s.lines().filter(|l| !l.trim().is_empty()) {
            let c: Value = serde_json::from_str(l).unwrap();
            out.push((c["id"].as_str().unwrap().to_string(), c["input"].as_str().unwrap().to_string()));
        }
    }
    out
}

/// Any report written in traditional characters reads like its simplified form.
#[test]
fn a_traditional_twin_of_every_report_and_case_analyses_alike() {
    let mut texts: Vec<(String, String)> = fixture_reports()
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    let cases = shared_cases();
    if cases.is_empty() {
        eprintln!("../shared/cases missing: only our fixtures are checked");
    }
    texts.extend(cases);
    let mut failures = Vec::new();
    for (label, text) in &texts {
        let trad = traditional(text);
        // the simplified twin is what the traditional text reads as: converting back may not
        // give the very same characters as the original (one simplified char, several traditional)
        let simp = view::simplified(&trad).into_owned();
        failures.extend(assert_twins(label, &simp, &trad, true));
    }
    assert!(failures.is_empty(), "{} of {} differ: {failures:#?}", failures.len(), texts.len());
}
