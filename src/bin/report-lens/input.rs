//! Reading what the commands are given: report files (analysed), saved analyses (`.json`, one
//! Analysis or an array; `.jsonl`, one per line) and folders (walked for reports).

use report_lens::{analysis::SCHEMA, analyze_bytes, Analysis, Options};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// The name an analysis is given: the file name, as the page does.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The time one report may take: `--budget`, else a minute plus 10 s per MB (the page's).
fn budget(bytes: usize) -> Duration {
    crate::args::BUDGET
        .get()
        .copied()
        .unwrap_or_else(|| Duration::from_secs(60) + Duration::from_secs_f64(bytes as f64 / 1_048_576.0 * 10.0))
}

/// Analyses one report file; the error is the reason, in one line. A panic in the core is
/// caught and reported the same way, so that one bad file cannot end a corpus run; an
/// analysis past its budget is given up with a message (its thread is left to the process's
/// end: a thread cannot be stopped from outside).
pub fn analyze_file(path: &Path) -> Result<Analysis, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let name = file_name(path);
    let limit = budget(bytes.len());
    let size = bytes.len();
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(format!("analyze {name}"))
        .spawn(move || {
            let run = std::panic::catch_unwind(|| analyze_bytes(&name, &bytes, &Options::default()));
            let _ = tx.send(run);
        })
        .map_err(|e| e.to_string())?;
    match rx.recv_timeout(limit) {
        Ok(Ok(result)) => result.map_err(|e| e.to_string()),
        Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("分析时出现内部错误 (internal error; please report this file)".into())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "分析超过时间预算 {:.1} 秒，已放弃 ({:.1} MB; analysis stopped after its time budget, --budget sets it)",
            limit.as_secs_f64(),
            size as f64 / 1_048_576.0
        )),
    }
}

/// Analyses the files on `jobs` threads, results in the order given; errors name the file.
pub fn analyze_all(files: &[PathBuf], jobs: usize) -> Vec<Result<Analysis, String>> {
    let mut out = Vec::with_capacity(files.len());
    crate::pool::ordered(
        files,
        jobs,
        |p| analyze_file(p).map_err(|e| format!("{}: {e}", p.display())),
        |r| out.push(r),
    );
    out
}

pub fn is_saved(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonl"))
}

/// Saved analyses: a `.json` file holds one Analysis or an array (what `analyze` prints), a
/// `.jsonl` file one per line (what `corpus` writes).
pub fn read_saved(path: &Path) -> Result<Vec<Analysis>, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
    let one = |s: &str| -> Result<Analysis, String> {
        let v: serde_json::Value = serde_json::from_str(s).map_err(|e| format!("不是 JSON (not JSON): {e}"))?;
        match v.get("schema").and_then(|s| s.as_str()) {
            Some(SCHEMA) => {
                serde_json::from_value(v).map_err(|e| format!("分析结果不完整 (not a whole analysis): {e}"))
            }
            Some(other) => Err(format!("不是 {SCHEMA} 分析结果，而是 {other} (not an analysis)")),
            None => Err(format!("不是 report-lens 分析结果：缺少 schema 字段 (no {SCHEMA} schema)")),
        }
    };
    let jsonl = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    if jsonl {
        let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
        return lines.map(|(i, l)| one(l).map_err(|e| format!("{shown}: line {}: {e}", i + 1))).collect();
    }
    if text.trim_start().starts_with('[') {
        let items: Vec<serde_json::Value> = serde_json::from_str(&text).map_err(|e| format!("{shown}: {e}"))?;
        return items.iter().map(|v| one(&v.to_string()).map_err(|e| format!("{shown}: {e}"))).collect();
    }
    one(&text).map(|a| vec![a]).map_err(|e| format!("{shown}: {e}"))
}

/// The files named, with folders walked (sorted, hidden entries and `skip` left out).
pub fn expand(paths: &[String], skip: Option<&Path>) -> Result<Vec<PathBuf>, String> {
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let mut out = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        if path.is_dir() {
            walk(&path, skip.as_deref(), &mut out).map_err(|e| format!("{p}: {e}"))?;
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

fn walk(dir: &Path, skip: Option<&Path>, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if skip.is_some_and(|s| dir.canonicalize().is_ok_and(|d| d == s)) {
        return Ok(()); // the output folder inside the input: its tables are not reports
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, skip, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}
