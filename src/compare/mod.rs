//! Reports side by side: `compare` takes 2–50 analyses (fresh or read back from JSON) and
//! returns the `Comparison` the CLI prints and the page draws. Reports with the same text are
//! one column (the repeats are listed); figures come raw and per 10,000 characters; keyness
//! finds what sets each report apart; one committee's reports of distinct years make a series.

mod figures;
mod keyness;
mod series;
pub mod subjects;

use crate::analysis::{Analysis, Comparison, Duplicate, ReportColumn, COMPARISON_SCHEMA};
use crate::digest::content_id;
use crate::lexicon;
use crate::stats::round;
use crate::Error;

pub use keyness::{MIN_COUNT, MIN_G2, MIN_LOG_RATIO};

/// More columns than a person can read side by side; the CLI's `corpus` tables serve larger sets.
pub const MAX_REPORTS: usize = 50;

/// One distinct report: its analysis, content id and position in the input.
pub(crate) struct Report<'a> {
    pub a: &'a Analysis,
    pub id: String,
    pub index: usize,
}

pub fn compare(analyses: &[Analysis]) -> Result<Comparison, Error> {
    if !(2..=MAX_REPORTS).contains(&analyses.len()) {
        return Err(Error::CompareCount { given: analyses.len(), max: MAX_REPORTS });
    }
    let mut reports: Vec<Report> = Vec::new();
    let mut duplicates = Vec::new();
    for (index, a) in analyses.iter().enumerate() {
        // from the text, not the stored `id`: a saved analysis may predate it or be edited
        let id = content_id(&a.text);
        if reports.iter().any(|r| r.id == id) {
            duplicates.push(Duplicate { index, name: a.source.name.clone(), id });
        } else {
            reports.push(Report { a, id, index });
        }
    }
    let (keyness, shared_terms) = keyness::keyness(&reports);
    Ok(Comparison {
        schema: COMPARISON_SCHEMA.into(),
        reports: columns(&reports),
        duplicates,
        figures: figures::figures(&reports),
        themes: figures::themes(&reports),
        keyness,
        shared_terms,
        series: series::series(&reports),
    })
}

/// Per 10,000 of `base`, two decimals.
pub(crate) fn per_10k(count: usize, base: usize) -> f64 {
    round(count as f64 * 10_000.0 / base.max(1) as f64, 2)
}

/// `清河市政协`, `全国政协`.
pub(crate) fn committee_label(place: &str) -> String {
    format!("{place}政协")
}

pub(crate) fn achievements(a: &Analysis) -> usize {
    a.quantities.iter().filter(|q| !q.target).count()
}

pub(crate) fn formulations_per_10k(a: &Analysis) -> f64 {
    per_10k(a.formulations.iter().map(|f| f.count).sum(), a.stats.chars)
}

fn columns(reports: &[Report]) -> Vec<ReportColumn> {
    let base = |r: &Report| match (&r.a.meta.committee, r.a.meta.year) {
        (Some(c), Some(y)) => format!("{} {y}年", committee_label(&c.place)),
        _ => r.a.source.name.clone(),
    };
    let labels: Vec<String> = reports.iter().map(base).collect();
    let clash = |i: usize| labels.iter().enumerate().any(|(j, l)| j != i && *l == labels[i]);
    reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let a = r.a;
            let mut title = labels[i].clone();
            if clash(i) {
                // two reports of one committee and year: a work report and a proposal report,
                // or two files of one name; the kind tells them apart if it differs
                let kind = lexicon::label("kind", a.meta.kind.as_str());
                let same_kind = reports
                    .iter()
                    .enumerate()
                    .any(|(j, o)| j != i && labels[j] == labels[i] && o.a.meta.kind == a.meta.kind);
                title =
                    if same_kind { format!("{title}（{}）", a.source.name) } else { format!("{title}（{kind}）") };
            }
            let achieved = achievements(a);
            ReportColumn {
                id: r.id.clone(),
                label: title,
                name: a.source.name.clone(),
                index: r.index,
                committee: a.meta.committee.as_ref().map(|c| committee_label(&c.place)),
                year: a.meta.year,
                kind: a.meta.kind,
                chars: a.stats.chars,
                han_chars: a.stats.han_chars,
                sentences: a.stats.sentences,
                mean_sentence_chars: a.stats.mean_sentence_chars,
                words: keyness::words(a),
                achievements: achieved,
                achievements_per_10k: per_10k(achieved, a.stats.chars),
                formulations_per_10k: formulations_per_10k(a),
                formulation_sentence_share: a.stats.formulation_sentence_share,
            }
        })
        .collect()
}
