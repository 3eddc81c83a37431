//! Properties of the Analysis on arbitrary text built from a report's alphabet (Han, digits,
//! units, Chinese punctuation, headings, line breaks, markup characters, U+FFFD, astral
//! characters): analysis never panics; every span lies in `text` on UTF-16 character
//! boundaries; a quantity's span is exactly its text; sections lie inside articles; listed
//! term counts never exceed the token count.

use proptest::prelude::*;
use report_lens::{analyze_bytes, Analysis, Error, Options};

/// Pieces a report is made of, a few of them hostile; strings are sequences of these.
const PIECES: &[&str] = &[
    "政协",
    "委员会",
    "常务",
    "工作报告",
    "提案",
    "办理",
    "协商",
    "委员",
    "视察",
    "调研",
    "开展",
    "全年",
    "立案",
    "办复率",
    "达",
    "共",
    "余",
    "多",
    "近",
    "约",
    "件",
    "次",
    "人",
    "项",
    "万元",
    "亿元",
    "个",
    "场",
    "篇",
    "%",
    "0",
    "1",
    "2",
    "3",
    "5",
    "8",
    "9",
    "10",
    "30",
    "100",
    "286",
    "2024年",
    "2025年",
    "一、",
    "二、",
    "（一）",
    "（二）",
    "第一章",
    "#",
    "# ",
    "## ",
    "、",
    "，",
    "。",
    "；",
    "：",
    "《",
    "》",
    "“",
    "”",
    "（",
    "）",
    "—",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\u{3000}",
    "&",
    "&amp;",
    "<",
    ">",
    "<p>",
    "?",
    "???",
    "？",
    "\u{FFFD}",
    "𠀀",
    "😀",
    "𦡦",
    "习近平",
    "张三",
    "吉林省",
    "辽源市",
    "全国政协",
    "十四届",
    "会议",
    "坚持",
    "高质量发展",
];

fn report_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..400).prop_map(|v| v.concat())
}

fn utf16(a: &Analysis) -> Vec<u16> {
    a.text.encode_utf16().collect()
}

/// Every span the Analysis carries, with what it is for the failure message.
fn all_spans(a: &Analysis) -> Vec<(String, [usize; 2])> {
    let mut out = Vec::new();
    out.extend(a.sections.iter().map(|s| (format!("section {}", s.title), s.span)));
    out.extend(a.articles.iter().map(|x| (format!("article {}", x.title), x.span)));
    for q in &a.quantities {
        out.push((format!("quantity {}", q.text), q.span));
        out.push((format!("sentence of {}", q.text), q.sentence));
    }
    for f in &a.formulations {
        out.extend(f.spans.iter().map(|&s| (format!("formulation {}", f.name), s)));
    }
    let e = &a.entities;
    for p in &e.people {
        out.extend(p.spans.iter().map(|&s| (format!("person {}", p.name), s)));
    }
    for p in &e.places {
        out.extend(p.spans.iter().map(|&s| (format!("place {}", p.name), s)));
    }
    for n in e.organizations.iter().chain(&e.meetings) {
        out.extend(n.spans.iter().map(|&s| (format!("name {}", n.name), s)));
    }
    for d in &e.documents {
        out.extend(d.spans.iter().map(|&s| (format!("document {}", d.title), s)));
    }
    out.extend(a.warnings.iter().filter_map(|w| w.span.map(|s| (format!("warning {}", w.message), s))));
    out
}

/// A UTF-16 offset that does not fall between the two halves of a surrogate pair.
fn on_boundary(units: &[u16], at: usize) -> bool {
    at == 0 || at >= units.len() || !(0xDC00..0xE000).contains(&units[at])
}

fn check(a: &Analysis) -> Result<(), TestCaseError> {
    let units = utf16(a);
    for (what, [s, e]) in all_spans(a) {
        prop_assert!(s <= e && e <= units.len(), "{what}: [{s}, {e}) outside {}", units.len());
        prop_assert!(on_boundary(&units, s) && on_boundary(&units, e), "{what}: [{s}, {e}) splits a pair");
    }
    for q in &a.quantities {
        let slice = String::from_utf16(&units[q.span[0]..q.span[1]]).unwrap();
        prop_assert_eq!(&slice, &q.text);
    }
    for s in &a.sections {
        let inside = a.articles.iter().any(|x| x.span[0] <= s.span[0] && s.span[1] <= x.span[1]);
        prop_assert!(inside, "section {} {:?} in no article {:?}", s.title, s.span, a.articles);
    }
    let counted: usize = a.terms.iter().map(|t| t.count).sum();
    prop_assert!(counted <= a.stats.tokens, "terms count {counted} > tokens {}", a.stats.tokens);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 640, ..ProptestConfig::default() })]

    /// As a text file, and as HTML (the same characters through the tokenizer).
    #[test]
    fn analysis_holds_its_invariants(text in report_like(), html in any::<bool>()) {
        let name = if html { "r.html" } else { "r.txt" };
        match analyze_bytes(name, text.as_bytes(), &Options::default()) {
            Ok(a) => check(&a)?,
            Err(e) => prop_assert!(matches!(e, Error::Empty), "{name}: {e} for {text:?}"),
        }
    }
}
