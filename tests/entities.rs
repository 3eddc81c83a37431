//! Entities report only what the text says: on text we wrote for each rule, on every fixture
//! (tests/fixtures/**, and ../shared/corpus when present: read in place, never copied), and
//! against the people and places written down by reading the fixture reports
//! (tests/fixtures/reports/entities.json).

use report_lens::{analyze_bytes, analyze_text, entities, view::View, Analysis, Options};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn analyze(text: &str) -> Analysis {
    analyze_text("t.txt", text, &Options::default()).unwrap()
}

fn people(a: &Analysis) -> Vec<(&str, Option<&str>)> {
    a.entities.people.iter().map(|p| (p.name.as_str(), p.role.as_deref())).collect()
}

fn places(a: &Analysis) -> Vec<&str> {
    a.entities.places.iter().map(|p| p.name.as_str()).collect()
}

/// A text as the analysis reads it: simplified, pinyin notes left out.
fn read(s: &str) -> String {
    View::new(s.to_string()).text
}

fn slice16(s: &str, [a, b]: [usize; 2]) -> String {
    let u: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16_lossy(&u[a.min(u.len())..b.min(u.len())])
}

/// What in an analysis is not in its text: a person's span that does not read the name, a
/// place's span that reads neither its name nor a short form of it, an organization, meeting
/// or document whose span does not read it.
fn not_in_text(a: &Analysis) -> Vec<String> {
    let mut bad = Vec::new();
    let e = &a.entities;
    for p in &e.people {
        for &sp in &p.spans {
            // a name spaced out on a line of its own (张  华) reads as the name
            let got: String = slice16(&a.text, sp).chars().filter(|c| !c.is_whitespace()).collect();
            if read(&got) != read(&p.name) {
                bad.push(format!("person {} at {sp:?} reads {got:?}", p.name));
            }
        }
        if p.spans.len() != p.count || p.count == 0 {
            bad.push(format!("person {}: count {} for {} spans", p.name, p.count, p.spans.len()));
        }
    }
    for p in &e.places {
        let mut forms = entities::short_forms(&p.name);
        forms.push(&p.name);
        for &sp in &p.spans {
            let got = read(&slice16(&a.text, sp));
            if !forms.contains(&got.as_str()) {
                bad.push(format!("place {} at {sp:?} reads {got:?}", p.name));
            }
        }
        if p.spans.is_empty() {
            bad.push(format!("place {} without a span", p.name));
        }
    }
    for (kind, list) in [("organization", &e.organizations), ("meeting", &e.meetings)] {
        for o in list.iter() {
            for &sp in &o.spans {
                let got = slice16(&a.text, sp);
                if read(&got) != read(&o.name) {
                    bad.push(format!("{kind} {} at {sp:?} reads {got:?}", o.name));
                }
            }
        }
    }
    for d in &e.documents {
        for &sp in &d.spans {
            let got = slice16(&a.text, sp);
            if read(&got) != read(&format!("《{}》", d.title)) {
                bad.push(format!("document {} at {sp:?} reads {got:?}", d.title));
            }
        }
    }
    bad
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| ["txt", "md", "html", "htm", "docx"].contains(&x.to_str().unwrap_or("")))
        {
            out.push(p);
        }
    }
}

/// Every fixture, and the real reports when present.
fn all_fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = Vec::new();
    files_under(&root.join("tests/fixtures"), &mut v);
    files_under(&root.join("../shared/corpus"), &mut v);
    v.sort();
    v
}

/// The analysis of a file, or None when another stage panics on it (reported, not scored here).
fn analyze_file(path: &Path) -> Option<Analysis> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let bytes = std::fs::read(path).unwrap();
    let r = std::panic::catch_unwind(|| analyze_bytes(&name, &bytes, &Options::default()));
    match r {
        Ok(Ok(a)) => Some(a),
        Ok(Err(e)) => {
            eprintln!("{}: {e}", path.display());
            None
        }
        Err(_) => {
            eprintln!("{}: the analysis panicked", path.display());
            None
        }
    }
}

