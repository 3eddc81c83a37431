// The engine's pure parts in Node: a large Analysis split into parts and rebuilt equal (and
// every part small), failures described in words (a real console_error_panic_hook message, a
// bare trap, memory), the sliced sort equal to Array.prototype.sort, and the input limit
// equal to the core's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync, analyze } from '../../pkg/report_lens.js';
import { splitIntoParts, Assembly, roughSize, PART_BYTES } from '../src/engine/parts.js';
import { describeFailure, parsePanic, failureMessage, panicRecorder } from '../src/engine/failure.js';
import { sortSliced, filterSliced } from '../src/element/sliced.js';
import { spansIn } from '../src/element/views/textview.js';
import { MAX_BYTES } from '../src/engine/engine.js';
import { root, fixture } from './browser.mjs';
import { syntheticReport } from './synthetic.mjs';

initSync({ module: readFileSync(join(root, 'pkg', 'report_lens_bg.wasm')) });

test('a large Analysis crosses in parts of about PART_BYTES and is rebuilt deep-equal', () => {
  const report = syntheticReport([readFileSync(fixture, 'utf8'), 400 * 1024]);
  const a = analyze(report, null, 'long.txt');
  assert.ok(a.quantities.length > 4000, `${a.quantities.length} quantities`);
  const parts = splitIntoParts(a);
  assert.ok(parts.length > 10, `${parts.length} parts`);
  for (const p of parts) {
    const size = roughSize(p.items ?? p.value);
    // a part is at most one item over the limit; the text is one string
    if (p.path.join('.') !== 'text') assert.ok(size < PART_BYTES * 2, `part ${p.path.join('.')} is ${size} bytes`);
  }
  const rebuilt = new Assembly();
  for (const p of structuredClone(parts)) rebuilt.apply(p);
  assert.deepStrictEqual(rebuilt.value, a);
  assert.deepEqual(Object.keys(rebuilt.value), Object.keys(a), 'keys in the same order');
});

test('a small result is one part, and an oversized item is split inside', () => {
  const small = { a: 1, b: [1, 2] };
  assert.deepEqual(splitIntoParts(small), [{ path: [], value: small }]);
  const big = { list: [{ spans: Array.from({ length: 5000 }, (_, i) => [i, i + 1]) }, { spans: [[1, 2]] }], n: 3 };
  const parts = splitIntoParts(big, 4096);
  assert.ok(parts.length > 10);
  const rebuilt = new Assembly();
  for (const p of parts) rebuilt.apply(p);
  assert.deepStrictEqual(rebuilt.value, big);
});

