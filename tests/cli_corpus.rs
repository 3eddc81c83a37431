//! The CLI over many files: `corpus` writes JSON Lines and CSV tables that other tools read,
//! lists bad and repeated files without stopping; `analyze` with several files keeps their order.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_report-lens"))
}

fn series() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rl-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn analyze(path: &Path) -> serde_json::Value {
    let out = cli().arg("analyze").arg(path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A folder of the four series reports, a sub-folder with a copy of one under another name, a
/// corrupt .docx and a hidden file.
fn folder() -> PathBuf {
    let dir = temp("corpus-in");
    for f in series() {
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    // files are read in path order, and of two with the same text the first is kept
    std::fs::create_dir_all(dir.join("zz-copies")).unwrap();
    std::fs::copy(&series()[0], dir.join("zz-copies/again.txt")).unwrap();
    std::fs::write(dir.join("broken.docx"), b"PK\x03\x04 this zip was cut off").unwrap();
    std::fs::write(dir.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    dir
}

#[test]
fn corpus_writes_tables_and_skips_bad_files() {
    let input = folder();
    let out = temp("corpus-out");
    let run = cli().arg("corpus").arg(&input).arg("--out").arg(&out).args(["--jobs", "2"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("broken.docx") && stderr.contains("损坏"), "{stderr}");
    assert!(stderr.contains("again.txt") && stderr.contains("内容相同"), "{stderr}");
    assert!(!stderr.contains(".DS_Store"), "hidden files are not reports: {stderr}");

    // one JSON line per report, in path order, each equal to what `analyze` prints
    let jsonl = std::fs::read_to_string(out.join("analyses.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    for (line, file) in lines.iter().zip(series()) {
        assert_eq!(*line, analyze(&file), "{}", file.display());
    }

    // the tables parse with Python's csv module; quantities.csv has one row per quantity
    let expected: Vec<(String, usize)> = lines
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_string(), a["quantities"].as_array().unwrap().len()))
        .collect();
    let script = r#"
import csv, json, sys
out, expected = sys.argv[1], json.loads(sys.argv[2])
for name in ["reports", "quantities", "formulations", "terms", "entities", "skipped"]:
    raw = open(f"{out}/{name}.csv", "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{name}: no BOM"
    rows = list(csv.DictReader(open(f"{out}/{name}.csv", encoding="utf-8-sig", newline="")))
    if name != "skipped":
        assert all(r["report_id"] for r in rows), name
    if name == "quantities":
        per = {}
        for r in rows:
            per[r["report_id"]] = per.get(r["report_id"], 0) + 1
            assert r["category"] and r["category_code"] and r["category"] != r["category_code"], r
        assert per == {k: n for k, n in expected if n}, (per, expected)
    if name == "reports":
        assert [r["report_id"] for r in rows] == [k for k, _ in expected]
        assert {r["kind"] for r in rows} == {"常委会工作报告"} and {r["kind_code"] for r in rows} == {"work_report"}
    if name == "skipped":
        reasons = {r["file"].split("/")[-1]: r for r in rows}
        assert set(reasons) == {"broken.docx", "again.txt"}, reasons
        assert reasons["again.txt"]["duplicate_of"] == expected[0][0]
print("ok")
"#;
    let py = Command::new("python3")
        .args(["-c", script])
        .arg(&out)
        .arg(serde_json::to_string(&expected).unwrap())
        .output()
        .expect("python3 is on the machine");
    assert!(py.status.success(), "{}{}", String::from_utf8_lossy(&py.stdout), String::from_utf8_lossy(&py.stderr));
}

#[test]
fn corpus_with_nothing_readable_exits_2() {
    let input = temp("corpus-bad");
    std::fs::write(input.join("broken.docx"), b"PK\x03\x04 cut off").unwrap();
    let out = input.join("out");
    let run = cli().arg("corpus").arg(&input).arg("--out").arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(out.join("skipped.csv").exists());
}

#[test]
fn analyze_keeps_argument_order_on_all_cores() {
    let mut files = series();
    files.reverse();
    let out = cli().arg("analyze").args(&files).args(["--jobs", "3"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v.as_array().unwrap().iter().map(|a| a["source"]["name"].as_str().unwrap()).collect();
    let want: Vec<String> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, want);
}

#[test]
fn compare_reads_saved_analyses_and_prints_tables() {
    let dir = temp("compare");
    // two reports saved as JSON (one analysis, then an array) and two read as text
    let files = series();
    std::fs::write(dir.join("a.json"), serde_json::to_string(&analyze(&files[0])).unwrap()).unwrap();
    let both = serde_json::Value::Array(vec![analyze(&files[1]), analyze(&files[2])]);
    std::fs::write(dir.join("b.json"), serde_json::to_string(&both).unwrap()).unwrap();
    let saved = cli().arg("compare").arg(dir.join("a.json")).arg(dir.join("b.json")).arg(&files[3]).output().unwrap();
    assert!(saved.status.success(), "{}", String::from_utf8_lossy(&saved.stderr));
    let fresh = cli().arg("compare").args(&files).output().unwrap();
    assert_eq!(saved.stdout, fresh.stdout, "a saved analysis compares as the report it came from");

    let csv = cli().arg("compare").args(&files).args(["--format", "csv", "--out"]).arg(&dir).output().unwrap();
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let changes = std::fs::read_to_string(dir.join("changes.csv")).unwrap();
    assert!(changes.starts_with("\u{feff}from_year,to_year,category,"), "{changes}");
    assert!(changes.lines().any(|l| l.starts_with("2021,2022,提案,proposals,件,") && l.contains(",上升,rose,")));

    let one = cli().arg("compare").arg(&files[0]).output().unwrap();
    assert_eq!(one.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&one.stderr).contains("2 至 50"));
    std::fs::write(dir.join("not.json"), "{\"name\": 1}").unwrap();
    let bad = cli().arg("compare").arg(dir.join("not.json")).arg(&files[0]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not.json"));
}

#[test]
fn shards_concatenate_to_the_whole() {
    // two shards from a list of files, as a cluster would run them
    let dir = temp("shards");
    let files = series();
    let mut lines = Vec::new();
    for (k, shard) in files.chunks(2).enumerate() {
        let list = dir.join(format!("shard-{k}.txt"));
        std::fs::write(&list, shard.iter().map(|p| p.display().to_string() + "\n").collect::<String>()).unwrap();
        let out = dir.join(format!("out-{k}"));
        let run = cli().arg("corpus").arg("--files-from").arg(&list).arg("--out").arg(&out).output().unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        lines.extend(std::fs::read_to_string(out.join("analyses.jsonl")).unwrap().lines().map(String::from));
    }
    let whole = dir.join("whole");
    let run = cli().arg("corpus").args(&files).arg("--out").arg(&whole).output().unwrap();
    assert!(run.status.success());
    let all: Vec<String> =
        std::fs::read_to_string(whole.join("analyses.jsonl")).unwrap().lines().map(String::from).collect();
    assert_eq!(lines, all);
}
