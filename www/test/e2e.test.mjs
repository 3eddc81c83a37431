// End to end in Debian's Chromium driven by playwright-core: the demo page (one <report-lens>
// element), served as the demo serves it; files dropped with real drop events; figures,
// charts, table, exports. Fails on any page error, console error, or request outside the
// page's own origin. (Playwright's CSS selectors pierce the element's open shadow root.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, out, fixture, sharedCorpus, cliAnalysis, watch, drop, highlight, recordTimings, servedBrowser } from './browser.mjs';

const timings = {};
const env = servedBrowser({
  done: () => {
    recordTimings({ e2e: timings });
    console.log('timings', JSON.stringify(timings));
  },
});

async function openPage() {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const watched = watch(page);
  const t0 = Date.now();
  await page.goto(env.origin + '/');
  await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
  timings.navigation_to_ready_ms = Date.now() - t0;
  timings.worker_ready_ms = Math.round(await page.evaluate(() => window.__reportLens.engineMs));
  return { page, ...watched };
}

async function figure(page, stat) {
  const s = await page.textContent(`.figure[data-stat="${stat}"] .value`);
  return Number(s.replace(/,/g, ''));
}

test('drop a report: figures, charts, achievements, text highlight, exports', async () => {
  const { page, requests, problems } = await openPage();
  const expected = cliAnalysis(fixture);
  await drop(page, [{ name: 'sample-report.txt', bytes: readFileSync(fixture) }]);
  await page.waitForSelector('report-lens[data-state="done"]', { timeout: 30_000 });

  // figures equal the core's (the page shows, never recomputes)
  for (const k of ['chars', 'han_chars', 'paragraphs', 'sentences', 'tokens', 'distinct_terms']) {
    assert.equal(await figure(page, k), expected.stats[k], k);
  }
  assert.equal(await page.textContent('#report-title'), expected.meta.title);
  assert.deepStrictEqual(await page.evaluate(() => document.querySelector('report-lens').analysis), expected, 'the analysis property');

  // the charts drew: bars for 30 terms, words in the cloud, a bar per category
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#chart-terms svg path').length >= 30);
  // the word cloud places its words one per task
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#chart-cloud svg text').length >= 20);
  const topTerm = expected.terms[0].term;
  assert.ok((await page.textContent('#chart-terms')).includes(topTerm), `top term ${topTerm} labelled`);
  assert.ok((await page.locator('#chart-categories svg path').count()) >= expected.metrics.length);
  // every chart describes itself and has its data behind a toggle
  const desc = await page.textContent('#terms-desc');
  assert.ok(desc.includes(topTerm) && desc.startsWith('高频词'), desc);
  // (the table is built on the details' toggle event, a task after the click: wait for it)
  await page.click('[data-chart="categories"] summary');
  await page.locator('[data-chart="categories"] details tbody tr').first().waitFor({ timeout: 5_000 });
  assert.equal(await page.locator('[data-chart="categories"] details tbody tr').count(), expected.metrics.length);

  // keywords and the quantity table
  assert.equal(await page.locator('#kw-tfidf li').count(), expected.keywords.tfidf.length);
  assert.equal(await page.locator('#quantity-table tbody tr').count(), expected.quantities.length);
  await page.fill('#quantity-filter', '提案');
  const filtered = await page.locator('#quantity-table tbody tr').count();
  assert.ok(filtered > 0 && filtered < expected.quantities.length, `filtered rows: ${filtered}`);
  await page.fill('#quantity-filter', '');

  // clicking a row marks its mention and its sentence in the text view
  const q = expected.quantities.findIndex((x) => x.text === '286件');
  assert.ok(q >= 0, 'fixture has 立案286件');
  await page.click(`#quantity-table tbody tr[data-index="${q}"]`);
  assert.deepEqual(await highlight(page, 'flash'), ['286件']);
  const [ss, se] = expected.quantities[q].sentence;
  assert.deepEqual(await highlight(page, 'sentence'), [expected.text.slice(ss, se)], 'the sentence of the clicked row is highlighted');
  assert.equal((await highlight(page, 'q')).length, expected.quantities.length, 'every quantity is marked');

  // the head of the report
  const metaText = await page.textContent('#report-meta');
  assert.ok(metaText.includes(expected.meta.committee.name) && metaText.includes('常委会工作报告'), metaText);
  assert.equal(await page.textContent('#report-subtitle'), `——${expected.meta.subtitle}`);

  // the outline is a tree near the top: sub-sections nest inside their section
  assert.equal(await page.locator('#outline li').count(), expected.sections.length);
  const nested = expected.sections.filter((s) => s.level > 1).length;
  assert.equal(await page.locator('#outline li li').count(), nested, 'deeper headings are nested');
  const top = async (panel) => (await page.locator(`[data-panel="${panel}"]`).boundingBox()).y;
  assert.ok((await top('outline')) < (await top('achievements')), 'the outline comes before the achievements');

  // formulations, themes and entities as the core found them
  assert.equal(await page.locator('#formulation-table tbody tr').count(), expected.formulations.length);
  assert.ok((await page.textContent('#formulation-table')).includes('习近平新时代中国特色社会主义思想'));
  assert.ok((await page.locator('#chart-themes svg path').count()) >= expected.themes.length);
  assert.equal(await page.locator('#ent-people li').count(), Math.max(1, Math.min(100, expected.entities.people.length)));
  assert.ok((await page.textContent('#ent-people')).includes('王明远'), 'the speaker is a person');
  assert.ok((await page.textContent('#ent-documents')).includes('社情民意'));
  // list numbers of two and three digits fit: the list leaves room for "100."
  const room = await page.evaluate(() => {
    const ol = document.querySelector('report-lens').shadowRoot.querySelector('#ent-organizations');
    const s = getComputedStyle(ol);
    return parseFloat(s.paddingLeft) / parseFloat(s.fontSize);
  });
  assert.ok(room >= 2.5, `entity list numbers have ${room}em`);

  // concordance: computed in the worker by the core, shown as KWIC with collocates
  await page.fill('#kwic-term', '提案');
  await page.click('#kwic-form button');
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#kwic-table tbody tr').length > 0);
  const kwicRows = await page.locator('#kwic-table tbody tr').count();
  assert.equal(kwicRows, expected.text.split('提案').length - 1, 'one line per occurrence');
  await page.selectOption('#highlight-layer', 'search');
  const layer = await highlight(page, 'layer');
  assert.equal(layer.length, kwicRows);
  assert.ok(layer.every((t) => t === '提案'));
  await page.selectOption('#highlight-layer', 'formulations');
  assert.equal((await highlight(page, 'layer')).length, expected.formulations.reduce((n, f) => n + f.count, 0));
  assert.equal((await highlight(page, 'q')).length, 0, 'quantity marks give way to the chosen layer');
  await page.selectOption('#highlight-layer', 'quantities');

  await page.screenshot({ path: join(out, 'page.png'), fullPage: true });

  // exports: JSON equals the CLI's; CSV has a row per quantity; SVG is an SVG with its title
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="json"]')]);
  assert.deepStrictEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), expected);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
  assert.equal(readFileSync(await csv.path(), 'utf8').trim().split('\n').length, expected.quantities.length + 1);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="svg"][data-chart-name="categories"]')]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg/);
  assert.ok(svgText.includes('各类实绩提及次数'), 'the exported chart carries its title');

  const foreign = requests.filter((u) => !u.startsWith(env.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request outside the page origin');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the idle worker warms its code after ready; a request waiting at ready is not held back', async () => {
  const text = readFileSync(fixture, 'utf8');
  const rehearsedBefore = (page, name) =>
    page.evaluate(async ([t, n]) => {
      const lens = document.querySelector('report-lens');
      await lens.analyze(t, { name: n });
      return lens.timings.analyses.at(-1).rehearsed;
    }, [text, name]);
  // idle after ready: the engine asks for its rehearsals (one short task each, ~0.2 s in all)
  const { page, problems } = await openPage();
  await page.waitForTimeout(3000);
  assert.equal(await rehearsedBefore(page, 'idle.txt'), 8, 'the first report meets warm code');
  assert.deepStrictEqual(problems, []);
  await page.close();
  // a report asked for before ready (the element defined, the engine still loading): none
  const early = await env.browser.newPage();
  await early.addInitScript((t) => {
    customElements.whenDefined('report-lens').then(() => {
      const lens = document.querySelector('report-lens');
      window.__early = lens.analyze(t, { name: 'early.txt' }).then(() => lens.timings.analyses[0].rehearsed);
    });
  }, text);
  await early.goto(env.origin + '/');
  await early.waitForFunction(() => window.__early, null, { timeout: 60_000 });
  assert.equal(await early.evaluate(() => window.__early), 0, 'the waiting report goes first, unwarmed');
  await early.close();
});

test('a binary file and an empty file get clear messages, not empty charts', async () => {
  const { page, problems } = await openPage();
  const errors = [];
  await page.exposeFunction('recordError', (m) => errors.push(m));
  await page.evaluate(() => document.querySelector('report-lens').addEventListener('report-lens:error', (e) => window.recordError(e.detail)));
  await drop(page, [{ name: 'data.bin', bytes: Buffer.from([1, 2, 0, 0, 3, 4, 0, 5, 0x89, 0x50, 0x4e, 0x47]), type: 'application/octet-stream' }]);
  await page.waitForSelector('report-lens[data-state="error"]');
  assert.match(await page.textContent('#error'), /data\.bin：不是文本文件：检测到二进制数据/);
  assert.match(errors[0], /data\.bin：不是文本文件/, 'report-lens:error carries the message');
  await drop(page, [{ name: 'scan.pdf', bytes: Buffer.from('%PDF-1.7\n'), type: 'application/pdf' }]);
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('#error').textContent.includes('scan.pdf：暂不支持 PDF'));
  assert.equal(await page.isHidden('#results'), true, 'no results shown for bad input');
  await drop(page, [{ name: 'empty.txt', bytes: Buffer.alloc(0) }]);
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('#error').textContent.includes('文件为空'));
  // in English the core's English gloss leads the message
  await page.click('.lang-switch button[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('#error').textContent.startsWith('empty.txt: empty input'));
  await page.click('.lang-switch button[data-lang="zh"]');
  // a 25 MB file: refused with its size, the tab stays responsive
  const big = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(25 * 1024 * 1024).fill(97)], 'big.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: big });
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('#error').textContent.includes('big.txt：文件过大：25.0 MB'));
  assert.equal(await page.evaluate(() => 1 + 1), 2, 'the page still answers');
  // the element's analyze() rejects with the same message
  const rejected = await page.evaluate(() => document.querySelector('report-lens').analyze('  ').then(() => null, (e) => e.message));
  assert.match(rejected, /文件为空/);
  await page.screenshot({ path: join(out, 'error.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('PDF text: the repairs are listed with what they took out and marked in the text', async () => {
  const { page, problems } = await openPage();
  const path = join(root, 'tests', 'fixtures', 'reports', 'nanshan-city-2024-report-pdf.txt');
  const expected = cliAnalysis(path);
  await drop(page, [{ name: 'nanshan-city-2024-report-pdf.txt', bytes: readFileSync(path) }]);
  await page.waitForSelector('report-lens[data-state="done"]', { timeout: 30_000 });
  const repairs = expected.warnings.filter((w) => w.span && ['joined', 'caption', 'repeat', 'furniture'].includes(w.kind));
  assert.ok(repairs.some((w) => w.kind === 'joined') && repairs.some((w) => w.kind === 'furniture'), 'the fixture has joins and furniture');
  assert.equal(await page.locator('#warnings li').count(), Math.min(50, expected.warnings.length));
  const removed = expected.warnings.find((w) => w.removed);
  assert.ok((await page.textContent('#warnings')).includes(removed.removed.slice(0, 20)), 'what a repair took out is shown');
  await page.selectOption('#highlight-layer', 'repairs');
  const marked = await highlight(page, 'layer');
  assert.equal(marked.length, repairs.length, 'every repair is marked in the text');
  const joined = repairs.filter((w) => w.kind === 'joined').map((w) => expected.text.slice(w.span[0], w.span[1]));
  for (const j of joined) assert.ok(marked.includes(j), `the joined text is marked: ${j.slice(0, 20)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the shared corpus reports show sensible figures and charts', { skip: !existsSync(sharedCorpus) }, async () => {
  const { page, problems } = await openPage();
  const files = readdirSync(sharedCorpus).filter((f) => f.endsWith('.txt'));
  await drop(page, files.map((f) => ({ name: f, bytes: readFileSync(join(sharedCorpus, f)) })));
  await page.waitForSelector('report-lens[data-state="done"]', { timeout: 60_000 });
  assert.equal(await page.locator('#reports button').count(), files.length);
  // side by side: one column per report, figures from each analysis
  assert.equal(await page.isVisible('#compare-table'), true);
  // the core compares them in the worker: wait for its columns
  await page.waitForFunction((n) => document.querySelector('report-lens').shadowRoot.querySelectorAll('#compare-table thead th').length === n, files.length);
  // once, after the last report is shown: not again with each report (its work in the worker
  // then met the drawing of the next report)
  assert.equal(await page.evaluate(() => performance.getEntriesByName('report-lens:compare').length), 1, 'one comparison for the reports dropped together');
  const achievementRow = await page.locator('#compare-table tbody tr', { hasText: '履职实绩（每万字）' }).locator('td .count').allTextContents();
  const expectedAll = files.map((f) => cliAnalysis(join(sharedCorpus, f)));
  assert.deepEqual(achievementRow.map((s) => Number(s.replace(/,/g, ''))), expectedAll.map((a) => a.quantities.filter((q) => !q.target).length));
  for (let i = 0; i < files.length; i++) {
    await page.click(`#reports button >> nth=${i}`);
    await page.waitForSelector('report-lens[data-state="done"]'); // drawn over a few frames
    await page.waitForFunction((title) => document.querySelector('report-lens').analysis?.meta.title === title, expectedAll[i].meta.title);
    const expected = expectedAll[i];
    assert.equal(await page.locator('#articles li').count(), expected.articles.length, `${files[i]}: articles`);
    assert.equal(await page.locator('#warnings li[data-kind]').count(), expected.warnings.length, `${files[i]}: warnings`);
    assert.equal(await page.locator('#outline li').count(), expected.sections.length, `${files[i]}: outline`);
    if (expected.articles.length > 1) {
      // the switcher shows another article's head
      await page.click('#articles li:nth-child(2) button');
      assert.equal(await page.textContent('#report-title'), expected.articles[1].meta.title);
    }
    assert.ok((await figure(page, 'han_chars')) > 3000, files[i]);
    assert.ok((await page.locator('#quantity-table tbody tr').count()) >= 15, `${files[i]}: quantities`);
    await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#chart-terms svg path').length >= 30);
  }
  timings.analyze_ms = await page.evaluate(() => window.__reportLens.analyses);
  await page.screenshot({ path: join(out, 'corpus.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the offline single-file page works from disk with no network at all', async () => {
  const file = join(root, 'www', 'dist', 'report-lens-offline.html');
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const { problems, requests } = watch(page);
  const t0 = Date.now();
  await page.goto(`file://${file}`);
  await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
  timings.offline_navigation_to_ready_ms = Date.now() - t0;
  await page.click('#sample-button');
  await page.waitForSelector('report-lens[data-state="done"]', { timeout: 30_000 });
  const expected = cliAnalysis(fixture);
  assert.equal(await figure(page, 'han_chars'), expected.stats.han_chars);
  assert.equal(await page.locator('#quantity-table tbody tr').count(), expected.quantities.length);
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelectorAll('#chart-terms svg path').length >= 30);
  const foreign = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});
