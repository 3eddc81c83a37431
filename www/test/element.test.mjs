// The <report-lens> element in Chromium: in a host page with hostile CSS (intact, lazy, one
// worker for two elements, results equal to the CLI), in an iframe through postMessage, in
// Chinese and English, by keyboard alone, at 390 px, and under axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { out, fixture, cliAnalysis, watch, focused, highlight, servedBrowser } from './browser.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = servedBrowser();

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

async function demo({ width = 1280, height = 900, lang } = {}) {
  const page = await env.browser.newPage({ viewport: { width, height }, bypassCSP: true });
  const watched = watch(page);
  await page.goto(`${env.origin}/${lang ? `?lang=${lang}` : ''}`);
  await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
  return { page, ...watched };
}

async function analyseSample(page) {
  await page.click('#sample-button');
  await page.waitForSelector('report-lens[data-state="done"]', { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#chart-terms svg path').length >= 30);
}

test('a host page with hostile CSS: the element is intact, loads nothing until seen, and two elements share one worker', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const { problems, requests } = watch(page);
  await page.addInitScript(() => {
    window.readyEvents = [];
    document.addEventListener('report-lens:ready', (e) => window.readyEvents.push(e.target.id));
  });
  await page.goto(`${env.origin}/examples/host.html`);
  await page.waitForFunction(() => customElements.get('report-lens') && document.querySelector('#lens-b')?.shadowRoot);
  await page.waitForTimeout(1500);
  const heavy = (u) => /\.wasm$|\/worker\.js$|\/charts-/.test(u);
  assert.deepEqual(requests.filter(heavy), [], 'no wasm, worker or chart code before an element is in view');
  assert.equal(page.workers().length, 0);
  assert.equal(await page.getAttribute('#lens-a', 'data-state'), 'idle');

  // scrolled into view: the engine loads, `src` is analysed, the host gets the Analysis
  await page.locator('#lens-a').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.hostResults?.length === 1, null, { timeout: 60_000 });
  const expected = cliAnalysis(fixture);
  const got = await page.evaluate(() => window.hostResults[0]);
  assert.equal(got.id, 'lens-a');
  assert.deepStrictEqual(got.analysis, expected, 'report-lens:analysed carries the CLI Analysis');
  assert.deepEqual(await page.evaluate(() => window.readyEvents), ['lens-a']);

  // the second element is used without being scrolled to: same engine, no second worker
  const second = await page.evaluate(async (text) => {
    const b = document.querySelector('#lens-b');
    const a = await b.analyze(text, { name: 'sample-report.txt' });
    return { title: a.meta.title, analysis: b.analysis.meta.title };
  }, readFileSync(fixture, 'utf8'));
  assert.equal(second.title, expected.meta.title);
  assert.equal(second.analysis, expected.meta.title, 'the analysis property');
  assert.deepEqual(await page.evaluate(() => window.readyEvents), ['lens-a', 'lens-b'], 'used, the second element is ready too');
  assert.equal(page.workers().length, 1, 'one worker for both elements');
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1, 'the wasm is fetched once');
  assert.equal(requests.filter((u) => u.endsWith('/worker.js')).length, 1);

  // intact: the page's resets, hidden divs, huge green fonts did not reach inside
  await page.locator('#lens-a').scrollIntoViewIfNeeded();
  const look = await page.evaluate(() => {
    const host = document.querySelector('#lens-a');
    const r = host.shadowRoot;
    const cs = (sel) => getComputedStyle(r.querySelector(sel));
    const box = (sel) => r.querySelector(sel).getBoundingClientRect();
    return {
      host: { width: host.getBoundingClientRect().width, height: host.getBoundingClientRect().height, display: getComputedStyle(host).display },
      font: cs('.root').fontSize,
      color: cs('.root').color,
      transform: cs('.root').textTransform,
      spacing: cs('.root').letterSpacing,
      title: { display: cs('#report-title').display, size: cs('#report-title').fontSize },
      dropzone: { display: cs('#dropzone').display, height: box('#dropzone').height },
      table: cs('#quantity-table').display,
      rows: r.querySelectorAll('#quantity-table tbody tr').length,
      svg: r.querySelector('#chart-terms svg') ? getComputedStyle(r.querySelector('#chart-terms svg')).display : null,
      chartHeight: box('#chart-terms').height,
      figures: cs('#figures').display,
      accent: cs('.paste summary').color,
      shadow: cs('[data-panel="overview"]').boxShadow,
      language: r.querySelector('[data-panel="achievements"] h2 span').textContent,
    };
  });
  assert.equal(look.host.display, 'block');
  assert.ok(look.host.width > 900 && look.host.height > 2000, JSON.stringify(look.host));
  assert.equal(look.font, '15px', 'the host font size, not the page 30px');
  assert.equal(look.color, 'rgb(31, 41, 51)', 'its own ink, not the page !important green');
  assert.equal(look.transform, 'none');
  assert.equal(look.spacing, 'normal');
  assert.deepEqual(look.title, { display: 'block', size: '20.25px' });
  assert.equal(look.dropzone.display, 'block');
  assert.ok(look.dropzone.height > 40);
  assert.equal(look.table, 'table');
  assert.equal(look.rows, expected.quantities.length);
  assert.equal(look.svg, 'block');
  assert.ok(look.chartHeight > 300);
  assert.equal(look.figures, 'grid');
  assert.equal(look.accent, 'rgb(11, 83, 148)', 'themed through --report-lens-accent');
  assert.notEqual(look.shadow, 'none', 'styled through ::part(panel)');
  assert.equal(look.language, 'Achievements', 'lang="en"');
  await page.locator('#lens-a').screenshot({ path: join(out, 'host-element.png') });
  await page.screenshot({ path: join(out, 'host.png'), fullPage: true });

  // panels and compact on the second element
  const b = await page.evaluate(() => {
    const r = document.querySelector('#lens-b').shadowRoot;
    const shown = [...r.querySelectorAll('[data-panel]')].filter((s) => !s.hidden).map((s) => s.dataset.panel);
    return { shown, chart: getComputedStyle(r.querySelector('#chart-categories')).height };
  });
  assert.deepEqual(b.shown, ['intake', 'overview', 'achievements']);
  assert.equal(b.chart, '240px', 'compact: shorter charts');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the iframe alternative: a report goes in by postMessage, the Analysis comes out', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const { problems } = watch(page);
  await page.goto(`${env.origin}/examples/iframe.html`);
  await page.waitForFunction(() => window.lensReady === true, null, { timeout: 60_000 });
  const analysis = await page.evaluate((bytes) => window.analyzeInFrame(new Uint8Array(bytes), 'sample-report.txt'), [...readFileSync(fixture)]);
  assert.deepStrictEqual(analysis, cliAnalysis(fixture));
  const error = await page.evaluate(() => window.analyzeInFrame('', 'empty.txt').then(() => null, (e) => e.message));
  assert.match(error, /empty input/, 'errors come back too (the frame is in English)');
  assert.deepEqual(problems, []);
  await page.close();
});

