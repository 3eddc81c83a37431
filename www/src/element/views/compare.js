// Several reports side by side: their head, figures, achievements by category, formulations.
import { el, content } from '../dom.js';

export function renderComparison({ $, t }, reports) {
  const panel = $('[data-panel="compare"]');
  panel.hidden = reports.length < 2 || panel.dataset.off === '1';
  if (reports.length < 2) return;
  const cats = [];
  for (const a of reports) for (const m of a.metrics) if (!cats.includes(m.category)) cats.push(m.category);
  const forms = [];
  for (const a of reports) for (const f of a.formulations.slice(0, 8)) if (!forms.includes(f.name)) forms.push(f.name);
  const pct = (x) => `${Math.round(x * 100)}%`;
  const rows = [
    [t('compare.committee'), (a) => (a.meta.committee ? content('span', {}, a.meta.committee.name) : '')],
    [t('compare.year'), (a) => a.meta.year ?? ''],
    [t('compare.kind'), (a) => t.code('kind', a.meta.kind)],
    [t('compare.han'), (a) => t.fmt(a.stats.han_chars)],
    [t('compare.sentences'), (a) => t.fmt(a.stats.sentences)],
    [t('compare.meanSentence'), (a) => t.fmt(a.stats.mean_sentence_chars)],
    [t('compare.quantities'), (a) => a.quantities.length],
    ...cats.map((c) => [`\u3000${t.code('category', c)}`, (a) => a.metrics.find((m) => m.category === c)?.mentions ?? 0]),
    [t('compare.formulationShare'), (a) => pct(a.stats.formulation_sentence_share)],
    ...forms.map((n) => [['\u3000', ...t.nodes('compare.per10k', { name: content('span', {}, n) })], (a) => a.formulations.find((f) => f.name === n)?.per_10k ?? 0]),
    [t('compare.people'), (a) => a.entities.people.length],
    [t('compare.documents'), (a) => a.entities.documents.length],
  ];
  $('#compare-table thead').replaceChildren(
    el('tr', {}, el('td', {}), ...reports.map((a) => (a.meta.title ? content('th', { scope: 'col' }, a.meta.title) : el('th', { scope: 'col' }, a.source.name)))),
  );
  $('#compare-table tbody').replaceChildren(...rows.map(([label, f]) => el('tr', {}, el('th', { scope: 'row' }, label), ...reports.map((a) => el('td', {}, f(a))))));
}
