//! The shared hard cases for heads, outlines, articles and repairs
//! (`../shared/cases/documents.jsonl`, read in place when present): every expected field of
//! every case must come out. People (`people`, `not_people`) belong to the entities' rules and
//! are checked by their own test, ignored until those rules pass.

use report_lens::{analyze_text, eval, Analysis, Options};
use serde_json::Value;
use std::path::Path;

fn cases() -> Option<Vec<Value>> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/cases/documents.jsonl");
    let text = std::fs::read_to_string(p).ok()?;
    Some(text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect())
}

fn string_list(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
}

/// A run-in heading's closing full stop is not part of its title (see structure::headings):
/// "（二）…助推县域振兴。" and "（二）…助推县域振兴" name the same section.
fn section_title(t: &str) -> &str {
    t.trim_end_matches('。')
}

fn part(p: report_lens::structure::Part) -> String {
    serde_json::to_value(p).unwrap().as_str().unwrap().to_string()
}

/// What differs between the expected fields of one article (or the whole analysis) and what
/// came out.
fn check_meta(expect: &Value, m: &report_lens::analysis::Meta, title: Option<&str>, wrong: &mut Vec<String>) {
    let mut check = |field: &str, want: &Value, got: Value| {
        if *want != got {
            wrong.push(format!("{field}: {got} ≠ {want}"));
        }
    };
    for (field, want) in expect.as_object().unwrap() {
        let c = m.committee.as_ref();
        match field.as_str() {
            "title" => check(field, want, title.map_or(Value::Null, Value::from)),
            "kind" => check(field, want, Value::from(m.kind.as_str())),
            "authors" => check(field, want, serde_json::to_value(&m.authors).unwrap()),
            "dates" => check(field, want, serde_json::to_value(&m.dates).unwrap()),
            "year" => check(field, want, serde_json::to_value(m.year).unwrap()),
            "committee.term" => check(field, want, c.and_then(|c| c.term.clone()).map_or(Value::Null, Value::from)),
            "committee.level" => check(field, want, c.map_or(Value::Null, |c| Value::from(c.level.as_str()))),
            "committee.place" => check(field, want, c.map_or(Value::Null, |c| Value::from(c.place.as_str()))),
            _ => {}
        }
    }
}

/// Every expected field of one case but people; returns what differs.
fn check_case(case: &Value, a: &Analysis) -> Vec<String> {
    let expect = &case["expect"];
    let mut wrong = Vec::new();
    check_meta(expect, &a.meta, a.meta.title.as_deref(), &mut wrong);
    for (field, want) in expect.as_object().unwrap() {
        match field.as_str() {
            "title" | "kind" | "authors" | "dates" | "year" | "committee.term" | "committee.level"
            | "committee.place" | "note" | "people" | "not_people" => {}
            "sections" => {
                let want: Vec<(String, String)> = want
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| (section_title(s[0].as_str().unwrap()).to_string(), s[1].as_str().unwrap().to_string()))
                    .collect();
                let got: Vec<(String, String)> =
                    a.sections.iter().map(|s| (section_title(&s.title).to_string(), part(s.part))).collect();
                if got != want {
                    wrong.push(format!("sections: {got:?} ≠ {want:?}"));
                }
            }
            "articles" => {
                let want = want.as_array().unwrap();
                if a.articles.len() != want.len() {
                    let titles: Vec<&str> = a.articles.iter().map(|x| x.title.as_str()).collect();
                    wrong.push(format!("articles: {} found, {} expected: {titles:?}", titles.len(), want.len()));
                }
                for (i, (w, got)) in want.iter().zip(&a.articles).enumerate() {
                    let mut w_wrong = Vec::new();
                    check_meta(w, &got.meta, Some(got.title.as_str()), &mut w_wrong);
                    wrong.extend(w_wrong.into_iter().map(|x| format!("article {i}: {x}")));
                }
            }
            "repaired_sentence" => {
                let s = want.as_str().unwrap();
                if !a.text.contains(s) {
                    wrong.push(format!("repaired_sentence not in the text: {s}"));
                }
            }
            "quantities" => {
                // found in the repaired text, with their category; their subjects are the
                // quantity rules' (document_cases_quantity_subjects)
                for q in want.as_array().unwrap() {
                    let (text, category) = (q[0].as_str().unwrap(), q[1].as_str().unwrap());
                    match a.quantities.iter().find(|x| x.text == text) {
                        Some(x) if x.category.as_str() == category => {}
                        Some(x) => wrong.push(format!("quantity {text}: {} ≠ {category}", x.category.as_str())),
                        None => wrong.push(format!("quantity {text} not found")),
                    }
                }
            }
            other => wrong.push(format!("the test does not read the field {other}")),
        }
    }
    wrong
}