/** Text of the element's interface: text nodes and labels outside report content (lang=zh-CN). */
function chromeText(page) {
  return page.evaluate(() => {
    const texts = [];
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) texts.push(n.data);
        if (n.nodeType !== Node.ELEMENT_NODE) continue;
        if ((n.getAttribute('lang') === 'zh-CN' && !n.classList.contains('root')) || ['style', 'script', 'svg'].includes(n.localName)) continue;
        for (const a of ['aria-label', 'placeholder', 'title', 'alt']) if (n.hasAttribute(a)) texts.push(n.getAttribute(a));
        walk(n.shadowRoot ?? n);
        if (n.shadowRoot) walk(n);
      }
    };
    walk(document.body);
    texts.push(document.title);
    // charts whose labels are codes (categories, themes) are translated too
    const r = document.querySelector('report-lens').shadowRoot;
    for (const id of ['chart-categories', 'chart-themes']) for (const t of r.querySelectorAll(`#${id} svg text`)) texts.push(t.textContent);
    return texts.map((t) => t.trim()).filter(Boolean);
  });
}

test('one switch turns every label into English and back', async () => {
  const { page, problems } = await demo();
  await analyseSample(page);
  for (const d of await page.locator('details').all()) await d.evaluate((x) => (x.open = true)); // data tables too
  const zh = await chromeText(page);
  assert.ok(zh.filter((t) => HAN.test(t)).length > 50, 'the Chinese interface is Chinese');
  await page.click('.lang-switch button[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('[data-panel="achievements"] h2 span').textContent === 'Achievements');
  await page.waitForSelector('report-lens[data-state="done"]'); // redrawn over a few frames
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#chart-categories svg text').length > 0);
  const en = await chromeText(page);
  const left = en.filter((t) => HAN.test(t));
  assert.deepEqual(left, [], 'no Chinese left in the English interface (report content excepted)');
  assert.ok(en.includes('Democratic supervision') || en.includes('Consultations'), 'category names translated');
  assert.ok(en.includes('Standing committee work report'), 'kind translated');
  await page.screenshot({ path: join(out, 'page-en.png'), fullPage: true });
  await page.click('.lang-switch button[data-lang="zh"]');
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('[data-panel="achievements"] h2 span').textContent === '履职实绩');
  assert.ok((await page.textContent('#report-meta')).includes('常委会工作报告'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard only: the file chooser, results, sorting a table, choosing a row', async () => {
  const { page, problems } = await demo();
  // Playwright starts intercepting file pickers when one is first awaited, asynchronously:
  // a key pressed at once can open the picker before that (no event, a native dialog). A
  // listener from the start turns interception on long before the first key.
  page.on('filechooser', () => {});
  await page.waitForLoadState('networkidle');
  const chooserBy = async (key) => {
    assert.equal((await focused(page))?.id, 'dropzone', 'the drop zone has the focus');
    const [c] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), page.keyboard.press(key)]);
    return c;
  };
  const tabTo = async (match, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f && match(f)) return f;
    }
    throw new Error('never reached by Tab');
  };
  await tabTo((f) => f.id === 'dropzone');
  // Space opens the file picker (cancelled here), Enter too (a file chosen)
  const cancelled = await chooserBy(' ');
  await cancelled.setFiles([]);
  const chooser = await chooserBy('Enter');
  assert.ok(chooser.isMultiple());
  await chooser.setFiles(fixture);
  await page.waitForSelector('report-lens[data-state="done"]', { timeout: 30_000 });
  const expected = cliAnalysis(fixture);

  // sort the quantity table by value with Enter on its header
  await tabTo((f) => f.sort === 'value');
  const sortState = () => page.evaluate(() => document.querySelector('report-lens').shadowRoot.querySelector('button[data-sort="value"]').closest('th').getAttribute('aria-sort'));
  const firstValues = () =>
    page.evaluate(() => [...document.querySelector('report-lens').shadowRoot.querySelectorAll('#quantity-table tbody tr[data-index]')].slice(0, 3).map((r) => Number(r.dataset.index)));
  assert.equal(await sortState(), 'none');
  await page.keyboard.press('Enter');
  assert.equal(await sortState(), 'ascending');
  const values = expected.quantities.map((q) => q.value);
  assert.equal(expected.quantities[(await firstValues())[0]].value, Math.min(...values));
  await page.keyboard.press('Enter');
  assert.equal(await sortState(), 'descending');
  assert.equal(expected.quantities[(await firstValues())[0]].value, Math.max(...values));

  // into the rows: one Tab stop, arrows move, Enter finds the quantity in the text
  const row = await tabTo((f) => f.tag === 'tr');
  const [top] = await firstValues();
  assert.equal(Number(row.index), top);
  await page.keyboard.press('ArrowDown');
  const next = await focused(page);
  assert.equal(Number(next.index), (await firstValues())[1]);
  await page.keyboard.press('Enter');
  assert.deepEqual(await highlight(page, 'flash'), [expected.quantities[Number(next.index)].text]);
  // the next Tab leaves the table (not row by row)
  await page.keyboard.press('Tab');
  assert.notEqual((await focused(page)).tag, 'tr');
  assert.deepEqual(problems, []);
  await page.close();
});

