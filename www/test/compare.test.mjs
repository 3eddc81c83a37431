// Reports side by side and over the years, end to end in Chromium: the four qinglan fixtures
// (one committee, 2021–2024) dropped on the demo page; the comparison, keyness and the
// year-over-year table equal what the CLI's `compare --format json` finds in the same files;
// columns renamed, reordered by keyboard, removed and added again; a duplicate refused; every
// export downloaded and checked (JSON = the CLI's Analysis, CSV = the CLI's tables with a BOM,
// PNG sizes read from the IHDR, SVG parsed in the page); saved analyses re-opened without the
// reports; axe-core clean on the comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, cliAnalysis, watch, drop, focused, servedBrowser } from './browser.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const cliPath = process.env.REPORT_LENS_CLI ?? join(root, 'target', 'debug', 'report-lens');
const cli = (args) => execFileSync(cliPath, args, { maxBuffer: 64 << 20 }).toString();
const YEARS = [2021, 2022, 2023, 2024];
const files = YEARS.map((y) => join(root, 'tests', 'fixtures', 'series', `qinglan-city-${y}-report.txt`));
const item = (i) => ({ name: `qinglan-city-${YEARS[i]}-report.txt`, bytes: readFileSync(files[i]) });
const BOM = '\uFEFF';

const env = servedBrowser();

async function openPage() {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
  const watched = watch(page);
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('report-lens[data-state="ready"]', { timeout: 60_000 });
  return { page, ...watched };
}

/** What the comparison shows: the columns' names, the keyness lists, the change rows. */
const shown = (page) =>
  page.evaluate(() => {
    const r = document.querySelector('report-lens').shadowRoot;
    return {
      names: [...r.querySelectorAll('#compare-reports input')].map((i) => i.value),
      heads: [...r.querySelectorAll('#compare-table thead th')].map((th) => th.textContent),
      keyness: [...r.querySelectorAll('#keyness .keyness')].map((k) => ({ id: k.dataset.report, terms: [...k.querySelectorAll('td.term')].map((td) => td.textContent) })),
      changes: [...r.querySelectorAll('#changes-table tbody tr')].map((tr) => [...tr.cells].slice(0, 6).map((td) => td.textContent)),
      series: !r.querySelector('#series').hidden,
      tabs: r.querySelectorAll('#reports button').length,
    };
  });

/** Waits until the comparison shows `n` columns whose ids are `ids` (in that order), drawn
 * to the end (the panel no longer aria-busy). */
const compared = (page, ids) =>
  page.waitForFunction(
    (ids) => {
      const r = document.querySelector('report-lens').shadowRoot;
      const got = [...r.querySelectorAll('#keyness .keyness')].map((k) => k.dataset.report);
      const drawn = r.querySelector('[data-panel="compare"]').getAttribute('aria-busy') === 'false';
      return got.join(' ') === ids.join(' ') && r.querySelector('#compare-status').textContent === '' && drawn;
    },
    ids,
    { timeout: 60_000 },
  );

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** An SVG text parsed by the page's DOMParser: its root's name, size and any parse error. */
const parseSvg = (page, text) =>
  page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    return { root: svg.localName, error: doc.querySelector('parsererror')?.textContent ?? null, width: svg.getAttribute('width'), height: svg.getAttribute('height'), text: svg.textContent };
  }, text);

