//! `report-lens analyze FILE... [--format json|csv]`: the Analysis JSON the page receives (an
//! array for several files, analysed in parallel, printed in argument order), or one CSV row
//! per quantity.

use crate::args::Args;
use crate::csv::line;
use crate::input;
use report_lens::Analysis;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let files: Vec<PathBuf> = args.files.iter().map(PathBuf::from).collect();
    let mut analyses = Vec::new();
    let mut failed = false;
    for r in input::analyze_all(&files, args.jobs) {
        match r {
            Ok(a) => analyses.push(a),
            Err(msg) => {
                eprintln!("report-lens: {msg}");
                failed = true;
            }
        }
    }
    if failed {
        return Ok(ExitCode::from(2));
    }
    let out = match args.format.as_deref() {
        Some("csv") => csv(&analyses),
        _ if analyses.len() == 1 => serde_json::to_string_pretty(&analyses[0]).expect("serialisable") + "\n",
        _ => serde_json::to_string_pretty(&analyses).expect("serialisable") + "\n",
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// One row per quantity (the table users take to a spreadsheet), with the file it came from.
fn csv(analyses: &[Analysis]) -> String {
    let mut out = String::from("file,text,value,value_max,approx,unit,subject,category,section,part,context\n");
    for a in analyses {
        for q in &a.quantities {
            out.push_str(&line(&[
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
            ]));
        }
    }
    out
}
