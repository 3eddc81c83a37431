//! Comparing reports: four reports of one invented committee (政协青岚市, 2021–2024, in
//! `tests/fixtures/series/`), each written around the topic of its year, so that each has
//! terms of its own; proposals, public-opinion reports and studios counted every year.

use report_lens::analysis::{Change, Comparison, Trend};
use report_lens::{analyze_bytes, compare, Analysis, Options};
use std::path::Path;

const YEARS: [u32; 4] = [2021, 2022, 2023, 2024];

fn report(year: u32) -> Analysis {
    let name = format!("qinglan-city-{year}-report.txt");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series").join(&name);
    analyze_bytes(&name, &std::fs::read(path).unwrap(), &Options::default()).unwrap()
}

fn series() -> Vec<Analysis> {
    YEARS.iter().map(|&y| report(y)).collect()
}

fn key_terms(c: &Comparison, column: usize) -> Vec<&str> {
    c.keyness[column].terms.iter().map(|t| t.term.as_str()).collect()
}

/// The year-over-year rows of `category` whose later (or earlier) subject contains `subject`.
fn changes<'c>(c: &'c Comparison, category: &str, subject: &str) -> Vec<&'c Change> {
    let s = c.series.as_ref().expect("a series");
    s.changes.iter().filter(|ch| ch.category == category && ch.subject.contains(subject)).collect()
}

#[test]
fn columns_are_labelled_by_committee_and_year() {
    let c = compare(&series()).unwrap();
    let labels: Vec<&str> = c.reports.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["青岚市政协 2021年", "青岚市政协 2022年", "青岚市政协 2023年", "青岚市政协 2024年"]);
    for (col, a) in c.reports.iter().zip(series()) {
        assert_eq!(col.id, a.id, "the column's id is the analysis's content id");
        assert!(col.chars > 700 && col.words > 100, "{col:?}");
    }
    // every row has one cell per column, and per 10,000 characters is the count over the size
    for row in &c.figures {
        assert_eq!(row.cells.len(), 4, "{}", row.key);
        for (cell, col) in row.cells.iter().zip(&c.reports) {
            assert!((cell.per_10k - cell.count as f64 * 10_000.0 / col.chars as f64).abs() < 0.01);
        }
    }
    let proposals = c.figures.iter().find(|r| r.key == "proposals").unwrap();
    assert!(proposals.cells.iter().all(|x| x.count >= 3), "{proposals:?}");
    assert!(c.themes.iter().all(|t| t.shares.len() == 4));
}

#[test]
fn keyness_finds_the_topic_of_each_year() {
    let c = compare(&series()).unwrap();
    let planted: [&[&str]; 4] = [&["乡村振兴"], &["数字经济", "疫情防控"], &["营商环境"], &["养老", "新质生产力"]];
    for (column, terms) in planted.iter().enumerate() {
        let got = key_terms(&c, column);
        for t in *terms {
            assert!(got.contains(t), "{}: {t} not among {got:?}", YEARS[column]);
        }
        // and no year claims another year's topic
        for (other, theirs) in planted.iter().enumerate().filter(|(o, _)| *o != column) {
            for t in *theirs {
                assert!(!got.contains(t), "{} lists {t}, the topic of {}", YEARS[column], YEARS[other]);
            }
        }
        for k in &c.keyness[column].terms {
            assert!(k.count >= report_lens::compare::MIN_COUNT && k.g2 >= 10.83 && k.log_ratio >= 1.0, "{k:?}");
        }
    }
    let rural = c.keyness[0].terms.iter().find(|t| t.term == "乡村振兴").unwrap();
    assert_eq!(rural.rest, 0);
    // words every year uses are shared, not key
    let shared: Vec<&str> = c.shared_terms.iter().map(|t| t.term.as_str()).collect();
    for t in ["委员", "提案", "视察调研"] {
        assert!(shared.contains(&t), "{t} not in {shared:?}");
        assert!((0..4).all(|col| !key_terms(&c, col).contains(&t)));
    }
    assert!(c.shared_terms.iter().all(|t| t.counts.len() == 4 && t.counts.iter().all(|&n| n > 0)));
}

