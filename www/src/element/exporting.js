// Downloads of what the core computed: JSON as is, quantities as CSV (the columns of the CLI
// corpus's quantities.csv), charts as SVG or PNG, the one-page summaries. A 15 MB report's
// Analysis is ~50 MB of JSON: both texts are built in slices (a Blob of parts), never by one
// call that holds the page.
import { yieldToBrowser } from './dom.js';

export function download(filename, data, type, where = document.body) {
  const blob = data instanceof Blob ? data : new Blob([data], { type: `${type};charset=utf-8` });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.hidden = true;
  where.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const SLICE_MS = 8;

/** Runs step(i) for i in [0, n), yielding to the browser every few milliseconds. */
async function eachSliced(n, step) {
  let t0 = performance.now();
  for (let i = 0; i < n; i++) {
    step(i);
    if (performance.now() - t0 > SLICE_MS) {
      await yieldToBrowser();
      t0 = performance.now();
    }
  }
}

/**
 * The Analysis as JSON, indented by two spaces (what JSON.stringify(a, null, 2) gives), in a
 * Blob. Top-level arrays are written an item at a time.
 */
export async function analysisJson(a) {
  const parts = ['{'];
  const keys = Object.keys(a);
  const indent = (s, pad) => s.replace(/\n/g, `\n${pad}`);
  for (let k = 0; k < keys.length; k++) {
    const v = a[keys[k]];
    const comma = k < keys.length - 1 ? ',' : '';
    parts.push(`\n  ${JSON.stringify(keys[k])}: `);
    if (Array.isArray(v) && v.length) {
      parts.push('[');
      await eachSliced(v.length, (i) => parts.push(`\n    ${indent(JSON.stringify(v[i], null, 2), '    ')}${i < v.length - 1 ? ',' : ''}`));
      parts.push(`\n  ]${comma}`);
    } else {
      parts.push(`${indent(JSON.stringify(v, null, 2), '  ')}${comma}`);
      await yieldToBrowser();
    }
  }
  parts.push('\n}');
  return new Blob(parts, { type: 'application/json;charset=utf-8' });
}

/** The quantities as CSV text: the columns of the CLI corpus's quantities.csv (csv.js). */
export async function quantitiesCsv(a) {
  const { BOM, QUANTITY_COLUMNS, quantityRow, field } = await import('./csv.js');
  const lines = [BOM + QUANTITY_COLUMNS.join(',') + '\n'];
  await eachSliced(a.quantities.length, (i) => lines.push(quantityRow(a, a.quantities[i], i).map(field).join(',') + '\n'));
  return lines.join('');
}

/**
 * Downloads of what the core computed: JSON, CSV (quantities, comparison, timeline), one chart
 * as SVG or PNG, and the one-page summaries (一图读懂) of the report or the comparison.
 * `view`: the report shown (`analysis`), the comparison's view (`compare`), the charts, the
 * labels' language (`t`) and where the link is clicked (`where`).
 */
export async function exportFile(kind, chartName, view) {
  const { analysis: a, compare, charts, t, where } = view;
  const base = (a.source.name || 'report').replace(/\.[^.]+$/, '');
  const c = compare.comparison;
  const save = (name, data, type) => download(name, data, type, where);
  if (kind === 'json') return save(`${base}.analysis.json`, await analysisJson(a), 'application/json');
  if (kind === 'csv') return save(`${base}.quantities.csv`, await quantitiesCsv(a), 'text/csv');
  if (kind === 'svg' || kind === 'png') {
    const chart = charts?.named(chartName);
    if (!chart) return;
    const file = `${chartName.startsWith('timeline') || chartName === 'compare' ? 'comparison' : base}.${chartName}.${kind}`;
    if (kind === 'svg') return save(file, charts.svgOf(chart), 'image/svg+xml');
    return save(file, await charts.pngOf(chart), 'image/png');
  }
  if (kind === 'summary-svg' || kind === 'summary-png' || kind === 'compare-summary-svg' || kind === 'compare-summary-png') {
    const { reportSummarySvg, comparisonSummarySvg, svgToPng } = await import('./summary-image.js');
    const ofComparison = kind.startsWith('compare');
    if (ofComparison && !c) return;
    const svg = ofComparison ? comparisonSummarySvg(c, compare.labels(), t) : reportSummarySvg(a, t);
    const file = `${ofComparison ? 'comparison' : base}.summary`;
    if (kind.endsWith('svg')) return save(`${file}.svg`, svg, 'image/svg+xml');
    return save(`${file}.png`, await svgToPng(svg), 'image/png');
  }
  if ((kind === 'compare-csv' || kind === 'timeline-csv') && c) {
    const { csvFile, comparisonTables, seriesTables } = await import('./csv.js');
    if (kind === 'compare-csv') return save('comparison.csv', csvFile(comparisonTables(c, compare.labels())), 'text/csv');
    if (c.series) return save('timeline.csv', csvFile(seriesTables(c.series)), 'text/csv');
  }
}
