// How the page copes with long reports: synthetic reports of growing size (test/synthetic.mjs:
// the sample report repeated with its numbers shifted), dropped as files on the demo page in
// Chromium, after the engine is ready and the page idle. Prints per size: the core's time, the
// time the result took to arrive in pieces, the time to show it, the longest main-thread task
// and the number of tasks over 50 ms, the element's DOM size, and the slowest render steps
// (the performance measures the element records).
// Run: node bench/render.mjs [KB…]   (default 25 500 2000)
import { readFileSync } from 'node:fs';
import { serve } from '../serve.mjs';
import { launch, fixture } from '../test/browser.mjs';
import { syntheticReport } from '../test/synthetic.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const kbs = sizes.length ? sizes : [25, 500, 2000];
const server = await serve(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const text = readFileSync(fixture, 'utf8');
const rows = [];
const steps = [];
for (const kb of kbs) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${origin}/`);
  await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
  await page.waitForTimeout(2000); // a reader picks a file; the chart code loads meanwhile
  const r = await page.evaluate(
    async ([text, bytes, build]) => {
      const report = new Function(`return (${build})`)()([text, bytes]);
      const file = new File([report], 'long.txt', { type: 'text/plain' });
      const lens = document.querySelector('report-lens');
      const t0 = performance.now();
      const a = await lens.analyze(file);
      const done = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 2000)); // charts and word cloud settle
      const tasks = lens.timings.longTasks.filter((e) => e.start >= t0);
      const last = lens.timings.analyses.at(-1);
      const m = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('report-lens:render:') || e.name.startsWith('report-lens:chart:'));
      return {
        row: {
          kb: Math.round(file.size / 1024),
          core: Math.round(last.ms),
          receive: last.receiveMs,
          show: last.showMs,
          done: Math.round(done),
          longest: Math.max(0, ...tasks.map((e) => e.ms)),
          'tasks>50': tasks.length,
          quantities: a.quantities.length,
          nodes: lens.shadowRoot.querySelectorAll('*').length,
          'wasm MB': Math.round(last.memory / 1048576),
        },
        steps: m.sort((x, y) => y.duration - x.duration).slice(0, 5).map((e) => `${e.name.replace('report-lens:', '')} ${Math.round(e.duration)}`).join(', '),
      };
    },
    [text, kb * 1024, syntheticReport.toString()],
  );
  rows.push(r.row);
  steps.push({ kb: r.row.kb, 'slowest steps (ms)': r.steps });
  await page.close();
}
await browser.close();
server.close();
console.table(rows);
console.table(steps);
