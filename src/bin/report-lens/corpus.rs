//! `report-lens corpus DIR_OR_FILE... --out DIR`: every report analysed on all cores, written
//! as `analyses.jsonl` (one Analysis per line, as `analyze` prints it) and flat CSV tables
//! (`reports`, `quantities`, `formulations`, `terms`, `entities`), each row keyed by the report
//! id. A file that cannot be read, or repeats an earlier file's text, goes to `skipped.csv`
//! and stderr; the run goes on, and exits 0 when at least one report was read.

use crate::args::Args;
use crate::csv::Writer;
use crate::{input, pool, tables};
use report_lens::Analysis;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

struct Out {
    jsonl: BufWriter<File>,
    reports: Writer,
    quantities: Writer,
    formulations: Writer,
    terms: Writer,
    entities: Writer,
    skipped: Writer,
}

/// What a worker hands back: the analysis and its JSON line, serialised on the worker's core.
type Done = Result<(Analysis, String), String>;

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let dir = PathBuf::from(args.out.as_deref().ok_or("corpus needs --out DIR")?);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = input::expand(&args.files, Some(&dir))?;
    if files.is_empty() {
        return Err("no files found".into());
    }
    let jsonl_path = dir.join("analyses.jsonl");
    let jsonl = File::create(&jsonl_path).map_err(|e| format!("{}: {e}", jsonl_path.display()))?;
    let mut out = Out {
        jsonl: BufWriter::new(jsonl),
        reports: Writer::create(&dir, "reports", tables::REPORTS)?,
        quantities: Writer::create(&dir, "quantities", tables::QUANTITIES)?,
        formulations: Writer::create(&dir, "formulations", tables::FORMULATIONS)?,
        terms: Writer::create(&dir, "terms", tables::TERMS)?,
        entities: Writer::create(&dir, "entities", tables::ENTITIES)?,
        skipped: Writer::create(&dir, "skipped", &["file", "reason", "duplicate_of"])?,
    };
    let started = Instant::now();
    let (mut read, mut skipped, mut bytes) = (0usize, 0usize, 0usize);
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut failure: Option<String> = None;
    let items: Vec<(usize, &PathBuf)> = files.iter().enumerate().collect();
    pool::ordered(
        &items,
        args.jobs,
        |&(i, p)| -> (usize, Done) {
            let done = input::analyze_file(p).and_then(|a| {
                let line = serde_json::to_string(&a).map_err(|e| e.to_string())?;
                Ok((a, line))
            });
            (i, done)
        },
        |(i, done)| {
            if failure.is_some() {
                return;
            }
            let file = files[i].display().to_string();
            let step = match done {
                Err(reason) => {
                    eprintln!("report-lens: {file}: {reason}");
                    skipped += 1;
                    out.skipped.row(&[file.as_str(), &reason, ""])
                }
                Ok((a, _)) if seen.contains_key(&a.id) => {
                    let first = &seen[&a.id];
                    eprintln!("report-lens: {file}: 与 {first} 内容相同，已跳过 (same text as {first})");
                    skipped += 1;
                    out.skipped.row(&[file.as_str(), &format!("与 {first} 内容相同 (same text)"), &a.id])
                }
                Ok((a, line)) => {
                    read += 1;
                    bytes += a.source.bytes;
                    seen.insert(a.id.clone(), file.clone());
                    write(&mut out, &file, &a, &line)
                }
            };
            if let Err(e) = step {
                failure = Some(e);
            }
        },
    );
    if let Some(e) = failure {
        return Err(e);
    }
    finish(out, &jsonl_path)?;
    let secs = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1_048_576.0;
    eprintln!(
        "report-lens: {read} reports ({mb:.1} MB) read, {skipped} skipped, in {secs:.1} s: {:.2} MB/s on {} threads → {}",
        mb / secs.max(1e-9),
        args.jobs,
        dir.display()
    );
    Ok(if read > 0 { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

fn write(out: &mut Out, file: &str, a: &Analysis, line: &str) -> Result<(), String> {
    out.jsonl
        .write_all(line.as_bytes())
        .and_then(|_| out.jsonl.write_all(b"\n"))
        .map_err(|e| format!("analyses.jsonl: {e}"))?;
    out.reports.row(&tables::report(file, a))?;
    for r in tables::quantities(a) {
        out.quantities.row(&r)?;
    }
    for r in tables::formulations(a) {
        out.formulations.row(&r)?;
    }
    for r in tables::terms(a) {
        out.terms.row(&r)?;
    }
    for r in tables::entities(a) {
        out.entities.row(&r)?;
    }
    Ok(())
}

fn finish(mut out: Out, jsonl: &Path) -> Result<(), String> {
    out.jsonl.flush().map_err(|e| format!("{}: {e}", jsonl.display()))?;
    for w in [out.reports, out.quantities, out.formulations, out.terms, out.entities, out.skipped] {
        w.finish()?;
    }
    Ok(())
}
