//! The corpus's flat tables, one row per item, the report id first in every one; closed sets
//! as a Chinese label with the code in the next column (`category`, `category_code`).

use crate::csv::{num, opt};
use report_lens::lexicon::label;
use report_lens::quantity::tables::tables;
use report_lens::Analysis;

pub const REPORTS: &[&str] = &[
    "report_id",
    "file",
    "name",
    "bytes",
    "encoding",
    "title",
    "subtitle",
    "committee",
    "place",
    "level",
    "term",
    "meeting",
    "year",
    "kind",
    "kind_code",
    "chars",
    "han_chars",
    "paragraphs",
    "sentences",
    "tokens",
    "distinct_terms",
    "mean_sentence_chars",
    "formulation_sentence_share",
    "quantities",
    "achievements",
    "formulations",
    "warnings",
];

pub fn report(file: &str, a: &Analysis) -> Vec<String> {
    let m = &a.meta;
    let c = m.committee.as_ref();
    let s = &a.stats;
    vec![
        a.id.clone(),
        file.to_string(),
        a.source.name.clone(),
        a.source.bytes.to_string(),
        a.source.encoding.clone(),
        m.title.clone().unwrap_or_default(),
        m.subtitle.clone().unwrap_or_default(),
        opt(c.map(|c| &c.name)),
        opt(c.map(|c| &c.place)),
        opt(c.map(|c| c.level)),
        opt(c.and_then(|c| c.term.as_ref())),
        m.meeting.clone().unwrap_or_default(),
        opt(m.year),
        label("kind", m.kind.as_str()).to_string(),
        m.kind.to_string(),
        s.chars.to_string(),
        s.han_chars.to_string(),
        s.paragraphs.to_string(),
        s.sentences.to_string(),
        s.tokens.to_string(),
        s.distinct_terms.to_string(),
        num(s.mean_sentence_chars),
        num(s.formulation_sentence_share),
        a.quantities.len().to_string(),
        a.quantities.iter().filter(|q| !q.target).count().to_string(),
        a.formulations.iter().map(|f| f.count).sum::<usize>().to_string(),
        a.warnings.len().to_string(),
    ]
}

pub const QUANTITIES: &[&str] = &[
    "report_id",
    "index",
    "text",
    "value",
    "value_max",
    "approx",
    "approx_code",
    "unit",
    "subject",
    "category",
    "category_code",
    "target",
    "part",
    "part_code",
    "section",
    "context",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
];

pub fn quantities(a: &Analysis) -> impl Iterator<Item = Vec<String>> + '_ {
    a.quantities.iter().enumerate().map(|(i, q)| {
        vec![
            a.id.clone(),
            i.to_string(),
            q.text.clone(),
            num(q.value),
            opt(q.value_max),
            label("approx", q.approx.as_str()).to_string(),
            q.approx.to_string(),
            q.unit.clone(),
            q.subject.clone(),
            tables().label(q.category).to_string(),
            q.category.to_string(),
            q.target.to_string(),
            label("part", q.part.as_str()).to_string(),
            q.part.to_string(),
            q.section.clone().unwrap_or_default(),
            q.context.clone(),
            q.span[0].to_string(),
            q.span[1].to_string(),
            q.sentence[0].to_string(),
            q.sentence[1].to_string(),
        ]
    })
}

pub const FORMULATIONS: &[&str] = &["report_id", "name", "family", "count", "per_10k", "first"];

pub fn formulations(a: &Analysis) -> impl Iterator<Item = Vec<String>> + '_ {
    a.formulations.iter().map(|f| {
        vec![a.id.clone(), f.name.clone(), f.family.clone(), f.count.to_string(), num(f.per_10k), f.first.to_string()]
    })
}

pub const TERMS: &[&str] = &["report_id", "rank", "term", "count"];

/// Every content word (`term_counts`, in the simplified script the analysis reads).
pub fn terms(a: &Analysis) -> impl Iterator<Item = Vec<String>> + '_ {
    a.term_counts
        .iter()
        .enumerate()
        .map(|(i, (t, c))| vec![a.id.clone(), (i + 1).to_string(), t.clone(), c.to_string()])
}

pub const ENTITIES: &[&str] = &["report_id", "kind", "kind_code", "name", "detail", "count", "first"];

/// People (detail: role), places (province), organizations, documents (type) and meetings.
pub fn entities(a: &Analysis) -> Vec<Vec<String>> {
    let e = &a.entities;
    let mut rows = Vec::new();
    let mut add = |kind: &str, name: &str, detail: &str, count: usize, spans: &[[usize; 2]]| {
        rows.push(vec![
            a.id.clone(),
            label("entity", kind).to_string(),
            kind.to_string(),
            name.to_string(),
            detail.to_string(),
            count.to_string(),
            opt(spans.first().map(|s| s[0])),
        ])
    };
    for p in &e.people {
        add("people", &p.name, p.role.as_deref().unwrap_or(""), p.count, &p.spans);
    }
    for p in &e.places {
        add("places", &p.name, &p.province, p.count, &p.spans);
    }
    for o in &e.organizations {
        add("organizations", &o.name, "", o.count, &o.spans);
    }
    for d in &e.documents {
        add("documents", &d.title, &d.kind, d.count, &d.spans);
    }
    for m in &e.meetings {
        add("meetings", &m.name, "", m.count, &m.spans);
    }
    rows
}
