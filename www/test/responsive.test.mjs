// The page never freezes: the element's long-task observer is wired; a 25 KB report is
// analysed and drawn with no main-thread task over 50 ms; with a 2 MB report shown, switching
// the language, a change of the page's width and the downloads hold it no more than 100 ms; a
// 15 MB report shows its size and progress while it is analysed, and is received and drawn
// with no task over 200 ms (the text in windows, lists in chunks). Reports are synthetic
// (test/synthetic.mjs), served to the page by the test. The long tasks seen go to
// test-output/timings.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from '../serve.mjs';
import { fixture, launch, recordTimings, idleDemo, recordWarmUps } from './browser.mjs';
import { syntheticReport } from './synthetic.mjs';

const sample = readFileSync(fixture, 'utf8');
let server, browser, origin;
const seen = {};

before(async () => {
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  recordTimings({ long_tasks: seen });
  console.log('long tasks', JSON.stringify(seen));
  await browser?.close();
  server?.close();
});

const idlePage = (report, init) => idleDemo(browser, origin, report, init);

/** Analyses the served report as a dropped file; resolves when it is drawn and settled. */
function analyseServed(page, { watchStatus = false } = {}) {
  return page.evaluate(async (watchStatus) => {
    const file = new File([await (await fetch('/__report.txt')).blob()], 'long-report.txt', { type: 'text/plain' });
    const lens = document.querySelector('report-lens');
    const statuses = new Set();
    const bars = new Set();
    const poll = watchStatus
      ? setInterval(() => {
          const r = lens.shadowRoot;
          statuses.add(`${r.querySelector('#status-text').textContent} ${r.querySelector('#status-elapsed').textContent}`.trim());
          const bar = r.querySelector('#load-progress');
          if (!bar.hidden) bars.add(bar.hasAttribute('value') ? Math.round(bar.value * 100) : 'indeterminate');
        }, 250)
      : null;
    const t0 = performance.now();
    const a = await lens.analyze(file);
    const drawn = performance.now();
    clearInterval(poll);
    await new Promise((r) => setTimeout(r, 1500)); // the word cloud places its last words
    const tasks = lens.timings.longTasks.filter((t) => t.start + t.ms > t0);
    const frames = window.__frames.filter((f) => f.start + f.ms > t0 && f.blocking > 0);
    const root = lens.shadowRoot;
    return {
      bytes: file.size,
      ms: Math.round(drawn - t0),
      analysis: lens.timings.analyses.at(-1),
      quantities: a.quantities.length,
      warnings: a.warnings.length,
      textChars: a.text.length,
      longest: Math.max(0, ...tasks.map((t) => t.ms)),
      tasks: tasks.map((t) => t.ms),
      nodes: root.querySelectorAll('*').length,
      textNodesChars: [...root.querySelectorAll('#text-view .chunk')].reduce((n, c) => n + c.textContent.length, 0),
      pager: root.querySelector('#text-pager').hidden ? null : root.querySelector('#text-pager').textContent,
      rows: root.querySelectorAll('#quantity-table tbody tr[data-index]').length,
      warningItems: root.querySelectorAll('#warnings li[data-kind]').length,
      cloudWords: root.querySelectorAll('#chart-cloud svg text').length,
      // words drawn with no colour are there but unseen
      cloudUnfilled: [...root.querySelectorAll('#chart-cloud svg text')].filter((t) => ['none', ''].includes(t.getAttribute('fill') ?? '')).length,
      statuses: [...statuses],
      bars: [...bars],
      frames,
    };
  }, watchStatus);
}

test('the long-task observer is wired: a task that blocks the page shows up in timings', async () => {
  const { page } = await idlePage('');
  const r = await page.evaluate(async () => {
    const lens = document.querySelector('report-lens');
    const t0 = performance.now();
    // a task of the page's own (a timer) that holds the main thread for 120 ms
    setTimeout(() => {
      const t = performance.now();
      while (performance.now() - t < 120);
    });
    await new Promise((done) => setTimeout(done, 400));
    return lens.timings.longTasks.filter((t) => t.start >= t0 - 5).map((t) => t.ms);
  });
  assert.ok(r.some((ms) => ms >= 110), `observed: ${JSON.stringify(r)}`);
  await page.close();
});

