// Builds, from src/ and ../pkg (the wasm-pack output):
//   package/dist/  the npm package `report-lens`: index.js (analyze, concordance), report-lens.js
//                  (the <report-lens> element), their shared chunks, worker.js and the wasm;
//   dist/          the demo site: the same modules plus demo.js and embed.js, index.html,
//                  embed.html (the iframe alternative), examples/, samples/, and
//                  report-lens-offline.html (one file, classic scripts, wasm inlined, no network).
// ECharts sits in its own chunk, imported only when a chart is first drawn. Every file of dist/
// gets a precompressed .br and .gz beside it (serve.mjs picks one by Accept-Encoding).
import { build } from 'esbuild';
import { cpSync, mkdirSync, existsSync, rmSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { precompress } from './tools/precompress.mjs';
import { wordcloudProbe } from './tools/wordcloud-probe.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const src = (p) => join(here, 'src', p);
const dist = join(here, 'dist');
const pkgDist = join(here, 'package', 'dist');
const wasm = join(here, '..', 'pkg', 'report_lens_bg.wasm');
const sample = join(here, '..', 'tests', 'fixtures', 'sample-report.txt');
if (!existsSync(wasm)) {
  console.error('www/build.mjs: ../pkg/report_lens_bg.wasm is missing; run scripts/build.sh');
  process.exit(1);
}

const common = {
  bundle: true,
  target: 'es2022',
  // NO_MINIFY=1: readable function names in a CPU profile of the page
  minify: !process.env.NO_MINIFY,
  // echarts-wordcloud's minimum font size probe, the same answer at a fraction of the cost
  plugins: [wordcloudProbe],
  // .txt: the lexicon's label tables (the CSV exports label codes as the CLI does)
  loader: { '.css': 'text', '.txt': 'text' },
  logLevel: 'warning',
  legalComments: 'eof',
  // echarts-wordcloud imports the full entry, which installs the canvas renderer and the
  // dataset component we never use; everything it calls is in echarts/core
  alias: { 'echarts/lib/echarts': 'echarts/core' },
  // the worker counts download progress against the decoded size (Content-Length is the
  // compressed size when the server compresses)
  define: { __REPORT_LENS_WASM_BYTES__: String(statSync(wasm).size) },
};

/** ES modules with shared chunks beside them (so `new URL('./worker.js', import.meta.url)` holds). */
async function modules(outdir, entryPoints, extra = {}) {
  const { metafile } = await build({ ...common, entryPoints, format: 'esm', splitting: true, chunkNames: '[name]-[hash]', outdir, metafile: true, ...extra });
  await build({ ...common, entryPoints: { worker: src('engine/worker.js') }, format: 'esm', outdir, ...extra });
  cpSync(wasm, join(outdir, 'report_lens_bg.wasm'));
  // NO_HINT=1: without V8's compile hint (compiledOnLoad), to measure what it does
  if (!process.env.NO_HINT) for (const f of chartFiles(metafile, outdir, Object.values(entryPoints))) compiledOnLoad(join(outdir, f));
  return metafile;
}

/** The chart code's files: the three stages charts.js imports and the chunks they import,
 * without those the page loads at start-up (the element's, which the stages share). */
function chartFiles(metafile, outdir, entries) {
  const closure = (test) =>
    Object.entries(metafile.outputs)
      .filter(([, o]) => o.entryPoint && test(join(process.cwd(), o.entryPoint)))
      .map(([k]) => relative(outdir, join(process.cwd(), k)))
      .flatMap((f) => [f, ...staticImports(metafile, outdir, f)]);
  const eager = new Set(closure((e) => entries.includes(e)));
  return [...new Set(closure((e) => /element\/charts-(lib|parts|impl)\.js$/.test(e)))].filter((f) => !eager.has(f));
}

/**
 * V8's compile hint for a whole file (Chrome 136+; a plain comment elsewhere): every function
 * of it is compiled with the file, on a background thread while it streams, not on the main
 * thread at its first call. The chart code loads when idle after ready, and its first chart is
 * the warm-up (charts-impl.js). Compiled lazily, its functions took 35-38 ms of each warm-up
 * step (traced), and the steps were tasks of 40-139 ms that a report dropped then met. With
 * the hint (20 loads each, this machine): echarts.init 2-13 ms against 4-29, the first
 * setOption 11-35 against 30-127, the bars 18-53 against 32-139; in one trace each, the main
 * thread compiled 156 ms in all against 281, the background threads 440 against 94. Not on the
 * element's own code: on every file, ready came ~40 ms sooner (medians 526-545 ms against
 * 565-597), but a report dropped at ready then took a median 142-229 ms in the worker against
 * 89-98 (bench/drop-at-ready.mjs, 12 tries each), so its result came later. The source map
 * gains the line.
 */
function compiledOnLoad(file) {
  writeFileSync(file, `//# allFunctionsCalledOnLoad\n${readFileSync(file, 'utf8')}`);
  if (existsSync(`${file}.map`)) {
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    map.mappings = `;${map.mappings}`;
    writeFileSync(`${file}.map`, JSON.stringify(map));
  }
}

/** The chunks an entry imports statically (file names in outdir): <link rel="modulepreload">
 * lets the browser fetch them with the entry instead of one round trip later. */
function staticImports(metafile, outdir, entry) {
  const outputs = metafile.outputs;
  const key = Object.keys(outputs).find((k) => k.endsWith(`/${entry}`) || k === entry);
  const seen = new Set();
  const walk = (k) => {
    for (const i of outputs[k]?.imports ?? []) {
      if (i.kind !== 'import-statement' || seen.has(i.path)) continue;
      seen.add(i.path);
      walk(i.path);
    }
  };
  walk(key);
  return [...seen].map((p) => relative(outdir, join(process.cwd(), p)));
}

// the npm package; its Analysis types are the ones generated from the Rust types
rmSync(pkgDist, { recursive: true, force: true });
cpSync(join(here, '..', 'contract', 'analysis.d.ts'), join(here, 'package', 'analysis.d.ts'));
const pkgMeta = await modules(pkgDist, { index: src('api/index.js'), 'report-lens': src('element/report-lens.js') });

// the site: the same entries plus the demo and the iframe page
rmSync(dist, { recursive: true, force: true });
const siteMeta = await modules(
  dist,
  { index: src('api/index.js'), 'report-lens': src('element/report-lens.js'), demo: src('demo/demo.js'), embed: src('demo/embed.js') },
  { sourcemap: 'linked' },
);
cpSync(join(here, 'demo.css'), join(dist, 'demo.css'));
/** `html`'s text with its module script tag for `entry` (async or not) replaced by
 * `replace(tag)`; a page without that tag fails the build rather than ship without it. */
function withModuleTag(html, entry, replace) {
  const source = readFileSync(join(here, html), 'utf8');
  const tag = new RegExp(`<script type="module"( async)? src="${entry}"></script>`);
  if (!tag.test(source)) throw new Error(`build.mjs: ${html} has no module script tag for ${entry}`);
  return source.replace(tag, replace);
}
for (const [html, entry] of [['index.html', 'demo.js'], ['embed.html', 'embed.js']]) {
  const preload = staticImports(siteMeta, dist, entry).map((f) => `<link rel="modulepreload" href="${f}">`).join('\n  ');
  writeFileSync(join(dist, html), withModuleTag(html, entry, (t) => `${t}\n  ${preload}`));
}
cpSync(join(here, 'examples'), join(dist, 'examples'), { recursive: true });
// the demo's sample is the test fixture: one report we wrote ourselves, in the corpus's style
mkdirSync(join(dist, 'samples'));
cpSync(sample, join(dist, 'samples', 'sample-report.txt'));

// The offline page: one HTML file with the styles, scripts, sample and wasm inlined, for a
// classroom without a server (open it from disk). Classic scripts (file:// cannot load
// modules): the chart chunk is inlined, the worker runs from a blob with the wasm gzipped in
// base64 (inflated by the browser's DecompressionStream while it compiles), and a CSP in the
// page forbids every network request.
const iife = async (entry) =>
  (
    await build({
      ...common,
      entryPoints: [entry],
      format: 'iife',
      write: false,
      logLevel: 'error',
      // never reached offline (the worker comes from a blob), but must parse in a classic script
      define: { 'import.meta.url': 'location.href' },
    })
  ).outputFiles[0].text;
const wasmGzip = gzipSync(readFileSync(wasm), { level: 9 });
const workerSource = `self.__reportLensWasmGzipBase64=${JSON.stringify(wasmGzip.toString('base64'))};\n${await iife(src('engine/worker.js'))}`;
const inline = (s) => s.replace(/<\/(script)/gi, '<\\/$1');
const csp = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'";
const demoSource = await iife(src('demo/demo.js'));
// inline scripts run at once, not deferred like the module: they go at the end of <body>
const page = withModuleTag('index.html', 'demo.js', () => '')
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace('<link rel="stylesheet" href="demo.css">', () => `<style>${readFileSync(join(here, 'demo.css'), 'utf8')}</style>`)
  .replace('</body>', () =>
    `<script>window.__reportLensWorkerSource=${inline(JSON.stringify(workerSource))};window.__reportLensSample=${inline(JSON.stringify(readFileSync(sample, 'utf8')))};</script>\n  <script>${inline(demoSource)}</script>\n</body>`);
writeFileSync(join(dist, 'report-lens-offline.html'), page);

// .br and .gz beside every file of the site
const compressed = await precompress(dist);

// sizes: what a page loads before any chart (the element and its chunks) and the chart chunk
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const js = readdirSync(pkgDist).filter((f) => f.endsWith('.js'));
// eager: the entries and the chunks they import statically; the rest (the charts, reached by
// import() only, in three stages, and the chunks only they import) is lazy
const eager = ['index.js', 'report-lens.js'].flatMap((e) => [e, ...staticImports(pkgMeta, pkgDist, e)]);
const lazy = js.filter((f) => f !== 'worker.js' && !eager.includes(f));
const sum = (files) => files.reduce((n, f) => n + gz(join(pkgDist, f)), 0);
console.error(
  `[build] package JS gzip: element+api ${kib(sum(eager))}, charts (lazy) ${kib(sum(lazy))}, worker ${kib(gz(join(pkgDist, 'worker.js')))}; wasm ${kib(gz(wasm))}`,
);
const wasmBr = statSync(join(dist, 'report_lens_bg.wasm.br')).size;
console.error(`[build] wasm over the wire: ${kib(wasmBr)} brotli, ${kib(wasmGzip.length)} gzip (${kib(statSync(wasm).size)} raw)`);
console.error(`[build] www/dist ready (${compressed} files precompressed); offline page ${(Buffer.byteLength(page) / 1048576).toFixed(2)} MB`);
