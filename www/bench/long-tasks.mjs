// How often a 25 KB report is analysed and drawn with no main-thread task over 50 ms, the
// test of responsive.test.mjs repeated: a fresh demo page per try, idle before the drop, the
// synthetic report (test/synthetic.mjs) dropped as a file. Prints each try's long tasks, each
// named by the render step before it (a chart's frame or the layout after a panel), and the
// share of clean tries. --cpu=N slows the page's CPU N times (Chrome DevTools Protocol): a
// slower machine, such as a CI runner, is about 1.5 times this one's.
// Run: node bench/long-tasks.mjs [tries] [--cpu=1.5]   (default 10 tries, --cpu=1)
import { readFileSync } from 'node:fs';
import { serve } from '../serve.mjs';
import { launch, fixture, idleDemo } from '../test/browser.mjs';
import { syntheticReport } from '../test/synthetic.mjs';

const args = process.argv.slice(2);
const tries = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const cpu = Number(args.find((a) => a.startsWith('--cpu='))?.slice(6) ?? 1);
const report = syntheticReport([readFileSync(fixture, 'utf8'), 25 * 1024]);
const server = await serve(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
let clean = 0;
for (let k = 0; k < tries; k++) {
  const { page } = await idleDemo(browser, origin, report);
  const cdp = await page.context().newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const long = await page.evaluate(async () => {
    const file = new File([await (await fetch('/__report.txt')).blob()], 'report.txt', { type: 'text/plain' });
    const lens = document.querySelector('report-lens');
    const t0 = performance.now();
    await lens.analyze(file);
    await new Promise((r) => setTimeout(r, 1500)); // the word cloud places its last words
    const steps = performance
      .getEntriesByType('measure')
      .filter((m) => m.startTime >= t0 && /^report-lens:(render|chart):/.test(m.name) && m.name !== 'report-lens:render:charts');
    return lens.timings.longTasks
      .filter((t) => t.start + t.ms > t0)
      .map((t) => {
        const step = steps.filter((m) => m.startTime <= t.start).at(-1)?.name.replace('report-lens:', '') ?? 'analyse';
        // a chart's frame runs ECharts' animation callback
        const chart = window.__frames.some((f) => f.start <= t.start + 1 && f.start + f.ms >= t.start && f.scripts.some((s) => s.includes('charts-impl')));
        return `${Math.round(t.ms)} ms after ${step}${chart ? ' (a chart frame)' : ''}`;
      });
  });
  await page.close();
  if (!long.length) clean++;
  console.log(`try ${k + 1}: ${long.length ? long.join(', ') : 'no task over 50 ms'}`);
}
console.log(`${clean}/${tries} tries with no task over 50 ms (CPU ×${cpu})`);
await browser.close();
server.close();
