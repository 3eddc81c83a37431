// The charts' loader: ECharts is imported only when the first chart is drawn (it is most of
// the element's JavaScript). Each chart has a text description (aria) and a data table behind
// a toggle, built here from the same rows the chart draws.
import { el, content } from './dom.js';

let lib = null;
/** Starts downloading the chart code (the element calls it once it is visible). */
export function loadCharts() {
  lib ??= import('./charts-impl.js');
  return lib;
}

/**
 * The rows of each chart: [label, value] pairs and the words for its description and table.
 * Labels of codes are translated; labels that are report words stay as they are.
 */
export function chartRows(name, a, t) {
  switch (name) {
    case 'terms':
      return { rows: a.terms.slice(0, 30).map((x) => [x.term, x.count]), cols: ['chart.term', 'chart.count'], content: true };
    case 'cloud':
      return { rows: a.terms.slice(0, 120).map((x) => [x.term, x.count]), cols: ['chart.term', 'chart.count'], content: true };
    case 'categories':
      return { rows: a.metrics.map((m) => [t.code('category', m.category), m.mentions]), cols: ['chart.category', 'chart.mentions'] };
    case 'formulations':
      return {
        rows: a.formulations.slice(0, 20).map((f) => [f.name, f.count, f.family]),
        cols: ['chart.formulation', 'chart.count'],
        content: true,
      };
    case 'themes':
      return { rows: a.themes.map((x) => [t.code('theme', x.theme), Math.round(x.share * 1000) / 10]), cols: ['chart.theme', 'chart.share'] };
    default:
      return { rows: [], cols: [] };
  }
}

/** The chart's description (all rows, in words) and its data table (built when opened). */
export function describeChart(box, name, a, t) {
  const { rows, cols, content: isContent } = chartRows(name, a, t);
  const shown = rows.slice(0, 12).map(([l, v]) => `${l} ${t.fmt(v)}`);
  const more = rows.length > 12 ? `${t.lang === 'en' ? ', ' : '，'}${t('chart.more', { n: rows.length - 12 })}` : '';
  const desc = box.querySelector('.sr-only');
  desc.textContent = t('chart.describe', { title: t(`chart.${name}`), items: shown.join(t.lang === 'en' ? ', ' : '，') + more });
  if (!isContent) desc.setAttribute('lang', t.locale);
  else desc.setAttribute('lang', 'zh-CN');
  const details = box.querySelector('details');
  const wrap = details.querySelector('.table-wrap');
  const build = () => {
    const cell = (v, i) => (i === 0 && isContent ? content('td', {}, v) : el('td', {}, typeof v === 'number' ? t.fmt(v) : v));
    wrap.replaceChildren(
      el(
        'table',
        {},
        el('caption', { class: 'sr-only' }, t(`chart.${name}`)),
        el('thead', {}, el('tr', {}, ...cols.map((c) => el('th', { scope: 'col' }, t(c))))),
        el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.slice(0, cols.length).map(cell)))),
      ),
    );
  };
  details.ontoggle = () => details.open && build();
  if (details.open) build();
  else wrap.replaceChildren();
}
