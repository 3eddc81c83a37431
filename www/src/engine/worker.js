// The analysis runs here, off the page's thread. The worker fetches the wasm with progress
// reports, builds the dictionary once, then answers analyze and concordance requests.
// Messages in: { id, kind: 'analyze', input, name, options } | { id, kind: 'concordance', text, term, width }.
// Messages out: { type: 'progress' | 'ready' | 'fatal' } and { id, ok, result | error, ms }.
import init, { analyze, concordance, warm_up } from '../../../pkg/report_lens.js';

// The offline single-file page inlines the wasm (base64) ahead of this script instead.
const inlined = globalThis.__reportLensWasmBase64;

async function fetchWithProgress(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${url}`);
  const total = Number(res.headers.get('content-length')) || 0;
  if (!res.body || !total) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const bytes = new Uint8Array(total);
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, loaded);
    loaded += value.length;
    postMessage({ type: 'progress', stage: 'download', loaded, total });
  }
  return bytes;
}

const ready = (async () => {
  const t0 = performance.now();
  const bytes = inlined
    ? Uint8Array.from(atob(inlined), (c) => c.charCodeAt(0))
    : await fetchWithProgress(new URL('./report_lens_bg.wasm', import.meta.url));
  postMessage({ type: 'progress', stage: 'compile', loaded: 1, total: 1 });
  await init({ module_or_path: bytes });
  postMessage({ type: 'progress', stage: 'dictionary', loaded: 1, total: 1 });
  warm_up();
  postMessage({ type: 'ready', ms: performance.now() - t0 });
})().catch((e) => {
  postMessage({ type: 'fatal', error: String(e?.message ?? e) });
  throw e;
});

onmessage = async ({ data }) => {
  const { id, kind } = data;
  try {
    await ready;
    const t0 = performance.now();
    const result =
      kind === 'concordance'
        ? concordance(data.text, data.term, data.width ?? 20)
        : analyze(data.input, data.options ?? null, data.name ?? '');
    postMessage({ id, ok: true, result, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ id, ok: false, error: String(e?.message ?? e) });
  }
};
