//! The side-by-side table: achievements per category, formulations and entity mentions, each
//! raw and per 10,000 characters, and theme shares; one cell per column.

use super::{per_10k, Report};
use crate::analysis::{Category, Cell, Entities, FigureGroup, FigureRow, ThemeRow};
use crate::lexicon;
use crate::quantity::tables::tables;

pub fn figures(reports: &[Report]) -> Vec<FigureRow> {
    let mut rows = Vec::new();
    let row = |group, key: &str, label: &str, counts: Vec<usize>| FigureRow {
        group,
        key: key.to_string(),
        label: label.to_string(),
        cells: counts
            .into_iter()
            .zip(reports)
            .map(|(count, r)| Cell { count, per_10k: per_10k(count, r.a.stats.chars) })
            .collect(),
    };
    for &cat in Category::ALL {
        let counts: Vec<usize> =
            reports.iter().map(|r| r.a.quantities.iter().filter(|q| !q.target && q.category == cat).count()).collect();
        if counts.iter().any(|&c| c > 0) {
            rows.push(row(FigureGroup::Quantities, cat.as_str(), tables().label(cat), counts));
        }
    }
    // formulations any report uses, the most used over all first
    let mut names: Vec<(&str, usize)> = Vec::new();
    for f in reports.iter().flat_map(|r| &r.a.formulations) {
        match names.iter_mut().find(|(n, _)| *n == f.name) {
            Some(e) => e.1 += f.count,
            None => names.push((&f.name, f.count)),
        }
    }
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (name, _) in names {
        let counts =
            reports.iter().map(|r| r.a.formulations.iter().find(|f| f.name == name).map_or(0, |f| f.count)).collect();
        rows.push(row(FigureGroup::Formulations, name, name, counts));
    }
    type Mentions = fn(&Entities) -> usize;
    let kinds: [(&str, Mentions); 5] = [
        ("people", |e| e.people.iter().map(|x| x.count).sum()),
        ("places", |e| e.places.iter().map(|x| x.count).sum()),
        ("organizations", |e| e.organizations.iter().map(|x| x.count).sum()),
        ("documents", |e| e.documents.iter().map(|x| x.count).sum()),
        ("meetings", |e| e.meetings.iter().map(|x| x.count).sum()),
    ];
    for (kind, mentions) in kinds {
        let counts = reports.iter().map(|r| mentions(&r.a.entities)).collect();
        rows.push(row(FigureGroup::Entities, kind, lexicon::label("entity", kind), counts));
    }
    rows
}

/// Every theme any report has, in the catalogue's order, with its share in each report.
pub fn themes(reports: &[Report]) -> Vec<ThemeRow> {
    let mut rows: Vec<ThemeRow> = Vec::new();
    for t in reports.iter().flat_map(|r| &r.a.themes) {
        if !rows.iter().any(|r| r.theme == t.theme) {
            rows.push(ThemeRow { theme: t.theme.clone(), label: t.label.clone(), shares: Vec::new() });
        }
    }
    for row in &mut rows {
        row.shares =
            reports.iter().map(|r| r.a.themes.iter().find(|t| t.theme == row.theme).map_or(0.0, |t| t.share)).collect();
    }
    rows
}
