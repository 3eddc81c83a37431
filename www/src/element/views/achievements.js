// Achievements (履职实绩): a card per category, the category filter, and the quantity table
// (filtered, sorted, rendered in chunks; rows take focus and act on Enter).
import { el, content } from '../dom.js';
import { renderChunked, tableMore } from '../chunked.js';
import { showSort } from '../a11y.js';

export function renderMetrics({ $, t }, a) {
  $('#quantity-count').textContent = t('achievements.count', { n: a.quantities.length });
  $('#metric-cards').replaceChildren(
    ...a.metrics.map((m) =>
      el(
        'div',
        { class: 'card', part: 'card', dataset: { category: m.category } },
        el('div', { class: 'label' }, t.code('category', m.category)),
        el('div', { class: 'value' }, t.fmt(m.mentions), el('span', { class: 'unit' }, ` ${t('achievements.mentions')}`)),
        ...m.sums.slice(0, 2).map((s) =>
          el('div', { class: 'sub' }, ...t.nodes('achievements.sum', { total: t.fmt(s.total), unit: content('span', {}, s.unit), n: String(s.mentions) })),
        ),
      ),
    ),
  );
  const select = $('#quantity-category');
  const chosen = select.value;
  select.replaceChildren(
    el('option', { value: '' }, t('achievements.allCategories')),
    ...a.metrics.map((m) => el('option', { value: m.category }, t.code('category', m.category))),
  );
  select.value = a.metrics.some((m) => m.category === chosen) ? chosen : '';
}

function valueText(q, t) {
  const approx = q.approx && q.approx !== 'none' ? t(`approx.${q.approx}`) : '';
  const v = t.fmt(q.value) + (q.value_max != null ? `–${t.fmt(q.value_max)}` : '');
  return approx ? `${v} (${approx})` : v;
}

/** The quantity table, filtered and sorted; actions.pickQuantity(i) when a row is chosen. */
export function renderQuantityTable({ $, t, actions, lists }, a, { filter = '', category = '', sort = null }) {
  const label = (q) => t.code('category', q.category);
  let rows = a.quantities.map((q, i) => ({ q, i }));
  if (category) rows = rows.filter(({ q }) => q.category === category);
  if (filter) {
    const f = filter.toLowerCase();
    rows = rows.filter(({ q }) => [q.text, q.subject, q.unit, q.context, label(q), q.section].some((s) => s && s.toLowerCase().includes(f)));
  }
  if (sort) {
    const { key, dir } = sort;
    const get = (q) => (key === 'category' ? label(q) : q[key]);
    rows.sort((x, y) => {
      const p = get(x.q);
      const r = get(y.q);
      const c = typeof p === 'number' ? p - r : String(p ?? '').localeCompare(String(r ?? ''), t.locale);
      return dir === 'asc' ? c : -c;
    });
  }
  showSort($('#quantity-table'), sort);
  renderChunked(
    $('#quantity-table tbody'),
    rows,
    ({ q, i }) =>
      el(
        'tr',
        { class: q.target ? 'target' : null, dataset: { index: i }, tabindex: -1, onclick: () => actions.pickQuantity(i) },
        content('td', {}, q.text),
        el('td', {}, valueText(q, t)),
        content('td', {}, q.unit),
        content('td', { title: q.context }, q.subject),
        el('td', {}, label(q)),
        el('td', {}, q.section ? content('span', {}, q.section) : null, q.target ? t('achievements.target') : null),
      ),
    { t, moreRow: tableMore(6), onRender: () => lists.quantities.refresh() },
  );
}
