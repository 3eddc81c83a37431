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

/**
 * Text gathered into a Blob of `type` in slices: `await write(s)` yields to the browser once
 * a slice has taken SLICE_MS, and each slice's strings become a Blob of their own (one Blob of
 * 50,000 strings encoded them all in one call: 27 ms for a 500 KB report's 4 MB of JSON).
 */
function slicedBlob(type) {
  const blobs = [];
  let parts = [];
  let t0 = performance.now();
  return {
    async write(s) {
      parts.push(s);
      if (performance.now() - t0 <= SLICE_MS) return;
      blobs.push(new Blob(parts));
      parts = [];
      await yieldToBrowser();
      t0 = performance.now();
    },
    blob() {
      blobs.push(new Blob(parts));
      return new Blob(blobs, { type });
    },
  };
}

/** Strings and arrays at least this large are written in pieces (JSON.stringify of a 15 MB
 * report's text alone holds the page ~150 ms). */
export const BIG_STRING = 1 << 16;
const BIG_ARRAY = 64;

/**
 * The Analysis as JSON, indented by two spaces: the text JSON.stringify(a, null, 2) gives, in
 * a Blob. Large values are written a piece at a time (an array an item at a time, a long
 * string in slices, at any depth: a 15 MB report's `entities` is one object of large lists).
 */
export async function analysisJson(a) {
  const out = slicedBlob('application/json;charset=utf-8');
  await writeJson(a, '', (s) => out.write(s));
  return out.blob();
}

/** What JSON.stringify leaves out of an object (and writes as null in a list). */
const unwritten = (x) => x === undefined || typeof x === 'function' || typeof x === 'symbol';

/** Whether `v` is worth writing piece by piece (else one JSON.stringify). */
function isBig(v) {
  if (typeof v === 'string') return v.length >= BIG_STRING;
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.length >= BIG_ARRAY || v.some(isBig);
  return Object.values(v).some(isBig);
}

/** Emits JSON.stringify(v, null, 2) with every line after the first indented by `pad`. The
 * Analysis is JSON data (parsed from the core's JSON): no toJSON, no cycles. */
async function writeJson(v, pad, emit) {
  if (!isBig(v)) {
    const s = JSON.stringify(v, null, 2);
    return emit(s === undefined ? 'null' : pad ? s.replace(/\n/g, `\n${pad}`) : s);
  }
  if (typeof v === 'string') return writeString(v, emit);
  const inner = `${pad}  `;
  if (Array.isArray(v)) {
    await emit('[');
    for (let i = 0; i < v.length; i++) {
      await emit(`${i ? ',' : ''}\n${inner}`);
      await writeJson(unwritten(v[i]) ? null : v[i], inner, emit);
    }
    return emit(`\n${pad}]`);
  }
  const keys = Object.keys(v).filter((k) => !unwritten(v[k]));
  if (!keys.length) return emit('{}');
  await emit('{');
  for (let k = 0; k < keys.length; k++) {
    await emit(`${k ? ',' : ''}\n${inner}${JSON.stringify(keys[k])}: `);
    await writeJson(v[keys[k]], inner, emit);
  }
  return emit(`\n${pad}}`);
}

/** A long string as JSON, in slices; a slice never ends between the two halves of a
 * surrogate pair (JSON.stringify escapes a lone half, and the text would differ). */
async function writeString(s, emit) {
  await emit('"');
  for (let i = 0; i < s.length; ) {
    let j = Math.min(s.length, i + BIG_STRING);
    const last = s.charCodeAt(j - 1);
    if (j < s.length && last >= 0xd800 && last <= 0xdbff) j -= 1;
    await emit(JSON.stringify(s.slice(i, j)).slice(1, -1));
    i = j;
  }
  return emit('"');
}

/** The quantities as CSV, in a Blob: the columns of the CLI corpus's quantities.csv (csv.js). */
export async function quantitiesCsv(a) {
  const { BOM, QUANTITY_COLUMNS, quantityRow, field } = await import('./csv.js');
  const out = slicedBlob('text/csv;charset=utf-8');
  await out.write(BOM + QUANTITY_COLUMNS.join(',') + '\n');
  for (let i = 0; i < a.quantities.length; i++) await out.write(quantityRow(a, a.quantities[i], i).map(field).join(',') + '\n');
  return out.blob();
}

/** A PNG Blob of an SVG, drawn on a white canvas at `scale` times its size. */
async function svgToPng(svg, scale = 1) {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
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
    // (twice the size, for print)
    return save(file, await svgToPng(charts.svgOf(chart), 2), 'image/png');
  }
  if (kind === 'summary-svg' || kind === 'summary-png' || kind === 'compare-summary-svg' || kind === 'compare-summary-png') {
    const { reportSummarySvg, comparisonSummarySvg } = await import('./summary-image.js');
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
