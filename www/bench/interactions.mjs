// What each thing a reader does after a report is shown costs the page's thread: the demo page
// in Chromium, reports dropped, then every interaction in turn (a tab per report, the language
// both ways, two concordance searches, sorting, filtering, a category, a row, each highlight
// layer, the text's pager, a narrow then a wide window, every download), each followed by a
// pause. Prints per interaction the long tasks seen (ms) and, with --frames, the long animation
// frames with the scripts that ran in them.
//
//   node bench/interactions.mjs [corpus | KB] [--frames] [--synthetic-clicks] [--dist=DIR]
//
// corpus (default): the shared corpus's reports dropped together (../shared/corpus); KB: one
// synthetic report of that size (test/synthetic.mjs). --synthetic-clicks: buttons clicked from
// the page (element.click()), without Playwright's own work in the frame (scrolling the target
// into view, hit tests), which adds 20–40 ms to a click on a long page.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { serve } from '../serve.mjs';
import { launch, fixture, sharedCorpus } from '../test/browser.mjs';
import { syntheticReport } from '../test/synthetic.mjs';

const args = process.argv.slice(2);
const mode = args.find((a) => !a.startsWith('--')) ?? 'corpus';
const showFrames = args.includes('--frames');
const synthetic = args.includes('--synthetic-clicks');
const dist = args.find((a) => a.startsWith('--dist='))?.slice(7); // another build of the site
if (mode === 'corpus' && !existsSync(sharedCorpus)) {
  console.error(`no ${sharedCorpus}: give a size in KB for a synthetic report`);
  process.exit(2);
}

const server = await serve(0, '127.0.0.1', dist);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
await page.evaluate(() => {
  window.__tasks = [];
  window.__frames = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__tasks.push({ start: e.startTime, ms: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.duration <= 50) continue;
      const end = e.startTime + e.duration;
      window.__frames.push({
        start: e.startTime,
        ms: Math.round(e.duration),
        styleAndLayout: Math.round(e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0),
        scripts: e.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName || ''}@${(s.sourceURL || '').split('/').pop()} ${Math.round(s.duration)} ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
});
await page.waitForTimeout(4000); // the worker's rehearsals and the chart code's warm-up

const rows = [];
async function step(name, act, settle = 1500) {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  await page.waitForTimeout(settle);
  const { tasks, frames } = await page.evaluate((t0) => ({ tasks: window.__tasks.filter((t) => t.start >= t0), frames: window.__frames.filter((f) => f.start >= t0) }), t0);
  rows.push({ step: name, longest: Math.max(0, ...tasks.map((t) => t.ms)), 'over 50 ms': tasks.filter((t) => t.ms > 50).length, tasks: tasks.map((t) => t.ms).join(' ') });
  if (showFrames) for (const f of frames) console.log(name, JSON.stringify({ ...f, start: Math.round(f.start) }));
}
const inLens = (sel) => `report-lens >> ${sel}`;
const click = (sel) =>
  synthetic
    ? page.evaluate((sel) => (document.querySelector(sel) ?? document.querySelector('report-lens').shadowRoot.querySelector(sel)).click(), sel)
    : page.locator(sel.startsWith('.lang-switch') ? sel : inLens(sel)).first().click();

if (mode === 'corpus') {
  const files = readdirSync(sharedCorpus).filter((f) => f.endsWith('.txt')).sort().map((f) => `${sharedCorpus}/${f}`);
  await step(`drop ${files.length} reports`, async () => {
    await page.setInputFiles(inLens('#file-input'), files);
    await page.waitForSelector('report-lens[data-state="done"]', { timeout: 60_000 });
  }, 3000);
} else {
  const kb = Number(mode);
  await step(`drop ${kb} KB`, () =>
    page.evaluate(async ([text, bytes, build]) => {
      const report = new Function(`return (${build})`)()([text, bytes]);
      await document.querySelector('report-lens').analyze(new File([report], 'long.txt', { type: 'text/plain' }));
    }, [readFileSync(fixture, 'utf8'), kb * 1024, syntheticReport.toString()]), 3000);
}
const tabs = (await page.locator(inLens('#reports')).isVisible()) ? await page.locator(inLens('#reports button')).count() : 0;
for (let i = 0; i < tabs; i++) await step(`tab ${i + 1}`, () => page.locator(inLens('#reports button')).nth(i).click());
await step('English', () => click('.lang-switch button[data-lang="en"]'), 2500);
await step('Chinese', () => click('.lang-switch button[data-lang="zh"]'), 2500);
for (const term of ['政协', '的']) {
  await step(`concordance ${term}`, async () => {
    await page.fill(inLens('#kwic-term'), term);
    await page.press(inLens('#kwic-term'), 'Enter');
  });
}
await step('sort by value', () => click('button[data-sort="value"]'));
await step('sort by value, descending', () => click('button[data-sort="value"]'));
await step('sort by subject', () => click('button[data-sort="subject"]'));
await step('filter 会', () => page.fill(inLens('#quantity-filter'), '会'));
await step('filter cleared', () => page.fill(inLens('#quantity-filter'), ''));
if ((await page.locator(inLens('#quantity-category option')).count()) > 1) await step('a category', () => page.locator(inLens('#quantity-category')).selectOption({ index: 1 }));
await step('a row', () => page.locator(inLens('#quantity-table tbody tr')).first().click());
const layers = await page.locator(inLens('#highlight-layer option')).count();
for (let i = 1; i < layers; i++) await step(`highlight layer ${i}`, () => page.locator(inLens('#highlight-layer')).selectOption({ index: i }));
if (await page.locator(inLens('#text-pager')).isVisible()) await step('text pager', () => page.locator(inLens('#text-pager button:not([disabled])')).first().click());
await step('window 390 px wide', () => page.setViewportSize({ width: 390, height: 800 }));
await step('window 1280 px wide', () => page.setViewportSize({ width: 1280, height: 900 }));
for (const kind of ['json', 'csv', 'png', 'svg', 'summary-png', 'summary-svg', 'compare-csv', 'compare-summary-png', 'timeline-csv']) {
  const button = page.locator(inLens(`button[data-export="${kind}"]`)).first();
  if (!(await button.count()) || !(await button.isVisible())) continue;
  await step(`download ${kind}`, async () => {
    const download = page.waitForEvent('download', { timeout: 30_000 }).catch(() => null);
    await button.click();
    await download;
  });
}
await step('scrolling down', async () => {
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(50);
  }
});
console.table(rows);
await browser.close();
server.close();
