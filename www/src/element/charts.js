// The charts' loader: ECharts is imported only when the first chart is drawn (it is most of
// the element's JavaScript). Each chart has a text description (aria) and a data table behind
// a toggle, built here from the same rows the chart draws.
import { el, content, idle } from './dom.js';
import { CODE_TABLES } from './i18n/index.js';

let lib = null;
/** The chart code (imported on first use), in three stages (see charts-lib.js). */
export function loadCharts() {
  lib ??= import('./charts-lib.js')
    .then(() => import('./charts-parts.js'))
    .then(() => import('./charts-impl.js'));
  return lib;
}

/**
 * Fetches the chart code when the page is idle after the engine is ready (not beside the
 * wasm: it would compete with it for the line and the CPU), then draws one throwaway chart in
 * `container`, so that ECharts' first-run costs (compiling its code, its text-measuring
 * canvas, the glyphs of the labels every report's first charts show) are not paid inside the
 * first report's render. `t` is the element's translator: the labels in its language.
 */
export function prepareCharts(container, t) {
  // every code's label as chartRows gives it (t.code), computed when idle, not at start-up
  const labels = () => ['category', 'theme'].flatMap((table) => Object.keys(CODE_TABLES.zh[table]).map((code) => t.code(table, code)));
  // warmUp in an idle period of its own, not in the task that evaluated the chart code: its
  // box and chart are made there, then it waits for an idle period per step (A/B, 16 drops at
  // ready each: calling it at once gave the first report a task over 50 ms in 9 runs, not 6)
  idle(() => loadCharts().then((m) => idle(() => m.warmUp(container, labels())), () => {}));
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

/** The comparison's charts, drawn from the Comparison (labels: the columns' names). */
export const COMPARE_CHARTS = ['compare', 'timeline-formulations', 'timeline-themes', 'timeline-categories'];

/**
 * A comparison chart's data: x labels, and series { name, values } (one value per x label).
 * The compare chart has a bar group per category, a bar per report; the timelines a point per
 * year, a line per measure.
 */
export function compareData(name, c, labels, t) {
  const s = c.series;
  const years = s ? s.timeline.map((p) => String(p.year)) : [];
  const lines = (items) => {
    const seen = new Map();
    for (const p of s.timeline) for (const x of items(p)) if (!seen.has(x.key)) seen.set(x.key, x.name);
    return [...seen].map(([key, n]) => ({ name: n, values: s.timeline.map((p) => items(p).find((x) => x.key === key)?.value ?? 0) }));
  };
  switch (name) {
    case 'compare': {
      const rows = c.figures.filter((f) => f.group === 'quantities');
      return { x: rows.map((f) => t.code('category', f.key)), xCol: 'chart.category', series: labels.map((l, i) => ({ name: l, values: rows.map((f) => f.cells[i].per_10k) })) };
    }
    case 'timeline-formulations':
      return { x: years, xCol: 'chart.year', series: s ? [{ name: t('compare.formulationDensity'), values: s.timeline.map((p) => p.formulations_per_10k) }] : [] };
    case 'timeline-themes':
      return {
        x: years,
        xCol: 'chart.year',
        // themes with any share: a line each, in percent
        series: s ? lines((p) => p.themes.filter((x) => x.share > 0).map((x) => ({ key: x.theme, name: t.code('theme', x.theme), value: Math.round(x.share * 1000) / 10 }))) : [],
      };
    case 'timeline-categories':
      return { x: years, xCol: 'chart.year', series: s ? lines((p) => p.categories.map((x) => ({ key: x.category, name: t.code('category', x.category), value: x.count }))) : [] };
    default:
      return { x: [], series: [] };
  }
}

/** A comparison chart's description and data table (x label, then one column per series). */
export function describeCompareChart(box, name, data, t) {
  const rows = data.x.map((x, i) => [x, ...data.series.map((s) => s.values[i])]);
  const cols = [t(data.xCol), ...data.series.map((s) => s.name)];
  const items = rows.slice(0, 12).map((r) => `${r[0]} ${r.slice(1).map((v) => t.fmt(v)).join('/')}`);
  describeRows(box, name, { rows, cols, items, more: rows.length - 12, content: false }, t);
}

/** The chart's description (all rows, in words) and its data table (built when opened). */
export function describeChart(box, name, a, t) {
  const { rows, cols, content: isContent } = chartRows(name, a, t);
  const items = rows.slice(0, 12).map(([l, v]) => `${l} ${t.fmt(v)}`);
  describeRows(box, name, { rows, cols: cols.map((c) => t(c)), items, more: rows.length - 12, content: isContent }, t);
}

function describeRows(box, name, { rows, cols, items, more: extra, content: isContent }, t) {
  const more = extra > 0 ? `${t.lang === 'en' ? ', ' : '，'}${t('chart.more', { n: extra })}` : '';
  const desc = box.querySelector('.sr-only');
  desc.textContent = t('chart.describe', { title: t(`chart.${name}`), items: items.join(t.lang === 'en' ? ', ' : '，') + more });
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
        el('thead', {}, el('tr', {}, ...cols.map((c) => el('th', { scope: 'col' }, c)))),
        el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.slice(0, cols.length).map(cell)))),
      ),
    );
  };
  details.ontoggle = () => details.open && build();
  if (details.open) build();
  else wrap.replaceChildren();
}
