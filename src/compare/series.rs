//! One committee over the years: when every report names the same committee (place and level)
//! and a year of its own, a timeline by year and the year-over-year table of quantities.
//!
//! Quantities of consecutive reports are paired when category and unit agree and the subjects
//! are alike (bigram Dice ≥ `MIN_SIMILARITY`), one to one, the most alike pairs first; what is
//! left over appeared or disappeared. Targets (plans) are left out: they are not results.

use super::subjects::{bigrams, dice};
use super::{committee_label, formulations_per_10k, per_10k, Report};
use crate::analysis::{Category, CategoryCount, Change, Quantity, QuantityRef, Series, ThemeShare, Trend, YearPoint};
use crate::fx::FxSet;
use crate::quantity::tables::tables;
use crate::stats::round;

/// Half the bigrams shared: `立案提案` and `立案办理提案` pair, `提案` and `提案督办` do not.
pub const MIN_SIMILARITY: f64 = 0.5;

pub fn series(reports: &[Report]) -> Option<Series> {
    let first = reports.first()?.a.meta.committee.as_ref()?;
    let mut by_year: Vec<(u32, &Report)> = Vec::new();
    for r in reports {
        let c = r.a.meta.committee.as_ref()?;
        if c.place != first.place || c.level != first.level {
            return None;
        }
        by_year.push((r.a.meta.year?, r));
    }
    by_year.sort_by_key(|&(y, _)| y);
    if by_year.len() < 2 || by_year.windows(2).any(|w| w[0].0 == w[1].0) {
        return None;
    }
    let achieved = |r: &Report, cat: Category| r.a.quantities.iter().filter(|q| !q.target && q.category == cat).count();
    let categories: Vec<Category> =
        Category::ALL.iter().copied().filter(|&c| reports.iter().any(|r| achieved(r, c) > 0)).collect();
    let timeline = by_year
        .iter()
        .map(|&(year, r)| YearPoint {
            year,
            report: r.id.clone(),
            formulations_per_10k: formulations_per_10k(r.a),
            formulation_sentence_share: r.a.stats.formulation_sentence_share,
            themes: r
                .a
                .themes
                .iter()
                .map(|t| ThemeShare { theme: t.theme.clone(), label: t.label.clone(), share: t.share })
                .collect(),
            categories: categories
                .iter()
                .map(|&category| {
                    let count = achieved(r, category);
                    CategoryCount {
                        category,
                        label: tables().label(category).to_string(),
                        count,
                        per_10k: per_10k(count, r.a.stats.chars),
                    }
                })
                .collect(),
        })
        .collect();
    let changes = by_year.windows(2).flat_map(|w| changes(w[0], w[1])).collect();
    Some(Series {
        committee: committee_label(&first.place),
        place: first.place.clone(),
        level: first.level,
        timeline,
        changes,
    })
}

/// An achievement: its index in its report's `quantities`, and its subject's bigrams.
type Achievement<'a> = (usize, &'a Quantity, FxSet<(char, char)>);

fn achievements<'a>(r: &'a Report) -> Vec<Achievement<'a>> {
    r.a.quantities.iter().enumerate().filter(|(_, q)| !q.target).map(|(i, q)| (i, q, bigrams(&q.subject))).collect()
}

fn same_unit(a: &str, b: &str) -> bool {
    let norm = |u: &str| if u == "％" { "%" } else { u }.to_string();
    norm(a) == norm(b)
}

fn reference(r: &Report, index: usize, q: &Quantity) -> QuantityRef {
    QuantityRef {
        report: r.id.clone(),
        index,
        text: q.text.clone(),
        value: q.value,
        subject: q.subject.clone(),
        span: q.span,
        sentence: q.sentence,
        context: q.context.clone(),
    }
}

fn changes((from_year, before): (u32, &Report), (to_year, after): (u32, &Report)) -> Vec<Change> {
    let xs = achievements(before);
    let ys = achievements(after);
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, (_, x, gx)) in xs.iter().enumerate() {
        for (j, (_, y, gy)) in ys.iter().enumerate() {
            if x.category != y.category || !same_unit(&x.unit, &y.unit) {
                continue;
            }
            let sim = dice(gx, gy, &x.subject, &y.subject);
            if sim >= MIN_SIMILARITY {
                candidates.push((sim, i, j));
            }
        }
    }
    // the most alike first; among equals, document order
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut x_used = vec![false; xs.len()];
    let mut y_used = vec![false; ys.len()];
    let mut out: Vec<Change> = Vec::new();
    let change = |q: &Quantity, trend, similarity, delta, before, after| Change {
        category: q.category,
        label: tables().label(q.category).to_string(),
        unit: q.unit.clone(),
        subject: q.subject.clone(),
        from_year,
        to_year,
        trend,
        similarity,
        delta,
        before,
        after,
    };
    for (sim, i, j) in candidates {
        if x_used[i] || y_used[j] {
            continue;
        }
        x_used[i] = true;
        y_used[j] = true;
        let ((xi, x, _), (yi, y, _)) = (&xs[i], &ys[j]);
        let trend = if (y.value - x.value).abs() < 1e-9 {
            Trend::Same
        } else if y.value > x.value {
            Trend::Rose
        } else {
            Trend::Fell
        };
        out.push(change(
            y,
            trend,
            Some(round(sim, 3)),
            Some(round(y.value - x.value, 2)),
            Some(reference(before, *xi, x)),
            Some(reference(after, *yi, y)),
        ));
    }
    for (_, (yi, y, _)) in ys.iter().enumerate().filter(|(k, _)| !y_used[*k]) {
        out.push(change(y, Trend::Appeared, None, None, None, Some(reference(after, *yi, y))));
    }
    for (_, (xi, x, _)) in xs.iter().enumerate().filter(|(k, _)| !x_used[*k]) {
        out.push(change(x, Trend::Disappeared, None, None, Some(reference(before, *xi, x)), None));
    }
    // by category, then where the later report says it (what disappeared last)
    let order = |c: &Change| {
        let cat = Category::ALL.iter().position(|&k| k == c.category).unwrap_or(usize::MAX);
        (cat, c.after.as_ref().map_or(usize::MAX, |q| q.index), c.before.as_ref().map_or(usize::MAX, |q| q.index))
    };
    out.sort_by_key(order);
    out
}
