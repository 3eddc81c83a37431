//! Keyness: the terms that set one report apart from the others, by the log-likelihood G² of
//! its count against the others' together (Rayson & Garside 2000) with the log ratio as effect
//! size (Hardie 2014), over content words (`Analysis::term_counts`); and the terms all share.

use super::Report;
use crate::analysis::{Analysis, KeyTerm, KeyTerms, SharedTerm};
use crate::fx::FxMap;
use crate::stats::round;

/// Fewer occurrences say little however lopsided: 2 against 0 is chance in a short report.
pub const MIN_COUNT: usize = 3;
/// p < 0.001 with one degree of freedom.
pub const MIN_G2: f64 = 10.83;
/// At least twice as frequent as in the others.
pub const MIN_LOG_RATIO: f64 = 1.0;
const MAX_KEY_TERMS: usize = 30;
const MAX_SHARED: usize = 30;

/// Content-word counts of a report: `term_counts`, or for an analysis saved before that
/// existed, the truncated `terms`.
fn counts(a: &Analysis) -> FxMap<&str, usize> {
    if a.term_counts.is_empty() {
        a.terms.iter().map(|t| (t.term.as_str(), t.count)).collect()
    } else {
        a.term_counts.iter().map(|(t, c)| (t.as_str(), *c)).collect()
    }
}

/// Content words of a report: the base of its relative frequencies.
pub fn words(a: &Analysis) -> usize {
    counts(a).values().sum()
}

/// G² of `a` occurrences in `c` words against `b` in `d`.
fn g2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

pub fn keyness(reports: &[Report]) -> (Vec<KeyTerms>, Vec<SharedTerm>) {
    let per: Vec<FxMap<&str, usize>> = reports.iter().map(|r| counts(r.a)).collect();
    let sizes: Vec<usize> = per.iter().map(|m| m.values().sum()).collect();
    let grand: usize = sizes.iter().sum();
    let mut totals: FxMap<&str, usize> = FxMap::default();
    for m in &per {
        for (t, c) in m {
            *totals.entry(t).or_default() += c;
        }
    }
    let key = per
        .iter()
        .zip(&sizes)
        .zip(reports)
        .map(|((m, &size), r)| {
            let (c, d) = (size as f64, (grand - size) as f64);
            let mut terms: Vec<KeyTerm> = Vec::new();
            if size > 0 && d > 0.0 {
                for (&term, &count) in m.iter().filter(|(_, &n)| n >= MIN_COUNT) {
                    let rest = totals[term] - count;
                    let (a, b) = (count as f64, rest as f64);
                    let log_ratio = ((a / c) / (b.max(0.5) / d)).log2();
                    let score = g2(a, b, c, d);
                    // over-use only: a term this report avoids is another's key term
                    if a / c > b / d && score >= MIN_G2 && log_ratio >= MIN_LOG_RATIO {
                        terms.push(KeyTerm {
                            term: term.to_string(),
                            count,
                            rest,
                            per_10k: round(a * 10_000.0 / c, 2),
                            rest_per_10k: round(b * 10_000.0 / d, 2),
                            g2: round(score, 2),
                            log_ratio: round(log_ratio, 2),
                        });
                    }
                }
            }
            terms.sort_by(|x, y| y.g2.total_cmp(&x.g2).then_with(|| x.term.cmp(&y.term)));
            terms.truncate(MAX_KEY_TERMS);
            KeyTerms { report: r.id.clone(), terms }
        })
        .collect();
    (key, shared(&per, &sizes))
}

/// Terms in every report, ranked by their lowest relative frequency: a term all use often
/// comes before one that a single report repeats.
fn shared(per: &[FxMap<&str, usize>], sizes: &[usize]) -> Vec<SharedTerm> {
    // one column (the same report given twice) shares with nobody
    let (Some(first), true) = (per.first(), per.len() >= 2) else { return Vec::new() };
    let rate = |n: usize, size: usize| n as f64 * 10_000.0 / size.max(1) as f64;
    let mut out: Vec<(f64, SharedTerm)> = first
        .keys()
        .filter_map(|&term| {
            let counts: Vec<usize> = per.iter().map(|m| m.get(term).copied()).collect::<Option<_>>()?;
            let rates: Vec<f64> = counts.iter().zip(sizes).map(|(&n, &s)| rate(n, s)).collect();
            let low = rates.iter().copied().fold(f64::INFINITY, f64::min);
            let per_10k = rates.into_iter().map(|x| round(x, 2)).collect();
            Some((low, SharedTerm { term: term.to_string(), counts, per_10k }))
        })
        .collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.term.cmp(&b.1.term)));
    out.into_iter().take(MAX_SHARED).map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::g2;

    #[test]
    fn g2_by_the_formula() {
        // 50 in 10,000 words against 20 in 20,000: expected 23.33 and 46.67,
        // 2 × (50 ln(50/23.33) + 20 ln(20/46.67)) = 42.32
        let x = g2(50.0, 20.0, 10_000.0, 20_000.0);
        assert!((x - 42.32).abs() < 0.01, "{x}");
        // the same rate on both sides is no evidence at all
        assert!(g2(10.0, 20.0, 1_000.0, 2_000.0).abs() < 1e-9);
    }
}