#[test]
fn the_timeline_runs_by_year_whatever_the_order_given() {
    let mut reports = series();
    reports.swap(0, 3);
    reports.swap(1, 2);
    let c = compare(&reports).unwrap();
    let s = c.series.as_ref().expect("one committee in four years is a series");
    assert_eq!((s.committee.as_str(), s.place.as_str(), s.level.as_str()), ("青岚市政协", "青岚市", "市"));
    let years: Vec<u32> = s.timeline.iter().map(|p| p.year).collect();
    assert_eq!(years, YEARS);
    // the columns keep the order given
    assert_eq!(c.reports[0].year, Some(2024));
    for p in &s.timeline {
        let col = c.reports.iter().find(|r| r.id == p.report).unwrap();
        assert_eq!(col.year, Some(p.year));
        assert_eq!(p.formulations_per_10k, col.formulations_per_10k);
        let proposals = p.categories.iter().find(|q| q.category == "proposals").unwrap();
        assert_eq!(proposals.label, "提案");
        assert!(proposals.count >= 3);
        assert!((p.themes.iter().map(|t| t.share).sum::<f64>() - 1.0).abs() < 0.02);
    }
}

#[test]
fn year_over_year_pairs_the_same_counts() {
    let c = compare(&series()).unwrap();
    // 立案提案 286 → 301 → 295 → 312 件
    let filed = changes(&c, "proposals", "立案");
    let steps: Vec<(u32, f64, f64, Trend)> = filed
        .iter()
        .map(|ch| (ch.from_year, ch.before.as_ref().unwrap().value, ch.after.as_ref().unwrap().value, ch.trend))
        .collect();
    assert_eq!(
        steps,
        [(2021, 286.0, 301.0, Trend::Rose), (2022, 301.0, 295.0, Trend::Fell), (2023, 295.0, 312.0, Trend::Rose)]
    );
    let deltas: Vec<Option<f64>> = filed.iter().map(|ch| ch.delta).collect();
    assert_eq!(deltas, [Some(15.0), Some(-6.0), Some(17.0)]);
    // 社情民意信息 412 → 468 → 503 → 520 篇, never confused with the 36/41/52/57 篇 adopted
    let written: Vec<(f64, f64)> = changes(&c, "public_opinion_info", "编报")
        .iter()
        .map(|ch| (ch.before.as_ref().unwrap().value, ch.after.as_ref().unwrap().value))
        .collect();
    assert_eq!(written, [(412.0, 468.0), (468.0, 503.0), (503.0, 520.0)]);
    // 办复率 98.6% → 100%, then the same
    let rate: Vec<Trend> = changes(&c, "percentage", "办复率").iter().map(|ch| ch.trend).collect();
    assert_eq!(rate, [Trend::Rose, Trend::Same, Trend::Same]);
    // studios first counted in 2023 (24), then 30 in 2024
    let studios: Vec<(u32, Trend)> =
        changes(&c, "organizations", "委员工作室").iter().map(|ch| (ch.to_year, ch.trend)).collect();
    assert_eq!(studios, [(2023, Trend::Appeared), (2024, Trend::Rose)]);
    // the 2021 lectures on party history are not held again
    let lectures = changes(&c, "study_training", "党史学习教育");
    assert_eq!(lectures.len(), 1);
    assert_eq!((lectures[0].from_year, lectures[0].trend), (2021, Trend::Disappeared));
    // each side points at its own report's text and sentence
    let texts: Vec<Analysis> = series();
    for ch in &c.series.as_ref().unwrap().changes {
        for q in [&ch.before, &ch.after].into_iter().flatten() {
            let a = texts.iter().find(|a| a.id == q.report).unwrap();
            let utf16: Vec<u16> = a.text.encode_utf16().collect();
            assert_eq!(String::from_utf16(&utf16[q.span[0]..q.span[1]]).unwrap(), q.text);
            assert!(q.sentence[0] <= q.span[0] && q.span[1] <= q.sentence[1]);
            assert_eq!(a.quantities[q.index].text, q.text);
            assert!(!a.quantities[q.index].target, "plans are not paired");
        }
    }
}

