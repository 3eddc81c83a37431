// Bundles the page into dist/: main.js and worker.js (ES modules, ECharts included, so the
// page needs no network), index.html, style.css and the wasm from ../pkg.
import { build } from 'esbuild';
import { cpSync, mkdirSync, existsSync, rmSync } from 'node:fs';
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
console.error('[build] www/dist ready');
