// Two builds of report-lens's wasm raced in one Node process, for a change of a few percent
// that separate processes cannot show on a shared machine (the same build timed 8.5–13.7 ms on
// one report in consecutive processes). Each round analyses a report 5 times with one build,
// then 5 times with the other, the order alternating; the figure is the median of the rounds'
// B/A ratios. A build against a copy of itself gives 1.00–1.01 (bench/README.md, eighth pass).
//
//   node ab.mjs DIR_A DIR_B [ROUNDS=40] [FILE…]
//
// DIR_A, DIR_B: wasm-pack outputs (as scripts/build.sh writes pkg/), in two directories so that
// each is its own instance. FILE…: reports (default: ../shared/corpus/*.txt).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [dirA, dirB, roundsArg, ...given] = process.argv.slice(2);
if (!dirA || !dirB || resolve(dirA) === resolve(dirB)) {
  console.error('usage: node ab.mjs DIR_A DIR_B [ROUNDS] [FILE…]  (two different directories)');
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

async function load(dir) {
  const m = await import(pathToFileURL(resolve(dir, 'report_lens.js')).href);
  await m.default({ module_or_path: readFileSync(resolve(dir, 'report_lens_bg.wasm')) });
  m.warm_up();
  return m;
}
const builds = [await load(dirA), await load(dirB)];
const texts = files.map((f) => readFileSync(f, 'utf8'));
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
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${rounds} rounds; ms per analysis (medians) and B/A (median of the rounds' ratios)`);
files.forEach((f, k) => {
  const [a, b] = times[k];
  const name = f.split('/').pop().padEnd(32);
  console.log(`${name} A ${median(a).toFixed(2).padStart(7)}  B ${median(b).toFixed(2).padStart(7)}  B/A ${median(b.map((x, i) => x / a[i])).toFixed(3)}`);
});
