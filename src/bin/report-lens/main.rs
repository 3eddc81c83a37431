//! report-lens CLI: `analyze` prints the same Analysis JSON the page receives; `corpus` analyses
//! a folder of reports on all cores into JSON Lines and flat CSV tables; `compare` prints the
//! Comparison the page draws (JSON) or its tables (CSV); `eval quantities` scores the quantity
//! extractor. Unreadable input exits with status 2 and one line naming file and reason (in
//! `corpus`, bad files are listed and skipped instead).

mod analyze;
mod args;
mod compare;
mod corpus;
mod csv;
mod eval;
mod input;
mod pool;
mod tables;

use std::process::ExitCode;

const USAGE: &str = "usage:
  report-lens analyze FILE... [--format json|csv] [--jobs N] [--budget SECONDS]
  report-lens corpus DIR_OR_FILE... --out DIR [--jobs N] [--files-from LIST] [--budget SECONDS]
  report-lens compare FILE... [--format json|csv] [--out DIR] [--jobs N] [--budget SECONDS]
      (FILE: a report, or saved Analysis JSON: .json, .jsonl)
  report-lens eval quantities GOLD.jsonl REPORT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => args::parse(rest, &["--format", "--jobs", "--budget"]).and_then(|a| analyze::run(&a)),
        Some("corpus") => {
            args::parse(rest, &["--out", "--jobs", "--files-from", "--budget"]).and_then(|a| corpus::run(&a))
        }
        Some("compare") => {
            args::parse(rest, &["--format", "--out", "--jobs", "--budget"]).and_then(|a| compare::run(&a))
        }
        Some("eval") if args.get(1).map(String::as_str) == Some("quantities") && args.len() == 4 => {
            eval::quantities(&args[2], &args[3])
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            if msg.starts_with("usage:") {
                eprintln!("{msg}");
            } else {
                eprintln!("report-lens: {msg}");
            }
            ExitCode::from(2)
        }
    }
}
