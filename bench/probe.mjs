// One measurement in a fresh Node process (bench.mjs runs it several times), printed as JSON:
//   node probe.mjs startup-ours     instantiate report-lens's wasm and load its dictionary
//   node probe.mjs startup-jieba    instantiate jieba-wasm and cut a first sentence
//   node probe.mjs memory-jieba FILE  jieba-wasm's memory after its first cut and after cutting FILE
//   node probe.mjs memory FILE N    wasm memory after loading, after one analysis of FILE, after
//                                   ten and after N analyses in the same instance
//   node probe.mjs first FILE N     the first analysis of FILE after loading, once the idle
//                                   worker's N rehearsals ran (N = 0: none), each in its own task
//   node probe.mjs first-jieba FILE jieba-wasm's first cut of FILE after its first result
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const PKG = process.env.REPORT_LENS_PKG || here('../pkg');
const [mode, file, runs] = process.argv.slice(2);

async function ours() {
  const t0 = performance.now();
  const bytes = readFileSync(`${PKG}/report_lens_bg.wasm`);
  const rl = await import(`${PKG}/report_lens.js`);
  const t1 = performance.now();
  const wasm = rl.initSync({ module: bytes });
  const t2 = performance.now();
  rl.warm_up();
  const t3 = performance.now();
  return { rl, wasm, read: t1 - t0, instantiate: t2 - t1, ready: t3 - t2, total: t3 - t1 };
}

if (mode === 'startup-ours') {
  const { read, instantiate, ready, total } = await ours();
  console.log(JSON.stringify({ read, instantiate, ready, total }));
} else if (mode === 'startup-jieba') {
  const t0 = performance.now();
  const bytes = readFileSync(here('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm'));
  const jw = await import('jieba-wasm/web');
  const t1 = performance.now();
  jw.initSync({ module: bytes });
  const t2 = performance.now();
  jw.cut('政协委员围绕全过程人民民主开展双月协商。', true);
  const t3 = performance.now();
  console.log(JSON.stringify({ read: t1 - t0, instantiate: t2 - t1, ready: t3 - t2, total: t3 - t1 }));
} else if (mode === 'memory') {
  const { rl, wasm } = await ours();
  const text = readFileSync(file, 'utf8');
  const mb = () => wasm.memory.buffer.byteLength / 2 ** 20;
  const loaded = mb();
  rl.analyze(text);
  const first = mb();
  // the allocator settles over the first few analyses (a page or two); growth after is a leak
  let tenth = first;
  for (let i = 2; i <= Number(runs); i++) {
    rl.analyze(text);
    if (i === 10) tenth = mb();
  }
  console.log(JSON.stringify({ loaded, first, tenth, last: mb(), runs: Number(runs) }));
} else if (mode === 'first') {
  const { rl } = await ours();
  const text = readFileSync(file, 'utf8');
  const tasks = () => new Promise((resolve) => setTimeout(resolve, 0));
  const r0 = performance.now();
  for (let i = 0; i < Number(runs); i++) {
    await tasks();
    rl.rehearse();
  }
  const rehearsals = performance.now() - r0;
  await tasks();
  const t0 = performance.now();
  rl.analyze(text);
  console.log(JSON.stringify({ rehearsals, first: performance.now() - t0 }));
} else if (mode === 'first-jieba') {
  const jw = await import('jieba-wasm/web');
  jw.initSync({ module: readFileSync(here('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm')) });
  jw.cut('政协委员围绕全过程人民民主开展双月协商。', true);
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  jw.cut(text, true);
  console.log(JSON.stringify({ first: performance.now() - t0 }));
} else if (mode === 'memory-jieba') {
  const jw = await import('jieba-wasm/web');
  const wasm = jw.initSync({ module: readFileSync(here('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm')) });
  const mb = () => wasm.memory.buffer.byteLength / 2 ** 20;
  jw.cut('政协', true);
  const loaded = mb();
  jw.cut(readFileSync(file, 'utf8'), true);
  console.log(JSON.stringify({ loaded, last: mb() }));
} else {
  console.error('usage: node probe.mjs startup-ours | startup-jieba | memory FILE N | memory-jieba FILE | first FILE N | first-jieba FILE');
  process.exit(2);
}
