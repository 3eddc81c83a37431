// What the benchmark measures that is not a timing, asserted: the wasm's size after gzip stays
// within the budget (dictionary, models, gazetteer and code together), no function of it is
// huge, and a fresh instance's memory does not grow over repeated analyses.
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

/** The byte size of each function body in a wasm module (its code section). */
function functionSizes(bytes) {
  let at = 8; // magic and version
  const leb = () => {
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = leb() + at;
    if (id === 10) {
      const sizes = [];
      for (let n = leb(); n > 0; n--) {
        const size = leb();
        sizes.push(size);
        at += size;
      }
      return sizes;
    }
    at = end;
  }
  return [];
}

/** binaryen inlines a function with one caller only when it is small (-ocimfs in
 * wasm-pack.toml). Without that limit it folded every stage of the analysis into one function
 * of 180 KB: V8 took 1.1 s to optimise it, and Node 20's V8 compiles one that large with its
 * cheaper register allocator (bench/README.md, sixteenth pass). The largest is 36 KB now. */
const MAX_FUNCTION = 64 * 1024;

test(`no function of the wasm is over ${MAX_FUNCTION} bytes`, () => {
  const sizes = functionSizes(readFileSync(`${PKG}/report_lens_bg.wasm`));
  const largest = Math.max(...sizes);
  console.log(`${sizes.length} functions, the largest ${largest} bytes`);
  assert.ok(sizes.length > 1000, `${sizes.length} functions read`);
  assert.ok(largest <= MAX_FUNCTION, `a function of ${largest} bytes`);
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
