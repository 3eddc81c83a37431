// The concordance of a word (computed by the core in the worker): KWIC lines, sortable by the
// left or the right context, and its collocates.
import { el, content } from '../dom.js';
import { renderChunked, tableMore } from '../chunked.js';
import { showSort } from '../a11y.js';

const reversed = (s) => [...s].reverse().join('');

export function renderConcordance({ $, t, actions, lists }, c, sort) {
  $('#kwic-summary').textContent = c.term ? t('concordance.summary', { term: c.term, n: c.lines.length }) : '';
  let lines = c.lines.slice();
  if (sort?.key === 'left') lines.sort((x, y) => reversed(x.left).localeCompare(reversed(y.left), 'zh-CN'));
  if (sort?.key === 'right') lines.sort((x, y) => x.right.localeCompare(y.right, 'zh-CN'));
  if (sort?.dir === 'desc') lines.reverse();
  showSort($('#kwic-table'), sort);
  renderChunked(
    $('#kwic-table tbody'),
    lines,
    (l) =>
      content(
        'tr',
        { tabindex: -1, onclick: () => actions.pickSpan(l.span) },
        el('td', { class: 'right' }, l.left),
        el('td', { class: 'hit' }, l.term),
        el('td', {}, l.right),
      ),
    { t, moreRow: tableMore(3), onRender: () => lists.kwic.refresh() },
  );
  $('#collocates').replaceChildren(
    ...c.collocates.map((x) =>
      el(
        'li',
        {},
        content('button', { type: 'button', class: 'link', onclick: () => actions.searchTerm(x.term) }, x.term),
        el('span', { class: 'score' }, t('concordance.collocate', { n: x.count, score: x.score })),
      ),
    ),
  );
  lists.collocates.refresh();
}