/** The CLI's `compare --format csv` tables by name (each `# name` block, one \n at its end). */
function cliTables(csv) {
  return Object.fromEntries(csv.split(/^# /m).filter(Boolean).map((block) => [block.slice(0, block.indexOf('\n')), `# ${block.replace(/\n+$/, '\n')}`]));
}

/** Blocks joined as the CLI prints them: a blank line between. */
const joined = (tables, names) => BOM + names.map((n) => tables[n]).join('\n');

/** Equal texts, or a failure that shows where they part (not both whole texts). */
function sameText(actual, expected, what) {
  if (actual === expected) return;
  let i = 0;
  while (actual[i] === expected[i]) i++;
  assert.fail(`${what}: differs at ${i} of ${expected.length}: ${JSON.stringify(actual.slice(Math.max(0, i - 80), i + 80))} vs ${JSON.stringify(expected.slice(Math.max(0, i - 80), i + 80))}`);
}

test('four years of one committee: comparison, keyness, series, editing the columns, a duplicate, every export', async () => {
  const { page, problems } = await openPage();
  const expected = JSON.parse(cli(['compare', ...files, '--format', 'json']));
  const ids = expected.reports.map((r) => r.id);
  assert.ok(expected.series && expected.series.changes.length > 0, 'the core finds a series in the fixtures');

  await drop(page, [0, 1, 2, 3].map(item));
  await page.waitForSelector('report-lens[data-state="done"]', { timeout: 120_000 });
  await compared(page, ids);
  let s = await shown(page);
  assert.deepEqual(s.names, expected.reports.map((r) => r.label), 'columns named by the core (committee + year)');
  assert.deepEqual(s.heads, expected.reports.map((r) => r.label));
  // keyness: the terms the core gives, strongest first
  assert.deepEqual(s.keyness, expected.keyness.map((k) => ({ id: k.report, terms: k.terms.slice(0, 15).map((x) => x.term) })));
  assert.ok(s.keyness.some((k) => k.terms.length > 0), 'some report has distinctive terms');
  // the year over year table pairs what the core paired
  assert.ok(s.series, 'the series is shown');
  assert.equal(s.changes.length, expected.series.changes.length);
  expected.series.changes.forEach((ch, i) => {
    const [, subject, unit, years, values] = s.changes[i];
    assert.equal(subject, ch.subject);
    assert.equal(unit, ch.unit);
    assert.equal(years, `${ch.from_year} → ${ch.to_year}`);
    assert.equal(values, `${ch.before?.text ?? '（无）'} → ${ch.after?.text ?? '（无）'}`, `change ${i}`);
  });
  // figures: count and rate per 10k for every category row; the table goes in parts of a few
  // rows a frame, and every part is there: the reports' 7 facts, each group's heading and
  // figures, then the themes, the last of them last
  const groups = expected.figures.filter((f, i) => i === 0 || f.group !== expected.figures[i - 1].group).length;
  const rows = page.locator('#compare-table tbody tr');
  assert.equal(await rows.count(), 7 + groups + expected.figures.length + 1 + expected.themes.length);
  const lastTheme = expected.themes.at(-1);
  assert.equal(await rows.last().locator('th').textContent(), lastTheme.label);
  assert.equal(await rows.last().locator('td').count(), lastTheme.shares.length);
  const firstFigure = expected.figures[0];
  const rowText = await page.locator('#compare-table tbody tr', { hasText: '' }).nth(8).textContent();
  assert.ok(rowText.includes(String(firstFigure.cells[0].count)), `${rowText} has the count of ${firstFigure.key}`);
  // the charts: bars side by side, the three timelines
  for (const name of ['compare', 'timeline-formulations', 'timeline-themes', 'timeline-categories']) {
    await page.waitForFunction((n) => document.querySelector('report-lens').shadowRoot.querySelectorAll(`#chart-${n} svg path`).length > 3, name);
    assert.ok((await page.textContent(`#${name}-desc`)).length > 10, `${name} is described`);
  }

  // a row reveals the sentences behind its numbers (keyboard: focus the summary, Enter)
  const paired = expected.series.changes.findIndex((ch) => ch.before && ch.after);
  const row = page.locator('#changes-table tbody tr').nth(paired);
  await row.locator('summary').focus();
  await page.keyboard.press('Enter');
  const quotes = await row.locator('details q').allTextContents();
  const ch = expected.series.changes[paired];
  const texts = YEARS.map((_, i) => readFileSync(files[i], 'utf8'));
  const analyses = files.map((f) => cliAnalysis(f));
  const sentence = (ref) => analyses.find((a) => a.id === ref.report).text.slice(...ref.sentence);
  assert.deepEqual(quotes, [sentence(ch.before), sentence(ch.after)]);
  assert.ok(quotes[0].includes(ch.before.text) && quotes[1].includes(ch.after.text));
  assert.ok(texts.length === 4);

  // exports of the comparison: the CLI's tables with a BOM, columns as named
  const tables = cliTables(cli(['compare', ...files, '--format', 'csv']));
  const csv = await download(page, '[data-export="compare-csv"]');
  const csvText = csv.bytes.toString('utf8');
  assert.ok(csvText.startsWith(BOM), 'a BOM');
  sameText(csvText, joined(tables, ['reports', 'figures', 'themes', 'keyness', 'shared_terms']), 'comparison CSV');
  const timeline = (await download(page, '[data-export="timeline-csv"]')).bytes.toString('utf8');
  sameText(timeline, joined(tables, ['timeline', 'changes']), 'timeline CSV');
  assert.match(timeline.split('\n')[1], /^year,report_id,measure,key,label,value,per_10k$/);

  // one chart on its own, SVG and PNG
  const chartSvg = await download(page, '[data-export="svg"][data-chart-name="compare"]');
  const parsed = await parseSvg(page, chartSvg.bytes.toString('utf8'));
  assert.equal(parsed.error, null, chartSvg.bytes.toString('utf8').slice(0, 300));
  assert.equal(parsed.root, 'svg');
  assert.ok(parsed.text.includes(expected.reports[0].label), 'the legend names the reports');
  const box = await page.locator('#chart-compare').boundingBox();
  const chartPng = pngSize((await download(page, '[data-export="png"][data-chart-name="timeline-categories"]')).bytes);
  const tbox = await page.locator('#chart-timeline-categories').boundingBox();
  assert.deepEqual(chartPng, { width: Math.round(tbox.width) * 2, height: Math.round(tbox.height) * 2 });
  assert.ok(box.width > 0);

  // one-page summaries: 1080 px wide, portrait; the SVG parses and carries the report's words
  const current = analyses[3];
  const summarySvg = await parseSvg(page, (await download(page, '[data-export="summary-svg"]')).bytes.toString('utf8'));
  assert.equal(summarySvg.error, null);
  assert.equal(summarySvg.width, '1080');
  assert.ok(Number(summarySvg.height) > 1080, 'portrait');
  assert.ok(summarySvg.text.includes(current.meta.title) || summarySvg.text.includes(current.meta.title.slice(0, 10)), 'the title');
  assert.ok(summarySvg.text.includes(current.keywords.tfidf[0].term), 'the top keyword');
  const summaryPng = pngSize((await download(page, '[data-export="summary-png"]')).bytes);
  assert.deepEqual(summaryPng, { width: 1080, height: Number(summarySvg.height) });
  const compareSvg = await parseSvg(page, (await download(page, '[data-export="compare-summary-svg"]')).bytes.toString('utf8'));
  assert.equal(compareSvg.error, null);
  assert.ok(expected.reports.every((r) => compareSvg.text.includes(r.label)));
  assert.equal(pngSize((await download(page, '[data-export="compare-summary-png"]')).bytes).width, 1080);

  // the report's JSON equals the CLI's; its quantities CSV equals the CLI corpus's quantities.csv
  const json = JSON.parse((await download(page, '[data-export="json"]')).bytes.toString('utf8'));
  assert.deepStrictEqual(json, current);
  const dir = mkdtempSync(join(tmpdir(), 'report-lens-corpus-'));
  try {
    cli(['corpus', files[3], '--out', dir]);
    const quantities = (await download(page, '[data-export="csv"] >> nth=0')).bytes.toString('utf8');
    sameText(quantities, readFileSync(join(dir, 'quantities.csv'), 'utf8'), 'quantities CSV');
    assert.ok(quantities.startsWith(`${BOM}report_id,index,text,value,value_max,approx,approx_code,unit,subject,category,category_code,`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // renaming a column: the table, the keyness list and the exports use the new name
  const first = page.locator('#compare-reports input').first();
  await first.fill('青岚甲年');
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('#compare-table thead th').textContent === '青岚甲年');
  assert.equal(await page.textContent('#keyness .keyness h4'), '青岚甲年');
  const renamed = (await download(page, '[data-export="compare-csv"]')).bytes.toString('utf8');
  assert.ok(renamed.split('\n')[2].includes(',青岚甲年,'), renamed.split('\n')[2]);
  await page.waitForFunction(() => document.querySelector('report-lens').shadowRoot.querySelector('#chart-compare').textContent.includes('青岚甲年'));

  // a duplicate is refused with a clear message; nothing is added
  await drop(page, [item(1)]);
  await page.waitForSelector('report-lens[data-state="error"]');
  const message = await page.textContent('#error');
  assert.ok(message.includes('已经添加过') && message.includes(expected.reports[1].label), message);
  assert.equal((await shown(page)).names.length, 4);

  // removing 2022, then adding it again: it comes back last; moved back by keyboard
  await page.click(`#compare-reports li[data-id="${ids[1]}"] [data-act="remove"]`);
  await compared(page, [ids[0], ids[2], ids[3]]);
  assert.equal((await focused(page)).id, `remove-${ids[2]}`, 'the focus goes to the next remove button');
  // its accessible name: the action and the report's name (the name field's value)
  assert.equal(await page.getByRole('button', { name: `移除 ${expected.reports[2].label}`, exact: true }).getAttribute('id'), `remove-${ids[2]}`);
  const three = JSON.parse(cli(['compare', files[0], files[2], files[3], '--format', 'json']));
  s = await shown(page);
  assert.equal(s.changes.length, three.series.changes.length);
  assert.equal(s.tabs, 3);
  await drop(page, [item(1)]);
  await compared(page, [ids[0], ids[2], ids[3], ids[1]]);
  for (const _ of [1, 2]) {
    await page.focus(`#compare-reports li[data-id="${ids[1]}"] [data-act="up"]`);
    await page.keyboard.press('Enter');
    await compared(page, _ === 1 ? [ids[0], ids[2], ids[1], ids[3]] : ids);
  }
  s = await shown(page);
  assert.equal(s.changes.length, expected.series.changes.length, 'in year order again, the same series');
  assert.equal((await focused(page)).id, `up-${ids[1]}`, 'the moved button keeps the focus');

  // axe-core on the comparison, its disclosures open
  await page.locator('#changes-table details').first().evaluate((d) => (d.open = true));
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run({ include: { fromShadowDom: ['#lens', '.root'] } }, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('saved analyses dropped on the page show the same comparison without the reports', async () => {
  const { page, problems } = await openPage();
  const analyses = files.map((f) => cliAnalysis(f));
  const expected = JSON.parse(cli(['compare', ...files, '--format', 'json']));
  // an array of three in one file, and one on its own
  await drop(page, [
    { name: 'three.json', bytes: Buffer.from(JSON.stringify(analyses.slice(0, 3))), type: 'application/json' },
    { name: 'qinglan-2024.analysis.json', bytes: Buffer.from(JSON.stringify(analyses[3], null, 2)), type: 'application/json' },
  ]);
  await page.waitForSelector('report-lens[data-state="done"]', { timeout: 60_000 });
  await compared(page, expected.reports.map((r) => r.id));
  const s = await shown(page);
  assert.equal(s.changes.length, expected.series.changes.length);
  assert.deepEqual(s.names, expected.reports.map((r) => r.label));
  assert.deepStrictEqual(await page.evaluate(() => document.querySelector('report-lens').analysis), analyses[3]);
  assert.equal(await page.textContent('#report-title'), analyses[3].meta.title);
  // JSON that is not an analysis: a clear message
  await drop(page, [{ name: 'other.json', bytes: Buffer.from('{"schema":"something/else@1"}'), type: 'application/json' }]);
  await page.waitForSelector('report-lens[data-state="error"]');
  assert.ok((await page.textContent('#error')).includes('report-lens/analysis@1'));
  assert.deepEqual(problems, []);
  await page.close();
});