test('a panic is told by its message, a bare trap as memory, never as "unreachable"', () => {
  // what console_error_panic_hook logs
  const logged = 'panicked at src/quantity/mod.rs:215:31:\nbyte index 7 is not a char boundary; it is inside \'报\' (bytes 6..9) of `数据报告`\n\nStack:\n\nError\n    at imports.wbg.__wbg_new_8a6f238a6ece86ea (report_lens.js:1:2)';
  assert.deepEqual(parsePanic(logged), { message: "byte index 7 is not a char boundary; it is inside '报' (bytes 6..9) of `数据报告`", location: 'src/quantity/mod.rs:215:31' });
  const trap = new WebAssembly.RuntimeError('unreachable');
  const panic = describeFailure(trap, [logged]);
  assert.equal(panic.kind, 'panic');
  assert.match(failureMessage(panic), /^分析引擎内部出错：byte index 7 is not a char boundary.*\(src\/quantity\/mod\.rs:215:31\) \(the analysis engine hit an internal error\)$/);
  assert.equal(describeFailure(trap, []).kind, 'abort');
  assert.equal(describeFailure(new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'), []).kind, 'memory');
  assert.equal(describeFailure(new RangeError('Maximum call stack size exceeded'), []).kind, 'stack');
  assert.equal(describeFailure(new WebAssembly.RuntimeError('memory access out of bounds'), []).kind, 'trap');
  for (const k of ['panic', 'memory', 'abort', 'stack', 'trap', 'error']) assert.doesNotMatch(failureMessage({ kind: k, detail: 'x' }), /unreachable/);
});

test('the panic recorder keeps what the panic hook logs, and only that', () => {
  const fake = { error: () => {} };
  const r = panicRecorder(fake);
  fake.error('something else');
  fake.error('panicked at src/lib.rs:1:1:\nboom\n\nStack:\n');
  assert.equal(r.take().length, 1);
  assert.equal(r.take().length, 0, 'taken once');
});

test('a window of the text finds its highlight spans as a full scan does, sorted or not', () => {
  let seed = 7;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  // quantities in text order (short spans, some overlapping), read through their .span
  const quantities = [];
  for (let at = 0, i = 0; i < 20_000; i++) quantities.push({ span: [(at += rnd(40)), at + 1 + rnd(12)] });
  // layer spans out of order, long and short, with a missing one
  const spans = Array.from({ length: 5_000 }, () => ((a) => [a, a + 1 + rnd(3000)])(rnd(400_000)));
  spans.splice(100, 0, null);
  const scan = (list, from, to) => list.filter((s) => s && s[1] > from && s[0] < to);
  const windows = [[0, 1], [0, 100_000], [123_456, 223_456], [399_000, 500_000], [900_000, 1_000_000]];
  for (const [from, to] of windows) {
    const q = quantities.map((x) => x.span);
    assert.deepEqual(spansIn(quantities, from, to, (x) => x.span), scan(q, from, to), `quantities in [${from}, ${to})`);
    assert.deepEqual(spansIn(spans, from, to), scan(spans, from, to), `layer spans in [${from}, ${to})`);
  }
  // a span longer than the rest, starting far before the window, is still found
  const long = [[0, 10], [5, 500_000], [20, 30], [600_000, 600_005]];
  assert.deepEqual(spansIn(long, 400_000, 400_100), [[5, 500_000]]);
  assert.ok(spansIn(quantities, 50_000, 60_000, (x) => x.span).length > 100);
});

test('the sliced sort and filter equal the built-in ones, stable, in slices', async () => {
  const items = Array.from({ length: 23_456 }, (_, i) => ({ k: (i * 7919) % 1000, i }));
  const cmp = (a, b) => a.k - b.k;
  const sorted = await sortSliced(items, cmp);
  assert.deepStrictEqual(sorted, items.slice().sort(cmp));
  assert.deepStrictEqual(await filterSliced(items, (x) => x.k % 3 === 0), items.filter((x) => x.k % 3 === 0));
  // stale from the start: it stops at its first yield (a sort this long yields many times)
  const many = Array.from({ length: 300_000 }, (_, i) => ({ k: (i * 7919) % 100_000, i }));
  assert.equal(await sortSliced(many, cmp, () => true), null, 'a stale sort stops');
});

test('a sliced sort by a slow comparison (a Collator) yields between its runs too', async () => {
  // each comparison ≥ 0.5 µs: a run of 512 items ~5 ms, 27,000 items (a 2 MB report's
  // quantities) 50–150 ms of runs, which went in one task when the clock was read every 256
  // runs (200–500 ms here, against 12–15 ms stretches now)
  const items = Array.from({ length: 27_000 }, (_, i) => ({ k: (i * 7919) % 5000, i }));
  const slow = (a, b) => {
    const until = performance.now() + 0.0005;
    while (performance.now() < until);
    return a.k - b.k;
  };
  let last = performance.now();
  let longest = 0;
  const sorted = await sortSliced(items, slow, () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    return false;
  });
  assert.deepStrictEqual(sorted, items.slice().sort((a, b) => a.k - b.k));
  assert.ok(longest < 100, `longest stretch without a yield: ${longest.toFixed(1)} ms`);
});

test('the page refuses by size what the core refuses: one byte over MAX_BYTES', () => {
  assert.throws(() => analyze(new Uint8Array(MAX_BYTES + 1), null, 'big.txt'), /文件过大：20\.0 MB，上限为 20 MB/);
  assert.throws(() => analyze(new Uint8Array(MAX_BYTES), null, 'limit.txt'), (e) => !/文件过大/.test(e.message), 'at the limit: another message');
});