test('a 25 KB report: analysed and drawn with no main-thread task over 50 ms', async () => {
  const report = syntheticReport([sample, 25 * 1024]);
  // a shared machine preempts the page at times (a 10 ms step then takes 50 ms of wall
  // time): up to three tries, every one recorded in timings.json
  const tries = [];
  for (let i = 0; i < 3; i++) {
    const { page, problems } = await idlePage(report);
    const r = await analyseServed(page);
    await page.close();
    assert.deepEqual(problems, []);
    tries.push(r);
    if (r.longest <= 50) break;
  }
  const r = tries.at(-1);
  seen.report_25kb = tries.map((x) => ({ bytes: x.bytes, ms: x.ms, core_ms: Math.round(x.analysis.ms), longest_task_ms: x.longest, tasks_over_50ms: x.tasks }));
  assert.ok(r.quantities > 200, `${r.quantities} quantities`);
  assert.ok(r.cloudWords >= 20, 'the charts are drawn');
  assert.equal(r.cloudUnfilled, 0, 'every word of the cloud has its colour');
  assert.ok(r.longest <= 50, `longest task ${r.longest} ms (tries: ${tries.map((x) => x.longest).join(', ')}); long frames: ${JSON.stringify(tries.map((x) => x.frames))}`);
});

test('the charts measure their text in the host font, never in a bare fallback font; the fixed labels are measured before the drop', async () => {
  // ECharts measures labels in a label's own font; a bare `12px sans-serif` there cost Chromium
  // a fontconfig search per new Chinese char and made each chart a long task (charts-impl.js)
  const { page, problems } = await idlePage(syntheticReport([sample, 25 * 1024]), () => {
    window.__fonts = new Set();
    window.__texts = new Set();
    const measure = CanvasRenderingContext2D.prototype.measureText;
    CanvasRenderingContext2D.prototype.measureText = function (text) {
      window.__fonts.add(this.font);
      window.__texts.add(text);
      return measure.call(this, text);
    };
  });
  // from the drop on (echarts-wordcloud probes the smallest font size in sans-serif once, as
  // it loads at idle)
  const warmed = await page.evaluate(() => {
    window.__fonts.clear();
    return [...window.__texts];
  });
  const r = await analyseServed(page);
  const { fonts, host, labels } = await page.evaluate(() => {
    const root = document.querySelector('report-lens').shadowRoot;
    return {
      fonts: [...window.__fonts],
      host: getComputedStyle(root.querySelector('.root')).fontFamily,
      // the axis labels of the category and theme charts (the bars' figures are digits)
      labels: ['categories', 'themes'].flatMap((n) => [...root.querySelectorAll(`#chart-${n} svg text`)].map((t) => t.textContent)).filter((x) => /\p{Script=Han}/u.test(x)),
    };
  });
  await page.close();
  assert.ok(r.cloudWords >= 20, 'the charts are drawn');
  assert.ok(fonts.length > 0, 'text was measured');
  // the whole list of the host's families after the size: the Chinese ones included
  const other = fonts.filter((f) => !f.endsWith(` ${host}`));
  assert.deepEqual(other, [], `fonts measured in other than the host's families (${host}): ${JSON.stringify(fonts)}`);
  // the warm-up chart measured them at idle: the first report's charts find their glyphs ready
  assert.ok(labels.length >= 8, `labels: ${JSON.stringify(labels)}`);
  assert.deepEqual(labels.filter((l) => !warmed.includes(l)), [], 'category and theme labels not measured before the drop');
  assert.deepEqual(problems, []);
});