test('at 390 px: tables scroll inside their panel, two cards a row, chart labels apart', async () => {
  const { page, problems } = await demo({ width: 390, height: 844 });
  await analyseSample(page);
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#chart-themes svg text').length > 0);
  const m = await page.evaluate(() => {
    const r = document.querySelector('report-lens').shadowRoot;
    const wrap = r.querySelector('#quantity-table').closest('.table-wrap');
    const cards = [...r.querySelectorAll('.card')].slice(0, 3).map((c) => c.getBoundingClientRect());
    const overlaps = {};
    for (const id of ['chart-categories', 'chart-themes', 'chart-terms', 'chart-formulations']) {
      const boxes = [...r.querySelectorAll(`#${id} svg text`)].map((t) => t.getBoundingClientRect()).filter((b) => b.width > 0);
      let n = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) n++;
        }
      overlaps[id] = { labels: boxes.length, overlaps: n };
    }
    return {
      pageWidth: document.documentElement.scrollWidth,
      wrap: { scroll: wrap.scrollWidth, client: wrap.clientWidth, right: wrap.getBoundingClientRect().right },
      cards: cards.map((c) => ({ x: Math.round(c.x), y: Math.round(c.y), right: Math.round(c.right) })),
      overlaps,
    };
  });
  assert.ok(m.pageWidth <= 390, `the page does not scroll sideways (${m.pageWidth})`);
  assert.ok(m.wrap.scroll > m.wrap.client && m.wrap.right <= 390, `the table scrolls inside its panel ${JSON.stringify(m.wrap)}`);
  const [c0, c1, c2] = m.cards;
  assert.ok(c0.y === c1.y && c2.y > c0.y && c1.right <= 390, `two cards a row ${JSON.stringify(m.cards)}`);
  for (const [id, o] of Object.entries(m.overlaps)) {
    assert.ok(o.labels > 3, `${id} has labels`);
    assert.equal(o.overlaps, 0, `${id}: labels do not collide`);
  }
  await page.screenshot({ path: join(out, 'narrow.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a long report: lists grow in chunks, never a DOM node per quantity', async () => {
  const { page, problems } = await demo();
  const text = readFileSync(fixture, 'utf8');
  const r = await page.evaluate(async (text) => {
    // 100 copies with shifted numbers: no paragraph repeats, so nothing is merged away
    const report = Array.from({ length: 100 }, (_, i) => text.replace(/\d+/g, (d) => String(Number(d) + i))).join('\n\n');
    const lens = document.querySelector('report-lens');
    const a = await lens.analyze(report, { name: 'long.txt' });
    const root = lens.shadowRoot;
    const rows = () => root.querySelectorAll('#quantity-table tbody tr[data-index]').length;
    const first = rows();
    const outline = root.querySelectorAll('#outline li').length;
    const nodes = root.querySelectorAll('*').length;
    root.querySelector('#quantity-table tbody tr.more button').click();
    return { quantities: a.quantities.length, sections: a.sections.length, first, outline, nodes, after: rows() };
  }, text);
  assert.ok(r.quantities > 3000 && r.sections > 500, JSON.stringify(r));
  assert.equal(r.first, 40, 'the first chunk of rows');
  assert.equal(r.after, 80, '"show more" adds the next chunk');
  assert.equal(r.outline, 50, 'the outline too');
  assert.ok(r.nodes < 6000, `the element holds ${r.nodes} nodes for ${r.quantities} quantities`);
  // scrolled to its end, the table loads the next chunk by itself
  await page.evaluate(() => {
    const wrap = document.querySelector('report-lens').shadowRoot.querySelector('#quantity-table').closest('.table-wrap');
    wrap.scrollTop = wrap.scrollHeight;
  });
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#quantity-table tbody tr[data-index]').length === 120);
  assert.deepEqual(problems, []);
  await page.close();
});

async function axe(page, context) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (context) => {
    const r = await window.axe.run(context ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target) }));
  }, context);
}

