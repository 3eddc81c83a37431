// Shared by the Chromium tests: Debian's Chromium driven by playwright-core (never a
// downloaded browser), the static server, the CLI's JSON, and page watchers that collect
// errors and requests.
import { before, after } from 'node:test';
import { serve } from '../serve.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
export const fixture = join(root, 'tests', 'fixtures', 'sample-report.txt');
export const sharedCorpus = join(root, '..', 'shared', 'corpus');

/** Adds `entries` to test-output/timings.json (several test files write to it). */
export function recordTimings(entries) {
  const file = join(out, 'timings.json');
  let all = {};
  try {
    if (existsSync(file)) all = JSON.parse(readFileSync(file, 'utf8'));
  } catch {}
  writeFileSync(file, JSON.stringify({ ...all, ...entries }, null, 2));
}

function chromiumPath() {
  for (const c of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${c}`]).toString().trim();
    } catch {}
  }
  throw new Error('Chromium not found: run scripts/setup.sh');
}

/** Debian's Chromium, headless; `args`: more switches (a test may limit wasm memory). */
export function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      // the full browser behind --headless preloads WebUI of its own (omnibox popup, top chrome)
      // in renderers that compete with the page under test for the CPU
      '--disable-features=PreloadTopChromeWebUI,PrewarmWebUIContents,OmniboxPopupWebUIContent,OmniboxFullPopupWebUIContent,OmniboxAimPopupWebUIContent,OmniboxPopupWebUIBaseContent,WebUIReloadButtonPrewarmWebUI,FullWebUIOmniboxFrame',
      ...args,
    ],
    // playwright gives every launch a fresh, empty user-data-dir of its own
  });
}

/**
 * The demo server and a Chromium for the tests of one file: started before them, closed after
 * them (then `done`, if given). The tests read `env.origin` and `env.browser`.
 */
export function servedBrowser({ done } = {}) {
  const env = { server: null, origin: null, browser: null };
  before(async () => {
    env.server = await serve(0);
    env.origin = `http://127.0.0.1:${env.server.address().port}`;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
    done?.();
  });
  return env;
}

/** The CLI's Analysis JSON of a file (the reference every page result must equal). */
export function cliAnalysis(path) {
  const cli = process.env.REPORT_LENS_CLI ?? join(root, 'target', 'debug', 'report-lens');
  return JSON.parse(execFileSync(cli, ['analyze', path], { maxBuffer: 64 << 20 }).toString());
}

/** Records page errors, console errors and every request of a page. */
export function watch(page) {
  const problems = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} ${m.location().url}`));
  return { problems, requests };
}

/** An init script: the page's long animation frames (over 50 ms), with the scripts that ran
 * in them, go to `window.__frames` (what a long task was). */
export function recordLongFrames() {
  window.__frames = [];
  new PerformanceObserver((l) => {
    for (const f of l.getEntries()) {
      if (f.duration < 50) continue;
      window.__frames.push({
        start: Math.round(f.startTime),
        ms: Math.round(f.duration),
        blocking: Math.round(f.blockingDuration),
        render: Math.round(f.startTime + f.duration - f.renderStart),
        scripts: f.scripts.map((x) => `${x.invoker} ${x.sourceURL.split('/').pop()}:${x.sourceCharPosition} ${Math.round(x.duration)}ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/**
 * An init script: what the warm-ups lay out off screen (the boxes of dom.js's
 * offScreenForAFrame: the type specimen, the charts' warm-up), part by part, goes to
 * `window.__warmUps` as { kind: the box's data-warm-up, at: performance.now() when inserted,
 * frame: when the next frame began, styles }: with `styles`, the text styles (size, weight,
 * style) of its text. Reading them forces a style recalculation: the timing harness asks for
 * the times only.
 */
export function recordWarmUps({ styles = true } = {}) {
  window.__warmUps = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver((records) => {
      for (const r of records) {
        if (!r.target.hasAttribute?.('data-warm-up')) continue;
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          const part = { kind: r.target.dataset.warmUp, at: performance.now(), styles: [] };
          if (styles)
            for (const e of [n, ...n.querySelectorAll('*')]) {
              if (![...e.childNodes].some((c) => c.nodeType === 3 && c.data.trim())) continue;
              const cs = getComputedStyle(e);
              part.styles.push(`${cs.fontSize} ${cs.fontWeight} ${cs.fontStyle}`);
            }
          window.__warmUps.push(part);
          // the frame whose rendering lays the part out (unless the page forced its layout at
          // once): its start, when its animation callbacks run, just before that layout
          requestAnimationFrame(() => (part.frame = performance.now()));
        }
      }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
}

/**
 * `fn` evaluated in the page (it may return a promise), failing after `ms` with `what` in the
 * message. The timer runs here: nothing but `fn` runs in the page. (Playwright's
 * waitForSelector and waitForFunction evaluate its injected script in the page, 35-43 ms of its
 * thread mid start-up, and the latter polls every frame: not for timing harnesses,
 * bench/README.md, sixteenth pass.)
 */
export async function evaluateWithin(page, fn, ms, what) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not after ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([page.evaluate(fn), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The demo page at `origin`, ready and idle (a reader takes a moment to pick a file; the
 * chart code loads and warms up meanwhile), with `report` served at /__report.txt, `init` run
 * before the page's scripts, and its long frames recorded (recordLongFrames). */
export async function idleDemo(browser, origin, report, init = null) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watched = watch(page);
  if (init) await page.addInitScript(init);
  await page.addInitScript(recordLongFrames);
  await page.route(`${origin}/__report.txt`, (route) => route.fulfill({ body: report, contentType: 'text/plain; charset=utf-8' }));
  await page.goto(`${origin}/`);
  await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
  await page.waitForTimeout(2500);
  return { page, ...watched };
}

/** The element that has focus, through shadow roots: a short description of it. */
export function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return null;
    return {
      tag: a.localName,
      id: a.id,
      text: (a.textContent ?? '').trim().slice(0, 40),
      sort: a.dataset?.sort ?? null,
      index: a.dataset?.index ?? null,
      label: a.getAttribute('aria-label'),
    };
  });
}

/** Ranges of one of an element's CSS highlights (sentence, flash, layer, q), as strings (the
 * highlights are StaticRanges, which have no text of their own: read through a live Range). */
export function highlight(page, kind, lens = 'report-lens') {
  return page.evaluate(
    ([kind, lens]) => {
      const view = document.querySelector(lens).shadowRoot.querySelector('#text-view');
      return [...(CSS.highlights.get(`${view.dataset.highlight}-${kind}`) ?? [])].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      });
    },
    [kind, lens],
  );
}

/** Drops files on a drop target with a real DragEvent carrying a DataTransfer. */
export async function drop(page, files, target = '#dropzone') {
  const payload = files.map(({ name, bytes, type }) => ({ name, type: type ?? 'text/plain', data: [...bytes] }));
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
    return dt;
  }, payload);
  await page.dispatchEvent(target, 'dragover', { dataTransfer: dt });
  await page.dispatchEvent(target, 'drop', { dataTransfer: dt });
}
