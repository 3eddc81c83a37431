// The downloads built in slices (src/element/exporting.js) give the same text as the one call
// they replace: JSON.stringify(a, null, 2) for the JSON, the rows joined for the CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { join } from 'node:path';
import { cliAnalysis, fixture, root } from './browser.mjs';

// bundled as build.mjs bundles them (csv.js imports the lexicon's label tables as text)
const src = join(root, 'www', 'src', 'element');
const { outputFiles } = await build({
  stdin: { contents: `export * from './exporting.js'; export * from './csv.js';`, resolveDir: src },
  bundle: true,
  format: 'esm',
  write: false,
  loader: { '.txt': 'text' },
});
const { analysisJson, quantitiesCsv, BIG_STRING: SLICE, BOM, QUANTITY_COLUMNS, quantityRow, field } = await import(
  `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`
);

/** More items than exporting.js writes at once. */
const BIG_LIST = 70;

/** A report's Analysis made large where the writer works in pieces. */
function largeAnalysis() {
  const a = cliAnalysis(fixture);
  // a text longer than a slice, with a surrogate pair across the first slice's end, escapes
  // and a lone half of a pair (escaped by JSON.stringify, and so by each slice)
  a.text = `${'政'.repeat(SLICE - 1)}😀"\\\n\t\u0001${a.text.repeat(30)}\ud800 end`;
  // long lists in objects and in lists, empty ones beside them
  const q = a.quantities;
  a.quantities = Array.from({ length: 40 }, () => q).flat();
  a.entities.people = Array.from({ length: 200 }, (_, i) => ({ name: `人${i}`, spans: [[i, i + 2]], empty: [], none: {} }));
  a.nested = { lists: [[], [1, 2, 3], Array.from({ length: 100 }, (_, i) => [i, `${i}`])], zero: -0, nothing: null };
  return a;
}

test('the JSON download is JSON.stringify(a, null, 2), written in slices', async () => {
  for (const a of [cliAnalysis(fixture), largeAnalysis()]) {
    const blob = await analysisJson(a);
    assert.equal(blob.type, 'application/json;charset=utf-8');
    // (ok, not equal: a diff of 4 MB of JSON is no help)
    assert.ok((await blob.text()) === JSON.stringify(a, null, 2), 'the JSON differs from JSON.stringify(a, null, 2)');
  }
  // keys JSON.stringify leaves out, and undefined in a list (null there)
  const odd = { a: undefined, list: [...Array(BIG_LIST).fill(1), undefined, () => 1], f() {}, b: 'x'.repeat(SLICE * 2 + 3) };
  assert.ok((await (await analysisJson(odd)).text()) === JSON.stringify(odd, null, 2), 'undefined and functions as JSON.stringify has them');
});

test('the CSV download is every quantity row, in order', async () => {
  const a = largeAnalysis();
  const blob = await quantitiesCsv(a);
  assert.equal(blob.type, 'text/csv;charset=utf-8');
  const expected = BOM + QUANTITY_COLUMNS.join(',') + '\n' + a.quantities.map((q, i) => quantityRow(a, q, i).map(field).join(',') + '\n').join('');
  // as bytes: Blob.text() drops the BOM the CSV starts with (for spreadsheets)
  const bytes = Buffer.from(await blob.arrayBuffer());
  assert.ok(bytes.equals(Buffer.from(expected)), 'the CSV bytes differ from the rows joined');
});
