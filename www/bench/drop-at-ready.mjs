// Reports dropped the moment the page is ready: the page's own idle work after ready (the chart
// code loading and warming up, the type specimen) then runs while the first report is analysed
// and drawn. A fresh demo page per try; the reports are fetched as files before ready and dropped
// on the drop zone by the page itself when data-state turns "ready" (no harness work in between).
// Prints, per try, each report's longest main-thread task (timings.analyses[i].longestTaskMs)
// and the long animation frames from the drop on that blocked input, with the scripts that ran
// in them (recordLongFrames), and when the type specimen inserted its last part and when the
// frame that lays it out began (both should be before the drop); then how many tries had a
// task over 50 ms while the first report was analysed and drawn.
// With two --dist folders the two builds alternate, try by try (an A/B on the same machine).
// --after=MS drops the reports MS ms after ready instead (4000: once the worker's rehearsals are
// done, as a user's drop usually comes), to see the second and third reports' tasks.
// Run: node bench/drop-at-ready.mjs [tries] [--dist=DIR]... [--reports=DIR] [--after=MS]
//      (default 8 tries, www/dist, the shared corpus or else the fixtures)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../serve.mjs';
import { launch, root, sharedCorpus, recordLongFrames, recordWarmUps, evaluateWithin } from '../test/browser.mjs';

const args = process.argv.slice(2);
const tries = Number(args.find((a) => /^\d+$/.test(a)) ?? 8);
const dists = args.filter((a) => a.startsWith('--dist=')).map((a) => a.slice(7));
if (!dists.length) dists.push(join(root, 'www', 'dist'));
const after = Number(args.find((a) => a.startsWith('--after='))?.slice(8) ?? 0);
const dir = args.find((a) => a.startsWith('--reports='))?.slice(10) ?? (existsSync(sharedCorpus) ? sharedCorpus : join(root, 'tests', 'fixtures'));
const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, 3);
const reports = names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

/** In the page, before its scripts: the reports as files, dropped when the element is ready. */
function dropAtReady({ reports, after }) {
  const files = reports.map((r) => new File([r.text], r.name, { type: 'text/plain' }));
  // resolved when every report is analysed (the element's event, after its timings are kept)
  window.__analysed = new Promise((resolve) => {
    let n = 0;
    document.addEventListener('report-lens:analysed', () => ++n === files.length && resolve());
  });
  new MutationObserver((_, observer) => {
    const lens = document.querySelector('report-lens');
    if (lens?.dataset.state !== 'ready') return;
    observer.disconnect();
    if (after) setTimeout(drop, after);
    else drop();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  function drop() {
    const lens = document.querySelector('report-lens');
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(f);
    const zone = lens.shadowRoot.querySelector('#dropzone');
    window.__dropped = performance.now();
    for (const type of ['dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }
}

const sign = (ms) => `${ms >= 0 ? '+' : ''}${ms}`;
const servers = await Promise.all(dists.map((d) => serve(0, '127.0.0.1', d)));
const browser = await launch();
const firstOver = dists.map(() => []);
const laterOver = dists.map(() => []); // the longest task of the later reports, per try
const wholeOver = dists.map(() => []); // the longest task from the drop to the end, per try
const specimenLate = dists.map(() => 0);
const specimenFrameLate = dists.map(() => 0);
for (let k = 0; k < tries; k++) {
  for (const [i, server] of servers.entries()) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(recordLongFrames);
    await page.addInitScript(dropAtReady, { reports, after });
    // when each part of the type specimen is inserted and laid out: meant to be done by "ready"
    // (a part laid out after a drop at ready meets the worker analysing, bench/README.md,
    // nineteenth and twentieth passes)
    await page.addInitScript(recordWarmUps, { styles: false });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await evaluateWithin(page, () => window.__analysed, 60_000, 'every report analysed');
    await page.waitForTimeout(1500); // the word cloud places its last words
    const r = await page.evaluate(() => {
      const lens = document.querySelector('report-lens');
      const t0 = window.__dropped;
      // the type specimen's last part, in ms after the drop (negative: before it)
      const parts = window.__warmUps.filter((p) => p.kind === 'type');
      const last = (key) => (parts.length ? Math.round(Math.max(...parts.map((p) => p[key] ?? Infinity)) - t0) : null);
      return {
        specimenEnd: last('at'),
        // the start of the frame after it, whose rendering lays it out (unless the page forced
        // its layout on insertion): a part inserted before the drop may be laid out after it
        specimenFrame: last('frame'),
        longest: lens.timings.analyses.map((a) => a.longestTaskMs),
        // every task from the drop on, the comparison drawn after the last report included
        whole: Math.max(0, ...lens.timings.longTasks.filter((t) => t.start >= t0).map((t) => t.ms)),
        compareBusy: lens.shadowRoot.querySelector('[data-panel="compare"]').getAttribute('aria-busy') === 'true',
        core: lens.timings.analyses.map((a) => Math.round(a.ms)),
        frames: window.__frames.filter((f) => f.start >= t0 && f.blocking > 0).map((f) => `+${Math.round(f.start - t0)} ms: ${f.ms} ms (render ${f.render}) ${f.scripts.join(', ')}`),
      };
    });
    await context.close();
    firstOver[i].push(r.longest[0]);
    laterOver[i].push(Math.max(0, ...r.longest.slice(1)));
    wholeOver[i].push(r.whole);
    if (r.specimenEnd > 0) specimenLate[i] += 1;
    if (r.specimenFrame > 0) specimenFrameLate[i] += 1;
    const label = dists.length > 1 ? `${'ABCD'[i] ?? i} ` : '';
    console.log(`${label}try ${k + 1}: longest task per report ${r.longest.join(' / ')} ms (from the drop to the end ${r.whole} ms; core ${r.core.join(' / ')} ms), type specimen's last part ${r.specimenEnd == null ? 'not seen' : `inserted at ${sign(r.specimenEnd)} ms, its frame at ${sign(r.specimenFrame)} ms`}`);
    if (r.compareBusy) console.log('    (the comparison was still being drawn: its tasks are not all counted)');
    for (const f of r.frames) console.log(`    ${f}`);
  }
}
for (const [i, d] of dists.entries()) {
  const over = firstOver[i].filter((ms) => ms > 50);
  const later = laterOver[i].filter((ms) => ms > 50);
  const whole = wholeOver[i].filter((ms) => ms > 50);
  const range = (xs) => (xs.length ? ` (${Math.min(...xs)}-${Math.max(...xs)} ms)` : '');
  console.log(`${dists.length > 1 ? `${'ABCD'[i] ?? i} ` : ''}${d}: the first report had a task over 50 ms in ${over.length}/${tries} tries${range(over)}, a later report in ${later.length}/${tries}${range(later)}, from the drop to the end (the comparison included) in ${whole.length}/${tries}${range(whole)}; the type specimen's last part was inserted after the drop in ${specimenLate[i]}, its frame began after it in ${specimenFrameLate[i]}`);
}
await browser.close();
servers.forEach((s) => s.close());
