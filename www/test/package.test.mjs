// The npm package as a user gets it: `npm pack`, installed from the tarball into a fresh app;
// its types checked by tsc (and the CLI's JSON of real reports checked against them); a Vite
// app built from it and a plain HTML page without a bundler, both analysing a report in
// Chromium with the result equal to the CLI's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../serve.mjs';
import { root, out, fixture, sharedCorpus, launch, cliAnalysis, watch } from './browser.mjs';

const require = createRequire(import.meta.url);
const www = join(root, 'www');
let app, tarball, browser, server, origin;
const sizes = {};

before(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'report-lens-pkg-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: join(www, 'package') }).toString());
  tarball = join(tmp, packed.filename);
  sizes.tarball_gzip_bytes = statSync(tarball).size;
  sizes.unpacked_bytes = packed.unpackedSize;
  sizes.files = packed.files.map((f) => f.path).sort();
  app = join(tmp, 'app');
  mkdirSync(join(app, 'public'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'tiny-app', private: true, type: 'module' }));
  // the tarball has no dependencies: nothing is fetched from a registry
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', tarball], { cwd: app });
  cpSync(fixture, join(app, 'public', 'sample-report.txt'));
  cpSync(fixture, join(app, 'sample-report.txt'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  writeFileSync(join(out, 'package.json'), JSON.stringify(sizes, null, 2));
  console.log('package', JSON.stringify({ tarball_gzip_bytes: sizes.tarball_gzip_bytes, unpacked_bytes: sizes.unpacked_bytes }));
  if (app) rmSync(join(app, '..'), { recursive: true, force: true });
});

test('the tarball holds the modules, the worker, the wasm, the types and no sources or maps', () => {
  for (const f of ['dist/index.js', 'dist/report-lens.js', 'dist/worker.js', 'dist/report_lens_bg.wasm', 'index.d.ts', 'element.d.ts', 'analysis.d.ts', 'package.json', 'README.md']) {
    assert.ok(sizes.files.includes(f), f);
  }
  assert.ok(!sizes.files.some((f) => f.endsWith('.map') || f.startsWith('src/')), sizes.files.join(' '));
  const pkg = JSON.parse(readFileSync(join(app, 'node_modules', 'report-lens', 'package.json'), 'utf8'));
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  assert.equal(pkg.exports['./element'].default, './dist/report-lens.js');
});

test('types: tsc --strict accepts correct use, rejects wrong use, and the CLI JSON of real reports fits Analysis', () => {
  const reports = [fixture, ...(existsSync(sharedCorpus) ? readdirSync(sharedCorpus).filter((f) => f.endsWith('.txt')).map((f) => join(sharedCorpus, f)) : [])];
  const check = `
import { analyze, concordance, preload, type Analysis, type Category, type Kind, type Quantity } from 'report-lens';
import { ReportLensElement, type PanelName } from 'report-lens/element';

export async function use(file: File): Promise<string> {
  const ready: { ms: number } = await preload();
  const a: Analysis = await analyze(file, { name: 'x.txt', max_terms: 10 });
  const q: Quantity | undefined = a.quantities[0];
  const c: Category | undefined = q?.category;
  const k: Kind = a.meta.kind;
  const [s, e] = a.sections[0].span;
  const c2 = await concordance(a.text, '协商', { width: 10 });
  const line: [number, number] = c2.lines[0].span;
  // @ts-expect-error: not a category
  const bad: Category = 'nonsense';
  // @ts-expect-error: options are checked
  await analyze('text', { maxTerms: 3 });
  // @ts-expect-error: inputs are checked
  await analyze(42);
  // @ts-expect-error: meta.year may be null
  const year: number = a.meta.year;
  const lens = document.querySelector('report-lens');
  lens?.addEventListener('report-lens:analysed', (ev) => {
    const got: Analysis = ev.detail;
  });
  lens?.addEventListener('report-lens:error', (ev) => {
    const message: string = ev.detail;
  });
  document.addEventListener('report-lens:ready', (ev) => ev.detail.ms.toFixed());
  const made: ReportLensElement = document.createElement('report-lens');
  const p: PanelName = 'achievements';
  const shown: Analysis | null = made.analysis;
  // @ts-expect-error: the analysis is read-only
  made.analysis = null;
  return [ready.ms, c, k, s, e, line, bad, year, p, shown?.text].join();
}
`;
  writeFileSync(join(app, 'check.ts'), check);
  const fixtures = reports.map((path, i) => `export const r${i}: Analysis = ${JSON.stringify(cliAnalysis(path))};`).join('\n');
  writeFileSync(join(app, 'fixtures.ts'), `import type { Analysis } from 'report-lens';\n${fixtures}\n`);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], skipLibCheck: false, types: [], noUnusedLocals: false },
      files: ['check.ts', 'fixtures.ts'],
    }),
  );
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', app], { cwd: app, stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout?.toString()}${e.stderr?.toString()}`);
  }
});

