//! The quantity extractor on a county report we wrote and annotated ourselves by the rules of
//! ANNOTATION.md, with what the shared corpus lacks: full-width and Chinese numerals, 百分之百,
//! 亿元 and 万元, ranges, percentage points, thousands separators, ordinal lists (第三、四、五组),
//! session numbers, formulas (“1+3+N”, 三重一大, 十四五), and targets under 工作安排.

use report_lens::{analyze_bytes, eval, Analysis, Options};

/// Analyses a fixture and scores it against its gold file; asserts what both fixtures must meet.
fn scored(file: &str, gold: &str) -> Analysis {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let a = analyze_bytes(file, &std::fs::read(format!("{dir}/{file}")).unwrap(), &Options::default()).unwrap();
    let gold = eval::parse_gold(&std::fs::read_to_string(format!("{dir}/gold/{gold}")).unwrap()).unwrap();
    let s = eval::score(&a.text, &gold, &a.quantities);
    println!(
        "{file}: P {:.3} R {:.3} F1 {:.3} category {:.3} strict {:.3}",
        s.precision, s.recall, s.f1, s.category_accuracy, s.strict_f1
    );
    assert_eq!(
        (s.misses.len(), s.false_positives.len()),
        (0, 0),
        "misses {:?} extra {:?}",
        s.misses,
        s.false_positives
    );
    assert!(s.category_accuracy >= 0.95, "{:?}", s.wrong_category);
    assert!(s.strict_f1 >= 0.85, "{:?}", s.wrong_subject);
    a
}

#[test]
fn county_report_against_our_gold() {
    let a = scored("county-2024-report.txt", "county-2024-report.quantities.jsonl");
    // the plan's numbers are targets, the review's are achievements
    let targets: Vec<&str> = a.quantities.iter().filter(|q| q.target).map(|q| q.text.as_str()).collect();
    assert_eq!(targets, vec!["5次", "8次", "95%"]);
    let range = a.quantities.iter().find(|q| q.text == "3至5次").unwrap();
    assert_eq!((range.value, range.value_max), (3.0, Some(5.0)));
    let money = a.quantities.iter().find(|q| q.text == "1.2亿元").unwrap();
    assert_eq!((money.value, money.unit.as_str(), money.category.as_str()), (1.2e8, "元", "funds"));
    // the metrics sum what agrees: funds in 元 over the review only
    let funds = a.metrics.iter().find(|m| m.category == "funds").unwrap();
    assert_eq!(funds.sums[0].total, 120_000_000.0 + 5_000_000.0 + 486_000.0);
}

/// A provincial proposal report in Markdown: proposal counts and shares, vague Chinese counts
/// (百余件, 十几件, 千余人次, 数百次, 一百多件), 近 and 超过, a plan under 下一步工作.
#[test]
fn provincial_proposal_report_against_our_gold() {
    let a = scored("province-2024-proposals.md", "province-2024-proposals.quantities.jsonl");
    assert_eq!(a.meta.kind, "proposal_report");
    assert_eq!(a.meta.committee.as_ref().map(|c| c.level.as_str()), Some("省"));
    let plan: Vec<&str> =
        a.sections.iter().filter(|s| s.part == report_lens::structure::Part::Plan).map(|s| s.title.as_str()).collect();
    assert_eq!(plan, vec!["三、下一步工作"]);
    assert_eq!(a.quantities.iter().filter(|q| q.target).map(|q| q.text.as_str()).collect::<Vec<_>>(), vec!["10次"]);
}
