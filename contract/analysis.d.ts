// Generated from the Rust types in src/analysis/ by tests/contract.rs: do not edit.
// report-lens/analysis@1 and report-lens/comparison@1 — every span is [start, end) in
// UTF-16 code units of the `text` of the analysis it belongs to.

export type Analysis = { 
/**
 * `report-lens/analysis@1`.
 */
schema: string, 
/**
 * A hash of `text` (`digest::content_id`): the same text has the same id, whatever
 * its file name or encoding. Every CSV table of the CLI's `corpus` carries it.
 * (Missing in analyses saved before it existed: read as empty.)
 */
id: string, source: Source, 
/**
 * The text as dropped, less the repairs listed in `warnings`; every span refers to it.
 */
text: string, stats: Stats, 
/**
 * The most frequent content words (`Options::max_terms`), for the word cloud.
 */
terms: Array<Term>, 
/**
 * Every content word and its count, most frequent first, as `[term, count]`, in the
 * simplified script the analysis reads. Comparing reports (keyness) needs the counts
 * of all words, not the top 300: a word said 3 times in a long report is past the
 * cut, and the other reports' counts of a word decide whether it sets one apart (so
 * words said once stay too: leaving them out would make a word look like one report's
 * own when the others use it once each). Measured on the shared corpus: 600–900
 * entries, about 15% of the JSON. (Missing in older saved analyses: read as empty.)
 */
term_counts: Array<[string, number]>, keywords: Keywords, 
/**
 * The head of the main article.
 */
meta: Meta, sections: Array<Section>, articles: Array<Article>, quantities: Array<Quantity>, metrics: Array<Metric>, formulations: Array<Formulation>, themes: Array<Theme>, entities: Entities, warnings: Array<Warning>, };

export type Source = { name: string, bytes: number, 
/**
 * `UTF-8`, `GB18030`, `UTF-16LE`, `DOCX`, `HTML (UTF-8)` …
 */
encoding: string, };

export type Stats = { 
/**
 * Characters other than whitespace.
 */
chars: number, han_chars: number, paragraphs: number, sentences: number, 
/**
 * Word tokens (punctuation excluded).
 */
tokens: number, 
/**
 * Distinct word tokens.
 */
distinct_terms: number, 
/**
 * Non-whitespace characters per sentence, one decimal.
 */
mean_sentence_chars: number, 
/**
 * Share of sentences that carry at least one catalogued formulation (提法).
 */
formulation_sentence_share: number, };

export type Term = { term: string, pos: string, count: number, };

export type Scored = { term: string, score: number, };

export type Keywords = { tfidf: Array<Scored>, textrank: Array<Scored>, };

export type Section = { title: string, 
/**
 * 1 for the outermost heading style used in its article.
 */
level: number, span: [number, number], part: Part, };

export type Part = "review" | "plan" | "other";

export type Warning = { kind: WarningKind, 
/**
 * What happened, in words a reader understands (Chinese).
 */
message: string, 
/**
 * Where in `text`; for text taken out, an empty span where it stood.
 */
span: [number, number] | null, 
/**
 * The text taken out or moved, so that the page can show the original with the repairs
 * marked.
 */
removed?: string, };

export type WarningKind = "joined" | "caption" | "repeat" | "furniture" | "encoding" | "markup" | "garbled" | "truncated";

export type Meta = { title: string | null, subtitle: string | null, committee: Committee | null, meeting: string | null, 
/**
 * ISO dates (YYYY-MM-DD) given in the report's head, in order.
 */
dates: Array<string>, authors: Array<string>, 
/**
 * The year the report looks back on.
 */
year: number | null, kind: Kind, };

export type Committee = { name: string, place: string, level: Level, 
/**
 * 第八届, as written.
 */
term: string | null, };

export type Level = "全国" | "省" | "市" | "县" | "区";

export type Kind = "work_report" | "proposal_report" | "feature" | "speech" | "personnel" | "other";

export type Article = { title: string, span: [number, number], 
/**
 * The longest article about a CPPCC committee: its head is the Analysis's `meta`.
 */
main: boolean, meta: Meta, };