#[test]
fn every_fixture_reports_only_what_its_text_says() {
    let mut bad = Vec::new();
    let mut read_files = 0;
    for path in all_fixtures() {
        let Some(a) = analyze_file(&path) else { continue };
        read_files += 1;
        bad.extend(not_in_text(&a).into_iter().map(|b| format!("{}: {b}", path.display())));
    }
    assert!(read_files >= 20, "only {read_files} fixtures analysed");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn a_short_form_names_a_place_only_where_the_text_leaves_no_other() {
    // a district written out is that district; its stem alone is no city
    let a = analyze("北京市朝阳区政协召开常委会会议。朝阳区委书记出席。委员们赴朝阳、海淀两区调研。");
    assert!(places(&a).contains(&"朝阳区") && places(&a).contains(&"北京市"), "{:?}", places(&a));
    assert!(!places(&a).iter().any(|p| *p == "朝阳市" || *p == "朝阳县"), "{:?}", places(&a));
    // a county the gazetteer does not know (宁安县) makes its stem no mention of 宁安市
    let a = analyze("宁安县政协全年召开协商会5次，编印《宁安政协》4期，为谱写宁安发展新篇章贡献力量。");
    assert!(places(&a).is_empty(), "{:?}", places(&a));
    // a short form two divisions share is resolved by the places around it, or left out
    let a = analyze("黑龙江省齐齐哈尔市政协组织委员赴甘南调研。");
    assert!(places(&a).contains(&"甘南县"), "{:?}", places(&a));
    let a = analyze("甘肃省政协组织委员赴甘南调研。");
    assert!(places(&a).contains(&"甘南藏族自治州") && !places(&a).contains(&"甘南县"), "{:?}", places(&a));
    let a = analyze("委员们赴甘南调研。");
    assert!(places(&a).is_empty(), "{:?}", places(&a));
    // 海城 is a city in 辽宁 and a district of 北海: beside 北海市 it is the district's stem
    let a = analyze("广西北海市政协委员深入海城、银海调研。");
    assert!(!places(&a).contains(&"海城市"), "{:?}", places(&a));
    let a = analyze("辽宁省鞍山市政协组织委员赴海城调研。");
    assert!(places(&a).contains(&"海城市"), "{:?}", places(&a));
    // a short form inside a word is none: 党和政府 (和政), 惠民政策 (惠民)
    let a = analyze("在党和政府的关心下，各项惠民政策落地见效。");
    assert!(places(&a).is_empty(), "{:?}", places(&a));
    // a province's short form is the province, the city is written out
    let a = analyze("福建省政协委员围绕福建全面发展建言。");
    assert_eq!(a.entities.places.iter().map(|p| (p.name.as_str(), p.count)).collect::<Vec<_>>(), vec![("福建省", 2)]);
}

#[test]
fn people_are_told_by_the_text_not_by_a_tag() {
    let a = analyze(
        "调研报告赢得市委书记王建国“切中要害”的批示。相关单位齐聚的协商平台双修并举、惠企有方，\
         构建普惠性的服务体系。李明华市长作出批示。委员孙志刚、赵雪梅、钱坤，副主席欧阳明远出席。\
         委员们齐聚一堂。周文博说，要抓好落实。",
    );
    let got = people(&a);
    assert!(got.contains(&("王建国", Some("市委书记"))), "{got:?}");
    assert!(got.contains(&("李明华", Some("市长"))), "{got:?}");
    for n in ["孙志刚", "赵雪梅", "钱坤"] {
        assert!(got.contains(&(n, Some("委员"))), "{n} in {got:?}");
    }
    assert!(got.contains(&("欧阳明远", Some("副主席"))), "{got:?}");
    assert!(got.iter().any(|p| p.0 == "周文博"), "{got:?}");
    for not in ["齐聚", "双修", "惠企", "普惠性", "赢得", "齐聚一"] {
        assert!(!got.iter().any(|p| p.0.contains(not)), "{not} in {got:?}");
    }
    assert_eq!(got.len(), 7, "{got:?}");
    // bylines, a photo credit, a name on a line of its own, a role and a name ending a line
    let a = analyze("本报记者 钱晓峰 通讯员 孔令辉 胡雪\n\n工作报告\n\n许文斌\n\n委员在社区调研。 钱晓峰 摄\n\n区政协委员、实验小学校长 邵佳宁\n");
    let got = people(&a);
    for (n, r) in [("钱晓峰", Some("本报记者")), ("孔令辉", Some("通讯员")), ("胡雪", Some("通讯员")), ("许文斌", None)]
    {
        assert!(got.contains(&(n, r)), "{n} in {got:?}");
    }
    assert!(got.iter().any(|p| p.0 == "邵佳宁" && p.1.is_some_and(|r| r.ends_with("校长"))), "{got:?}");
    assert_eq!(a.entities.people.iter().find(|p| p.name == "钱晓峰").map(|p| p.count), Some(2));
}

#[test]
fn bodies_and_meetings_are_whole() {
    let a = analyze(
        "中国人民政治协商会议丰川县第十届委员会常务委员会工作报告。邀请县发改局、县财政局和民建丰川县委参加。\
         委员们列席县十七届人大四次会议。受县政协常委会委托作报告。在新时代人民政协事业中服务中心大局。",
    );
    let orgs: Vec<&str> = a.entities.organizations.iter().map(|o| o.name.as_str()).collect();
    for o in
        ["中国人民政治协商会议丰川县第十届委员会常务委员会", "县发改局", "县财政局", "民建丰川县委", "县政协常委会"]
    {
        assert!(orgs.contains(&o), "{o} in {orgs:?}");
    }
    for not in ["时代人民政协", "服务中心", "列席县十七届人大"] {
        assert!(!orgs.contains(&not), "{not} in {orgs:?}");
    }
    let meetings: Vec<&str> = a.entities.meetings.iter().map(|o| o.name.as_str()).collect();
    assert!(meetings.contains(&"县十七届人大四次会议"), "{meetings:?}");
    assert!(!meetings.iter().any(|m| m.contains("常委会委托") || *m == "县政协常委会"), "{meetings:?}");
}

/// The hard cases: people a case expects (with their role) are found, words it names are not
/// people, and the authors a case expects are people too.
#[test]
fn the_hard_cases_people() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/cases/documents.jsonl");
    let Ok(cases) = std::fs::read_to_string(&path) else { return eprintln!("{}: missing, skipped", path.display()) };
    let mut checked = 0;
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let c: Value = serde_json::from_str(line).unwrap();
        let id = c["id"].as_str().unwrap();
        let a = analyze(c["input"].as_str().unwrap());
        let got = people(&a);
        if let Some(want) = c["expect"]["people"].as_array() {
            for p in want {
                let (n, r) = (p[0].as_str().unwrap(), p[1].as_str());
                assert!(got.contains(&(n, r)), "{id}: {n} {r:?} in {got:?}");
            }
            checked += 1;
        }
        for n in c["expect"]["not_people"].as_array().into_iter().flatten() {
            let n = n.as_str().unwrap();
            assert!(!got.iter().any(|p| p.0.contains(n)), "{id}: {n} in {got:?}");
        }
        for n in c["expect"]["authors"].as_array().into_iter().flatten() {
            let n = n.as_str().unwrap();
            assert!(got.iter().any(|p| read(p.0) == read(n)), "{id}: author {n} not among {got:?}");
        }
        let bad = not_in_text(&a);
        assert!(bad.is_empty(), "{id}: {bad:?}");
    }
    assert!(checked >= 1);
}

