// The analysis runs here, off the page's thread. The engine (engine.js) starts this worker and
// sends { kind: 'init' } first — with the wasm's body stream it is already downloading, or the
// compiled WebAssembly.Module when it replaces a worker (nothing is fetched or compiled again),
// or neither (this worker fetches it) — then one request at a time.
//
// In:  { kind: 'init', module? | body?, encoded?, length? | error? }
//      { kind: 'rehearse', times }                    while idle: warm the code (see rehearse)
//      { id, kind: 'analyze', input: string | Uint8Array | Blob, name, options }
//      { id, kind: 'concordance', text, term, width }
//      { id, kind: 'compare', analyses }               the core's Comparison of 2–50 analyses
//      { kind: 'ack' }                                 a part was received (PARTS_AHEAD)
// Out: { type: 'progress', stage: 'download' | 'compile' | 'dictionary', loaded, total } while loading
//      { type: 'module', module }                       the compiled module, kept by the engine
//      { type: 'ready', ms }  |  { type: 'fatal', error }  (the engine could not load)
//      { id, type: 'progress', stage, fraction }        from the core, during an analysis
//      { id, type: 'part', op, count }                  a piece of a large result (see parts.js)
//      { id, ok: true, result?, parts?, ms, memory, rehearsed }   |  { id, ok: false, error }
//                                                      (rehearsed: rehearsals run before it)
//      { id, ok: false, crashed: true, failure: { kind, detail }, error }  (the worker is spent)
import initWasm, * as core from '../../../pkg/report_lens.js';
import { splitIntoParts, PARTS_AHEAD } from './parts.js';
import { describeFailure, failureMessage, panicRecorder } from './failure.js';

/* global __REPORT_LENS_WASM_BYTES__ */
// the wasm's decoded size, written in by build.mjs: Content-Length is the compressed size when
// the server compresses, and the body stream yields decoded bytes
const WASM_BYTES = typeof __REPORT_LENS_WASM_BYTES__ === 'number' ? __REPORT_LENS_WASM_BYTES__ : 0;
// the offline single-file page puts the gzipped wasm (base64) ahead of this script
const inlinedGzip = globalThis.__reportLensWasmGzipBase64;

const panics = panicRecorder(globalThis.console);

/**
 * The wasm as a Response whose body reports download progress as it streams into the
 * compiler. `init` carries the body the page fetched (a transferred stream), or nothing: then
 * it is fetched here.
 */
