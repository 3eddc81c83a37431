//! Several reports side by side (`compare::compare`): one column per distinct report, figures
//! raw and per 10,000 characters, the terms that set each report apart (keyness) and those all
//! share, and for one committee over the years a timeline and the quantities paired year to
//! year. Every list that runs across the reports has one entry per column of `reports`, in
//! that order; a report is named by its content `id` (the Analysis's `id`).

use super::{contract, named_enum, Category, Kind, Level};
use serde::{Deserialize, Serialize};

pub const COMPARISON_SCHEMA: &str = "report-lens/comparison@1";

named_enum! {
    /// What a row of `figures` counts.
    FigureGroup {
        /// Achievements (quantities that are not targets) of one category.
        Quantities = "quantities",
        /// Occurrences of one formulation.
        Formulations = "formulations",
        /// Mentions of one kind of entity (`people`, `places`, `organizations`, `documents`,
        /// `meetings`).
        Entities = "entities",
    }
}

named_enum! {
    /// How a quantity moved from one year's report to the next.
    Trend {
        Rose = "rose",
        Fell = "fell",
        Same = "same",
        /// Only in the later report.
        Appeared = "appeared",
        /// Only in the earlier report.
        Disappeared = "disappeared",
    }
}

contract! {
    pub struct Comparison {
        /// `report-lens/comparison@1`.
        pub schema: String,
        /// One column per distinct report, in the order given.
        pub reports: Vec<ReportColumn>,
        /// Reports given again (the same text): left out of every figure.
        pub duplicates: Vec<Duplicate>,
        pub figures: Vec<FigureRow>,
        pub themes: Vec<ThemeRow>,
        /// Per column: the terms that set the report apart from the others.
        pub keyness: Vec<KeyTerms>,
        /// Terms every report uses, the most evenly frequent first.
        pub shared_terms: Vec<SharedTerm>,
        /// Present when the reports are of one committee (place and level) in distinct years.
        pub series: Option<Series>,
    }

    pub struct ReportColumn {
        /// The content id (a hash of the text).
        pub id: String,
        /// `清河市政协 2023年`; the file name when the report does not name its committee or
        /// year; made unique with the kind or the file name.
        pub label: String,
        /// The file name (`source.name`).
        pub name: String,
        /// Position in the list given to `compare`.
        pub index: usize,
        pub committee: Option<String>,
        pub year: Option<u32>,
        pub kind: Kind,
        /// Characters other than whitespace: the base of every `per_10k`.
        pub chars: usize,
        pub han_chars: usize,
        pub sentences: usize,
        pub mean_sentence_chars: f64,
        /// Content words (`term_counts` summed): the base of keyness.
        pub words: usize,
        /// Quantities that are not targets.
        pub achievements: usize,
        pub achievements_per_10k: f64,
        /// Occurrences of all formulations per 10,000 characters.
        pub formulations_per_10k: f64,
        pub formulation_sentence_share: f64,
    }

    pub struct Duplicate {
        /// Position in the list given to `compare`.
        pub index: usize,
        pub name: String,
        /// The id of the column it repeats.
        pub id: String,
    }

    /// One figure across the reports.
    pub struct FigureRow {
        pub group: FigureGroup,
        /// The category code, formulation name or entity kind.
        pub key: String,
        /// Its Chinese label.
        pub label: String,
        /// One per column.
        pub cells: Vec<Cell>,
    }

    pub struct Cell {
        pub count: usize,
        /// Per 10,000 characters of that report.
        pub per_10k: f64,
    }

    pub struct ThemeRow {
        pub theme: String,
        pub label: String,
        /// Share of each report's text, 0–1, one per column.
        pub shares: Vec<f64>,
    }

    pub struct KeyTerms {
        /// The column's id.
        pub report: String,
        /// Strongest first (by G²).
        pub terms: Vec<KeyTerm>,
    }

    /// A term used markedly more in one report than in the others together: at least
    /// `MIN_COUNT` times, log-likelihood G² ≥ 10.83 (p < 0.001) and at least twice the
    /// relative frequency (log ratio ≥ 1).
    pub struct KeyTerm {
        pub term: String,
        /// Occurrences in this report.
        pub count: usize,
        /// Occurrences in all the other reports together.
        pub rest: usize,
        /// Per 10,000 content words, here and in the others.
        pub per_10k: f64,
        pub rest_per_10k: f64,
        /// Log-likelihood G² (Rayson & Garside 2000).
        pub g2: f64,
        /// Effect size: log₂ of the ratio of relative frequencies (Hardie 2014), a zero in the
        /// others counted as 0.5.
        pub log_ratio: f64,
    }

    pub struct SharedTerm {
        pub term: String,
        /// One per column.
        pub counts: Vec<usize>,
        /// Per 10,000 content words, one per column.
        pub per_10k: Vec<f64>,
    }

    /// One committee's reports over the years.
    pub struct Series {
        /// `清河市政协`.
        pub committee: String,
        pub place: String,
        pub level: Level,
        /// One point per report, earliest year first.
        pub timeline: Vec<YearPoint>,
        /// Quantities paired from each year's report to the next one's, by category, unit and
        /// subject; in year order, then by category.
        pub changes: Vec<Change>,
    }

    pub struct YearPoint {
        pub year: u32,
        /// The column's id.
        pub report: String,
        pub formulations_per_10k: f64,
        pub formulation_sentence_share: f64,
        /// Every theme, in the catalogue's order.
        pub themes: Vec<ThemeShare>,
        /// Achievements per category, for the categories any report of the series has.
        pub categories: Vec<CategoryCount>,
    }

    pub struct ThemeShare {
        pub theme: String,
        pub label: String,
        pub share: f64,
    }

    pub struct CategoryCount {
        pub category: Category,
        pub label: String,
        pub count: usize,
        pub per_10k: f64,
    }

    /// A quantity from one year to the next: both sides when paired, one when it appeared or
    /// disappeared.
    pub struct Change {
        pub category: Category,
        /// The category's Chinese label.
        pub label: String,
        pub unit: String,
        /// The later report's wording of what is counted (the earlier one's if it disappeared).
        pub subject: String,
        pub from_year: u32,
        pub to_year: u32,
        pub trend: Trend,
        /// Character-bigram Dice of the two subjects, 0–1, when paired.
        pub similarity: Option<f64>,
        /// `after.value − before.value`, when paired.
        pub delta: Option<f64>,
        pub before: Option<QuantityRef>,
        pub after: Option<QuantityRef>,
    }

    /// A quantity of one report, with what the page needs to show its sentence.
    pub struct QuantityRef {
        /// The report's id.
        pub report: String,
        /// Its index in that report's `quantities`.
        pub index: usize,
        /// As written: `230件`.
        pub text: String,
        pub value: f64,
        pub subject: String,
        /// In UTF-16 code units of that report's `text`.
        pub span: [usize; 2],
        pub sentence: [usize; 2],
        pub context: String,
    }
}
