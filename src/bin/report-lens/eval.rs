//! `report-lens eval quantities GOLD.jsonl REPORT`: precision, recall and F1 of the quantity
//! extractor against gold annotations, with the misses and extras listed.

use crate::input;
use report_lens::eval;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn quantities(gold_path: &str, report: &str) -> Result<ExitCode, String> {
    let gold = std::fs::read_to_string(gold_path)
        .map_err(|e| e.to_string())
        .and_then(|s| eval::parse_gold(&s))
        .map_err(|e| format!("{gold_path}: {e}"))?;
    let a = input::analyze_file(Path::new(report)).map_err(|e| format!("{report}: {e}"))?;
    let s = eval::score(&a.text, &gold, &a.quantities);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "gold {} predicted {} matched {}\nprecision {:.3} recall {:.3} f1 {:.3}\ncategory_accuracy {:.3} with_alt {:.3} strict_f1 {:.3}",
        s.gold,
        s.predicted,
        s.matched,
        s.precision,
        s.recall,
        s.f1,
        s.category_accuracy,
        s.category_accuracy_with_alt,
        s.strict_f1
    );
    for m in &s.misses {
        let _ = writeln!(out, "miss: {m}");
    }
    for m in &s.false_positives {
        let _ = writeln!(out, "extra: {m}");
    }
    for m in &s.wrong_category {
        let _ = writeln!(out, "category: {m}");
    }
    for m in &s.wrong_subject {
        let _ = writeln!(out, "subject: {m}");
    }
    // one write: a reader that closes the pipe early (| head) ends the output, not in a panic
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}
