//! On the real reports in ../shared/corpus (third-party texts, read in place, never copied):
//! keywords a reader would name, and the quantity extractor scored against the gold files.

use report_lens::{analyze_bytes, eval, Options};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    p.is_dir().then_some(p)
}

fn reports(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    v.sort();
    v
}

#[test]
fn keywords_name_what_a_reader_would() {
    let Some(dir) = corpus() else { return eprintln!("../shared/corpus missing: skipped") };
    for path in reports(&dir) {
        let a = analyze_bytes("r", &std::fs::read(&path).unwrap(), &Options::default()).unwrap();
        let tfidf: Vec<&str> = a.keywords.tfidf.iter().map(|k| k.term.as_str()).collect();
        let textrank: Vec<&str> = a.keywords.textrank.iter().map(|k| k.term.as_str()).collect();
        for list in [&tfidf, &textrank] {
            let named = ["政协", "协商", "委员", "提案", "履职", "民主监督", "政协委员", "市政协"];
            let hits = list.iter().filter(|t| named.contains(t)).count();
            assert!(hits >= 2, "{}: {list:?}", path.display());
            // boilerplate and numbers stay out
            for bad in ["开展", "围绕", "进一步", "工作", "我们", "2023"] {
                assert!(!list.contains(&bad), "{}: {bad} in {list:?}", path.display());
            }
        }
        assert!(a.stats.han_chars > 3000 && a.stats.sentences > 50);
    }
}

#[test]
fn quantities_meet_the_floor_on_the_gold() {
    let Some(dir) = corpus() else { return eprintln!("../shared/corpus missing: skipped") };
    let (mut gold_n, mut pred_n, mut matched, mut strict_sum) = (0, 0, 0, 0.0);
    for path in reports(&dir) {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold_path = dir.join("gold").join(format!("{stem}.quantities.jsonl"));
        let Ok(g) = std::fs::read_to_string(&gold_path) else { continue };
        let gold = eval::parse_gold(&g).unwrap();
        let a = analyze_bytes("r", &std::fs::read(&path).unwrap(), &Options::default()).unwrap();
        let s = eval::score(&a.text, &gold, &a.quantities);
        println!("{stem}: P {:.3} R {:.3} F1 {:.3} cat {:.3} strict {:.3}", s.precision, s.recall, s.f1, s.category_accuracy, s.strict_f1);
        assert!(s.f1 >= 0.95, "{stem}: F1 {:.3}; misses {:?}; extra {:?}", s.f1, s.misses, s.false_positives);
        assert!(s.category_accuracy >= 0.8, "{stem}: category accuracy {:.3}: {:?}", s.category_accuracy, s.wrong_category);
        gold_n += s.gold;
        pred_n += s.predicted;
        matched += s.matched;
        strict_sum += s.strict_f1;
    }
    let p = matched as f64 / pred_n.max(1) as f64;
    let r = matched as f64 / gold_n.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r);
    println!("all: P {p:.3} R {r:.3} F1 {f1:.3}");
    assert!(f1 >= 0.97, "micro F1 {f1:.3}");
    assert!(strict_sum / 3.0 >= 0.7, "mean strict F1 {:.3}", strict_sum / 3.0);
}
