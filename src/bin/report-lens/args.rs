//! The few options the commands take: files, and `--flag value` pairs from a known set.

use crate::USAGE;

pub struct Args {
    pub files: Vec<String>,
    pub format: Option<String>,
    pub out: Option<String>,
    /// Threads; all cores when not given.
    pub jobs: usize,
}

/// `--budget SECONDS`: how long one report may take before it is given up (default: a minute
/// plus 10 s per MB, as in the page).
pub static BUDGET: std::sync::OnceLock<std::time::Duration> = std::sync::OnceLock::new();

/// Paths one per line, from a file or (`-`) standard input.
fn list(path: &str) -> Result<Vec<String>, String> {
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("stdin: {e}"))?
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?
    };
    Ok(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect())
}

pub fn parse(args: &[String], allowed: &[&str]) -> Result<Args, String> {
    let mut a = Args { files: Vec::new(), format: None, out: None, jobs: 0 };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let flag = arg.as_str();
        if !flag.starts_with("--") {
            a.files.push(arg.clone());
            continue;
        }
        if !allowed.contains(&flag) {
            return Err(format!("unknown option {flag}\n{USAGE}"));
        }
        let value = it.next().ok_or_else(|| format!("{flag} takes a value"))?.clone();
        match flag {
            "--format" if value == "json" || value == "csv" => a.format = Some(value),
            "--format" => return Err("--format takes json or csv".into()),
            "--out" => a.out = Some(value),
            "--jobs" => a.jobs = value.parse().ok().filter(|&n| n > 0).ok_or("--jobs takes a number of threads")?,
            // a shard's share of a corpus: more paths than a command line holds
            "--files-from" => a.files.extend(list(&value)?),
            "--budget" => {
                let secs: f64 =
                    value.parse().ok().filter(|s: &f64| s.is_finite() && *s >= 0.0).ok_or("--budget takes seconds")?;
                let _ = BUDGET.set(std::time::Duration::from_secs_f64(secs));
            }
            _ => unreachable!("every allowed flag is handled"),
        }
    }
    if a.files.is_empty() {
        return Err(USAGE.into());
    }
    if a.jobs == 0 {
        a.jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    }
    Ok(a)
}
