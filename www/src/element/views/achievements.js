// Achievements (履职实绩): a card per category, the category filter, and the quantity table
// (filtered, sorted, rendered in chunks; rows take focus and act on Enter). Filtering and
// sorting a long table run in slices (sliced.js), so typing in the filter never freezes it.
import { el, content } from '../dom.js';
import { renderChunked, tableMore } from '../chunked.js';
import { showSort } from '../a11y.js';
import { filterSliced, sortSliced } from '../sliced.js';

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

/** Collators by locale, made when a text column is first sorted: a locale's first Collator
 * loads its collation data (11–22 ms for zh-CN, more on a busy machine), which a sort by value
 * never needs. */
const collators = new Map();
function collatorFor(locale) {
  if (!collators.has(locale)) collators.set(locale, new Intl.Collator(locale));
  return collators.get(locale);
}

/**
 * The quantity table, filtered and sorted; a row carries its quantity's index (data-index).
 * Stops (leaving the table as it was) when isStale() turns true.
 */
export async function renderQuantityTable({ $, t, lists }, a, { filter = '', category = '', sort = null }, isStale = () => false) {
  const label = (q) => t.code('category', q.category);
  let rows = a.quantities.map((q, i) => ({ q, i }));
  if (category) rows = rows.filter(({ q }) => q.category === category);
  if (filter) {
    const f = filter.toLowerCase();
    rows = await filterSliced(rows, ({ q }) => [q.text, q.subject, q.unit, q.context, label(q), q.section].some((s) => s && s.toLowerCase().includes(f)), isStale);
    if (!rows) return;
  }
  if (sort) {
    const { key, dir } = sort;
    const get = (q) => (key === 'category' ? label(q) : q[key]);
    let collator = null; // (the first text comparison makes it)
    const sign = dir === 'asc' ? 1 : -1;
    const count = $('#quantity-count');
    if (rows.length > 2000) count.textContent = t('list.sorting');
    rows = await sortSliced(
      rows,
      (x, y) => {
        const p = get(x.q);
        const r = get(y.q);
        return sign * (typeof p === 'number' ? p - r : (collator ??= collatorFor(t.locale)).compare(String(p ?? ''), String(r ?? '')));
      },
      isStale,
    );
    count.textContent = t('achievements.count', { n: a.quantities.length });
    if (!rows) return;
  }
  showSort($('#quantity-table'), sort);
  renderChunked(
    $('#quantity-table tbody'),
    rows,
    ({ q, i }) =>
      el(
        'tr',
        // a click picks the row: one listener on the tbody (report-view.js), not one per row
        { class: q.target ? 'target' : null, dataset: { index: i }, tabindex: -1 },
        content('td', {}, q.text),
        el('td', {}, valueText(q, t)),
        content('td', {}, q.unit),
        content('td', { title: q.context }, q.subject),
        el('td', {}, label(q)),
        el('td', {}, q.section ? content('span', {}, q.section) : null, q.target ? t('achievements.target') : null),
      ),
    // two screenfuls (the table scrolls in a 28em box; more rows would cost the first
    // frame their layout); the rest as the table scrolls
    { t, moreRow: tableMore(6), chunk: 40, onRender: () => lists.quantities.refresh() },
  );
}
