// What the benchmark measures that is not a timing, asserted: the wasm's size after gzip stays
// within the budget (dictionary, models, gazetteer and code together), and a fresh instance's
// memory does not grow over repeated analyses.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const PKG = process.env.REPORT_LENS_PKG || here('../../pkg');
/** 1.5 MB after gzip -9: the page's whole download but the page itself. */
const GZIP_BUDGET = 1_500_000;

test(`the wasm is at most ${GZIP_BUDGET} bytes after gzip`, () => {
  const gz = gzipSync(readFileSync(`${PKG}/report_lens_bg.wasm`), { level: 9 }).length;
  console.log(`report_lens_bg.wasm: ${gz} bytes gzip (budget ${GZIP_BUDGET}, ${GZIP_BUDGET - gz} to spare)`);
  assert.ok(gz <= GZIP_BUDGET, `${gz} bytes gzip > ${GZIP_BUDGET}`);
});

test('memory does not grow over 30 analyses in one instance, once the allocator settles', () => {
  const out = execFileSync(
    process.execPath,
    [here('../probe.mjs'), 'memory', here('../../tests/fixtures/sample-report.txt'), '30'],
    { encoding: 'utf8', env: { ...process.env, REPORT_LENS_PKG: PKG } },
  );
  const m = JSON.parse(out);
  console.log(`wasm memory: ${m.loaded} MiB loaded, ${m.first} after one analysis, ${m.tenth} after 10, ${m.last} after ${m.runs}`);
  assert.equal(m.last, m.tenth);
  assert.ok(m.first <= 64, `${m.first} MiB`);
});