test('the type specimen lays out every text style the top of a report and its word cloud use, and the page did not', async () => {
  // Each new font size or weight costs Chromium a synchronous call to the browser process per
  // font of the list; while a report is analysed one took 77-207 ms (a trace, bench/README.md).
  const { page, problems } = await idlePage(sample, recordWarmUps);
  const TOP = ['#reports', '[data-panel=overview]', '[data-panel=outline]', '[data-panel=articles]', '[data-panel=warnings]', '#chart-cloud'];
  const styles = (selectors) =>
    page.evaluate((selectors) => {
      const root = document.querySelector('report-lens').shadowRoot;
      const out = {};
      for (const sel of selectors)
        for (const e of [...root.querySelectorAll(sel)].flatMap((n) => [n, ...n.querySelectorAll('*')])) {
          if (!e.checkVisibility() || ![...e.childNodes].some((c) => c.nodeType === 3 && c.data.trim())) continue;
          const cs = getComputedStyle(e);
          out[`${cs.fontSize} ${cs.fontWeight} ${cs.fontStyle}`] ??= `${sel} ${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`;
        }
      return out;
    }, selectors);
  const before = await styles(['.root']); // all the element shows before the drop
  await analyseServed(page);
  const after = await styles(TOP);
  const specimen = await page.evaluate(() => [...new Set(window.__warmUps.flatMap((p) => p.styles))]);
  await page.close();
  assert.ok(specimen.length >= 10, `the specimen was laid out: ${JSON.stringify(specimen)}`);
  const missing = Object.entries(after).filter(([k]) => !specimen.includes(k) && !(k in before));
  assert.deepEqual(missing, [], 'text styles first laid out by the report');
  assert.deepEqual(problems, []);
});

