//! The contract's generated forms stay current and true: the TypeScript declarations and the
//! JSON Schema in `contract/` equal what the Rust types derive, and the CLI's JSON fits the
//! schema. Regenerate after changing a contract type with
//! `UPDATE_CONTRACT=1 cargo test --features schema --test contract`.
#![cfg(feature = "schema")]

use report_lens::analysis::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use ts_rs::{Config, TS};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("contract")
}

fn typescript() -> String {
    // counts and offsets are JavaScript numbers, not bigints
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types in src/analysis/ by tests/contract.rs: do not edit.\n\
         // report-lens/analysis@1 and report-lens/comparison@1 — every span is [start, end) in\n\
         // UTF-16 code units of the `text` of the analysis it belongs to.\n\n",
    );
    macro_rules! declare {
        ($($t:ty),* $(,)?) => {
            $( out.push_str(&format!("export {}\n\n", <$t as TS>::decl(&cfg))); )*
        };
    }
    declare!(
        Analysis,
        Source,
        Stats,
        Term,
        Scored,
        Keywords,
        Section,
        Part,
        Warning,
        WarningKind,
        Meta,
        Committee,
        Level,
        Kind,
        Article,
        Quantity,
        Approx,
        Category,
        Metric,
        UnitSum,
        Formulation,
        Theme,
        SectionShare,
        Entities,
        Person,
        Place,
        Named,
        DocumentTitle,
        Concordance,
        KwicLine,
        Collocate,
        Comparison,
        ReportColumn,
        Duplicate,
        FigureRow,
        FigureGroup,
        Cell,
        ThemeRow,
        KeyTerms,
        KeyTerm,
        SharedTerm,
        Series,
        YearPoint,
        ThemeShare,
        CategoryCount,
        Change,
        Trend,
        QuantityRef,
    );
    out.trim_end().to_string() + "\n"
}

fn schema() -> String {
    let mut s = serde_json::to_value(schemars::schema_for!(Analysis)).unwrap();
    s["$id"] = SCHEMA.into();
    serde_json::to_string_pretty(&s).unwrap() + "\n"
}

fn comparison_schema() -> String {
    let mut s = serde_json::to_value(schemars::schema_for!(Comparison)).unwrap();
    s["$id"] = COMPARISON_SCHEMA.into();
    serde_json::to_string_pretty(&s).unwrap() + "\n"
}

fn check(name: &str, generated: String) {
    let path = dir().join(name);
    if std::env::var_os("UPDATE_CONTRACT").is_some() {
        std::fs::create_dir_all(dir()).unwrap();
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the Rust types: run UPDATE_CONTRACT=1 cargo test --features schema --test contract",
        path.display()
    );
}

#[test]
fn typescript_declarations_are_current() {
    let ts = typescript();
    // the closed sets are unions of their names, not `string`
    assert!(ts.contains(r#"export type Category = "proposals" | "public_opinion_info""#), "{ts}");
    assert!(ts.contains(r#"export type Kind = "work_report" | "proposal_report""#));
    check("analysis.d.ts", ts);
}

#[test]
fn json_schema_is_current() {
    check("analysis.schema.json", schema());
    check("comparison.schema.json", comparison_schema());
}

#[test]
fn the_cli_output_fits_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files =
        vec![root.join("tests/fixtures/sample-report.txt"), root.join("tests/fixtures/county-2024-report.txt")];
    if let Ok(dir) = std::fs::read_dir(root.join("../shared/corpus")) {
        files
            .extend(dir.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")));
    }
    for f in files {
        let out = Command::new(env!("CARGO_BIN_EXE_report-lens")).arg("analyze").arg(&f).output().unwrap();
        assert!(out.status.success(), "{}: {}", f.display(), String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&json).take(5).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", f.display());
        // a value outside a closed set is refused
        let mut bad = json.clone();
        bad["meta"]["kind"] = "memo".into();
        assert!(!validator.is_valid(&bad));
    }
}

#[test]
fn the_cli_comparison_fits_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&comparison_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let series = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&series).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_report-lens"))
        .arg("compare")
        .args(&files)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], COMPARISON_SCHEMA);
    assert!(json["series"].is_object(), "four years of one committee make a series");
    let errors: Vec<String> =
        validator.iter_errors(&json).take(5).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut bad = json.clone();
    bad["series"]["changes"][0]["trend"] = "soared".into();
    assert!(!validator.is_valid(&bad), "a trend outside the closed set is refused");
}
