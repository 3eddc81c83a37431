// The wasm build's compare() in Node: on the analyses the page holds (fresh from analyze(), or
// saved as JSON and parsed again) it returns exactly the CLI's `compare` JSON, and it throws
// real Errors with the core's message. Run by scripts/test.sh after the wasm build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { initSync, analyze, compare } from '../../pkg/report_lens.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.REPORT_LENS_CLI ?? join(root, 'target', 'debug', 'report-lens');
initSync({ module: readFileSync(join(root, 'pkg', 'report_lens_bg.wasm')) });

const dir = join(root, 'tests', 'fixtures', 'series');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
const analyses = files.map((p) => analyze(new Uint8Array(readFileSync(p)), null, p.split('/').pop()));

test('wasm compare() equals the CLI on four years of one committee', () => {
  const fromWasm = compare(analyses);
  const fromCli = JSON.parse(execFileSync(cli, ['compare', ...files], { maxBuffer: 64 << 20 }).toString());
  assert.deepStrictEqual(fromWasm, fromCli);
  assert.equal(fromWasm.series.timeline.length, 4);
  assert.ok(fromWasm.keyness[0].terms.some((t) => t.term === '乡村振兴'));
});

test('saved analyses (JSON round trip) compare the same', () => {
  const saved = analyses.map((a) => JSON.parse(JSON.stringify(a)));
  assert.deepStrictEqual(compare(saved), compare(analyses));
});

test('a report given twice is one column', () => {
  const c = compare([analyses[0], { ...analyses[0], source: { ...analyses[0].source, name: 'copy.txt' } }]);
  assert.equal(c.reports.length, 1);
  assert.deepStrictEqual(c.duplicates, [{ index: 1, name: 'copy.txt', id: analyses[0].id }]);
});

test('bad input throws an Error with a message', () => {
  assert.throws(() => compare([analyses[0]]), (e) => e instanceof Error && e.message.includes('2 至 50'));
  assert.throws(() => compare([{ schema: 'x' }, analyses[0]]), (e) => e instanceof Error && e.message.includes('compare()'));
  assert.throws(() => compare('not a list'), Error);
});
