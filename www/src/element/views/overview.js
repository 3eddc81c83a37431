// The head of the report (or of one article) and its text figures.
import { el, content } from '../dom.js';

const STATS = ['chars', 'han_chars', 'paragraphs', 'sentences', 'tokens', 'distinct_terms', 'mean_sentence_chars'];

/** Title, subtitle, kind, committee, meeting, year, dates, authors. */
export function renderMeta({ $, t }, meta) {
  const title = $('#report-title');
  title.textContent = meta.title || t('overview.untitled');
  title.lang = meta.title ? 'zh-CN' : t.locale;
  $('#report-subtitle').textContent = meta.subtitle ? `——${meta.subtitle}` : '';
  const c = meta.committee;
  const rows = [
    ['meta.kind', t.code('kind', meta.kind), false],
    ['meta.committee', c ? [content('span', {}, c.name), ` (${t.code('level', c.level)})`] : null, false],
    ['meta.meeting', meta.meeting, true],
    ['meta.year', meta.year, false],
    ['meta.dates', meta.dates?.join(t.sep), false],
    ['meta.authors', meta.authors?.join(t.sep), true],
  ].filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && !v.length));
  $('#report-meta').replaceChildren(...rows.flatMap(([k, v, isContent]) => [el('dt', {}, t(k)), isContent ? content('dd', {}, v) : el('dd', {}, v)]));
}

export function renderOverview(ctx, a) {
  const { $, t } = ctx;
  renderMeta(ctx, a.meta);
  const name = a.source.name ? content('span', {}, a.source.name) : t('intake.pasted');
  $('#report-source').replaceChildren(...t.nodes('overview.source', { name, bytes: t.fmt(a.source.bytes), encoding: a.source.encoding }));
  $('#figures').replaceChildren(
    ...STATS.map((k) =>
      el('div', { class: 'figure', part: 'card', dataset: { stat: k } }, el('div', { class: 'value' }, t.fmt(a.stats[k])), el('div', { class: 'label' }, t(`stat.${k}`))),
    ),
  );
}
