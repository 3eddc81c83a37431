// CSV as the CLI writes it (src/bin/report-lens/{csv,tables,compare}.rs): RFC 4180 quoting,
// UTF-8 with a byte-order mark, closed sets as a Chinese label with the code in the next
// column. The labels come from the lexicon files the CLI reads (labels.txt, categories.txt),
// so the page and the CLI cannot drift apart. Loaded only when a CSV is exported.
import LABELS from '../../../src/lexicon/labels.txt';
import CATEGORIES from '../../../src/lexicon/categories.txt';

export const BOM = '\uFEFF';

/** `[section]` → { code: label } of a lexicon file (lines `code | label`). */
function sections(text) {
  const out = {};
  let current = null;
  for (const raw of text.split('\n')) {
    const l = raw.trim();
    if (!l || l.startsWith('#')) continue;
    const head = /^\[(\w+)\]$/.exec(l);
    if (head) current = out[head[1]] ??= {};
    else if (current && l.includes('|')) {
      const [code, label] = l.split('|');
      current[code.trim()] = label.trim();
    }
  }
  return out;
}

const TABLES = sections(LABELS);
TABLES.category = sections(CATEGORIES).labels;
/** The Chinese label of a code (the code itself when none is listed), as `lexicon::label`. */
export const label = (set, code) => TABLES[set]?.[code] ?? code ?? '';

/** A number as Rust's `f64::to_string` writes it: shortest form, never an exponent. */
export function num(x) {
  if (x == null) return '';
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', exp] = m;
  const digits = int + frac;
  const e = Number(exp);
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  return sign + digits.padEnd(e + 1, '0');
}

export function field(v) {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table's text: header and rows, each line ending in \n. */
export const table = (header, rows) => [header, ...rows].map((r) => r.map(field).join(',') + '\n').join('');

export const QUANTITY_COLUMNS = [
  'report_id', 'index', 'text', 'value', 'value_max', 'approx', 'approx_code', 'unit', 'subject', 'category', 'category_code',
  'target', 'part', 'part_code', 'section', 'context', 'start', 'end', 'sentence_start', 'sentence_end',
];

/** One row per quantity: the columns of the corpus's quantities.csv. */
export function quantityRow(a, q, i) {
  return [
    a.id, i, q.text, num(q.value), num(q.value_max), label('approx', q.approx), q.approx, q.unit, q.subject,
    label('category', q.category), q.category, String(q.target), label('part', q.part), q.part, q.section ?? '', q.context,
    q.span[0], q.span[1], q.sentence[0], q.sentence[1],
  ];
}

/**
 * The comparison's tables as the CLI's `compare --format csv` prints them (`# name` over each),
 * with the columns' names as the user edited them (`labels`, one per column).
 */
export function comparisonTables(c, labels) {
  const col = (i) => [c.reports[i].id, labels[i]];
  const reports = c.reports.map((r, i) => [
    r.id, labels[i], r.name, r.index, r.committee ?? '', r.year ?? '', label('kind', r.kind), r.kind, r.chars, r.han_chars, r.sentences,
    num(r.mean_sentence_chars), r.words, r.achievements, num(r.achievements_per_10k), num(r.formulations_per_10k), num(r.formulation_sentence_share),
    c.duplicates.filter((d) => d.id === r.id).map((d) => d.name).join('; '),
  ]);
  return [
    ['reports', ['report_id', 'label', 'name', 'index', 'committee', 'year', 'kind', 'kind_code', 'chars', 'han_chars', 'sentences', 'mean_sentence_chars', 'words', 'achievements', 'achievements_per_10k', 'formulations_per_10k', 'formulation_sentence_share', 'duplicates'], reports],
    ['figures', ['group', 'group_code', 'key', 'label', 'report_id', 'report', 'count', 'per_10k'],
      c.figures.flatMap((f) => f.cells.map((cell, i) => [label('figure', f.group), f.group, f.key, f.label, ...col(i), cell.count, num(cell.per_10k)]))],
    ['themes', ['theme', 'theme_code', 'report_id', 'report', 'share'], c.themes.flatMap((th) => th.shares.map((s, i) => [th.label, th.theme, ...col(i), num(s)]))],
    ['keyness', ['report_id', 'report', 'rank', 'term', 'count', 'rest', 'per_10k', 'rest_per_10k', 'g2', 'log_ratio'],
      c.keyness.flatMap((k, i) => k.terms.map((x, r) => [...col(i), r + 1, x.term, x.count, x.rest, num(x.per_10k), num(x.rest_per_10k), num(x.g2), num(x.log_ratio)]))],
    ['shared_terms', ['rank', 'term', 'report_id', 'report', 'count', 'per_10k'],
      c.shared_terms.flatMap((x, r) => x.counts.map((n, i) => [r + 1, x.term, ...col(i), n, num(x.per_10k[i])]))],
  ];
}

const SIDE = (q) => (q ? [q.report, q.index, q.text, num(q.value), q.subject, q.span[0], q.span[1], q.context] : Array(8).fill(''));
const SIDE_COLUMNS = ['report_id', 'index', 'text', 'value', 'subject', 'start', 'end', 'context'];

/** The series' tables: the timeline (one row per year and measure) and the changes. */
export function seriesTables(s) {
  const timeline = s.timeline.flatMap((p) => [
    [p.year, p.report, 'formulations', 'per_10k', '提法（每万字）', num(p.formulations_per_10k), ''],
    [p.year, p.report, 'formulations', 'sentence_share', '含提法的句子比例', num(p.formulation_sentence_share), ''],
    ...p.themes.map((x) => [p.year, p.report, 'theme_share', x.theme, x.label, num(x.share), '']),
    ...p.categories.map((x) => [p.year, p.report, 'achievements', x.category, x.label, num(x.count), num(x.per_10k)]),
  ]);
  const changes = s.changes.map((ch) => [
    ch.from_year, ch.to_year, ch.label, ch.category, ch.unit, ch.subject, label('trend', ch.trend), ch.trend, num(ch.similarity), num(ch.delta),
    ...SIDE(ch.before), ...SIDE(ch.after),
  ]);
  return [
    ['timeline', ['year', 'report_id', 'measure', 'key', 'label', 'value', 'per_10k'], timeline],
    ['changes', ['from_year', 'to_year', 'category', 'category_code', 'unit', 'subject', 'trend', 'trend_code', 'similarity', 'delta',
      ...SIDE_COLUMNS.map((c) => `before_${c}`), ...SIDE_COLUMNS.map((c) => `after_${c}`)], changes],
  ];
}

/** Tables printed one after another under `# name`, as the CLI prints them, with a BOM. */
export const csvFile = (tables) => BOM + tables.map(([name, header, rows]) => `# ${name}\n${table(header, rows)}`).join('\n');