export type Quantity = { 
/**
 * Number + approximation marker + unit, exactly as written: `30余次`.
 */
text: string, 
/**
 * In base units: `1.2万元` is 12000 with unit 元.
 */
value: number, 
/**
 * The upper end of a range (`3至5天`).
 */
value_max?: number, approx: Approx, 
/**
 * Classifier or unit as written, less a leading 万/亿: `次`, `人次`, `元`, `%`.
 */
unit: string, 
/**
 * What is counted: `集中学习总书记重要讲话精神`.
 */
subject: string, category: Category, 
/**
 * The clause around it, about 40 characters.
 */
context: string, span: [number, number], 
/**
 * The sentence holding it, for highlighting.
 */
sentence: [number, number], 
/**
 * Title of the innermost section holding it.
 */
section: string | null, part: Part, 
/**
 * Under a plan section (工作安排): a target, not an achievement.
 */
target: boolean, };

export type Approx = "none" | "more_than" | "about" | "nearly" | "up_to";

export type Category = "proposals" | "public_opinion_info" | "consultation" | "research_inspection" | "supervision" | "study_training" | "meetings" | "publicity" | "people" | "organizations" | "funds" | "percentage" | "projects_items" | "services_for_people" | "other";

export type Metric = { category: Category, 
/**
 * The category's Chinese label.
 */
label: string, mentions: number, 
/**
 * Sums of values per unit (achievements only), most mentioned first.
 */
sums: Array<UnitSum>, };

export type UnitSum = { unit: string, total: number, mentions: number, };

export type Formulation = { name: string, family: string, count: number, per_10k: number, spans: Array<[number, number]>, 
/**
 * UTF-16 offset of the first occurrence.
 */
first: number, };

export type Theme = { 
/**
 * The theme's code (`proposals`, `environment` …).
 */
theme: string, label: string, 
/**
 * Share of the report's text about it, 0–1.
 */
share: number, 
/**
 * Its share within each top-level section.
 */
by_section: Array<SectionShare>, };

export type SectionShare = { section: string, share: number, };

export type Entities = { people: Array<Person>, places: Array<Place>, organizations: Array<Named>, documents: Array<DocumentTitle>, meetings: Array<Named>, };

export type Person = { name: string, 
/**
 * The role the text gives the person, as written: `辽源市政协主席`.
 */
role: string | null, count: number, spans: Array<[number, number]>, };

export type Place = { 
/**
 * The full name (辽源市), also for mentions by short form (辽源).
 */
name: string, 
/**
 * 省 | 市 | 县
 */
level: string, province: string, count: number, spans: Array<[number, number]>, };

export type Named = { name: string, count: number, spans: Array<[number, number]>, };

export type DocumentTitle = { title: string, type: string, count: number, spans: Array<[number, number]>, };

export type Concordance = { term: string, lines: Array<KwicLine>, collocates: Array<Collocate>, };

export type KwicLine = { left: string, term: string, right: string, span: [number, number], };

export type Collocate = { term: string, count: number, 
/**
 * t-score: (observed − expected) / √observed.
 */
score: number, };

export type Comparison = { 
/**
 * `report-lens/comparison@1`.
 */
schema: string, 
/**
 * One column per distinct report, in the order given.
 */
reports: Array<ReportColumn>, 
/**
 * Reports given again (the same text): left out of every figure.
 */
duplicates: Array<Duplicate>, figures: Array<FigureRow>, themes: Array<ThemeRow>, 
/**
 * Per column: the terms that set the report apart from the others.
 */
keyness: Array<KeyTerms>, 
/**
 * Terms every report uses, the most evenly frequent first.
 */
shared_terms: Array<SharedTerm>, 
/**
 * Present when the reports are of one committee (place and level) in distinct years.
 */
series: Series | null, };