test("a report's Han and digits are set in one font, and its emphasis is bold", async () => {
  // With a UI font first in the list, every text style took two fonts, the UI font for the
  // digits and a fallback for the Han between them: twice the font calls of the browser and a
  // shaping run per change of font (bench/README.md, twenty-second pass).
  const { page, problems } = await idlePage(sample);
  await analyseServed(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  /** The platform fonts of `selector`'s first match in the element, with their glyph counts. */
  const fontsOf = async (selector) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('report-lens').shadowRoot.querySelector(${JSON.stringify(selector)})` });
    const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => `${f.familyName} ${f.glyphCount}`);
  };
  // an outline line and a quantity's text: Han with digits between (一、2024年工作回顾, 230件)
  const line = await fontsOf('#outline li');
  const quantity = await fontsOf('#quantity-table tbody tr[data-index] td');
  const weights = await page.evaluate(() => {
    const root = document.querySelector('report-lens').shadowRoot;
    return ['.figure .value', '.drop-main', '.articles .main .link'].map((s) => getComputedStyle(root.querySelector(s)).fontWeight);
  });
  await page.close();
  assert.equal(line.length, 1, `one font for ${JSON.stringify(line)}`);
  assert.equal(quantity.length, 1, `one font for ${JSON.stringify(quantity)}`);
  // a Chinese font with one weight (WenQuanYi Micro Hei) is made bold only from 700
  assert.deepEqual(weights, ['700', '700', '700']);
  assert.deepEqual(problems, []);
});

test('a 2 MB report shown: the language switched, the page narrowed, the downloads made, with no task over 100 ms', async () => {
  const report = syntheticReport([sample, 2 * 1024 * 1024]);
  const tries = [];
  for (let i = 0; i < 2; i++) {
    const { page, problems } = await idlePage(report);
    await analyseServed(page);
    // the highlights are StaticRanges: the document updates every live Range on every node
    // removed anywhere in it, and a chart redrawn removes its old SVG node by node
    const ranges = await page.evaluate(() => {
      const kinds = {};
      for (const [, h] of CSS.highlights) for (const r of h) kinds[r.constructor.name] = (kinds[r.constructor.name] ?? 0) + 1;
      return kinds;
    });
    assert.ok(ranges.StaticRange > 500 && !ranges.Range, `highlight ranges: ${JSON.stringify(ranges)}`);
    const t0 = await page.evaluate(() => performance.now());
    const steps = {};
    const since = async (name, act) => {
      const t = await page.evaluate(() => performance.now());
      await act();
      await page.waitForTimeout(800);
      steps[name] = await page.evaluate((t) => document.querySelector('report-lens').timings.longTasks.filter((x) => x.start + x.ms > t).map((x) => x.ms), t);
    };
    const redrawn = async (lang) => {
      const n = await page.evaluate(() => performance.getEntriesByName('report-lens:render:charts').length);
      // (a click in the page: Playwright's click adds its own work to the frame, scrolling and hit tests)
      await page.evaluate((lang) => document.querySelector(`.lang-switch button[data-lang="${lang}"]`).click(), lang);
      await page.waitForFunction((n) => performance.getEntriesByName('report-lens:render:charts').length > n, n, { timeout: 30_000 });
    };
    // each panel is held in the old language until its step redraws it, then takes the new one
    const held = () => page.evaluate(() => [...document.querySelector('report-lens').shadowRoot.querySelectorAll('section[data-panel]')].filter((p) => p.hasAttribute('lang')).map((p) => p.dataset.panel));
    await since('english', () => redrawn('en'));
    assert.deepEqual(await held(), [], 'every panel in the English interface');
    await since('chinese', () => redrawn('zh'));
    assert.deepEqual(await held(), [], 'every panel back in the Chinese interface');
    await since('narrow', () => page.setViewportSize({ width: 390, height: 800 }));
    await since('wide', () => page.setViewportSize({ width: 1280, height: 900 }));
    for (const kind of ['json', 'csv']) {
      await since(kind, async () => {
        const download = page.waitForEvent('download', { timeout: 30_000 });
        await page.evaluate((kind) => document.querySelector('report-lens').shadowRoot.querySelector(`button[data-export="${kind}"]`).click(), kind);
        const file = await download;
        assert.ok(file.suggestedFilename().endsWith(kind === 'json' ? '.analysis.json' : '.quantities.csv'), file.suggestedFilename());
      });
    }
    const all = await page.evaluate((t0) => document.querySelector('report-lens').timings.longTasks.filter((x) => x.start + x.ms > t0).map((x) => x.ms), t0);
    await page.close();
    assert.deepEqual(problems, []);
    tries.push({ longest: Math.max(0, ...all), steps });
    if (tries.at(-1).longest <= 100) break;
  }
  seen.report_2mb_interactions = tries;
  const r = tries.at(-1);
  assert.ok(r.longest <= 100, `longest task ${r.longest} ms; tasks over 50 ms by step (tries): ${JSON.stringify(tries.map((x) => x.steps))}`);
});

test('a 15 MB report: its size and progress shown, then received and drawn with no task over 200 ms', async () => {
  // 15 MB takes the core ~50 s in wasm here (test/synthetic.mjs: the sample report repeated)
  const report = syntheticReport([sample, 15 * 1024 * 1024]);
  const { page, problems } = await idlePage(report);
  const r = await analyseServed(page, { watchStatus: true });
  await page.close();
  seen.report_15mb = {
    bytes: r.bytes,
    ms: r.ms,
    core_ms: Math.round(r.analysis.ms),
    receive_ms: r.analysis.receiveMs,
    show_ms: r.analysis.showMs,
    wasm_memory_mb: Math.round(r.analysis.memory / 1048576),
    longest_task_ms: r.longest,
    tasks_over_50ms: r.tasks.length,
  };
  assert.ok(r.bytes > 15 * 1000 * 1000, `${r.bytes} bytes`);
  assert.ok(r.quantities > 100_000 && r.warnings > 10_000, `${r.quantities} quantities, ${r.warnings} warnings`);
  // while it ran: the name, the size and the seconds; then the arrival of the result
  const size = `${(r.bytes / 1048576).toFixed(1)} MB`;
  assert.ok(r.statuses.some((s) => s.includes('long-report.txt') && s.includes(size) && /\d+ 秒/.test(s)), `status lines: ${r.statuses.slice(0, 5).join(' | ')}`);
  assert.ok(r.statuses.some((s) => s.startsWith('正在接收')), 'the result arriving in parts is shown');
  assert.ok(r.bars.length > 1, `the progress bar moved: ${r.bars.join(',')}`);
  // drawn in windows and chunks: never 15 MB of DOM
  assert.ok(r.pager && r.textNodesChars < 200_000, `text in the DOM: ${r.textNodesChars} chars; ${r.pager}`);
  assert.ok(r.nodes < 6000 && r.rows <= 60 && r.warningItems <= 50, `${r.nodes} nodes, ${r.rows} rows, ${r.warningItems} warnings`);
  assert.ok(r.longest <= 200, `longest task ${r.longest} ms; over 50 ms: ${r.tasks.join(', ')}; long frames: ${JSON.stringify(r.frames)}`);
  assert.deepEqual(problems, []);
});
