// report-lens's wasm (../pkg, built by scripts/build.sh) against npm jieba-wasm, in Node:
// sizes, start-up, analysis time and memory, each with its ratio to jieba-wasm where one
// exists; the analysis race also in headless Chromium (chromium.mjs). Prints figures only:
// timings on a shared machine are for reading, not asserting.
//
//   node bench.mjs            the shared corpus, a 1 MB report, 7 cold starts, 100 analyses
//   node bench.mjs --small    one fixture, 2 cold starts, 10 analyses (the test command's run)
//   node bench.mjs FILE…      these reports instead of the default inputs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { REHEARSALS } from '../www/src/engine/engine.js';
import { analysisInChromium, median, timeBlocks } from './chromium.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const PKG = process.env.REPORT_LENS_PKG || here('../pkg');
const JIEBA_WASM = here('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm');
const args = process.argv.slice(2);
const small = args.includes('--small');
const files = args.filter((a) => !a.startsWith('--'));

const ms = (x) => `${x.toFixed(1)} ms`;
const ratio = (a, b) => (a / b).toFixed(2);
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;

function probe(...a) {
  // the last line: an older build logs from warm_up() before it
  const out = execFileSync(process.execPath, [here('probe.mjs'), ...a], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

// ---- size
console.log('== size of the wasm (everything included: dictionary, models, gazetteer)');
const sizes = [['report-lens', `${PKG}/report_lens_bg.wasm`], ['jieba-wasm', JIEBA_WASM]].map(([name, path]) => {
  const b = readFileSync(path);
  const gz = gzipSync(b, { level: 9 }).length;
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${name.padEnd(12)} raw ${kb(b.length).padStart(9)}  gzip ${kb(gz).padStart(9)}  brotli ${kb(br).padStart(9)}`);
  return [b.length, gz, br];
});
console.log(
  `ratio        raw ${ratio(sizes[0][0], sizes[1][0]).padStart(9)}  gzip ${ratio(sizes[0][1], sizes[1][1]).padStart(9)}  brotli ${ratio(sizes[0][2], sizes[1][2]).padStart(9)}`,
);

// ---- start-up, each in a fresh process, alternating
const starts = small ? 2 : 7;
const o = [];
const j = [];
for (let i = 0; i < starts; i++) {
  o.push(probe('startup-ours'));
  j.push(probe('startup-jieba'));
}
const oStart = median(o.map((x) => x.total));
const jStart = median(j.map((x) => x.total));
console.log(`\n== start-up in Node, median of ${starts} fresh processes`);
console.log(
  `report-lens: instantiate ${ms(median(o.map((x) => x.instantiate)))} + dictionary ${ms(median(o.map((x) => x.ready)))} = ${ms(oStart)} to ready`,
);
console.log(
  `jieba-wasm:  instantiate ${ms(median(j.map((x) => x.instantiate)))} + first cut ${ms(median(j.map((x) => x.ready)))} = ${ms(jStart)} to its first result`,
);
console.log(`ratio report-lens / jieba-wasm: ${ratio(oStart, jStart)}`);

// ---- analysis
const rl = await import(`${PKG}/report_lens.js`);
const wasm = rl.initSync({ module: readFileSync(`${PKG}/report_lens_bg.wasm`) });
rl.warm_up();
const jw = await import('jieba-wasm/web');
jw.initSync({ module: readFileSync(JIEBA_WASM) });

const root = here('..');
const corpusDir = join(root, '../shared/corpus');
const corpus = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(corpusDir, f))
  : [];
const fixtures = ['tests/fixtures/sample-report.txt', 'tests/fixtures/county-2024-report.txt'].map((f) => join(root, f));
const inputs = (files.length ? files : small ? fixtures.slice(0, 1) : [...corpus, ...fixtures]).map((path) => ({
  name: path.split('/').pop(),
  text: readFileSync(path, 'utf8'),
}));
// a 1 MB report: the first input, then its sentences and those of the others recombined into
// new paragraphs (copies would be dropped as repeated blocks by the repair step), with the
// inputs' short lines as headings between them
const big = (() => {
  let seed = 12345;
  const pick = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const lines = inputs.flatMap((i) => i.text.split('\n').map((l) => l.trim()));
  const sentences = lines.flatMap((l) => l.match(/[^。！？]+[。！？]/g) || []);
  const headings = lines.filter((l) => l.length > 3 && l.length < 20 && !/[。，]/.test(l));
  let s = `${inputs[0].text}\n`;
  while (Buffer.byteLength(s) < 2 ** 20) {
    if (headings.length && pick(12) === 0) s += `${headings[pick(headings.length)]}\n`;
    let p = '';
    for (let k = 2 + pick(5); k > 0; k--) p += sentences[pick(sentences.length)];
    s += `${p}\n`;
  }
  return s;
})();
const bigPath = join(tmpdir(), `report-lens-bench-${process.pid}.txt`);
writeFileSync(bigPath, big);
if (!small) inputs.push({ name: '1 MB report', text: big });

// wasm code starts in V8's baseline tier and is optimised as it runs: warm every path first
for (let i = 0; i < 3; i++) {
  for (const { text } of inputs.slice(0, 3)) {
    jw.cut(text, true);
    jw.tag(text, true);
    rl.analyze(text);
    if (rl.analyze_json) JSON.parse(rl.analyze_json(text));
  }
}
// Each path runs in blocks of runs of its own (timeBlocks, chromium.mjs): this many runs a block.
const runsOf = (text) => (small ? 3 : Buffer.byteLength(text) > 500_000 ? 2 : 10);
const blocks = small ? 1 : 8;
console.log(`\n== analysis in Node, median of ${blocks} blocks of runs of each path after a warm-up (KB = UTF-8 kilobytes)`);
console.log(
  'report'.padEnd(28),
  'KB'.padStart(7),
  'jieba cut'.padStart(10),
  'analyze'.padStart(9),
  'ratio'.padStart(6),
  'jieba tag'.padStart(10),
  '/tag'.padStart(5),
  'json str'.padStart(9),
  '+parse'.padStart(8),
);
for (const { name, text } of inputs) {
  const n = Buffer.byteLength(text);
  const paths = {
    cut: () => jw.cut(text, true),
    // the like-for-like reference: the analysis tags parts of speech too (a second figure,
    // beside the ratio to the bare cut)
    tag: () => jw.tag(text, true),
    full: () => rl.analyze(text),
    // analyze_json is absent from builds before it (REPORT_LENS_PKG=an older pkg/)
    json: rl.analyze_json ? () => rl.analyze_json(text) : null,
    jsonParse: rl.analyze_json ? () => JSON.parse(rl.analyze_json(text)) : null,
  };
  const t = timeBlocks(paths, blocks, runsOf(text));
  const m = (k) => (t[k].length ? median(t[k]) : NaN);
  console.log(
    name.slice(0, 28).padEnd(28),
    (n / 1024).toFixed(1).padStart(7),
    m('cut').toFixed(1).padStart(10),
    m('full').toFixed(1).padStart(9),
    (m('full') / m('cut')).toFixed(2).padStart(6),
    m('tag').toFixed(1).padStart(10),
    (m('full') / m('tag')).toFixed(2).padStart(5),
    m('json').toFixed(1).padStart(9),
    m('jsonParse').toFixed(1).padStart(8),
  );
}
console.log('jieba cut: jieba-wasm cut(text, true); analyze: report-lens analyze(text), every panel as a JS object;');
console.log('jieba tag: jieba-wasm tag(text, true), words with parts of speech, which the analysis also computes;');
console.log('ratio: analyze / jieba cut, of the medians (/tag: analyze / jieba tag); json str: analyze_json (the JSON string); +parse: and JSON.parse in JS.');

// ---- the same race where the page runs it: a worker of headless Chromium
{
  const { rows, isolated, version } = await analysisInChromium({
    pkg: PKG,
    jieba: here('node_modules/jieba-wasm/pkg/web'),
    inputs: inputs.map(({ name, text }) => ({ name, text, runs: runsOf(text) })),
    blocks,
  });
  console.log(`\n== analysis in Chromium ${version} (a dedicated worker, as the page runs it), median of ${blocks} blocks of runs of each path`);
  console.log('report'.padEnd(28), 'KB'.padStart(7), 'jieba cut'.padStart(10), 'analyze'.padStart(9), 'ratio'.padStart(6));
  for (const [k, { name, cut, analyze }] of rows.entries()) {
    const n = Buffer.byteLength(inputs[k].text);
    console.log(name.slice(0, 28).padEnd(28), (n / 1024).toFixed(1).padStart(7), cut.toFixed(1).padStart(10), analyze.toFixed(1).padStart(9), ratio(analyze, cut).padStart(6));
  }
  if (!isolated) console.log('(the page was not cross-origin isolated: times in 0.1 ms steps)');
}

// ---- the first analysis after ready, in fresh processes: what a user's first report meets.
// The times above are of warm code; straight after loading, V8 runs the wasm as baseline code
// and the core builds its word lists on first use. The page's engine has its idle worker
// rehearse at "ready" (REHEARSALS analyses of the core's built-in report, one per task);
// jieba-wasm's first cut is timed after its own first result.
const firstRuns = small ? 1 : 5;
// (not the sample fixture: it is the rehearsal's own text)
const firstInputs = files.length ? files : small ? fixtures.slice(1) : [...corpus, ...fixtures.slice(1)];
console.log(`\n== the first analysis after ready, median of ${firstRuns} fresh processes each`);
console.log('report'.padEnd(28), 'jieba 1st cut'.padStart(14), 'cold'.padStart(8), 'ratio'.padStart(6), 'rehearsed'.padStart(10), 'ratio'.padStart(6), 'rehearsals'.padStart(11));
for (const path of firstInputs) {
  const cold = [];
  const warm = [];
  const jieba = [];
  for (let i = 0; i < firstRuns; i++) {
    cold.push(probe('first', path, '0').first);
    warm.push(probe('first', path, String(REHEARSALS)));
    jieba.push(probe('first-jieba', path).first);
  }
  const [c, w, jf] = [median(cold), median(warm.map((x) => x.first)), median(jieba)];
  console.log(
    path.split('/').pop().slice(0, 28).padEnd(28),
    jf.toFixed(1).padStart(14),
    c.toFixed(1).padStart(8),
    ratio(c, jf).padStart(6),
    w.toFixed(1).padStart(10),
    ratio(w, jf).padStart(6),
    median(warm.map((x) => x.rehearsals)).toFixed(0).padStart(11),
  );
}
console.log(`cold: the first analysis straight after warm_up(); rehearsed: after ${REHEARSALS} rehearse() calls (their total ms in the last column);`);
console.log('ratio: to jieba-wasm\'s first cut of the same text in a fresh instance.');

// ---- memory, in fresh instances
const many = small ? 10 : 100;
const memBig = probe('memory', bigPath, small ? '1' : '3');
const manyPath = files[0] || (small ? fixtures[0] : corpus[0] || fixtures[0]);
const memMany = probe('memory', manyPath, String(many));
console.log(`\n== wasm memory (memory.buffer.byteLength)`);
const memJieba = probe('memory-jieba', bigPath);
rmSync(bigPath);
console.log(
  `after loading ${memBig.loaded.toFixed(1)} MiB (jieba-wasm ${memJieba.loaded.toFixed(1)}, ratio ${ratio(memBig.loaded, memJieba.loaded)}); ` +
    `peak over a 1 MB report: ${memBig.last.toFixed(1)} MiB (jieba-wasm cutting it ${memJieba.last.toFixed(1)}, ratio ${ratio(memBig.last, memJieba.last)})`,
);
console.log(
  `${many} analyses of ${manyPath.split('/').pop()} in one instance: ${memMany.first.toFixed(2)} MiB after the first, ` +
    `${memMany.tenth.toFixed(2)} after the 10th, ${memMany.last.toFixed(2)} after the last ` +
    `(growth after the 10th: ${(memMany.last - memMany.tenth).toFixed(2)} MiB)`,
);
console.log(`(this process, after the runs above: ${(wasm.memory.buffer.byteLength / 2 ** 20).toFixed(1)} MiB)`);
