// Start-up of the demo page in headless Chromium with a cold cache (a fresh browser context per
// run): navigation to interactive (the <report-lens> element is defined, upgraded and the
// document parsed: the drop zone works) and to ready-to-analyse (data-state="ready": the wasm is
// compiled and the dictionary built). Optionally over a throttled line.
// Run: node bench/startup.mjs [runs] [--mbit=10]
import { serve } from '../serve.mjs';
import { launch } from '../test/browser.mjs';
import { measureStartup } from '../test/startup.mjs';

const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const mbit = Number(process.argv.find((a) => a.startsWith('--mbit='))?.slice(7) ?? 0);
const server = await serve(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const rows = [];
for (let i = 0; i < runs; i++) rows.push(await measureStartup(browser, `${origin}/`, { mbit }));
await browser.close();
server.close();
console.table(rows);
const median = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[rows.length >> 1];
console.log(
  `median over ${runs} cold loads${mbit ? ` at ${mbit} Mbit/s` : ''}: interactive ${median('interactive_ms')} ms, ready ${median('ready_ms')} ms, transferred ${median('transferred_kib')} KiB`,
);
