// Generated from the Rust types in src/analysis/ by tests/contract.rs: do not edit.
// report-lens/analysis@1 — every span is [start, end) in UTF-16 code units of `text`.

export type Analysis = { 
/**
 * `report-lens/analysis@1`.
 */
schema: string, source: Source, 
/**
 * The text as dropped, less the repairs listed in `warnings`; every span refers to it.
 */
text: string, stats: Stats, terms: Array<Term>, keywords: Keywords, 
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

export type WarningKind = "joined" | "caption" | "repeat" | "furniture" | "encoding" | "garbled" | "truncated";

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