#[test]
fn pairing_is_one_to_one_and_by_subject() {
    let c = compare(&series()).unwrap();
    let s = c.series.as_ref().unwrap();
    for from in [2021, 2022, 2023] {
        let step: Vec<&Change> = s.changes.iter().filter(|ch| ch.from_year == from).collect();
        let befores: Vec<usize> = step.iter().filter_map(|ch| ch.before.as_ref().map(|q| q.index)).collect();
        let afters: Vec<usize> = step.iter().filter_map(|ch| ch.after.as_ref().map(|q| q.index)).collect();
        let unique = |v: &[usize]| v.iter().collect::<std::collections::HashSet<_>>().len() == v.len();
        assert!(unique(&befores) && unique(&afters), "{from}: a quantity used twice");
        for ch in step.iter().filter(|ch| ch.before.is_some() && ch.after.is_some()) {
            let (b, a) = (ch.before.as_ref().unwrap(), ch.after.as_ref().unwrap());
            assert!(ch.similarity.unwrap() >= 0.5, "{} / {}", b.subject, a.subject);
        }
    }
}

#[test]
fn a_file_given_twice_is_one_column() {
    let reports = series();
    let mut again = reports[1].clone();
    again.source.name = "copy-of-2022.txt".into();
    let c = compare(&[reports[0].clone(), reports[1].clone(), again, reports[2].clone()]).unwrap();
    assert_eq!(c.reports.len(), 3);
    assert_eq!(c.duplicates.len(), 1);
    let d = &c.duplicates[0];
    assert_eq!((d.index, d.name.as_str()), (2, "copy-of-2022.txt"));
    assert_eq!(d.id, c.reports[1].id);
    assert_eq!(c.reports[2].index, 3);
    // the repeat does not count as "the others": 2022's terms stay its own
    assert!(key_terms(&c, 1).contains(&"数字经济"));
    // the same report twice is one column: nothing to set apart, nobody to share with
    let alone = compare(&[reports[0].clone(), reports[0].clone()]).unwrap();
    assert_eq!((alone.reports.len(), alone.duplicates.len()), (1, 1));
    assert!(alone.keyness[0].terms.is_empty() && alone.shared_terms.is_empty() && alone.series.is_none());
}

#[test]
fn saved_analyses_compare_as_fresh_ones() {
    let fresh = series();
    let saved: Vec<Analysis> =
        fresh.iter().map(|a| serde_json::from_str(&serde_json::to_string(a).unwrap()).unwrap()).collect();
    assert_eq!(saved, fresh, "an analysis reads back equal to itself");
    assert_eq!(compare(&saved).unwrap(), compare(&fresh).unwrap());
    // saved before `term_counts` existed: keyness falls back to the top terms
    let mut old: Vec<serde_json::Value> = fresh.iter().map(|a| serde_json::to_value(a).unwrap()).collect();
    for v in &mut old {
        v.as_object_mut().unwrap().remove("term_counts");
        v.as_object_mut().unwrap().remove("id");
    }
    let old: Vec<Analysis> = old.into_iter().map(|v| serde_json::from_value(v).unwrap()).collect();
    let c = compare(&old).unwrap();
    assert_eq!(c.reports[0].id, fresh[0].id, "the id comes from the text");
    assert!(key_terms(&c, 0).contains(&"乡村振兴"));
}

#[test]
fn reports_of_different_committees_are_no_series() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports");
    let other = analyze_bytes(
        "lanxi-county-2024-report.txt",
        &std::fs::read(root.join("lanxi-county-2024-report.txt")).unwrap(),
        &Options::default(),
    )
    .unwrap();
    let c = compare(&[report(2023), other.clone()]).unwrap();
    assert!(c.series.is_none());
    assert_eq!(c.reports.len(), 2);
    // two reports of one year are no series either
    let mut same_year = report(2023);
    same_year.text.push_str("\n附：会议材料。");
    assert!(compare(&[report(2023), same_year]).unwrap().series.is_none());
}

#[test]
fn too_few_or_too_many_reports_are_refused_with_a_message() {
    let one = [report(2021)];
    let msg = compare(&one).unwrap_err().to_string();
    assert!(msg.contains("2 至 50") && msg.contains('1'), "{msg}");
    let many: Vec<Analysis> = (0..51).map(|_| one[0].clone()).collect();
    assert!(compare(&many).is_err());
}
