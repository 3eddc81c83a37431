// Start-up and what crosses the wire: serve.mjs sends the precompressed .br/.gz copies build.mjs
// writes (by Accept-Encoding, with Content-Encoding, Vary and the file's own type, 304 on a
// matching ETag); a cold load in Chromium receives the wasm brotli-compressed; the offline page
// carries the wasm compressed. Start-up times go to test-output/timings.json and are printed,
// held only to a generous sanity bound (the machine is shared).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { root, recordTimings, servedBrowser } from './browser.mjs';
import { measureStartup, medianOf } from './startup.mjs';

const dist = join(root, 'www', 'dist');
const env = servedBrowser();

function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    request(`${env.origin}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync, undefined: (b) => b };

test('every asset is sent precompressed by Accept-Encoding, with its own type', async () => {
  const worker = '/worker.js';
  const chunk = `/${readFileSync(join(dist, 'demo.js'), 'utf8').match(/chunk-[A-Z0-9]+\.js/)[0]}`;
  const assets = [
    ['/', 'text/html; charset=utf-8', 'index.html'],
    ['/report_lens_bg.wasm', 'application/wasm', 'report_lens_bg.wasm'],
    [worker, 'text/javascript; charset=utf-8', 'worker.js'],
    [chunk, 'text/javascript; charset=utf-8', chunk.slice(1)],
    ['/demo.css', 'text/css; charset=utf-8', 'demo.css'],
  ];
  for (const [path, type, file] of assets) {
    const original = readFileSync(join(dist, file));
    for (const [accept, encoding] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip;q=0.5', 'gzip'], ['', undefined], ['identity', undefined]]) {
      const r = await get(path, { 'accept-encoding': accept });
      assert.equal(r.status, 200, `${path} ${accept}`);
      assert.equal(r.headers['content-type'], type, `${path}: its own type, not the .br's`);
      assert.equal(r.headers['content-encoding'], encoding, `${path} with Accept-Encoding "${accept}"`);
      assert.equal(r.headers.vary, 'Accept-Encoding');
      assert.equal(Number(r.headers['content-length']), r.body.length);
      assert.ok(decode[encoding](r.body).equals(original), `${path} (${encoding ?? 'identity'}) decodes to the file`);
    }
    const first = await get(path, { 'accept-encoding': 'br' });
    const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': first.headers.etag });
    assert.equal(again.status, 304, `${path}: unchanged, not sent again`);
  }
  const wasm = statSync(join(dist, 'report_lens_bg.wasm')).size;
  const br = statSync(join(dist, 'report_lens_bg.wasm.br')).size;
  console.log(`wasm: ${(wasm / 1024).toFixed(0)} KiB raw, ${(br / 1024).toFixed(0)} KiB brotli (${((br / wasm) * 100).toFixed(0)} %)`);
  assert.ok(br < wasm * 0.85, 'the wasm crosses compressed');
});

test('a cold load receives the wasm brotli-compressed and compiles it as it streams', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto(`${env.origin}/`);
  const res = await wasm;
  assert.equal((await res.allHeaders())['content-encoding'], 'br');
  await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
  // the download progressed in steps on the status bar before the engine was ready
  assert.ok(await page.evaluate(() => document.querySelector('report-lens').timings.engineMs > 0));
  await context.close();
});

/** 5, not 3: the first load of a fresh browser is often its slowest (744 ms against 625 and 524
 * in one CI run), and with 3 the median was left to the spread of the other two. */
const COLD_LOADS = 5;

test('start-up, cold cache: navigation to interactive and to ready (measured, printed)', async () => {
  const runs = [];
  for (let i = 0; i < COLD_LOADS; i++) runs.push(await measureStartup(env.browser, `${env.origin}/`));
  const slow = await measureStartup(env.browser, `${env.origin}/`, { mbit: 10 });
  const timings = {
    localhost_interactive_ms: medianOf(runs, 'interactive_ms'),
    localhost_ready_ms: medianOf(runs, 'ready_ms'),
    localhost_runs: runs,
    mbit10_interactive_ms: slow.interactive_ms,
    mbit10_ready_ms: slow.ready_ms,
    transferred_kib: slow.transferred_kib,
  };
  recordTimings({ startup: timings });
  console.log('start-up', JSON.stringify(timings));
  // sanity bounds only (a shared machine): the targets are 300 ms and 600 ms on localhost
  assert.ok(timings.localhost_interactive_ms < 5_000, `interactive after ${timings.localhost_interactive_ms} ms`);
  assert.ok(timings.localhost_ready_ms < 20_000, `ready after ${timings.localhost_ready_ms} ms`);
  assert.ok(slow.transferred_kib < 4_000, `${slow.transferred_kib} KiB over the wire`);
});

test('the offline page carries the wasm compressed, not as raw base64', () => {
  const page = statSync(join(dist, 'report-lens-offline.html')).size;
  const wasm = statSync(join(dist, 'report_lens_bg.wasm')).size;
  console.log(`offline page: ${(page / 1048576).toFixed(2)} MB (wasm ${(wasm / 1048576).toFixed(2)} MB raw)`);
  recordTimings({ offline_page_bytes: page });
  assert.ok(page < (wasm * 4) / 3, 'smaller than the raw wasm in base64 alone');
});

test("the chart code carries V8's compile-on-load hint, the code loaded at start-up does not", () => {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  const js = (f) => readFileSync(join(dist, f), 'utf8');
  // the files `files` import statically (import(...) of a later stage is not followed)
  const closure = (files) => {
    const seen = new Set();
    const walk = (f) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const m of js(f).matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) walk(m[1]);
    };
    files.forEach(walk);
    return seen;
  };
  const eager = closure(['demo.js', 'embed.js', 'index.js', 'report-lens.js']);
  const stages = readdirSync(dist).filter((f) => /^charts-(lib|parts|impl)-\w+\.js$/.test(f));
  assert.equal(stages.length, 3, stages.join());
  const charts = [...closure(stages)].filter((f) => !eager.has(f));
  const hinted = readdirSync(dist).filter((f) => f.endsWith('.js') && js(f).startsWith(HINT));
  assert.deepEqual(hinted.sort(), charts.sort(), 'exactly the chart code is hinted');
  assert.ok(charts.some((f) => statSync(join(dist, f)).size > 300_000), 'ECharts itself is among them');
});