async function countedResponse(init) {
  if (init.error) throw new Error(init.error);
  let { body, encoded, length } = init;
  if (!body) {
    const url = new URL('./report_lens_bg.wasm', import.meta.url);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${url}`);
    ({ body } = res);
    encoded = res.headers.get('content-encoding');
    length = res.headers.get('content-length');
  }
  const total = WASM_BYTES || (!encoded && Number(length)) || 0;
  let loaded = 0;
  let shown = -1;
  const counting = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      const pct = total ? Math.floor((loaded / total) * 100) : -1;
      if (pct !== shown) {
        shown = pct;
        postMessage({ type: 'progress', stage: 'download', loaded, total });
      }
      controller.enqueue(chunk);
    },
    // the module compiles while it streams: what is left once the last byte is in
    flush: () => postMessage({ type: 'progress', stage: 'compile', loaded: 1, total: 1 }),
  });
  return new Response(body.pipeThrough(counting), { headers: { 'content-type': 'application/wasm' } });
}

/** The inlined gzipped wasm as a streamed Response (inflated while it compiles). */
function inlinedResponse(base64) {
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream, { headers: { 'content-type': 'application/wasm' } });
}

let exports = null;

async function load(init) {
  const t0 = performance.now();
  let { module } = init;
  if (!module) {
    if (inlinedGzip) postMessage({ type: 'progress', stage: 'compile', loaded: 1, total: 1 });
    const response = inlinedGzip ? inlinedResponse(inlinedGzip) : await countedResponse(init);
    // compiled while it streams in; the module is kept by the engine for any later worker
    module = await WebAssembly.compileStreaming(response);
    postMessage({ type: 'module', module });
  }
  exports = await initWasm({ module_or_path: module });
  postMessage({ type: 'progress', stage: 'dictionary', loaded: 1, total: 1 });
  core.warm_up();
  postMessage({ type: 'ready', ms: performance.now() - t0 });
}

let ready = null;
/** Parts of the current answer the page has acknowledged (see PARTS_AHEAD). */
let acked = 0;
let onAck = null;

async function sendParts(id, parts) {
  acked = 0;
  for (const [sent, op] of parts.entries()) {
    while (sent - acked >= PARTS_AHEAD) await new Promise((resolve) => (onAck = resolve));
    postMessage({ id, type: 'part', op, count: parts.length });
  }
}
/** Requests received: a rehearsal stops at the next one. */
let requests = 0;
/** Rehearsals run (reported with each answer). */
let rehearsed = 0;

/**
 * Straight after loading, a first report takes several times as long as later ones (V8 runs
 * wasm as baseline code until a function is hot; the core builds word lists on first use).
 * When the engine finds nothing to do at "ready", it asks for `times` rehearsals: the core
 * analyses its built-in report, one call per task, until a request comes. A request waits for
 * at most the one running (the first takes ~0.1 s, the others ~10 ms), and the user's first
 * report then meets optimized code.
 */
async function rehearse(times) {
  // (asked only after "ready": the module is loaded)
  const before = requests;
  for (let i = 0; i < times; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (requests > before) return;
    try {
      core.rehearse();
      rehearsed += 1;
    } catch {
      panics.take(); // a rehearsal that fails leaves the real requests to report the core's state
      return;
    }
  }
}

async function analyze(id, { input, name, options }) {
  if (typeof Blob !== 'undefined' && input instanceof Blob) input = new Uint8Array(await input.arrayBuffer());
  // the core may report its stages; extra arguments are ignored by a core that does not
  const progress = (stage, fraction) => postMessage({ id, type: 'progress', stage: String(stage), fraction: Number(fraction) });
  const out = core.analyze(input, options ?? null, name ?? '', progress);
  // the core returns a plain object, or a JSON string (cheaper to build); either way the page
  // receives the object, in pieces when it is large
  return typeof out === 'string' ? JSON.parse(out) : out;
}

onmessage = async ({ data }) => {
  if (data.kind === 'init') {
    ready = load(data).catch((e) => {
      const panic = panics.take();
      postMessage({ type: 'fatal', error: panic.length ? failureMessage(describeFailure(e, panic)) : String(e?.message ?? e) });
      throw e;
    });
    return;
  }
  if (data.kind === 'rehearse') return void rehearse(data.times);
  if (data.kind === 'ack') {
    acked += 1;
    onAck?.();
    return;
  }
  const { id, kind } = data;
  requests += 1;
  try {
    await ready;
    const t0 = performance.now();
    panics.take();
    const result =
      kind === 'concordance'
        ? core.concordance(data.text, data.term, data.width ?? 20)
        : kind === 'compare'
          ? core.compare(data.analyses)
          : await analyze(id, data);
    const ms = performance.now() - t0;
    const memory = exports?.memory?.buffer.byteLength ?? 0;
    const parts = splitIntoParts(result);
    if (parts.length === 1 && parts[0].path.length === 0) {
      postMessage({ id, ok: true, result, ms, memory, rehearsed });
      return;
    }
    await sendParts(id, parts);
    postMessage({ id, ok: true, parts: parts.length, ms, memory, rehearsed });
  } catch (e) {
    // a trap (a panic, memory exhausted) leaves the instance unusable: the engine replaces
    // this worker; the core's own errors (bad input) are ordinary answers
    const panic = panics.take();
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError || panic.length > 0) {
      const failure = describeFailure(e, panic);
      postMessage({ id, ok: false, crashed: true, failure, error: failureMessage(failure) });
    } else postMessage({ id, ok: false, error: String(e?.message ?? e) });
  }
};
