//! What the language of a report shows: formulations (提法), themes, entities, concordance.

use super::contract;
use serde::{Deserialize, Serialize};

contract! {
    /// A catalogued political formulation and where it occurs.
    pub struct Formulation {
        pub name: String,
        pub family: String,
        pub count: usize,
        pub per_10k: f64,
        pub spans: Vec<[usize; 2]>,
        /// UTF-16 offset of the first occurrence.
        pub first: usize,
    }

    pub struct Theme {
        /// The theme's code (`proposals`, `environment` …).
        pub theme: String,
        pub label: String,
        /// Share of the report's text about it, 0–1.
        pub share: f64,
        /// Its share within each top-level section.
        pub by_section: Vec<SectionShare>,
    }

    pub struct SectionShare {
        pub section: String,
        pub share: f64,
    }

    #[derive(Default)]
    pub struct Entities {
        pub people: Vec<Person>,
        pub places: Vec<Place>,
        pub organizations: Vec<Named>,
        pub documents: Vec<DocumentTitle>,
        pub meetings: Vec<Named>,
    }

    pub struct Person {
        pub name: String,
        /// The role the text gives the person, as written: `辽源市政协主席`.
        pub role: Option<String>,
        pub count: usize,
        pub spans: Vec<[usize; 2]>,
    }

    pub struct Place {
        /// The full name (辽源市), also for mentions by short form (辽源).
        pub name: String,
        /// 省 | 市 | 县
        pub level: String,
        pub province: String,
        pub count: usize,
        pub spans: Vec<[usize; 2]>,
    }

    /// An organization or a meeting.
    pub struct Named {
        pub name: String,
        pub count: usize,
        pub spans: Vec<[usize; 2]>,
    }

    /// A title in 《》 and the type of document it names (建议, 报告, 报刊 …).
    pub struct DocumentTitle {
        pub title: String,
        #[serde(rename = "type")]
        pub kind: String,
        pub count: usize,
        pub spans: Vec<[usize; 2]>,
    }

    /// Key word in context: every occurrence of a term, and the words that keep it company.
    pub struct Concordance {
        pub term: String,
        pub lines: Vec<KwicLine>,
        pub collocates: Vec<Collocate>,
    }

    pub struct KwicLine {
        pub left: String,
        pub term: String,
        pub right: String,
        pub span: [usize; 2],
    }

    pub struct Collocate {
        pub term: String,
        pub count: usize,
        /// t-score: (observed − expected) / √observed.
        pub score: f64,
    }
}
