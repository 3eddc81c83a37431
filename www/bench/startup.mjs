// Start-up of the demo page in headless Chromium with a cold cache (a fresh browser context per
// run): navigation to interactive (the <report-lens> element is defined, upgraded and the
// document parsed: the drop zone works) and to ready-to-analyse (data-state="ready": the wasm is
// compiled and the dictionary built). Optionally over a throttled line.
// With two or more --dist folders the builds alternate, load by load (an A/B on one machine,
// where consecutive runs of one build differ by 100 ms and more).
// Run: node bench/startup.mjs [runs] [--mbit=10] [--dist=DIR]...   (default 5 runs, www/dist)
import { serve } from '../serve.mjs';
import { launch } from '../test/browser.mjs';
import { measureStartup, medianOf, quantileOf } from '../test/startup.mjs';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const mbit = Number(args.find((a) => a.startsWith('--mbit='))?.slice(7) ?? 0);
const dists = args.filter((a) => a.startsWith('--dist=')).map((a) => a.slice(7));
const servers = await Promise.all((dists.length ? dists : [undefined]).map((d) => serve(0, '127.0.0.1', d)));
const browser = await launch();
const rows = servers.map(() => []);
for (let i = 0; i < runs; i++) {
  // (the order alternates: neither build always loads first)
  const order = i % 2 ? [...servers.keys()].reverse() : [...servers.keys()];
  for (const k of order) rows[k].push(await measureStartup(browser, `http://127.0.0.1:${servers[k].address().port}/`, { mbit }));
}
await browser.close();
servers.forEach((s) => s.close());
for (const [k, r] of rows.entries()) {
  if (dists.length < 2) console.table(r);
  const m = (key) => medianOf(r, key);
  // (the spread too: one build's loads differ by 100 ms and more on a shared machine)
  const q = (f) => quantileOf(r, 'ready_ms', f);
  console.log(
    `${dists.length ? `${dists[k]}: ` : ''}median over ${runs} cold loads${mbit ? ` at ${mbit} Mbit/s` : ''}: interactive ${m('interactive_ms')} ms, ready ${m('ready_ms')} ms (quartiles ${q(0.25)}–${q(0.75)}, slowest ${q(1)}, ${r.filter((x) => x.ready_ms > 600).length} over 600), transferred ${m('transferred_kib')} KiB`,
  );
}
