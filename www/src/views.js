// Renders the parts of one Analysis into the page. Every figure shown comes from the core.
import { el, $, fmt } from './dom.js';

const STAT_LABELS = [
  ['chars', '字符'],
  ['han_chars', '汉字'],
  ['paragraphs', '段落'],
  ['sentences', '句子'],
  ['tokens', '词数'],
  ['distinct_terms', '不同词'],
  ['mean_sentence_chars', '平均句长（字）'],
];
const PART_LABELS = { review: '工作回顾', plan: '工作安排', other: '' };
const APPROX = { more_than: '余', about: '约', nearly: '近', up_to: '至多', none: '' };

const KIND_LABELS = {
  work_report: '常委会工作报告',
  proposal_report: '提案工作报告',
  feature: '纪实 / 报道',
  speech: '讲话',
  personnel: '人事任免',
  other: '其他',
};
const WARNING_LABELS = { joined: '断段接合', caption: '图片说明移出', repeat: '重复段落' };

/** The head of the report (or of one article): title, committee, meeting, dates, authors. */
export function renderMeta(meta) {
  $('#report-title').textContent = meta.title || '未命名报告';
  $('#report-subtitle').textContent = meta.subtitle ? `——${meta.subtitle}` : '';
  const c = meta.committee;
  const rows = [
    ['类型', KIND_LABELS[meta.kind] ?? meta.kind],
    ['委员会', c ? `${c.name}（${c.level}级）` : null],
    ['会议', meta.meeting],
    ['报告年度', meta.year],
    ['日期', meta.dates?.join('、')],
    ['作者', meta.authors?.join('、')],
  ].filter(([, v]) => v);
  $('#report-meta').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

export function renderArticles(a, onPick) {
  $('#article-count').textContent = `共 ${a.articles.length} 篇`;
  $('#articles').replaceChildren(
    ...a.articles.map((art, i) =>
      el(
        'li',
        { class: art.main ? 'main' : null, dataset: { index: i }, onclick: () => onPick(art) },
        art.title || '（无标题）',
        el('span', { class: 'kind' }, `${KIND_LABELS[art.meta.kind] ?? ''}${art.main ? ' · 主文章' : ''}`),
      ),
    ),
  );
}

export function renderWarnings(a, onPick) {
  $('#warning-count').textContent = a.warnings.length ? `共 ${a.warnings.length} 处` : '无';
  $('#warnings').replaceChildren(
    ...(a.warnings.length
      ? a.warnings.map((w) =>
          el('li', { dataset: { kind: w.kind }, onclick: () => w.span && onPick(w.span) }, el('span', {}, w.message), el('span', { class: 'kind' }, WARNING_LABELS[w.kind] ?? w.kind)),
        )
      : [el('li', { class: 'muted' }, '文本无需修复')]),
  );
}

export function renderOverview(a) {
  renderMeta(a.meta);
  $('#report-source').textContent = `${a.source.name || '粘贴文字'} · ${fmt(a.source.bytes)} 字节 · ${a.source.encoding}`;
  $('#figures').replaceChildren(
    ...STAT_LABELS.map(([k, label]) =>
      el('div', { class: 'figure', dataset: { stat: k } }, el('div', { class: 'value' }, fmt(a.stats[k])), el('div', { class: 'label' }, label)),
    ),
  );
}

export function renderKeywords(a, onTerm) {
  for (const method of ['tfidf', 'textrank']) {
    $(`#kw-${method}`).replaceChildren(
      ...a.keywords[method].map((k) => el('li', { onclick: () => onTerm(k.term) }, k.term, el('span', { class: 'score' }, k.score.toFixed(3)))),
    );
  }
}

export function renderMetrics(a) {
  $('#quantity-count').textContent = `共 ${a.quantities.length} 处数量`;
  $('#metric-cards').replaceChildren(
    ...a.metrics.map((m) =>
      el(
        'div',
        { class: 'card', dataset: { category: m.category } },
        el('div', { class: 'label' }, m.label),
        el('div', { class: 'value' }, `${m.mentions} 处`),
        ...m.sums.slice(0, 2).map((s) => el('div', { class: 'sub' }, `合计 ${fmt(s.total)} ${s.unit}（${s.mentions} 处）`)),
      ),
    ),
  );
  const select = $('#quantity-category');
  select.replaceChildren(el('option', { value: '' }, '全部类别'), ...a.metrics.map((m) => el('option', { value: m.category }, m.label)));
}

/** The quantity table, filtered and sorted; onPick(q) when a row is clicked. */
export function renderQuantityTable(a, { filter = '', category = '', sort = null }, onPick) {
  const labels = Object.fromEntries(a.metrics.map((m) => [m.category, m.label]));
  let rows = a.quantities.map((q, i) => ({ q, i }));
  if (category) rows = rows.filter(({ q }) => q.category === category);
  if (filter) {
    const f = filter.toLowerCase();
    rows = rows.filter(({ q }) => [q.text, q.subject, q.unit, q.context, labels[q.category], q.section].some((s) => s && s.toLowerCase().includes(f)));
  }
  if (sort) {
    const { key, dir } = sort;
    rows.sort((x, y) => {
      const a1 = key === 'category' ? labels[x.q.category] : x.q[key];
      const b1 = key === 'category' ? labels[y.q.category] : y.q[key];
      const c = typeof a1 === 'number' ? a1 - b1 : String(a1 ?? '').localeCompare(String(b1 ?? ''), 'zh-CN');
      return dir === 'asc' ? c : -c;
    });
  }
  $('#quantity-table tbody').replaceChildren(
    ...rows.map(({ q, i }) =>
      el(
        'tr',
        { class: q.target ? 'target' : null, dataset: { index: i }, title: q.context, onclick: () => onPick(i) },
        el('td', {}, q.text),
        el('td', {}, fmt(q.value) + (q.value_max != null ? `–${fmt(q.value_max)}` : '') + (APPROX[q.approx] ? `（${APPROX[q.approx]}）` : '')),
        el('td', {}, q.unit),
        el('td', {}, q.subject),
        el('td', {}, labels[q.category] ?? q.category),
        el('td', {}, (q.section ?? '') + (q.target ? '（目标）' : '')),
      ),
    ),
  );
}

export function renderOutline(a, onPick) {
  const maxSize = Math.max(1, ...a.sections.map((s, i) => sectionSize(a, i)));
  $('#outline').replaceChildren(
    ...(a.sections.length
      ? a.sections.map((s, i) =>
          el(
            'li',
            { style: `margin-left:${(s.level - 1) * 1.2}rem`, onclick: () => onPick(s.span) },
            s.title,
            el('span', { class: 'bar', style: `width:${Math.round((sectionSize(a, i) / maxSize) * 160)}px` }),
            PART_LABELS[s.part] ? el('span', { class: 'part' }, PART_LABELS[s.part]) : null,
          ),
        )
      : [el('li', { class: 'muted' }, '未识别到章节标题')]),
  );
}

/** Size of a section: from its heading to the next heading of the same or a higher level. */
function sectionSize(a, i) {
  const s = a.sections[i];
  const next = a.sections.slice(i + 1).find((t) => t.level <= s.level);
  return (next ? next.span[0] : a.text.length) - s.span[0];
}

/** The text with every quantity marked; returns the marks by quantity index. */
export function renderText(a) {
  const view = $('#text-view');
  const frag = document.createDocumentFragment();
  const marks = new Map();
  let at = 0;
  a.quantities
    .map((q, i) => ({ q, i }))
    .sort((x, y) => x.q.span[0] - y.q.span[0])
    .forEach(({ q, i }) => {
      const [s, e] = q.span;
      if (s < at) return;
      frag.append(document.createTextNode(a.text.slice(at, s)));
      const m = el('mark', { title: `${q.subject} · ${q.category}`, dataset: { index: i } }, a.text.slice(s, e));
      marks.set(i, m);
      frag.append(m);
      at = e;
    });
  frag.append(document.createTextNode(a.text.slice(at)));
  view.replaceChildren(frag);
  return marks;
}

/** A DOM Range over the text view for a UTF-16 span of the analysis text. */
function rangeOf([start, end]) {
  const view = $('#text-view');
  const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  const r = document.createRange();
  let pos = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!started && pos + n.length > start) {
      r.setStart(n, start - pos);
      started = true;
    }
    if (started && pos + n.length >= end) {
      r.setEnd(n, end - pos);
      return r;
    }
    pos += n.length;
  }
  return started ? r : null;
}

