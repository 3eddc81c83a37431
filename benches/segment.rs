//! `cargo bench --bench segment`: our segmenter against jieba-rs (the tests' reference, with its
//! full embedded dictionary) on the same paragraphs, natively: data load, `tag` and `cut`.
//! Figures and ratios only.

use std::time::Instant;

fn best<R>(runs: usize, f: impl Fn() -> R) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let mut text = String::new();
    for dir in ["tests/fixtures", "../shared/corpus"] {
        let Ok(rd) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<_> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        paths.sort();
        for p in paths {
            text.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
        }
    }
    let paras: Vec<&str> = text.lines().collect();
    let kb = text.len() as f64 / 1024.0;

    let ours_load = best(5, report_lens::segment::load);
    let theirs_load = best(3, jieba_rs::Jieba::new);
    println!("load: ours {ours_load:.1} ms, jieba-rs {theirs_load:.1} ms (ratio {:.2})", ours_load / theirs_load);

    let ours = report_lens::segment::jieba();
    let theirs = jieba_rs::Jieba::new();
    println!("{kb:.0} KB of fixtures and corpus, best of 9:");
    for (what, o, t) in [
        (
            "tag",
            best(9, || paras.iter().map(|p| ours.tag(p, true).len()).sum::<usize>()),
            best(9, || paras.iter().map(|p| theirs.tag(p, true).len()).sum::<usize>()),
        ),
        (
            "cut",
            best(9, || paras.iter().map(|p| ours.cut(p, true).len()).sum::<usize>()),
            best(9, || paras.iter().map(|p| theirs.cut(p, true).len()).sum::<usize>()),
        ),
    ] {
        println!("  {what}: ours {o:.2} ms, jieba-rs {t:.2} ms (ratio {:.2}; {:.0} KB/ms ours)", o / t, kb / o);
    }
}
