// End to end in Debian's Chromium driven by playwright-core: the real page, served as the
// demo serves it; files dropped with real drop events; figures, charts, table, exports.
// Fails on any page error, console error, or request outside the page's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
const fixture = join(root, 'tests', 'fixtures', 'sample-report.txt');
const shared = join(root, '..', 'shared', 'corpus');

let server, browser, origin;
const problems = [];
const timings = {};

function chromiumPath() {
  for (const c of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${c}`]).toString().trim();
    } catch {}
  }
  throw new Error('Chromium not found: run scripts/setup.sh');
}

before(async () => {
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
    // playwright gives every launch a fresh, empty user-data-dir of its own
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  writeFileSync(join(out, 'timings.json'), JSON.stringify(timings, null, 2));
  console.log('timings', JSON.stringify(timings));
});

async function openPage() {
  problems.length = 0;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} ${m.location().url}`));
  const t0 = Date.now();
  await page.goto(origin + '/');
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
  timings.navigation_to_ready_ms = Date.now() - t0;
  timings.worker_ready_ms = Math.round(await page.evaluate(() => window.__reportLens.readyMs));
  return { page, requests };
}

/** Drops files on the drop zone with a real DragEvent carrying a DataTransfer. */
async function drop(page, files) {
  const payload = files.map(({ name, bytes, type }) => ({ name, type: type ?? 'text/plain', data: [...bytes] }));
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
    return dt;
  }, payload);
  await page.dispatchEvent('#dropzone', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: dt });
}

async function figure(page, stat) {
  const s = await page.textContent(`.figure[data-stat="${stat}"] .value`);
  return Number(s.replace(/,/g, ''));
}