test('a Vite app built from the tarball and a plain HTML page both analyse a report in Chromium', async () => {
  const expected = cliAnalysis(fixture);
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tiny app</title><link rel="icon" href="data:,"></head>
<body><h1>tiny app</h1><report-lens lang="en" panels="overview achievements" loading="eager"></report-lens>
<script type="module" src="./main.js"></script></body></html>`,
  );
  const main = `
import { analyze } from 'report-lens';
import 'report-lens/element';

async function run() {
  const bytes = new Uint8Array(await (await fetch('./sample-report.txt')).arrayBuffer());
  const api = await analyze(bytes, { name: 'sample-report.txt' });
  const lens = document.querySelector('report-lens');
  const shown = await lens.analyze(new Blob([bytes]), { name: 'sample-report.txt' });
  window.__result = { api, shown: shown.meta.title, rows: lens.shadowRoot.querySelectorAll('#quantity-table tbody tr').length };
}
run().catch((e) => (window.__result = { error: String(e) }));
`;
  writeFileSync(join(app, 'main.js'), main);
  const { build } = await import('vite');
  const t0 = Date.now();
  await build({ root: app, base: './', logLevel: 'warn', configFile: false, build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 } });
  sizes.vite_build_ms = Date.now() - t0;
  const built = readdirSync(join(app, 'dist', 'assets'));
  assert.ok(built.some((f) => f.endsWith('.wasm')), `Vite emitted the wasm: ${built}`);
  assert.ok(built.some((f) => /worker/.test(f)), `Vite emitted the worker: ${built}`);

  // a plain page: no bundler, the package's modules straight from node_modules
  writeFileSync(
    join(app, 'plain.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain</title><link rel="icon" href="data:,">
<script type="module" src="./plain.js"></script></head><body><report-lens lang="zh" loading="eager"></report-lens></body></html>`,
  );
  writeFileSync(join(app, 'plain.js'), main.replace("from 'report-lens'", "from './node_modules/report-lens/dist/index.js'").replace("'report-lens/element'", "'./node_modules/report-lens/dist/report-lens.js'"));

  server = await serve(0, '127.0.0.1', app);
  origin = `http://127.0.0.1:${server.address().port}`;
  for (const path of ['/dist/index.html', '/plain.html']) {
    const page = await browser.newPage();
    const { problems, requests } = watch(page);
    await page.goto(origin + path);
    await page.waitForFunction(() => window.__result, null, { timeout: 60_000 });
    const result = await page.evaluate(() => window.__result);
    assert.equal(result.error, undefined, `${path}: ${result.error}`);
    assert.deepStrictEqual(result.api, expected, `${path}: analyze() equals the CLI`);
    assert.equal(result.shown, expected.meta.title, `${path}: the element shows it`);
    assert.equal(result.rows, expected.quantities.length);
    assert.equal(page.workers().length, 1, `${path}: the API and the element share one worker`);
    assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1, `${path}: one wasm download`);
    assert.deepEqual(problems, [], path);
    await page.close();
  }
});