export type ReportColumn = { 
/**
 * The content id (a hash of the text).
 */
id: string, 
/**
 * `清河市政协 2023年`; the file name when the report does not name its committee or
 * year; made unique with the kind or the file name.
 */
label: string, 
/**
 * The file name (`source.name`).
 */
name: string, 
/**
 * Position in the list given to `compare`.
 */
index: number, committee: string | null, year: number | null, kind: Kind, 
/**
 * Characters other than whitespace: the base of every `per_10k`.
 */
chars: number, han_chars: number, sentences: number, mean_sentence_chars: number, 
/**
 * Content words (`term_counts` summed): the base of keyness.
 */
words: number, 
/**
 * Quantities that are not targets.
 */
achievements: number, achievements_per_10k: number, 
/**
 * Occurrences of all formulations per 10,000 characters.
 */
formulations_per_10k: number, formulation_sentence_share: number, };

export type Duplicate = { 
/**
 * Position in the list given to `compare`.
 */
index: number, name: string, 
/**
 * The id of the column it repeats.
 */
id: string, };

export type FigureRow = { group: FigureGroup, 
/**
 * The category code, formulation name or entity kind.
 */
key: string, 
/**
 * Its Chinese label.
 */
label: string, 
/**
 * One per column.
 */
cells: Array<Cell>, };

export type FigureGroup = "quantities" | "formulations" | "entities";

export type Cell = { count: number, 
/**
 * Per 10,000 characters of that report.
 */
per_10k: number, };

export type ThemeRow = { theme: string, label: string, 
/**
 * Share of each report's text, 0–1, one per column.
 */
shares: Array<number>, };

export type KeyTerms = { 
/**
 * The column's id.
 */
report: string, 
/**
 * Strongest first (by G²).
 */
terms: Array<KeyTerm>, };

export type KeyTerm = { term: string, 
/**
 * Occurrences in this report.
 */
count: number, 
/**
 * Occurrences in all the other reports together.
 */
rest: number, 
/**
 * Per 10,000 content words, here and in the others.
 */
per_10k: number, rest_per_10k: number, 
/**
 * Log-likelihood G² (Rayson & Garside 2000).
 */
g2: number, 
/**
 * Effect size: log₂ of the ratio of relative frequencies (Hardie 2014), a zero in the
 * others counted as 0.5.
 */
log_ratio: number, };

export type SharedTerm = { term: string, 
/**
 * One per column.
 */
counts: Array<number>, 
/**
 * Per 10,000 content words, one per column.
 */
per_10k: Array<number>, };

export type Series = { 
/**
 * `清河市政协`.
 */
committee: string, place: string, level: Level, 
/**
 * One point per report, earliest year first.
 */
timeline: Array<YearPoint>, 
/**
 * Quantities paired from each year's report to the next one's, by category, unit and
 * subject; in year order, then by category.
 */
changes: Array<Change>, };

export type YearPoint = { year: number, 
/**
 * The column's id.
 */
report: string, formulations_per_10k: number, formulation_sentence_share: number, 
/**
 * Every theme, in the catalogue's order.
 */
themes: Array<ThemeShare>, 
/**
 * Achievements per category, for the categories any report of the series has.
 */
categories: Array<CategoryCount>, };

export type ThemeShare = { theme: string, label: string, share: number, };

export type CategoryCount = { category: Category, label: string, count: number, per_10k: number, };

export type Change = { category: Category, 
/**
 * The category's Chinese label.
 */
label: string, unit: string, 
/**
 * The later report's wording of what is counted (the earlier one's if it disappeared).
 */
subject: string, from_year: number, to_year: number, trend: Trend, 
/**
 * Character-bigram Dice of the two subjects, 0–1, when paired.
 */
similarity: number | null, 
/**
 * `after.value − before.value`, when paired.
 */
delta: number | null, before: QuantityRef | null, after: QuantityRef | null, };

export type Trend = "rose" | "fell" | "same" | "appeared" | "disappeared";

export type QuantityRef = { 
/**
 * The report's id.
 */
report: string, 
/**
 * Its index in that report's `quantities`.
 */
index: number, 
/**
 * As written: `230件`.
 */
text: string, value: number, subject: string, 
/**
 * In UTF-16 code units of that report's `text`.
 */
span: [number, number], sentence: [number, number], context: string, };
