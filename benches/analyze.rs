//! `cargo bench`: time of a full analysis per report and the share each stage takes, as
//! figures and ratios (no pass/fail: timings on shared machines are for reading, not asserting).

use report_lens::{
    analyze_bytes, articles, clean, entities, formulations, intake, keywords, quantity, repair, segment, stats,
    structure, themes, view, vocabulary, Options,
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
    println!("segmentation data load: {:.1} ms (once per process)", t.elapsed().as_secs_f64() * 1e3);
    let load = median(15, || {
        segment::load();
    });
    println!("  again, median of 15: {:.1} ms", load.as_secs_f64() * 1e3);
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
    let mut inputs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap()))
        .collect();
    inputs.push(("1mb-recombined.txt".into(), megabyte(&inputs)));
    println!("{:<28} {:>8} {:>9} {:>8}   stage shares", "report", "KB", "ms", "KB/ms");
    for (name, bytes) in inputs {
        let runs = if bytes.len() > 500_000 { 3 } else { 15 };
        let total = median(runs, || {
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
                "intake+clean+repair+view",
                median(runs, || {
                    let t = intake::read(&name, &bytes).unwrap().text;
                    view::View::new(repair::repair(&clean::normalize(&t)).text);
                }),
            ),
            (
                "structure",
                median(runs, || {
                    structure::parse(&text);
                }),
            ),
            (
                "articles+meta",
                median(runs, || {
                    articles::split(&text, &doc, &idx);
                }),
            ),
            (
                "segment",
                median(runs, || {
                    segment::tokenize(&text, &doc.paragraphs);
                }),
            ),
            (
                "stats+terms",
                median(runs, || {
                    let vocab = vocabulary::Vocabulary::new(&text, &tokens);
                    stats::stats(&text, &doc, &tokens, &vocab);
                    stats::terms(&vocab);
                }),
            ),
            (
                "keywords",
                median(runs, || {
                    let vocab = vocabulary::Vocabulary::new(&text, &tokens);
                    keywords::keywords(&text, &tokens, &vocab, 20);
                }),
            ),
            (
                "quantities",
                median(runs, || {
                    quantity::extract(&text, &doc, &idx);
                }),
            ),
            (
                "entities",
                median(runs, || {
                    entities::find(&text, &tokens, &idx);
                }),
            ),
            (
                "formulations+themes",
                median(runs, || {
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

/// A 1 MB report: the first input, then the sentences of all recombined into new paragraphs
/// (copies would be dropped as repeated blocks by the repair step), as bench/bench.mjs does.
fn megabyte(inputs: &[(String, Vec<u8>)]) -> Vec<u8> {
    let texts: Vec<String> = inputs.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect();
    let sentences: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split_inclusive(['。', '！', '？']))
        .map(str::trim)
        .filter(|s| s.ends_with(['。', '！', '？']) && !s.contains('\n'))
        .collect();
    let mut seed = 12345u64;
    let mut pick = |n: usize| {
        seed = (seed * 1103515245 + 12345) % (1 << 31);
        seed as usize % n
    };
    let mut s = texts[0].clone() + "\n";
    while s.len() < 1 << 20 {
        for _ in 0..2 + pick(5) {
            s.push_str(sentences[pick(sentences.len())]);
        }
        s.push('\n');
    }
    s.into_bytes()
}
