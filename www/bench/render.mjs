// How the page copes with long reports: synthetic reports of growing size (the sample report
// repeated with its numbers shifted, so that no paragraph repeats), analysed in the demo
// page in Chromium. Prints per-step times (the performance measures the element records), the
// element's DOM size, and each size's ratio to the smallest. Run: node bench/render.mjs [reps…]
import { readFileSync } from 'node:fs';
import { serve } from '../serve.mjs';
import { launch, fixture } from '../test/browser.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const reps = sizes.length ? sizes : [50, 200, 500];
const server = await serve(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const text = readFileSync(fixture, 'utf8');
const rows = [];
for (const n of reps) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${origin}/`);
  await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
  const r = await page.evaluate(
    async ([text, n]) => {
      const report = Array.from({ length: n }, (_, i) => text.replace(/\d+/g, (d) => String(Number(d) + i))).join('\n\n');
      const lens = document.querySelector('report-lens');
      const a = await lens.analyze(report, { name: 'long.txt' });
      await new Promise((done) => setTimeout(done, 500));
      const m = Object.fromEntries(performance.getEntriesByType('measure').map((e) => [e.name.replace('report-lens:', ''), Math.round(e.duration)]));
      return { chars: report.length, quantities: a.quantities.length, sections: a.sections.length, nodes: lens.shadowRoot.querySelectorAll('*').length, ...m };
    },
    [text, n],
  );
  rows.push({ reps: n, ...r });
  await page.close();
}
await browser.close();
server.close();
const base = rows[0];
console.table(rows.map((r) => ({ ...r, 'chars ×': (r.chars / base.chars).toFixed(1), 'show ×': (r.show / base.show).toFixed(1), 'nodes ×': (r.nodes / base.nodes).toFixed(1) })));
