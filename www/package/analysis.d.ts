// The Analysis: version 1 of the JSON contract that the CLI prints and analyze() returns.
// Written by hand to match src/analysis.rs and the structs it holds, field for field; the
// package tests check the CLI's JSON of real reports against it with tsc. Every Span is
// [start, end) in UTF-16 code units of `text`, so `text.slice(start, end)` is the mention.

/** [start, end) in UTF-16 code units of Analysis.text. */
export type Span = [start: number, end: number];

/** Categories of quantities (src/lexicon/categories.txt). */
export type CategoryCode =
  | 'proposals'
  | 'public_opinion_info'
  | 'consultation'
  | 'research_inspection'
  | 'supervision'
  | 'study_training'
  | 'meetings'
  | 'publicity'
  | 'people'
  | 'organizations'
  | 'funds'
  | 'percentage'
  | 'projects_items'
  | 'services_for_people'
  | 'other';

/** What kind of text a report (or an article in it) is. */
export type ReportKind = 'work_report' | 'proposal_report' | 'feature' | 'speech' | 'personnel' | 'other';

/** The part of a report a heading or a quantity belongs to: looking back, or planning. */
export type Part = 'review' | 'plan' | 'other';

/** How a number is qualified: 30余 (more_than), 约 (about), 近 (nearly), 至多 (up_to). */
export type Approx = 'none' | 'more_than' | 'about' | 'nearly' | 'up_to';

export type CommitteeLevel = '全国' | '省' | '市' | '县' | '区';
export type PlaceLevel = '省' | '市' | '县';
export type WarningKind = 'joined' | 'caption' | 'repeat';

/** Themes (src/lexicon/themes.txt): the four CPPCC functions first, then areas of work. */
export type ThemeCode =
  | 'political_consultation'
  | 'democratic_supervision'
  | 'participation'
  | 'consensus'
  | 'party_building'
  | 'proposals'
  | 'members'
  | 'economy'
  | 'livelihood'
  | 'environment'
  | 'culture_history'
  | 'governance'
  | 'united_front';

/** Families of political formulations (src/lexicon/formulations.txt). */
export type FormulationFamily = '指导思想' | '党的领导' | '政协定位' | '协商民主' | '发展理念' | '作风';

/** Types of documents named in 《》 (src/lexicon/documents.txt), 其他 when none fits. */
export type DocumentType =
  | '建议案' | '提案' | '建议' | '报告' | '意见' | '方案' | '条例' | '规定' | '办法'
  | '规划' | '决定' | '通知' | '计划' | '措施' | '资料' | '书籍' | '报刊' | '其他';

export interface Analysis {
  schema: 'report-lens/analysis@1';
  source: Source;
  /** The text analysed (decoded, normalised, repaired); every span points into it. */
  text: string;
  stats: Stats;
  terms: Term[];
  keywords: Keywords;
  /** The head of the main article. */
  meta: Meta;
  sections: Section[];
  articles: Article[];
  quantities: Quantity[];
  metrics: Metric[];
  formulations: Formulation[];
  themes: Theme[];
  entities: Entities;
  warnings: Warning[];
}

export interface Source {
  name: string;
  bytes: number;
  encoding: string;
}

export interface Stats {
  /** Characters other than whitespace. */
  chars: number;
  han_chars: number;
  paragraphs: number;
  sentences: number;
  /** Word tokens (punctuation excluded). */
  tokens: number;
  distinct_terms: number;
  /** Non-whitespace characters per sentence, one decimal. */
  mean_sentence_chars: number;
  /** Share (0–1) of sentences that carry a catalogued formulation. */
  formulation_sentence_share: number;
}

export interface Term {
  term: string;
  /** jieba's part-of-speech tag. */
  pos: string;
  count: number;
}

export interface Scored {
  term: string;
  score: number;
}

export interface Keywords {
  tfidf: Scored[];
  textrank: Scored[];
}

export interface Meta {
  title: string | null;
  subtitle: string | null;
  committee: Committee | null;
  meeting: string | null;
  /** ISO dates (YYYY-MM-DD) given in the head, in order. */
  dates: string[];
  authors: string[];
  /** The year the report looks back on. */
  year: number | null;
  kind: ReportKind;
}

export interface Committee {
  name: string;
  place: string;
  level: CommitteeLevel;
  term: string | null;
}

export interface Section {
  title: string;
  level: number;
  span: Span;
  part: Part;
}

export interface Article {
  title: string;
  span: Span;
  main: boolean;
  meta: Meta;
}

export interface Quantity {
  /** Number, approximation marker and unit as written: 30余次. */
  text: string;
  /** In base units: 1.2万元 is 12000 with unit 元. */
  value: number;
  /** The upper end of a range (10至20次); absent otherwise. */
  value_max?: number;
  approx: Approx;
  unit: string;
  subject: string;
  category: CategoryCode;
  context: string;
  span: Span;
  /** The sentence holding it. */
  sentence: Span;
  /** Title of the innermost section holding it. */
  section: string | null;
  part: Part;
  /** Under a plan section: a target, not an achievement. */
  target: boolean;
}

export interface Metric {
  category: CategoryCode;
  /** The category's Chinese label. */
  label: string;
  mentions: number;
  /** Sums of values per unit (achievements only), largest first. */
  sums: UnitSum[];
}

export interface UnitSum {
  unit: string;
  total: number;
  mentions: number;
}

export interface Formulation {
  name: string;
  family: FormulationFamily;
  count: number;
  per_10k: number;
  spans: Span[];
  /** UTF-16 offset of the first occurrence. */
  first: number;
}

export interface Theme {
  theme: ThemeCode;
  /** The theme's Chinese label. */
  label: string;
  /** Share (0–1) of the text. */
  share: number;
  by_section: SectionShare[];
}

export interface SectionShare {
  section: string;
  share: number;
}

export interface Entities {
  people: Person[];
  places: Place[];
  organizations: Named[];
  documents: Document[];
  meetings: Named[];
}

export interface Person {
  name: string;
  role: string | null;
  count: number;
  spans: Span[];
}

export interface Place {
  /** The full name (辽源市), also for mentions by short form (辽源). */
  name: string;
  level: PlaceLevel;
  province: string;
  count: number;
  spans: Span[];
}

export interface Named {
  name: string;
  count: number;
  spans: Span[];
}

export interface Document {
  title: string;
  type: DocumentType;
  count: number;
  spans: Span[];
}

export interface Warning {
  kind: WarningKind;
  /** What was repaired, in Chinese, quoting the report. */
  message: string;
  span: Span | null;
}
