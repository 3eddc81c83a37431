//! The pipeline, stage by stage: repaired text → view → document → tokens → findings →
//! `Analysis`, with every finding told in the report's own script at the end.

use crate::analysis::{self, Analysis, Section, Source, Term};
use crate::view::View;
use crate::vocabulary::Vocabulary;
use crate::{
    articles, clean, entities, formulations, intake, keywords, quantity, repair, segment, stats, structure, themes,
    Options,
};

pub fn analyze_decoded(
    name: &str,
    bytes: usize,
    encoding: &str,
    raw: &str,
    read_warnings: &[intake::Notice],
    opts: &Options,
) -> Analysis {
    let normalized = clean::normalize(raw);
    // Stages probe lines in the simplified script, many several times (furniture, breaks, meta,
    // front matter): a text with no traditional character is read for it once, not per probe.
    let plain = crate::view::Plain::vouch(&normalized);
    let repaired = repair::repair(&normalized);
    // (repairs take lines out, join them and put whitespace in: no char that changes script)
    let view = if plain.is_some() { View::new_plain(repaired.text) } else { View::new(repaired.text) };
    drop(plain);
    let text = view.text.as_str();
    let plain = view.vouch();
    let spans = view.spans();
    let mut doc = structure::parse(text);
    let articles::Split { articles, ranges: bounds, heads } = articles::split(text, &doc, &spans);
    // an article's head lines (a box label, a second report's title) describe it: not sections
    let mut k = 0;
    doc.headings.retain(|h| {
        while k < heads.len() && heads[k].1 <= h.range.0 {
            k += 1;
        }
        !heads.get(k).is_some_and(|&(s, e)| s <= h.range.0 && h.range.0 < e)
    });
    for (a, &range) in articles.iter().zip(&bounds) {
        structure::parts_for_article(&mut doc.headings, range, a.meta.year, a.meta.kind);
    }
    // heading levels count within each article: a box's heading is not a sub-section of the report
    structure::relevel(&mut doc.headings, &bounds);
    let tokens = segment::tokenize(text, &doc.paragraphs);
    let vocab = Vocabulary::new(text, &tokens);
    let mut stats = stats::stats(text, &doc, &tokens, &vocab);
    let (formulations, share) = formulations::find(text, &doc, &spans, stats.chars);
    stats.formulation_sentence_share = share;
    let counted = stats::terms(&vocab);
    // every count, in the view's script; the list for the word cloud is cut
    let term_counts = counted.iter().map(|&(w, _, n)| (w.to_string(), n)).collect();
    let terms = counted
        .iter()
        .take(opts.max_terms)
        .map(|&(w, pos, count)| Term { term: w.to_string(), pos: pos.to_string(), count })
        .collect();
    let keywords = keywords::keywords(text, &tokens, &vocab, opts.max_keywords);
    let quantities = quantity::extract(text, &doc, &spans);
    let metrics = quantity::metrics(&quantities);
    let sections = doc
        .headings
        .iter()
        .map(|h| Section {
            title: h.title.clone(),
            level: h.level,
            span: spans.span(h.range.0, h.range.1),
            part: h.part,
        })
        .collect();
    let meta = articles.iter().find(|a| a.main).map(|a| a.meta.clone()).unwrap_or_default();
    let themes = themes::themes(text, &doc);
    let entities = entities::find(text, &tokens, &spans);
    drop(plain);
    drop(spans);
    let mut a = Analysis {
        schema: analysis::SCHEMA.into(),
        id: String::new(),
        source: Source { name: name.to_string(), bytes, encoding: encoding.to_string() },
        stats,
        terms,
        term_counts,
        keywords,
        meta,
        sections,
        articles,
        quantities,
        metrics,
        formulations,
        themes,
        entities,
        // intake's warnings (no span: the text changed since), then the repairs
        warnings: read_warnings
            .iter()
            .map(|n| analysis::Warning { kind: n.kind, message: n.message.clone(), span: None, removed: None })
            .chain(repaired.warnings)
            .collect(),
        text: String::new(),
    };
    respell(&mut a, &view);
    a.text = view.into_shown();
    // characters lost before the file reached us, where the user sees them
    a.warnings.extend(intake::garbled::warnings(&a.text));
    a.id = crate::digest::content_id(&a.text);
    a
}

/// Findings were read from the simplified view; a traditional report gets them back in its
/// own characters. Catalogue names (formulations, themes, gazetteer places) stay as listed.
fn respell(a: &mut Analysis, view: &View) {
    let fix = |s: &mut String| {
        if let std::borrow::Cow::Owned(o) = view.respell(s) {
            *s = o;
        }
    };
    let fix_opt = |s: &mut Option<String>| {
        if let Some(s) = s {
            fix(s)
        }
    };
    let fix_meta = |m: &mut analysis::Meta| {
        fix_opt(&mut m.title);
        fix_opt(&mut m.subtitle);
        fix_opt(&mut m.meeting);
        m.authors.iter_mut().for_each(fix);
        if let Some(c) = &mut m.committee {
            fix(&mut c.name);
            fix(&mut c.place);
            fix_opt(&mut c.term);
        }
    };
    fix_meta(&mut a.meta);
    for art in &mut a.articles {
        fix(&mut art.title);
        fix_meta(&mut art.meta);
    }
    a.sections.iter_mut().for_each(|s| fix(&mut s.title));
    for q in &mut a.quantities {
        fix(&mut q.unit);
        fix(&mut q.subject);
        fix(&mut q.context);
        fix_opt(&mut q.section);
    }
    a.metrics.iter_mut().flat_map(|m| &mut m.sums).for_each(|s| fix(&mut s.unit));
    a.terms.iter_mut().for_each(|t| fix(&mut t.term));
    a.keywords.tfidf.iter_mut().chain(&mut a.keywords.textrank).for_each(|k| fix(&mut k.term));
    a.themes.iter_mut().flat_map(|t| &mut t.by_section).for_each(|s| fix(&mut s.section));
    let e = &mut a.entities;
    for p in &mut e.people {
        fix(&mut p.name);
        fix_opt(&mut p.role);
    }
    e.organizations.iter_mut().chain(&mut e.meetings).for_each(|o| fix(&mut o.name));
    e.documents.iter_mut().for_each(|d| fix(&mut d.title));
}
