// The analysis engine: ONE worker (and so one wasm instance) per page, shared by every
// <report-lens> element and every call of the package's analyze(). Nothing is downloaded
// until start() — the element calls it when it becomes visible or is used.
//
// Requests go to the worker one at a time, from a queue kept here: when the worker has to be
// replaced, only the request it was working on is lost, and the rest go to the new worker.
// The worker is replaced (and the request rejected with a message in words) when
//   - it traps (a panic in the core, memory exhausted): EngineCrash;
//   - an analysis runs past its time budget: AnalysisTimeout;
//   - it holds more than `recycleBytes` of wasm memory after an analysis (quietly).
// A new worker gets the compiled module of the first, so nothing is downloaded or compiled again.
//
// Events (an EventTarget): 'progress' {stage, loaded, total} while loading, 'ready' {ms,
// restarted}, 'fatal' {message} (it could not load), 'restart' {reason, failure?}.
import { Assembly } from './parts.js';
import { failureMessage } from './failure.js';

/** The core's input limit (MAX_BYTES in src/intake/text.rs; test/wasm.test.mjs checks that
 * the core refuses one byte more). Larger files are refused here without being read. */
export const MAX_BYTES = 20 * 1024 * 1024;

/** Time an analysis may take: a minute plus 10 s per MB. The core analyses 0.3–1 MB/s in wasm
 * (measured: 11 MB in 35 s on a busy 2-core machine); a runaway is stopped well before a user
 * would give up on the tab. */
export const defaultBudget = (bytes) => 60_000 + (bytes / 1048576) * 10_000;

/** How many times a worker with nothing to do at "ready" warms its code on the core's built-in
 * report (worker.js, rehearse): a user's first report is then analysed 2–4× faster. Chromium
 * gained nearly all of it by 8 (bench/README.md, seventh pass; bench.mjs times the same 8). */
export const REHEARSALS = 8;

const mb = (bytes) => (bytes / 1048576).toFixed(1);
const LOADING_STAGES = new Set(['download', 'compile', 'dictionary']);

export class InputTooLarge extends Error {
  constructor(bytes, limit = MAX_BYTES) {
    super(`文件过大：${mb(bytes)} MB，上限为 ${limit / 1048576} MB (file too large)`);
    this.bytes = bytes;
    this.limit = limit;
  }
}

export class AnalysisTimeout extends Error {
  constructor(bytes, ms) {
    super(`分析超过 ${Math.round(ms / 1000)} 秒仍未完成，已停止（${mb(bytes)} MB） (analysis stopped after ${Math.round(ms / 1000)} s)`);
    this.bytes = bytes;
    this.ms = ms;
  }
}

export class EngineCrash extends Error {
  constructor(failure, bytes = 0) {
    super(failureMessage(failure));
    this.failure = failure;
    this.bytes = bytes;
  }
}

class Engine extends EventTarget {
  /** idle | loading | ready | failed */
  state = 'idle';
  readyMs = null;
  error = null;
  worker = null;
  /** wasm memory of the worker after its last request, in bytes */
  memory = 0;
  /** (bytes) => ms: the budget of an analysis (tests shorten it) */
  budget = defaultBudget;
  /** a worker holding more wasm memory than this after an analysis is replaced (wasm memory
   * never shrinks: after a 15 MB report the worker would keep ~330 MB; most reports need 60) */
  recycleBytes = 256 * 1024 * 1024;
  /** rehearsals asked of a worker with nothing to do at "ready" (REHEARSALS) */
  rehearsals = REHEARSALS;
  /** how many workers were replaced, and why */
  restarts = [];
  #module = null;
  #ready = null;
  #settle = null;
  #queue = [];
  #current = null;
  #next = 1;

