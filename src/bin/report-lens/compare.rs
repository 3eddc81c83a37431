//! `report-lens compare FILE... [--format json|csv] [--out DIR]`: the Comparison the page gets,
//! as JSON, or its tables as CSV (long form: one row per figure and report), printed one after
//! another under a `# name` line, or written to `DIR/NAME.csv` with `--out`. A FILE is a report
//! (analysed, in parallel) or saved analyses (`.json`, `.jsonl`).

use crate::args::Args;
use crate::csv::{num, opt, Table};
use crate::input;
use report_lens::analysis::{Comparison, QuantityRef};
use report_lens::lexicon::label;
use report_lens::{compare, Analysis};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let paths: Vec<PathBuf> = args.files.iter().map(PathBuf::from).collect();
    let reports: Vec<PathBuf> = paths.iter().filter(|p| !input::is_saved(p)).cloned().collect();
    let mut analysed = input::analyze_all(&reports, args.jobs).into_iter();
    let mut analyses: Vec<Analysis> = Vec::new();
    for p in &paths {
        if input::is_saved(p) {
            analyses.extend(input::read_saved(p)?);
        } else {
            analyses.push(analysed.next().expect("one result per report")?);
        }
    }
    let c = compare(&analyses).map_err(|e| e.to_string())?;
    if args.format.as_deref() == Some("csv") {
        let tables = tables(&c);
        if let Some(dir) = &args.out {
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            for t in &tables {
                t.write(&dir)?;
            }
        } else {
            let text: Vec<String> = tables.iter().map(|t| format!("# {}\n{}", t.name, t.text())).collect();
            print(&text.join("\n"));
        }
    } else {
        let json = serde_json::to_string_pretty(&c).expect("serialisable") + "\n";
        match &args.out {
            Some(dir) => {
                let dir = PathBuf::from(dir);
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                let path = dir.join("comparison.json");
                std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            None => print(&json),
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print(s: &str) {
    let _ = std::io::stdout().lock().write_all(s.as_bytes());
}

/// The comparison as tidy tables: `reports`, `figures`, `themes`, `keyness`, `shared_terms`,
/// and for a series `timeline` and `changes`.
fn tables(c: &Comparison) -> Vec<Table> {
    let col = |i: usize| (c.reports[i].id.clone(), c.reports[i].label.clone());
    let mut reports = Table::new(
        "reports",
        &[
            "report_id",
            "label",
            "name",
            "index",
            "committee",
            "year",
            "kind",
            "kind_code",
            "chars",
            "han_chars",
            "sentences",
            "mean_sentence_chars",
            "words",
            "achievements",
            "achievements_per_10k",
            "formulations_per_10k",
            "formulation_sentence_share",
            "duplicates",
        ],
    );
    for r in &c.reports {
        let dups: Vec<&str> = c.duplicates.iter().filter(|d| d.id == r.id).map(|d| d.name.as_str()).collect();
        reports.push(vec![
            r.id.clone(),
            r.label.clone(),
            r.name.clone(),
            r.index.to_string(),
            opt(r.committee.as_ref()),
            opt(r.year),
            label("kind", r.kind.as_str()).to_string(),
            r.kind.to_string(),
            r.chars.to_string(),
            r.han_chars.to_string(),
            r.sentences.to_string(),
            num(r.mean_sentence_chars),
            r.words.to_string(),
            r.achievements.to_string(),
            num(r.achievements_per_10k),
            num(r.formulations_per_10k),
            num(r.formulation_sentence_share),
            dups.join("; "),
        ]);
    }
    let mut figures =
        Table::new("figures", &["group", "group_code", "key", "label", "report_id", "report", "count", "per_10k"]);
    for row in &c.figures {
        for (i, cell) in row.cells.iter().enumerate() {
            let (id, report) = col(i);
            figures.push(vec![
                label("figure", row.group.as_str()).to_string(),
                row.group.to_string(),
                row.key.clone(),
                row.label.clone(),
                id,
                report,
                cell.count.to_string(),
                num(cell.per_10k),
            ]);
        }
    }
    let mut themes = Table::new("themes", &["theme", "theme_code", "report_id", "report", "share"]);
    for row in &c.themes {
        for (i, share) in row.shares.iter().enumerate() {
            let (id, report) = col(i);
            themes.push(vec![row.label.clone(), row.theme.clone(), id, report, num(*share)]);
        }
    }
    let mut keyness = Table::new(
        "keyness",
        &["report_id", "report", "rank", "term", "count", "rest", "per_10k", "rest_per_10k", "g2", "log_ratio"],
    );
    for (i, k) in c.keyness.iter().enumerate() {
        for (rank, t) in k.terms.iter().enumerate() {
            let (id, report) = col(i);
            keyness.push(vec![
                id,
                report,
                (rank + 1).to_string(),
                t.term.clone(),
                t.count.to_string(),
                t.rest.to_string(),
                num(t.per_10k),
                num(t.rest_per_10k),
                num(t.g2),
                num(t.log_ratio),
            ]);
        }
    }
    let mut shared = Table::new("shared_terms", &["rank", "term", "report_id", "report", "count", "per_10k"]);
    for (rank, t) in c.shared_terms.iter().enumerate() {
        for (i, (n, r)) in t.counts.iter().zip(&t.per_10k).enumerate() {
            let (id, report) = col(i);
            shared.push(vec![(rank + 1).to_string(), t.term.clone(), id, report, n.to_string(), num(*r)]);
        }
    }
    let mut out = vec![reports, figures, themes, keyness, shared];
    if let Some(s) = &c.series {
        out.extend(series_tables(s));
    }
    out
}

fn series_tables(s: &report_lens::analysis::Series) -> Vec<Table> {
    let mut timeline = Table::new("timeline", &["year", "report_id", "measure", "key", "label", "value", "per_10k"]);
    for p in &s.timeline {
        let mut add = |measure: &str, key: &str, label: &str, value: f64, per_10k: Option<f64>| {
            timeline.push(vec![
                p.year.to_string(),
                p.report.clone(),
                measure.to_string(),
                key.to_string(),
                label.to_string(),
                num(value),
                opt(per_10k),
            ])
        };
        add("formulations", "per_10k", "提法（每万字）", p.formulations_per_10k, None);
        add("formulations", "sentence_share", "含提法的句子比例", p.formulation_sentence_share, None);
        for t in &p.themes {
            add("theme_share", &t.theme, &t.label, t.share, None);
        }
        for q in &p.categories {
            add("achievements", q.category.as_str(), &q.label, q.count as f64, Some(q.per_10k));
        }
    }
    const SIDE: [&str; 8] = ["report_id", "index", "text", "value", "subject", "start", "end", "context"];
    let header: &'static [&'static str] = &[
        "from_year",
        "to_year",
        "category",
        "category_code",
        "unit",
        "subject",
        "trend",
        "trend_code",
        "similarity",
        "delta",
        "before_report_id",
        "before_index",
        "before_text",
        "before_value",
        "before_subject",
        "before_start",
        "before_end",
        "before_context",
        "after_report_id",
        "after_index",
        "after_text",
        "after_value",
        "after_subject",
        "after_start",
        "after_end",
        "after_context",
    ];
    debug_assert_eq!(header.len(), 10 + 2 * SIDE.len());
    let side = |q: &Option<QuantityRef>| -> Vec<String> {
        match q {
            Some(q) => vec![
                q.report.clone(),
                q.index.to_string(),
                q.text.clone(),
                num(q.value),
                q.subject.clone(),
                q.span[0].to_string(),
                q.span[1].to_string(),
                q.context.clone(),
            ],
            None => vec![String::new(); SIDE.len()],
        }
    };
    let mut changes = Table::new("changes", header);
    for ch in &s.changes {
        let mut row = vec![
            ch.from_year.to_string(),
            ch.to_year.to_string(),
            ch.label.clone(),
            ch.category.to_string(),
            ch.unit.clone(),
            ch.subject.clone(),
            label("trend", ch.trend.as_str()).to_string(),
            ch.trend.to_string(),
            opt(ch.similarity),
            opt(ch.delta),
        ];
        row.extend(side(&ch.before));
        row.extend(side(&ch.after));
        changes.push(row);
    }
    vec![timeline, changes]
}