/** Scrolls the text view to a UTF-16 span and, when asked, highlights it as a sentence. */
export function scrollToSpan(span, { highlight = false } = {}) {
  const view = $('#text-view');
  const r = rangeOf(span);
  if (!r) return;
  if (highlight && globalThis.CSS?.highlights) CSS.highlights.set('sentence', new Highlight(r));
  const rect = r.getBoundingClientRect();
  view.scrollTop += rect.top - view.getBoundingClientRect().top - 40;
  view.scrollIntoView({ block: 'nearest' });
}

const FAMILY_COLORS = { 指导思想: '#b3261e', 党的领导: '#c0582a', 政协定位: '#3f6e8c', 协商民主: '#4f7d5b', 发展理念: '#7b5ea7', 作风: '#8a5a44' };

export function renderFormulations(a, onPick) {
  $('#formulation-share').textContent = `${Math.round(a.stats.formulation_sentence_share * 100)}% 的句子含有提法`;
  $('#formulation-table tbody').replaceChildren(
    ...(a.formulations.length
      ? a.formulations.map((f) =>
          el('tr', { onclick: () => onPick(f.spans[0]), dataset: { name: f.name } }, el('td', {}, f.name), el('td', {}, f.family), el('td', {}, f.count), el('td', {}, f.per_10k)),
        )
      : [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, '未出现目录中的提法'))]),
  );
}

