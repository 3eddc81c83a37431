//! `cargo bench`: time of a full analysis per report and the share each stage takes, as
//! figures and ratios (no pass/fail: timings on shared machines are for reading, not asserting).

use report_lens::{
    analyze_bytes, clean, entities, formulations, intake, keywords, quantity, repair, segment, structure, themes, view,
    Options,
};
use std::time::{Duration, Instant};

fn median<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[runs / 2]
}

fn main() {
    let t = Instant::now();
    let _ = segment::jieba();
    println!("dictionary build: {:.0} ms (once per process)", t.elapsed().as_secs_f64() * 1e3);
    let mut files: Vec<std::path::PathBuf> =
        vec!["tests/fixtures/sample-report.txt".into(), "tests/fixtures/county-2024-report.txt".into()];
    if let Ok(dir) = std::fs::read_dir("../shared/corpus") {
        let mut v: Vec<_> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        v.sort();
        files.extend(v);
    }
    println!("{:<28} {:>8} {:>9} {:>8}   stage shares", "report", "KB", "ms", "KB/ms");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let total = median(15, || {
            analyze_bytes(&name, &bytes, &Options::default()).unwrap();
        });
        // the stages one by one, to see where the time goes
        let text = intake::read(&name, &bytes).unwrap().text;
        let view = view::View::new(repair::repair(&clean::normalize(&text)).text);
        let text = view.text.clone();
        let doc = structure::parse(&text);
        let idx = view.spans();
        let tokens = segment::tokenize(&text, &doc.paragraphs);
        let stages: Vec<(&str, Duration)> = vec![
            (
                "segment",
                median(15, || {
                    segment::tokenize(&text, &doc.paragraphs);
                }),
            ),
            (
                "keywords",
                median(15, || {
                    keywords::keywords(&text, &tokens, 20);
                }),
            ),
            (
                "quantities",
                median(15, || {
                    quantity::extract(&text, &doc, &idx);
                }),
            ),
            (
                "entities",
                median(15, || {
                    entities::find(&text, &tokens, &idx);
                }),
            ),
            (
                "formulations+themes",
                median(15, || {
                    formulations::find(&text, &doc, &idx, 1);
                    themes::themes(&text, &doc);
                }),
            ),
        ];
        let kb = bytes.len() as f64 / 1024.0;
        let ms = total.as_secs_f64() * 1e3;
        let shares: Vec<String> =
            stages.iter().map(|(n, d)| format!("{n} {:.0}%", d.as_secs_f64() * 1e3 / ms * 100.0)).collect();
        println!("{:<28} {:>8.1} {:>9.2} {:>8.1}   {}", name, kb, ms, kb / ms, shares.join(", "));
    }
}
