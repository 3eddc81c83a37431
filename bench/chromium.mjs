// The analysis section of bench.mjs, run where the page runs it: in a dedicated worker of
// headless Chromium (Debian's, through playwright-core as the page tests drive it). Node 20's
// V8 is three years older than the browser's, and the two disagree on what costs most
// (bench/README.md, fifteenth pass): the ratio a user meets is this one.
//
// The worker times each path as bench.mjs does in Node, with the same `timeBlocks`. The page
// is cross-origin isolated (COOP + COEP) so that performance.now() counts in microseconds, not
// in the 0.1 ms steps Chromium gives other pages.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { launch } from '../www/test/browser.mjs';

/**
 * Times each path of `paths` (name → function; null: skipped) in `blocks` blocks of `runs`
 * back-to-back calls, the blocks of all paths in turn, the first call of a block untimed: a
 * call timed right after another path's pays for that path's garbage, so a path is timed after
 * itself, as a caller repeating it sees it (bench/README.md, fifth pass). Gives each path's ms
 * per call. bench.mjs runs it in Node; the worker below gets its source.
 */
export function timeBlocks(paths, blocks, runs) {
  const t = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let b = 0; b < blocks; b++) {
    for (const [k, f] of Object.entries(paths)) {
      if (!f) continue;
      f();
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        f();
        t[k].push(performance.now() - t0);
      }
    }
  }
  return t;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ANALYSIS = `${timeBlocks}
const median = ${median};
onmessage = async ({ data: { inputs, blocks } }) => {
  const rl = await import('/ours/report_lens.js');
  await rl.default({ module_or_path: '/ours/report_lens_bg.wasm' });
  rl.warm_up();
  const jw = await import('/jieba/jieba_rs_wasm.js');
  await jw.default({ module_or_path: '/jieba/jieba_rs_wasm_bg.wasm' });
  // wasm code starts in V8's baseline tier and is optimised as it runs: warm both first
  for (let i = 0; i < 3; i++) for (const { text } of inputs.slice(0, 3)) { jw.cut(text, true); rl.analyze(text); }
  const rows = inputs.map(({ name, text, runs }) => {
    const t = timeBlocks({ cut: () => jw.cut(text, true), analyze: () => rl.analyze(text) }, blocks, runs);
    return { name, cut: median(t.cut), analyze: median(t.analyze) };
  });
  postMessage({ rows, isolated: self.crossOriginIsolated });
};
`;

/** Serves `roots` (URL prefix → directory) and `/worker.js`, cross-origin isolated. */
function server(roots, worker) {
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
  return createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    const send = (body, type) => res.writeHead(200, { ...headers, 'content-type': type }).end(body);
    if (path === '/') return send('<!doctype html><title>bench</title>', types['.html']);
    // a failure in the worker's async handler is an unhandled rejection, which the page never
    // hears of: it is posted back as the answer's error instead of leaving the bench waiting
    const guard = 'self.onunhandledrejection = (e) => postMessage({ error: String(e.reason?.stack ?? e.reason) });\n';
    if (path === '/worker.js') return send(guard + worker, types['.js']);
    const root = Object.keys(roots).find((r) => path.startsWith(r));
    const file = root && join(roots[root], normalize(path.slice(root.length)).replace(/^(\.\.[/\\])+/, ''));
    if (!file || !existsSync(file)) return res.writeHead(404, headers).end();
    send(readFileSync(file), types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
  });
}

/**
 * Runs module `worker` (source text) in a dedicated worker of headless Chromium, posts it
 * `message` and resolves to its one answer and the browser's version. `roots` maps URL
 * prefixes ("/ours/") to the directories the worker imports from.
 */
export async function inChromiumWorker({ roots, worker, message }) {
  const http = server(roots, worker);
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${http.address().port}/`);
    const answer = await page.evaluate(
      (m) =>
        new Promise((resolve, reject) => {
          const w = new Worker('/worker.js', { type: 'module' });
          w.onmessage = ({ data }) => (data?.error ? reject(new Error(data.error)) : resolve(data));
          w.onerror = (e) => reject(new Error(e.message || 'the bench worker failed'));
          w.postMessage(m);
        }),
      message,
    );
    return { answer, version: browser.version() };
  } finally {
    await browser.close();
    http.close();
  }
}

/**
 * Medians in ms of jieba-wasm's `cut(text, true)` and report-lens's `analyze(text)` for each
 * input ({ name, text, runs }), in a worker of headless Chromium, and the browser's version.
 */
export async function analysisInChromium({ pkg, jieba, inputs, blocks }) {
  const { answer, version } = await inChromiumWorker({
    roots: { '/ours/': pkg, '/jieba/': jieba },
    worker: ANALYSIS,
    message: { inputs, blocks },
  });
  return { ...answer, version };
}
