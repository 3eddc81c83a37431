//! Political formulations (提法) from the catalogue in `lexicon/formulations.txt`: how often
//! each occurs (its wording or a variant), its density per 10,000 characters, every span, the
//! first occurrence; and the share of sentences that carry at least one.

pub use crate::analysis::Formulation;
use crate::lexicon::{lines, Phrases};
use crate::stats::round;
use crate::structure::Document;
use crate::view::SpanMap;
use std::sync::OnceLock;

const CATALOGUE: &str = include_str!("lexicon/formulations.txt");

struct Catalogue {
    entries: Vec<(&'static str, &'static str)>,
    phrases: Phrases<usize>,
}

fn catalogue() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(|| {
        let mut entries = Vec::new();
        let mut words = Vec::new();
        for l in lines(CATALOGUE) {
            let mut parts = l.split('|').map(str::trim);
            let (Some(name), Some(family)) = (parts.next(), parts.next()) else { continue };
            let id = entries.len();
            entries.push((name, family));
            words.push((name, id));
            for v in parts.next().unwrap_or("").split_whitespace() {
                words.push((v, id));
            }
        }
        Catalogue { entries, phrases: Phrases::new(words) }
    })
}

/// The formulations found, most frequent first, and the share of sentences holding one.
pub fn find(text: &str, doc: &Document, idx: &SpanMap, chars: usize) -> (Vec<Formulation>, f64) {
    let c = catalogue();
    let hits = c.phrases.find_all(text);
    // one pass over the hits, grouped by entry (hits come in text order, so spans stay in order)
    let mut by_entry: Vec<Vec<[usize; 2]>> = vec![Vec::new(); c.entries.len()];
    for &(s, e, id) in &hits {
        by_entry[id].push(idx.span(s, e));
    }
    let mut out: Vec<Formulation> = Vec::new();
    for (spans, &(name, family)) in by_entry.into_iter().zip(&c.entries) {
        if spans.is_empty() {
            continue;
        }
        let count = spans.len();
        out.push(Formulation {
            name: name.into(),
            family: family.into(),
            count,
            per_10k: round(count as f64 * 10_000.0 / chars.max(1) as f64, 2),
            first: spans[0][0],
            spans,
        });
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
    // sentences and hits are both in text order: walk them together
    let mut with = 0;
    let mut k = 0;
    for &(s, e) in &doc.sentences {
        while k < hits.len() && hits[k].0 < s {
            k += 1;
        }
        if k < hits.len() && hits[k].0 < e {
            with += 1;
        }
    }
    let share = if doc.sentences.is_empty() { 0.0 } else { round(with as f64 / doc.sentences.len() as f64, 3) };
    (out, share)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure;

    #[test]
    fn counts_every_wording_once() {
        let text = "坚持以习近平新时代中国特色社会主义思想为指导，增强“四个意识”、坚定“四个自信”。深刻领悟“两个确立”，做到“两个维护”。坚持团结和民主两大主题。贯彻两大主题。会议结束。";
        let doc = structure::parse(text);
        let view = crate::view::View::new(text.to_string());
        let (f, share) = find(text, &doc, &view.spans(), text.chars().count());
        let got: Vec<(&str, usize)> = f.iter().map(|x| (x.name.as_str(), x.count)).collect();
        assert!(got.contains(&("习近平新时代中国特色社会主义思想", 1)));
        assert!(got.contains(&("团结和民主两大主题", 2)), "{got:?}");
        assert!(!got.iter().any(|(n, _)| *n == "中国式现代化"));
        assert_eq!(share, 0.8); // 4 of 5 sentences
        let t = f.iter().find(|x| x.name == "四个意识").unwrap();
        assert_eq!(t.family, "党的领导");
        assert_eq!(
            t.first,
            text.encode_utf16().count() - text[text.find("四个意识").unwrap()..].encode_utf16().count()
        );
    }
}