test('drop a report: figures, charts, achievements, text highlight, exports', async () => {
  const { page, requests } = await openPage();
  const expected = JSON.parse(execFileSync(process.env.REPORT_LENS_CLI ?? join(root, 'target', 'debug', 'report-lens'), ['analyze', fixture]).toString());
  await drop(page, [{ name: 'sample-report.txt', bytes: readFileSync(fixture) }]);
  await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });

  // figures equal the core's (the page shows, never recomputes)
  for (const k of ['chars', 'han_chars', 'paragraphs', 'sentences', 'tokens', 'distinct_terms']) {
    assert.equal(await figure(page, k), expected.stats[k], k);
  }
  assert.equal(await page.textContent('#report-title'), expected.meta.title);

  // the charts drew: bars for 30 terms, words in the cloud, a bar per category
  const bars = await page.locator('#chart-terms svg path').count();
  assert.ok(bars >= 30, `term bars: ${bars}`);
  const cloudWords = await page.locator('#chart-cloud svg text').count();
  assert.ok(cloudWords >= 20, `cloud words: ${cloudWords}`);
  const topTerm = expected.terms[0].term;
  assert.ok((await page.textContent('#chart-terms')).includes(topTerm), `top term ${topTerm} labelled`);
  assert.ok((await page.locator('#chart-categories svg path').count()) >= expected.metrics.length);

  // keywords and the quantity table
  assert.equal(await page.locator('#kw-tfidf li').count(), expected.keywords.tfidf.length);
  assert.equal(await page.locator('#quantity-table tbody tr').count(), expected.quantities.length);
  await page.fill('#quantity-filter', '提案');
  const filtered = await page.locator('#quantity-table tbody tr').count();
  assert.ok(filtered > 0 && filtered < expected.quantities.length, `filtered rows: ${filtered}`);
  await page.fill('#quantity-filter', '');

  // clicking a row marks its mention in the text view
  const q = expected.quantities.findIndex((x) => x.text === '286件');
  assert.ok(q >= 0, 'fixture has 立案286件');
  await page.click(`#quantity-table tbody tr[data-index="${q}"]`);
  assert.equal(await page.textContent('#text-view mark.flash'), '286件');
  const sentence = await page.evaluate(() => {
    const h = CSS.highlights.get('sentence');
    return h ? [...h][0].toString() : null;
  });
  const [ss, se] = expected.quantities[q].sentence;
  assert.equal(sentence, expected.text.slice(ss, se), 'the sentence of the clicked row is highlighted');
  assert.ok(sentence.includes('286件'));

  // the head of the report
  const metaText = await page.textContent('#report-meta');
  assert.ok(metaText.includes(expected.meta.committee.name) && metaText.includes('常委会工作报告'), metaText);
  assert.equal(await page.textContent('#report-subtitle'), `——${expected.meta.subtitle}`);

  // formulations, themes and entities as the core found them
  assert.equal(await page.locator('#formulation-table tbody tr').count(), expected.formulations.length);
  assert.ok((await page.textContent('#formulation-table')).includes('习近平新时代中国特色社会主义思想'));
  assert.ok((await page.locator('#chart-themes svg path').count()) >= expected.themes.length);
  assert.equal(await page.locator('#ent-people li').count(), Math.max(1, Math.min(100, expected.entities.people.length)));
  assert.ok((await page.textContent('#ent-people')).includes('王明远'), 'the speaker is a person');
  assert.ok((await page.textContent('#ent-documents')).includes('社情民意'));

  // concordance: computed in the worker by the core, shown as KWIC with collocates
  await page.fill('#kwic-term', '提案');
  await page.click('#kwic-form button');
  await page.waitForFunction(() => document.querySelectorAll('#kwic-table tbody tr').length > 0);
  const kwicRows = await page.locator('#kwic-table tbody tr').count();
  assert.equal(kwicRows, expected.text.split('提案').length - 1, 'one line per occurrence');
  await page.selectOption('#highlight-layer', 'search');
  const layer = await page.evaluate(() => [...(CSS.highlights.get('layer') ?? [])].map((r) => r.toString()));
  assert.equal(layer.length, kwicRows);
  assert.ok(layer.every((t) => t === '提案'));
  await page.selectOption('#highlight-layer', 'formulations');
  const fl = await page.evaluate(() => CSS.highlights.get('layer')?.size ?? 0);
  assert.equal(fl, expected.formulations.reduce((n, f) => n + f.count, 0));
  await page.selectOption('#highlight-layer', 'quantities');

  await page.screenshot({ path: join(out, 'page.png'), fullPage: true });

  // exports: JSON equals the CLI's; CSV has a row per quantity; SVG is an SVG
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="json"]')]);
  assert.deepStrictEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), { ...expected, source: { ...expected.source } });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
  assert.equal(readFileSync(await csv.path(), 'utf8').trim().split('\n').length, expected.quantities.length + 1);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="svg"]')]);
  assert.match(readFileSync(await svg.path(), 'utf8'), /^<svg/);

  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request outside the page origin');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a binary file and an empty file get clear messages, not empty charts', async () => {
  const { page } = await openPage();
  await drop(page, [{ name: 'data.bin', bytes: Buffer.from([1, 2, 0, 0, 3, 4, 0, 5, 0x89, 0x50, 0x4e, 0x47]), type: 'application/octet-stream' }]);
  await page.waitForSelector('body[data-state="error"]');
  assert.match(await page.textContent('#error'), /data\.bin：不是文本文件：检测到二进制数据/);
  await drop(page, [{ name: 'scan.pdf', bytes: Buffer.from('%PDF-1.7\n'), type: 'application/pdf' }]);
  await page.waitForFunction(() => document.querySelector('#error').textContent.includes('scan.pdf：暂不支持 PDF'));
  assert.equal(await page.isHidden('#results'), true, 'no results shown for bad input');
  await drop(page, [{ name: 'empty.txt', bytes: Buffer.alloc(0) }]);
  await page.waitForFunction(() => document.querySelector('#error').textContent.includes('文件为空'));
  // a 25 MB file: refused with its size, the tab stays responsive
  const big = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(25 * 1024 * 1024).fill(97)], 'big.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: big });
  await page.waitForFunction(() => document.querySelector('#error').textContent.includes('big.txt：文件过大：25.0 MB'));
  assert.equal(await page.evaluate(() => 1 + 1), 2, 'the page still answers');
  await page.screenshot({ path: join(out, 'error.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the shared corpus reports show sensible figures and charts', { skip: !existsSync(shared) }, async () => {
  const { page } = await openPage();
  const files = readdirSync(shared).filter((f) => f.endsWith('.txt'));
  await drop(page, files.map((f) => ({ name: f, bytes: readFileSync(join(shared, f)) })));
  await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
  assert.equal(await page.locator('#reports button').count(), files.length);
  // side by side: one column per report, figures from each analysis
  assert.equal(await page.isVisible('#compare-panel'), true);
  assert.equal(await page.locator('#compare-table thead th').count(), files.length + 1);
  const quantityRow = await page.locator('#compare-table tbody tr', { hasText: '实绩数量' }).locator('td').allTextContents();
  const counts = files.map((f) => JSON.parse(execFileSync(process.env.REPORT_LENS_CLI ?? join(root, 'target', 'debug', 'report-lens'), ['analyze', join(shared, f)]).toString()).quantities.length);
  assert.deepEqual(quantityRow.map(Number), counts);
  for (let i = 0; i < files.length; i++) {
    await page.click(`#reports button >> nth=${i}`);
    const expected = JSON.parse(execFileSync(process.env.REPORT_LENS_CLI ?? join(root, 'target', 'debug', 'report-lens'), ['analyze', join(shared, files[i])]).toString());
    assert.equal(await page.locator('#articles li').count(), expected.articles.length, `${files[i]}: articles`);
    assert.equal(await page.locator('#warnings li[data-kind]').count(), expected.warnings.length, `${files[i]}: warnings`);
    assert.equal(await page.locator('#outline li').count(), expected.sections.length, `${files[i]}: outline`);
    if (expected.articles.length > 1) {
      // the switcher shows another article's head
      await page.click('#articles li >> nth=1');
      assert.equal(await page.textContent('#report-title'), expected.articles[1].meta.title);
    }
    assert.ok((await figure(page, 'han_chars')) > 3000, files[i]);
    assert.ok((await page.locator('#quantity-table tbody tr').count()) >= 15, `${files[i]}: quantities`);
    assert.ok((await page.locator('#chart-terms svg path').count()) >= 30, `${files[i]}: term chart`);
  }
  timings.analyze_ms = await page.evaluate(() => window.__reportLens.analyses);
  await page.screenshot({ path: join(out, 'corpus.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the offline single-file page works from disk with no network at all', async () => {
  problems.length = 0;
  const file = join(root, 'www', 'dist', 'report-lens-offline.html');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  const t0 = Date.now();
  await page.goto(`file://${file}`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
  timings.offline_navigation_to_ready_ms = Date.now() - t0;
  await page.click('#sample-button');
  await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
  const expected = JSON.parse(execFileSync(process.env.REPORT_LENS_CLI ?? join(root, 'target', 'debug', 'report-lens'), ['analyze', fixture]).toString());
  assert.equal(await figure(page, 'han_chars'), expected.stats.han_chars);
  assert.equal(await page.locator('#quantity-table tbody tr').count(), expected.quantities.length);
  assert.ok((await page.locator('#chart-terms svg path').count()) >= 30);
  const foreign = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});