/// Precision and recall of a found set against a read one.
#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
}

impl Score {
    fn add(&mut self, gold: &BTreeSet<String>, found: &BTreeSet<String>) {
        self.gold += gold.len();
        self.found += found.len();
        self.matched += gold.intersection(found).count();
    }
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
}

// Floors, at the values measured when entities.json was written (2026-11-26), rounded down.
const FIXTURE_PEOPLE_PRECISION: f64 = 1.0;
const FIXTURE_PEOPLE_RECALL: f64 = 0.95;
const FIXTURE_PLACES_PRECISION: f64 = 1.0;
const FIXTURE_PLACES_RECALL: f64 = 1.0;

#[test]
fn fixture_reports_people_and_places_as_read() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("entities.json")).unwrap()).unwrap();
    let (mut ppl, mut plc) = (Score::default(), Score::default());
    let mut scored = 0;
    for (file, want) in gold["files"].as_object().unwrap() {
        let Some(a) = analyze_file(&dir.join(file)) else { continue };
        scored += 1;
        let set = |v: &Value| -> BTreeSet<String> {
            v.as_array().unwrap().iter().map(|s| read(s.as_str().unwrap())).collect()
        };
        let (gp, gl) = (set(&want["people"]), set(&want["places"]));
        let fp: BTreeSet<String> = a.entities.people.iter().map(|p| read(&p.name)).collect();
        let fl: BTreeSet<String> = a.entities.places.iter().map(|p| p.name.to_string()).collect();
        if gp != fp || gl != fl {
            println!(
                "{file}: people missed {:?} extra {:?}; places missed {:?} extra {:?}",
                gp.difference(&fp).collect::<Vec<_>>(),
                fp.difference(&gp).collect::<Vec<_>>(),
                gl.difference(&fl).collect::<Vec<_>>(),
                fl.difference(&gl).collect::<Vec<_>>()
            );
        }
        ppl.add(&gp, &fp);
        plc.add(&gl, &fl);
    }
    println!(
        "fixture reports ({scored}): people P {:.3} R {:.3} ({}/{} found, {} gold); places P {:.3} R {:.3} ({}/{}, {} gold)",
        ppl.precision(),
        ppl.recall(),
        ppl.matched,
        ppl.found,
        ppl.gold,
        plc.precision(),
        plc.recall(),
        plc.matched,
        plc.found,
        plc.gold
    );
    assert!(scored >= 15, "only {scored} fixture reports analysed");
    assert!(ppl.precision() >= FIXTURE_PEOPLE_PRECISION, "people precision {:.3}", ppl.precision());
    assert!(ppl.recall() >= FIXTURE_PEOPLE_RECALL, "people recall {:.3}", ppl.recall());
    assert!(plc.precision() >= FIXTURE_PLACES_PRECISION, "places precision {:.3}", plc.precision());
    assert!(plc.recall() >= FIXTURE_PLACES_RECALL, "places recall {:.3}", plc.recall());
}
