// One cold start of a page holding a <report-lens> (shared by bench/startup.mjs and the
// start-up test): a fresh browser context (empty cache), optionally a throttled line, and the
// times from navigation start to
//   interactive: the document is parsed and the element is defined and upgraded (the drop zone
//                answers), and
//   ready:       data-state="ready" (the wasm is compiled and the dictionary built),
// read from the page's own clock (performance.now() is relative to navigation start), plus the
// bytes that crossed the wire (compressed sizes, the worker's requests included).
//
// The harness waits for "ready" on a promise of the page's own probe (evaluateWithin), not
// with Playwright's waitForSelector: that evaluates Playwright's injected script (its selector
// engine) in the page, 35-43 ms of the page's thread in the middle of start-up (traced), which a
// user's page never runs. Measured, 14 alternating cold loads twice: ready 621 / 603 ms with
// it, 566 / 524 without (bench/README.md, sixteenth pass).

import { evaluateWithin } from './browser.mjs';

/** The `q` quantile (0-1) of `key` over the loads measureStartup() gave: the value at
 * floor(q * n) in ascending order. */
export const quantileOf = (runs, key, q) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.min(runs.length - 1, Math.floor(q * runs.length))];

/** The median of `key` (the upper one of an even count). */
export const medianOf = (runs, key) => quantileOf(runs, key, 0.5);

/** Records, inside the page, when the element is defined and when it reaches each state. */
function probe() {
  const marks = (window.__startup = { states: {} });
  // settled when the element turns ready (or fails to load)
  let settle;
  marks.ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
  const element = () => document.querySelector('report-lens');
  customElements.whenDefined('report-lens').then(() => {
    const done = () => (marks.defined = performance.now());
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', done, { once: true });
    else done();
  });
  new MutationObserver(() => {
    const s = element()?.dataset.state;
    if (s && !(s in marks.states)) marks.states[s] = performance.now();
    if (s === 'ready') settle.resolve();
    if (s === 'error') settle.reject(new Error(`the element failed to load: ${element().shadowRoot?.querySelector('#status-text')?.textContent}`));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

export async function measureStartup(browser, url, { mbit = 0, latencyMs = 20, width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  if (mbit) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: (mbit * 1e6) / 8,
      uploadThroughput: (mbit * 1e6) / 8,
    });
  }
  const sizes = [];
  // (a request may finish after ready, e.g. the chart chunk fetched when idle: its sizes are
  // asked only while the context is open, and one that fails counts nothing, never an
  // unhandled rejection once the context is closed)
  let open = true;
  const sizeOf = (r) => r.sizes().then((s) => ({ url: r.url(), bytes: s.responseBodySize + s.responseHeadersSize }), () => ({ url: r.url(), bytes: 0 }));
  page.on('requestfinished', (r) => open && sizes.push(sizeOf(r)));
  await page.addInitScript(probe);
  let m;
  let transferred;
  try {
    await page.goto(url);
    await evaluateWithin(page, () => window.__startup.ready, 120_000, 'ready');
    m = await page.evaluate(() => ({
      dom_interactive: performance.getEntriesByType('navigation')[0].domInteractive,
      defined: window.__startup.defined,
      ready: window.__startup.states.ready,
      engine: document.querySelector('report-lens').timings.engineMs,
    }));
    transferred = (await Promise.all(sizes)).reduce((n, s) => n + s.bytes, 0);
  } finally {
    open = false;
    await context.close();
  }
  return {
    interactive_ms: Math.round(Math.max(m.dom_interactive, m.defined)),
    ready_ms: Math.round(m.ready),
    worker_ms: Math.round(m.engine),
    dom_interactive_ms: Math.round(m.dom_interactive),
    defined_ms: Math.round(m.defined),
    transferred_kib: Math.round(transferred / 1024),
  };
}