test('axe-core: no serious or critical violation on the demo page and in the element', async () => {
  const report = {};
  const { page, problems } = await demo();
  report.demoBefore = await axe(page);
  await analyseSample(page);
  for (const d of await page.locator('details').all()) await d.evaluate((x) => (x.open = true));
  await page.click('#quantity-table tbody tr >> nth=2');
  report.demoResults = await axe(page);
  report.element = await axe(page, { include: { fromShadowDom: ['#lens', '.root'] } });
  await page.click('.lang-switch button[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('[data-panel="achievements"] h2 span').textContent === 'Achievements');
  report.demoEnglish = await axe(page);
  await page.close();

  const host = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await host.goto(`${env.origin}/examples/host.html`);
  await host.locator('#lens-a').scrollIntoViewIfNeeded();
  await host.waitForFunction(() => window.hostResults?.length === 1, null, { timeout: 60_000 });
  report.hostElement = await axe(host, { include: { fromShadowDom: ['#lens-a', '.root'] } });
  await host.close();

  writeFileSync(join(out, 'axe.json'), JSON.stringify(report, null, 2));
  const summary = Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v.map((x) => `${x.id}:${x.impact}`)]));
  console.log('axe violations', JSON.stringify(summary));
  for (const [where, violations] of Object.entries(report)) {
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${where}: serious or critical violations`);
  }
  assert.deepEqual(problems, []);
});
