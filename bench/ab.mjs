// Two builds of report-lens's wasm raced in one Node process, for a change of a few percent
// that separate processes cannot show on a shared machine (the same build timed 8.5–13.7 ms on
// one report in consecutive processes). Each round analyses a report 5 times with one build,
// then 5 times with the other, the order alternating; the figure is the median of the rounds'
// B/A ratios. A build against a copy of itself gives 1.00–1.01 (bench/README.md, eighth pass).
//
//   node ab.mjs DIR_A DIR_B [ROUNDS=40] [FILE…]
//   node ab.mjs --chromium DIR_A DIR_B [ROUNDS=40] [FILE…]   the same race in a worker of
//                                     headless Chromium, where the page runs the analysis
//
// DIR_A, DIR_B: wasm-pack outputs (as scripts/build.sh writes pkg/), in two directories so that
// each is its own instance. FILE…: reports (default: ../shared/corpus/*.txt).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inChromiumWorker, median } from './chromium.mjs';

const argv = process.argv.slice(2);
const chromium = argv[0] === '--chromium';
const [dirA, dirB, roundsArg, ...given] = chromium ? argv.slice(1) : argv;
if (!dirA || !dirB || resolve(dirA) === resolve(dirB)) {
  console.error('usage: node ab.mjs [--chromium] DIR_A DIR_B [ROUNDS] [FILE…]  (two different directories)');
  process.exit(2);
}
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const files = given.length
  ? given
  : existsSync(corpus)
    ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => corpus + f)
    : [];
if (!files.length) {
  console.error('ab.mjs: no reports (give FILE…, or put ../shared/corpus beside the repository)');
  process.exit(2);
}
const rounds = Number(roundsArg) || 40;
const texts = files.map((f) => readFileSync(f, 'utf8'));

/** The race: `builds[0]` is A, `builds[1]` B; ms per analysis of each round, per text. */
function race(builds, texts, rounds) {
  // warm: every path of both builds runs before anything is timed
  for (const t of texts) for (let i = 0; i < 15; i++) for (const b of builds) b.analyze(t);
  const times = texts.map(() => [[], []]);
  for (let r = 0; r < rounds; r++) {
    texts.forEach((t, k) => {
      for (const which of r % 2 ? [0, 1] : [1, 0]) {
        const start = performance.now();
        for (let i = 0; i < 5; i++) builds[which].analyze(t);
        times[k][which].push((performance.now() - start) / 5);
      }
    });
  }
  return times;
}

let times;
if (chromium) {
  // the same function, as the worker's source: it loads the two builds from /a/ and /b/
  const worker = `${race};
onmessage = async ({ data: { texts, rounds } }) => {
  const load = async (p) => { const m = await import(p + 'report_lens.js'); await m.default({ module_or_path: p + 'report_lens_bg.wasm' }); m.warm_up(); return m; };
  postMessage(race([await load('/a/'), await load('/b/')], texts, rounds));
};`;
  const { answer, version } = await inChromiumWorker({ roots: { '/a/': resolve(dirA), '/b/': resolve(dirB) }, worker, message: { texts, rounds } });
  times = answer;
  console.log(`Chromium ${version}, a dedicated worker`);
} else {
  async function load(dir) {
    const m = await import(pathToFileURL(resolve(dir, 'report_lens.js')).href);
    await m.default({ module_or_path: readFileSync(resolve(dir, 'report_lens_bg.wasm')) });
    m.warm_up();
    return m;
  }
  times = race([await load(dirA), await load(dirB)], texts, rounds);
}
console.log(`${rounds} rounds; ms per analysis (medians) and B/A (median of the rounds' ratios)`);
files.forEach((f, k) => {
  const [a, b] = times[k];
  const name = f.split('/').pop().padEnd(32);
  console.log(`${name} A ${median(a).toFixed(2).padStart(7)}  B ${median(b).toFixed(2).padStart(7)}  B/A ${median(b.map((x, i) => x / a[i])).toFixed(3)}`);
});
