//! The `Analysis`: version 1 of the JSON contract that the CLI prints and the page receives.
//! Every span is `[start, end)` in UTF-16 code units of `text`.

use crate::articles::Article;
pub use crate::entities::Entities;
use crate::formulations::Formulation;
use crate::meta::Meta;
use crate::structure::Part;
use crate::themes::Theme;
use serde::Serialize;

pub const SCHEMA: &str = "report-lens/analysis@1";

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Analysis {
    pub schema: &'static str,
    pub source: Source,
    pub text: String,
    pub stats: Stats,
    pub terms: Vec<Term>,
    pub keywords: Keywords,
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

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Source {
    pub name: String,
    pub bytes: usize,
    pub encoding: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
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

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Term {
    pub term: String,
    pub pos: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scored {
    pub term: String,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Keywords {
    pub tfidf: Vec<Scored>,
    pub textrank: Vec<Scored>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    pub title: String,
    pub level: u8,
    pub span: [usize; 2],
    pub part: Part,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quantity {
    /// Number + approximation marker + unit, exactly as written: `30余次`.
    pub text: String,
    /// In base units: `1.2万元` is 12000 with unit 元.
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// none | more_than | about | nearly | up_to
    pub approx: &'static str,
    pub unit: String,
    pub subject: String,
    pub category: &'static str,
    pub context: String,
    pub span: [usize; 2],
    /// The sentence holding it (UTF-16 span), for highlighting.
    pub sentence: [usize; 2],
    /// Title of the innermost section holding it.
    pub section: Option<String>,
    pub part: Part,
    /// Under a plan section (工作安排): a target, not an achievement.
    pub target: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Metric {
    pub category: &'static str,
    pub label: &'static str,
    pub mentions: usize,
    /// Sums of values per unit (achievements only), largest first.
    pub sums: Vec<UnitSum>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct UnitSum {
    pub unit: String,
    pub total: f64,
    pub mentions: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Warning {
    pub kind: &'static str,
    pub message: String,
    pub span: Option<[usize; 2]>,
}