export { FAMILY_COLORS };

function entityList(id, items, label, onPick) {
  $(id).replaceChildren(
    ...(items.length
      ? items.slice(0, 100).map((x) =>
          el('li', { onclick: () => onPick(x.spans[0]) }, x.name ?? x.title, label(x) ? el('span', { class: 'role' }, label(x)) : null, el('span', { class: 'count' }, `×${x.count}`)),
        )
      : [el('li', { class: 'muted' }, '无')]),
  );
}

export function renderEntities(a, onPick) {
  const e = a.entities;
  entityList('#ent-people', e.people, (p) => p.role, onPick);
  entityList('#ent-places', e.places, (p) => p.level, onPick);
  entityList('#ent-organizations', e.organizations, () => null, onPick);
  entityList('#ent-documents', e.documents, (d) => d.type, onPick);
  entityList('#ent-meetings', e.meetings, () => null, onPick);
}

/** KWIC lines and collocates of a concordance computed by the core. */
export function renderConcordance(c, sort, onPick, onTerm) {
  $('#kwic-summary').textContent = c.term ? `“${c.term}”出现 ${c.lines.length} 次` : '';
  let lines = c.lines.slice();
  if (sort === 'left') lines.sort((x, y) => [...x.left].reverse().join('').localeCompare([...y.left].reverse().join(''), 'zh-CN'));
  if (sort === 'right') lines.sort((x, y) => x.right.localeCompare(y.right, 'zh-CN'));
  $('#kwic-table tbody').replaceChildren(
    ...lines.map((l) => el('tr', { onclick: () => onPick(l.span) }, el('td', { class: 'right' }, l.left), el('td', { class: 'hit' }, l.term), el('td', {}, l.right))),
  );
  $('#collocates').replaceChildren(
    ...c.collocates.map((x) => el('li', { onclick: () => onTerm(x.term) }, x.term, el('span', { class: 'score' }, `${x.count} 次 · ${x.score}`))),
  );
}

/** Highlights a set of UTF-16 spans in the text view (a CSS highlight, the DOM is untouched). */
export function highlightSpans(spans) {
  if (!globalThis.CSS?.highlights) return;
  const ranges = spans.map(rangeOf).filter(Boolean);
  CSS.highlights.set('layer', new Highlight(...ranges));
  $('#text-view').classList.toggle('layer-other', true);
}

export function clearLayer() {
  globalThis.CSS?.highlights?.delete('layer');
  $('#text-view').classList.remove('layer-other');
}

/** Several reports side by side: their head, figures, achievements by category, formulations. */
export function renderComparison(reports) {
  const panel = $('#compare-panel');
  panel.hidden = reports.length < 2;
  if (panel.hidden) return;
  const cats = [];
  for (const a of reports) for (const m of a.metrics) if (!cats.some((c) => c.category === m.category)) cats.push(m);
  const forms = [];
  for (const a of reports) for (const f of a.formulations.slice(0, 8)) if (!forms.includes(f.name)) forms.push(f.name);
  const rows = [
    ['委员会', (a) => a.meta.committee?.name ?? ''],
    ['报告年度', (a) => a.meta.year ?? ''],
    ['类型', (a) => KIND_LABELS[a.meta.kind] ?? ''],
    ['汉字', (a) => fmt(a.stats.han_chars)],
    ['句子', (a) => fmt(a.stats.sentences)],
    ['平均句长', (a) => a.stats.mean_sentence_chars],
    ['实绩数量', (a) => a.quantities.length],
    ...cats.map((c) => [`　${c.label}`, (a) => a.metrics.find((m) => m.category === c.category)?.mentions ?? 0]),
    ['含提法的句子', (a) => `${Math.round(a.stats.formulation_sentence_share * 100)}%`],
    ...forms.map((n) => [`　${n}（每万字）`, (a) => a.formulations.find((f) => f.name === n)?.per_10k ?? 0]),
    ['人物', (a) => a.entities.people.length],
    ['文件', (a) => a.entities.documents.length],
  ];
  $('#compare-table thead').replaceChildren(el('tr', {}, el('th', {}, ''), ...reports.map((a) => el('th', {}, a.meta.title || a.source.name))));
  $('#compare-table tbody').replaceChildren(...rows.map(([label, f]) => el('tr', {}, el('th', {}, label), ...reports.map((a) => el('td', {}, f(a))))));
}
