//! report-lens CLI: `report-lens analyze FILE... [--format json|csv]` prints the same
//! Analysis JSON the page receives; `report-lens eval quantities GOLD.jsonl REPORT` scores the
//! quantity extractor. Unreadable input exits with status 2 and one line naming file and reason.

use report_lens::{analyze_bytes, eval, Analysis, Options};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  report-lens analyze FILE... [--format json|csv]
  report-lens eval quantities GOLD.jsonl REPORT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("eval") if args.get(1).map(String::as_str) == Some("quantities") && args.len() == 4 => {
            eval_quantities(&args[2], &args[3])
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn load(path: &str) -> Result<Analysis, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let name = std::path::Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy().into_owned());
    analyze_bytes(&name, &bytes, &Options::default()).map_err(|e| format!("{path}: {e}"))
}

fn analyze(args: &[String]) -> ExitCode {
    let mut format = "json";
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some(f @ ("json" | "csv")) => format = if f == "json" { "json" } else { "csv" },
                _ => {
                    eprintln!("report-lens: --format takes json or csv");
                    return ExitCode::from(2);
                }
            },
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut analyses = Vec::new();
    for f in &files {
        match load(f) {
            Ok(a) => analyses.push(a),
            Err(msg) => {
                eprintln!("report-lens: {msg}");
                return ExitCode::from(2);
            }
        }
    }
    let out = match format {
        "csv" => csv(&analyses),
        _ if analyses.len() == 1 => serde_json::to_string_pretty(&analyses[0]).expect("serialisable") + "\n",
        _ => serde_json::to_string_pretty(&analyses).expect("serialisable") + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    ExitCode::SUCCESS
}

/// One row per quantity (the table users take to a spreadsheet), with the file it came from.
fn csv(analyses: &[Analysis]) -> String {
    let mut out = String::from("file,text,value,value_max,approx,unit,subject,category,section,part,context\n");
    for a in analyses {
        for q in &a.quantities {
            let fields = [
                a.source.name.clone(),
                q.text.clone(),
                q.value.to_string(),
                q.value_max.map(|v| v.to_string()).unwrap_or_default(),
                q.approx.to_string(),
                q.unit.clone(),
                q.subject.clone(),
                q.category.to_string(),
                q.section.clone().unwrap_or_default(),
                q.part.to_string(),
                q.context.clone(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn eval_quantities(gold_path: &str, report: &str) -> ExitCode {
    let gold = match std::fs::read_to_string(gold_path).map_err(|e| e.to_string()).and_then(|s| eval::parse_gold(&s)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("report-lens: {gold_path}: {e}");
            return ExitCode::from(2);
        }
    };
    let a = match load(report) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("report-lens: {msg}");
            return ExitCode::from(2);
        }
    };
    let s = eval::score(&a.text, &gold, &a.quantities);
    println!(
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
        println!("miss: {m}");
    }
    for m in &s.false_positives {
        println!("extra: {m}");
    }
    for m in &s.wrong_category {
        println!("category: {m}");
    }
    for m in &s.wrong_subject {
        println!("subject: {m}");
    }
    ExitCode::SUCCESS
}
