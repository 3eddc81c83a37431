//! The contract: version 1 of the JSON that the CLI prints and the page receives, as Rust
//! types. Every module that produces findings imports its types from here; nothing here
//! imports from them. Every span is `[start, end)` in UTF-16 code units of `text`.
//!
//! With the `schema` feature the same types derive a JSON Schema (schemars) and TypeScript
//! declarations (ts-rs); `tests/contract.rs` writes both and checks they are current.

mod comparison;
mod head;
mod language;
mod quantity;

pub use comparison::{
    CategoryCount, Cell, Change, Comparison, Duplicate, FigureGroup, FigureRow, KeyTerm, KeyTerms, QuantityRef,
    ReportColumn, Series, SharedTerm, ThemeRow, ThemeShare, Trend, YearPoint, COMPARISON_SCHEMA,
};
pub use head::{Article, Committee, Kind, Level, Meta};
pub use language::{
    Collocate, Concordance, DocumentTitle, Entities, Formulation, KwicLine, Named, Person, Place, SectionShare, Theme,
};
pub use quantity::{Approx, Category, Metric, Quantity, UnitSum};

use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "report-lens/analysis@1";

/// Derives shared by every contract type: serde both ways (a saved analysis is read back to be
/// compared without its file), and with the `schema` feature a JSON Schema and a TypeScript
/// declaration. Hence no `&'static str` fields: what is read back must be owned.
macro_rules! contract {
    ($($item:item)*) => {
        $(
            #[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
            #[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
            $item
        )*
    };
}
pub(crate) use contract;

/// A closed set of names serialised as strings: `as_str` gives the JSON name, and comparing
/// with a `&str` compares that name (handy in tests and in the CLI's CSV).
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),*
                }
            }

            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use named_enum;

named_enum! {
    /// The part of a report a section or a quantity stands in: the review of the year, the plan
    /// for the next (targets, not achievements), or neither.
    Part { Review = "review", Plan = "plan", Other = "other" }
}

named_enum! {
    /// What a warning is about: a repair made to badly extracted text, or a problem of the input.
    WarningKind {
        /// A paragraph broken mid-sentence was joined.
        Joined = "joined",
        /// A photo caption that interrupted a sentence was moved after it.
        Caption = "caption",
        /// A block repeated by the extraction was kept once.
        Repeat = "repeat",
        /// Page furniture (page numbers, running heads, portal navigation) was set aside.
        Furniture = "furniture",
        /// The bytes were not all valid in the encoding (replaced or decoded line by line).
        Encoding = "encoding",
        /// Something in the markup ignored on purpose (a DTD, an entity it would define).
        Markup = "markup",
        /// Characters destroyed before the file reached us (`???`, U+FFFD).
        Garbled = "garbled",
        /// The analysis stopped early (time or size budget).
        Truncated = "truncated",
    }
}

contract! {
    pub struct Analysis {
        /// `report-lens/analysis@1`.
        pub schema: String,
        /// A hash of `text` (`digest::content_id`): the same text has the same id, whatever
        /// its file name or encoding. Every CSV table of the CLI's `corpus` carries it.
        /// (Missing in analyses saved before it existed: read as empty.)
        #[serde(default)]
        pub id: String,
        pub source: Source,
        /// The text as dropped, less the repairs listed in `warnings`; every span refers to it.
        pub text: String,
        pub stats: Stats,
        /// The most frequent content words (`Options::max_terms`), for the word cloud.
        pub terms: Vec<Term>,
        /// Every content word and its count, most frequent first, as `[term, count]`, in the
        /// simplified script the analysis reads. Comparing reports (keyness) needs the counts
        /// of all words, not the top 300: a word said 3 times in a long report is past the
        /// cut, and the other reports' counts of a word decide whether it sets one apart (so
        /// words said once stay too: leaving them out would make a word look like one report's
        /// own when the others use it once each). Measured on the shared corpus: 600–900
        /// entries, about 15% of the JSON. (Missing in older saved analyses: read as empty.)
        #[serde(default)]
        pub term_counts: Vec<(String, usize)>,
        pub keywords: Keywords,
        /// The head of the main article.
        pub meta: Meta,
        pub sections: Vec<Section>,
        pub articles: Vec<Article>,
        pub quantities: Vec<Quantity>,
        pub metrics: Vec<Metric>,
        pub formulations: Vec<Formulation>,
        pub themes: Vec<Theme>,
        pub entities: Entities,
        pub warnings: Vec<Warning>,
    }

    pub struct Source {
        pub name: String,
        pub bytes: usize,
        /// `UTF-8`, `GB18030`, `UTF-16LE`, `DOCX`, `HTML (UTF-8)` …
        pub encoding: String,
    }

    pub struct Stats {
        /// Characters other than whitespace.
        pub chars: usize,
        pub han_chars: usize,
        pub paragraphs: usize,
        pub sentences: usize,
        /// Word tokens (punctuation excluded).
        pub tokens: usize,
        /// Distinct word tokens.
        pub distinct_terms: usize,
        /// Non-whitespace characters per sentence, one decimal.
        pub mean_sentence_chars: f64,
        /// Share of sentences that carry at least one catalogued formulation (提法).
        pub formulation_sentence_share: f64,
    }

    pub struct Term {
        pub term: String,
        pub pos: String,
        pub count: usize,
    }

    pub struct Scored {
        pub term: String,
        pub score: f64,
    }

    #[derive(Default)]
    pub struct Keywords {
        pub tfidf: Vec<Scored>,
        pub textrank: Vec<Scored>,
    }

    pub struct Section {
        pub title: String,
        /// 1 for the outermost heading style used in its article.
        pub level: u8,
        pub span: [usize; 2],
        pub part: Part,
    }

    pub struct Warning {
        pub kind: WarningKind,
        /// What happened, in words a reader understands (Chinese).
        pub message: String,
        /// Where in `text`; for text taken out, an empty span where it stood.
        pub span: Option<[usize; 2]>,
        /// The text taken out or moved, so that the page can show the original with the repairs
        /// marked.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "schema", ts(optional))]
        pub removed: Option<String>,
    }
}
