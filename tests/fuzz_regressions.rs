//! Inputs that once crashed the core (found by the fuzzers in fuzz/, or by the audit before
//! them), replayed on stable Rust through the same entry points as the fuzz targets. Each
//! file in fuzz/regressions/TARGET/ is one input; none may panic.

use report_lens::intake::{docx, html, text, wordml};
use report_lens::{analyze_bytes, concordance, Options};

/// Same as fuzz/fuzz_targets/TARGET.rs.
fn replay(target: &str, data: &[u8]) {
    match target {
        "analyze" => {
            if let Some((&pick, bytes)) = data.split_first() {
                let name = ["report.txt", "report.html", "report.docx", "report.md"][pick as usize % 4];
                let _ = analyze_bytes(name, bytes, &Options::default());
            }
        }
        "text" => {
            let _ = text::decode(data);
        }
        "html" => {
            let _ = html::decode(data);
            let _ = html::to_text(&String::from_utf8_lossy(data));
        }
        "docx" => {
            let _ = docx::read(data);
        }
        "wordml" => {
            let xml = String::from_utf8_lossy(data);
            let styles = wordml::heading_styles(&xml).unwrap_or_default();
            let _ = wordml::paragraphs(&xml, &styles);
        }
        "concordance" => {
            if let Some((&width, rest)) = data.split_first() {
                let s = String::from_utf8_lossy(rest);
                let (term, text) = s.split_once('\n').unwrap_or((&s, &s));
                let _ = concordance(text, term, width as usize, 200);
            }
        }
        other => panic!("fuzz/regressions/{other}: no such fuzz target"),
    }
}

#[test]
fn every_saved_crash_input_runs_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        for f in std::fs::read_dir(&dir).unwrap() {
            let path = f.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| replay(&target, &data));
            assert!(result.is_ok(), "{} panics", path.display());
            replayed += 1;
        }
    }
    assert!(replayed >= 4, "the saved inputs are there ({replayed})");
}