  /** Starts the worker (once) and resolves when the wasm and the dictionary are loaded. */
  start() {
    if (!this.#ready || this.state === 'failed') this.#spawn(false);
    return this.#ready;
  }

  #spawn(restarted) {
    this.state = 'loading';
    this.#ready = new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
    this.#ready.catch(() => {}); // observed through events and request()
    let worker;
    try {
      worker = this.worker = newWorker();
    } catch (e) {
      this.#fail(String(e?.message ?? e));
      return;
    }
    worker.onmessage = ({ data }) => worker === this.worker && this.#receive(data, restarted);
    worker.onerror = (e) => {
      e.preventDefault?.();
      if (worker === this.worker) this.#workerError(e.message || 'the analysis worker failed');
    };
    worker.onmessageerror = () => worker === this.worker && this.#workerError('a message from the analysis worker could not be read');
    if (this.#module || globalThis.__reportLensWorkerSource) worker.postMessage({ kind: 'init', module: this.#module });
    else this.#download(worker);
  }

  /**
   * The first worker gets the wasm as a stream fetched here, as soon as the engine starts:
   * the download runs while the worker itself starts up (~0.1–0.2 s), and the worker compiles
   * it as it arrives. Where a stream cannot be handed to a worker, the worker fetches it.
   */
  #download(worker) {
    let response;
    try {
      response = fetch(new URL('./report_lens_bg.wasm', import.meta.url));
    } catch {
      return worker.postMessage({ kind: 'init' });
    }
    response.then(
      (res) => {
        if (worker !== this.worker) return res.body?.cancel();
        if (!res.ok || !res.body) return worker.postMessage({ kind: 'init', error: `HTTP ${res.status} ${res.url}` });
        try {
          worker.postMessage({ kind: 'init', body: res.body, encoded: res.headers.get('content-encoding'), length: res.headers.get('content-length') }, [res.body]);
        } catch {
          res.body.cancel();
          worker.postMessage({ kind: 'init' });
        }
      },
      (e) => worker === this.worker && worker.postMessage({ kind: 'init', error: String(e?.message ?? e) }),
    );
  }

  #receive(data, restarted) {
    if (data.id != null) return this.#answer(data);
    if (data.type === 'progress') {
      // stages of an analysis the core may post itself, without the request's id
      if (this.#current && !LOADING_STAGES.has(data.stage)) return this.#answer({ ...data, id: this.#current.id });
      return this.#emit('progress', data);
    }
    if (data.type === 'module') return void (this.#module = data.module);
    if (data.type === 'ready') {
      this.state = 'ready';
      if (!restarted) this.readyMs = data.ms;
      this.#settle.resolve({ ms: data.ms });
      this.#emit('ready', { ms: data.ms, restarted });
      // (not when a request waits: it warms the code itself, and sooner)
      if (!this.#queue.length && this.rehearsals > 0) this.worker.postMessage({ kind: 'rehearse', times: this.rehearsals });
      return this.#pump();
    }
    if (data.type === 'fatal') this.#fail(data.error);
  }

  /** Messages about the request being worked on: its progress, its parts, its answer. */
  #answer(data) {
    const req = this.#current;
    if (!req || data.id !== req.id) return;
    if (data.type === 'progress') return req.onProgress?.({ stage: data.stage, fraction: data.fraction });
    if (data.type === 'part') {
      this.worker.postMessage({ kind: 'ack' });
      req.assembly.apply(data.op);
      req.onProgress?.({ stage: 'receive', fraction: ++req.received / data.count });
      return;
    }
    clearTimeout(req.timer);
    this.#current = null;
    this.memory = data.memory ?? this.memory;
    if (data.ok) req.resolve({ result: data.parts ? req.assembly.value : data.result, ms: data.ms, memory: data.memory, rehearsed: data.rehearsed });
    else if (data.crashed) {
      req.reject(new EngineCrash(data.failure, req.bytes));
      return this.#replace({ reason: 'crash', failure: data.failure });
    } else req.reject(new Error(data.error));
    if (this.memory > this.recycleBytes && !this.#queue.length) return this.#replace({ reason: 'memory', bytes: this.memory });
    this.#pump();
  }

  /** An error event of the worker itself (not an answer): while loading it is fatal. */
  #workerError(message) {
    if (this.state === 'loading' && !this.#current) return this.#fail(message);
    const req = this.#current;
    this.#current = null;
    const failure = { kind: 'error', detail: message };
    if (req) {
      clearTimeout(req.timer);
      req.reject(new EngineCrash(failure, req.bytes));
    }
    this.#replace({ reason: 'crash', failure });
  }

  /** A fresh worker in place of this one; queued requests go to it. */
  #replace(why) {
    this.worker?.terminate();
    this.worker = null;
    this.memory = 0;
    this.restarts.push({ ...why, at: Math.round(performance.now()) });
    this.#emit('restart', why);
    this.#spawn(true);
  }

  #fail(message) {
    this.state = 'failed';
    this.error = message;
    this.worker?.terminate();
    this.worker = null;
    this.#settle?.reject(new Error(message));
    for (const req of [...this.#queue, ...(this.#current ? [this.#current] : [])]) {
      clearTimeout(req.timer);
      req.reject(new Error(message));
    }
    this.#queue = [];
    this.#current = null;
    this.#emit('fatal', { message });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Sends the next queued request when the worker is ready and idle. */
  #pump() {
    if (this.state !== 'ready' || this.#current || !this.#queue.length) return;
    const req = (this.#current = this.#queue.shift());
    req.assembly = new Assembly();
    req.received = 0;
    this.worker.postMessage({ id: req.id, ...req.message }, req.transfer);
    if (req.budgetMs) {
      req.timer = setTimeout(() => {
        if (this.#current !== req) return;
        this.#current = null;
        req.reject(new AnalysisTimeout(req.bytes, req.budgetMs));
        this.#replace({ reason: 'timeout', ms: req.budgetMs });
      }, req.budgetMs);
    }
  }

  request(message, { transfer = [], bytes = 0, budgetMs = 0, onProgress } = {}) {
    if (this.state === 'failed' || this.state === 'idle') this.start();
    if (this.state === 'failed') return Promise.reject(new Error(this.error));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, message, transfer, bytes, budgetMs, onProgress, resolve, reject });
      this.#pump();
    });
  }

