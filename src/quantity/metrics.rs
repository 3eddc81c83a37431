//! Per category: how many quantities, and for achievements (not targets) the sums per unit.

use super::tables;
use crate::analysis::{Metric, Quantity, UnitSum};

/// The unit summed: an alternative in brackets is set aside (48项(条) adds to 项).
fn primary(unit: &str) -> &str {
    unit.split(['(', '（']).next().unwrap_or(unit)
}

pub fn metrics(qs: &[Quantity]) -> Vec<Metric> {
    let t = tables::tables();
    let mut out: Vec<Metric> = Vec::new();
    for &(cat, label) in &t.labels {
        let of_cat: Vec<&Quantity> = qs.iter().filter(|q| q.category == cat).collect();
        if of_cat.is_empty() {
            continue;
        }
        let mut sums: Vec<UnitSum> = Vec::new();
        for q in of_cat.iter().filter(|q| !q.target && q.unit != "%") {
            let unit = primary(&q.unit);
            match sums.iter_mut().find(|s| s.unit == unit) {
                Some(s) => {
                    s.total = super::round(s.total + q.value);
                    s.mentions += 1;
                }
                None => sums.push(UnitSum { unit: unit.to_string(), total: q.value, mentions: 1 }),
            }
        }
        sums.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(b.total.total_cmp(&a.total)));
        out.push(Metric { category: cat, label: label.to_string(), mentions: of_cat.len(), sums });
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.mentions));
    out
}