#[test]
fn every_document_case_comes_out_as_expected() {
    let Some(cases) = cases() else {
        return eprintln!("../shared/cases/documents.jsonl missing: skipped");
    };
    let mut failures = Vec::new();
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        let a = analyze_text(id, case["input"].as_str().unwrap(), &Options::default()).unwrap();
        let wrong = check_case(case, &a);
        println!("{:<32} {}", id, if wrong.is_empty() { "pass" } else { "FAIL" });
        for w in &wrong {
            println!("    {w}");
        }
        if !wrong.is_empty() {
            failures.push(id.to_string());
        }
        // pinyin notes inside the words (協(xié)商) change nothing in the head
        let noted = case["input"].as_str().unwrap().replace('协', "协(xié)").replace('協', "協(xié)");
        let b = analyze_text(id, &noted, &Options::default()).unwrap();
        let json = |a: &Analysis| {
            serde_json::to_value((&a.meta, &a.sections.iter().map(|s| &s.title).collect::<Vec<_>>())).unwrap()
        };
        if json(&a) != json(&b) {
            println!("    with pinyin notes: {} ≠ {}", json(&b), json(&a));
            failures.push(format!("{id} (pinyin)"));
        }
    }
    assert!(failures.is_empty(), "cases failing: {failures:?}");
}

/// The subjects of the quantities the cases list: the quantity rules (another helper's work).
#[test]
fn document_cases_quantity_subjects() {
    let Some(cases) = cases() else {
        return eprintln!("../shared/cases/documents.jsonl missing: skipped");
    };
    let mut wrong = Vec::new();
    for case in cases.iter().filter(|c| c["expect"].get("quantities").is_some()) {
        let id = case["id"].as_str().unwrap();
        let a = analyze_text(id, case["input"].as_str().unwrap(), &Options::default()).unwrap();
        for q in case["expect"]["quantities"].as_array().unwrap() {
            let (text, subject) = (q[0].as_str().unwrap(), q[2].as_str().unwrap());
            let got = a.quantities.iter().find(|x| x.text == text).map(|x| x.subject.as_str());
            if !got.is_some_and(|g| eval::same_subject(g, subject)) {
                wrong.push(format!("{id}: {text} [{got:?}] ≠ [{subject}]"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// People with their roles, and words that are not people: the entities' rules (another
/// helper's work). Run with `-- --ignored` to see where they stand.
#[test]
fn document_cases_people() {
    let Some(cases) = cases() else {
        return eprintln!("../shared/cases/documents.jsonl missing: skipped");
    };
    let mut wrong = Vec::new();
    for case in cases.iter().filter(|c| c["expect"].get("people").is_some() || c["expect"].get("not_people").is_some())
    {
        let id = case["id"].as_str().unwrap();
        let a = analyze_text(id, case["input"].as_str().unwrap(), &Options::default()).unwrap();
        let people = &a.entities.people;
        for p in case["expect"]["people"].as_array().into_iter().flatten() {
            let (name, role) = (p[0].as_str().unwrap(), p[1].as_str().unwrap());
            let found = people.iter().find(|x| x.name == name);
            if !found.is_some_and(|x| x.role.as_deref().is_some_and(|r| r.ends_with(role))) {
                wrong.push(format!("{id}: {name} ({role}) → {:?}", found.map(|x| &x.role)));
            }
        }
        for n in case["expect"].get("not_people").map(string_list).unwrap_or_default() {
            if people.iter().any(|x| x.name.contains(&n)) {
                wrong.push(format!("{id}: {n} taken for a person"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
