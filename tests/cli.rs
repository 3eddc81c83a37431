//! The CLI: JSON for one file, an array for several, CSV, and exit status 2 with a one-line
//! message naming the file for unreadable input.

use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_report-lens"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn one_file_is_an_object_several_an_array() {
    let out = cli().args(["analyze", &fixture("small.txt")]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "report-lens/analysis@1");
    assert_eq!(v["source"]["name"], "small.txt");
    for key in ["meta", "sections", "quantities", "metrics", "formulations", "themes", "entities", "warnings"] {
        assert!(v.get(key).is_some(), "{key} present from the start");
    }
    let out = cli().args(["analyze", &fixture("small.txt"), &fixture("sample-gb18030.txt")]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    assert_eq!(v[1]["source"]["encoding"], "GB18030");
}

#[test]
fn csv_lists_quantities() {
    let out = cli().args(["analyze", &fixture("small.txt"), "--format", "csv"]).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].starts_with("file,text,value"));
    assert_eq!(lines.len(), 4);
    assert!(lines[2].starts_with("small.txt,120件,120,,none,件,"), "{}", lines[2]);
}

#[test]
fn unreadable_input_exits_2_with_one_line() {
    let dir = std::env::temp_dir().join(format!("rl-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("data.bin");
    std::fs::write(&bin, b"\x01\x02\0\0\x03\x04\0\x05\x06").unwrap();
    let png = dir.join("photo.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    for (path, needle) in [
        (bin.to_str().unwrap(), "二进制"),
        (png.to_str().unwrap(), "图片"),
        (empty.to_str().unwrap(), "文件为空"),
        ("/no/such/file.txt", "No such file"),
    ] {
        let out = cli().args(["analyze", path]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(path) && err.contains(needle), "{err}");
    }
    let out = cli().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_analysis_past_its_budget_is_given_up_with_a_message() {
    // a zero budget: every report is past it, so the message is certain; the rest of a corpus
    // run goes on (the corpus tests skip bad files the same way)
    let out = cli().args(["analyze", "--budget", "0", &fixture("sample-report.txt")]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("sample-report.txt") && err.contains("时间预算"), "{err}");
    // a budget the report fits in changes nothing
    let out = cli().args(["analyze", "--budget", "600", &fixture("small.txt")]).output().unwrap();
    assert!(out.status.success());
    let out = cli().args(["analyze", "--budget", "soon", &fixture("small.txt")]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
