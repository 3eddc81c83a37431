// Bundles the page into dist/: main.js and worker.js (ES modules, ECharts included, so the
// page needs no network), index.html, style.css and the wasm from ../pkg.
import { build } from 'esbuild';
import { cpSync, mkdirSync, existsSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const wasm = join(here, '..', 'pkg', 'report_lens_bg.wasm');
if (!existsSync(wasm)) {
  console.error('www/build.mjs: ../pkg/report_lens_bg.wasm is missing; run scripts/build.sh');
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: { main: join(here, 'src/main.js'), worker: join(here, 'src/worker.js') },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  outdir: dist,
  logLevel: 'warning',
});
cpSync(join(here, 'index.html'), join(dist, 'index.html'));
cpSync(join(here, 'style.css'), join(dist, 'style.css'));
// the demo's sample is the test fixture: one report we wrote ourselves, in the corpus's style
mkdirSync(join(dist, 'samples'));
cpSync(join(here, '..', 'tests', 'fixtures', 'sample-report.txt'), join(dist, 'samples', 'sample-report.txt'));
cpSync(wasm, join(dist, 'report_lens_bg.wasm'));

// The offline page: one HTML file with the styles, scripts, sample and wasm inlined, for a
// classroom without a server (open it from disk). The worker runs as a classic worker from a
// blob, with the wasm in base64; a CSP in the page forbids every network request.
const iife = async (entry) =>
  (await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2022', minify: true, write: false, logLevel: 'error' }))
    .outputFiles[0].text;
const workerSource = `self.__reportLensWasmBase64=${JSON.stringify(readFileSync(wasm).toString('base64'))};\n${await iife(join(here, 'src/worker.js'))}`;
const inline = (s) => s.replace(/<\/(script)/gi, '<\\/$1');
const sample = readFileSync(join(here, '..', 'tests', 'fixtures', 'sample-report.txt'), 'utf8');
const csp = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'";
const mainSource = await iife(join(here, 'src/main.js'));
const page = readFileSync(join(here, 'index.html'), 'utf8')
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace('<link rel="stylesheet" href="style.css">', () => `<style>${readFileSync(join(here, 'style.css'), 'utf8')}</style>`)
  // inline scripts run at once, not deferred like the module: they go at the end of <body>
  .replace('<script type="module" src="main.js"></script>', '')
  .replace('</body>', () =>
    `<script>window.__reportLensWorkerSource=${inline(JSON.stringify(workerSource))};window.__reportLensSample=${inline(JSON.stringify(sample))};</script>\n  <script>${inline(mainSource)}</script>\n</body>`);
writeFileSync(join(dist, 'report-lens-offline.html'), page);
console.error(`[build] www/dist ready; offline page ${(page.length / 1048576).toFixed(1)} MB`);