  /**
   * Analyses a File, Blob, ArrayBuffer, Uint8Array (raw bytes of a file) or string (text).
   * Resolves to { analysis, ms, memory, rehearsed } (rehearsed: how many times the worker had
   * warmed its code on the core's built-in report before); rejects with the core's message for bad input,
   * InputTooLarge (not read at all), AnalysisTimeout or EngineCrash. onProgress({stage,
   * fraction}) hears the core's stages (when it reports them) and the result's arrival.
   */
  async analyze(input, { name, onProgress, ...options } = {}) {
    const { payload, bytes } = prepareInput(input);
    const fileName = name ?? (typeof input?.name === 'string' ? input.name : '');
    const transfer = payload instanceof Uint8Array ? [payload.buffer] : [];
    const opts = Object.keys(options).length ? options : null;
    const message = { kind: 'analyze', input: payload, name: fileName, options: opts };
    const { result, ms, memory, rehearsed } = await this.request(message, { transfer, bytes, budgetMs: this.budget(bytes), onProgress });
    return { analysis: result, ms, memory, rehearsed };
  }

  /**
   * The core's Comparison of 2–50 analyses (fresh or read back from saved JSON): columns,
   * figures, keyness, shared terms and, for one committee over several years, the series.
   */
  async compare(analyses) {
    const bytes = analyses.reduce((n, a) => n + (a?.source?.bytes ?? 0), 0);
    return (await this.request({ kind: 'compare', analyses }, { bytes, budgetMs: this.budget(bytes) })).result;
  }

  /** KWIC lines and collocates of `term` in `text` (the text of an Analysis). */
  async concordance(text, term, { width = 20 } = {}) {
    const bytes = utf8Length(text);
    return (await this.request({ kind: 'concordance', text, term, width }, { bytes, budgetMs: this.budget(bytes) })).result;
  }
}

/**
 * What goes to the worker: a File or Blob as it is (the worker reads it; the page never holds
 * its bytes), a copy of the caller's bytes (theirs stay untouched), or the string. Anything
 * over the core's limit is refused here, by its size alone.
 */
function prepareInput(input) {
  if (typeof input === 'string') return { payload: input, bytes: utf8Length(input) };
  let payload;
  if (typeof Blob !== 'undefined' && input instanceof Blob) payload = input;
  else if (input instanceof ArrayBuffer) payload = input;
  else if (ArrayBuffer.isView(input)) payload = input;
  else throw new TypeError('analyze(): input must be a File, Blob, ArrayBuffer, Uint8Array or string');
  const bytes = payload instanceof Blob ? payload.size : payload.byteLength;
  if (bytes > MAX_BYTES) throw new InputTooLarge(bytes);
  if (payload instanceof ArrayBuffer) payload = new Uint8Array(payload.slice(0));
  else if (ArrayBuffer.isView(payload)) payload = new Uint8Array(payload.buffer.slice(payload.byteOffset, payload.byteOffset + payload.byteLength));
  return { payload, bytes };
}

/** Bytes of a string in UTF-8 (what the core counts), without encoding it. */
function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) n += 2;
    else if (c >= 0x80 && c < 0x800) n += 1;
    // a surrogate pair: 2 units, 4 bytes
  }
  return n;
}

function newWorker() {
  // Pages opened from file:// cannot start module workers: the offline page carries the
  // worker's source and starts a classic worker from a blob.
  const source = globalThis.__reportLensWorkerSource;
  if (source) return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  // this exact pattern lets bundlers (Vite, webpack 5, esbuild users) find and emit the worker
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

let instance = null;

/** The page's one engine. */
export function engine() {
  instance ??= new Engine();
  return instance;
}
