// The wasm build in Node: analyze() on fixtures returns exactly the CLI's JSON, takes strings
// and raw bytes, and throws real Errors with the core's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { initSync, analyze, analyze_json, rehearse } from '../../pkg/report_lens.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.REPORT_LENS_CLI ?? join(root, 'target', 'debug', 'report-lens');
initSync({ module: readFileSync(join(root, 'pkg', 'report_lens_bg.wasm')) });

function viaCli(path) {
  return JSON.parse(execFileSync(cli, ['analyze', path], { maxBuffer: 64 << 20 }).toString());
}

const fixtures = [join(root, 'tests', 'fixtures', 'sample-report.txt'), join(root, 'tests', 'fixtures', 'sample-gb18030.txt')];
const shared = join(root, '..', 'shared', 'corpus');
if (existsSync(shared)) fixtures.push(...readdirSync(shared).filter((f) => f.endsWith('.txt')).map((f) => join(shared, f)));

for (const path of fixtures) {
  test(`wasm analyze() equals the CLI on ${path.split('/').pop()}`, () => {
    const name = path.split('/').pop();
    const fromWasm = analyze(new Uint8Array(readFileSync(path)), null, name);
    const fromCli = viaCli(path);
    assert.deepStrictEqual(fromWasm, fromCli);
    // and its keys in the CLI's order (a JSON export of the object reads as the CLI's)
    assert.equal(JSON.stringify(fromWasm), JSON.stringify(fromCli));
    assert.ok(fromWasm.quantities.length > 0, 'finds quantities');
  });
}

test('a string input is analysed like its UTF-8 bytes', () => {
  const path = fixtures[0];
  const text = readFileSync(path, 'utf8');
  const a = analyze(text, null, 'x');
  const b = analyze(new Uint8Array(readFileSync(path)), null, 'x');
  assert.deepStrictEqual(a.stats, b.stats);
  assert.deepStrictEqual(a.quantities, b.quantities);
});

test('rehearse() analyses the demo sample, JSON included, and leaves later analyses as they were', () => {
  const sample = readFileSync(fixtures[0], 'utf8');
  const before = analyze_json(sample, null, '');
  // the worker rehearses while idle after "ready": the JSON of the whole sample, every time
  for (let i = 0; i < 3; i++) assert.equal(rehearse(), Buffer.byteLength(before));
  assert.ok(JSON.parse(before).quantities.length > 20, 'the sample runs the quantity stage');
  assert.equal(analyze_json(sample, null, ''), before);
  const other = join(root, 'tests', 'fixtures', 'county-2024-report.txt');
  assert.deepStrictEqual(analyze(new Uint8Array(readFileSync(other)), null, 'county-2024-report.txt'), viaCli(other));
});

// analyze() parses the JSON but builds `terms` and `term_counts` from a joined string of
// their words (src/wasm_object.js): the object must be the JSON's, key for key and in order,
// also where the terms are respelled (a traditional report's terms are in its own script, its
// counts in the simplified one) and whatever the number of terms asked for.
test('analyze() is JSON.parse of analyze_json(), with terms respelled or not and any max_terms', () => {
  const reports = join(root, 'tests', 'fixtures', 'reports');
  const files = readdirSync(reports).filter((f) => /\.(txt|md|html)$/.test(f));
  let respelled = 0;
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(reports, f)));
    for (const options of [null, { max_terms: 0 }, { max_terms: 1 }, { max_terms: 1_000_000 }]) {
      const object = analyze(bytes, options, f);
      assert.equal(JSON.stringify(object), JSON.stringify(JSON.parse(analyze_json(bytes, options, f))), `${f} ${JSON.stringify(options)}`);
    }
    const { terms, term_counts } = analyze(bytes, null, f);
    assert.ok(terms.length > 0 && terms.length <= term_counts.length, f);
    if (terms.some((t, i) => t.term !== term_counts[i][0])) respelled += 1;
  }
  assert.ok(respelled >= 2, `the traditional fixtures' terms are respelled (${respelled} files)`);
});

test('options limit the lists', () => {
  const a = analyze(readFileSync(fixtures[0], 'utf8'), { max_terms: 5, max_keywords: 3 }, 'x');
  assert.equal(a.terms.length, 5);
  assert.equal(a.keywords.tfidf.length, 3);
  assert.equal(a.keywords.textrank.length, 3);
});

test('bad input throws an Error with the core message', () => {
  assert.throws(() => analyze(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), null, 'x.png'), (e) => e instanceof Error && /图片/.test(e.message));
  assert.throws(() => analyze(new Uint8Array([1, 0, 2, 0, 0, 3]), null, 'x.bin'), (e) => e instanceof Error && /二进制/.test(e.message));
  assert.throws(() => analyze('   \n ', null, 'x'), (e) => e instanceof Error && /文件为空/.test(e.message));
  assert.throws(() => analyze(42, null, 'x'), (e) => e instanceof Error && /string or a Uint8Array/.test(e.message));
  assert.throws(() => analyze('abc', { max_terms: 'many' }, 'x'), (e) => e instanceof Error && /options/.test(e.message));
});
