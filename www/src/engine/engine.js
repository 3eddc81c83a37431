// The analysis engine: ONE worker (and so one wasm instance) per page, shared by every
// <report-lens> element and every call of the package's analyze(). Nothing is downloaded
// until start() — the element calls it when it becomes visible or is used.
//
// Events (an EventTarget): 'progress' {stage, loaded, total}, 'ready' {ms}, 'fatal' {message}.

const HARD_LIMIT = 64 * 1024 * 1024; // larger inputs are not even read (the core's limit is 20 MB)

class Engine extends EventTarget {
  constructor() {
    super();
    /** idle | loading | ready | failed */
    this.state = 'idle';
    this.readyMs = null;
    this.error = null;
    this.worker = null;
    this.pending = new Map();
    this.next = 1;
  }

  /** Starts the worker (once) and resolves when the wasm and the dictionary are loaded. */
  start() {
    if (this.ready) return this.ready;
    this.state = 'loading';
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {}); // observed through events and request()
    try {
      this.worker = newWorker();
    } catch (e) {
      this.fail(String(e?.message ?? e));
      return this.ready;
    }
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (e) => {
      e.preventDefault?.();
      this.fail(e.message || 'the analysis worker could not start');
    };
    return this.ready;
  }

  receive(data) {
    if (data.type === 'progress') return this.emit('progress', data);
    if (data.type === 'ready') {
      this.state = 'ready';
      this.readyMs = data.ms;
      this.resolveReady({ ms: data.ms });
      return this.emit('ready', { ms: data.ms });
    }
    if (data.type === 'fatal') return this.fail(data.error);
    const p = this.pending.get(data.id);
    if (!p) return;
    this.pending.delete(data.id);
    if (data.ok) p.resolve(data);
    else p.reject(new Error(data.error));
  }

  fail(message) {
    if (this.state === 'failed') return;
    this.state = 'failed';
    this.error = message;
    this.rejectReady(new Error(message));
    for (const { reject } of this.pending.values()) reject(new Error(message));
    this.pending.clear();
    this.emit('fatal', { message });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  request(message, transfer = []) {
    this.start();
    if (this.state === 'failed') return Promise.reject(new Error(this.error));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message }, transfer);
    });
  }

  /**
   * Analyses a File, Blob, ArrayBuffer, Uint8Array (raw bytes of a file) or string (text).
   * Resolves to { analysis, ms }; rejects with the core's message for bad input.
   */
  async analyze(input, { name, ...options } = {}) {
    const bytesOrText = await readInput(input);
    const fileName = name ?? (typeof input?.name === 'string' ? input.name : '');
    const transfer = typeof bytesOrText === 'string' ? [] : [bytesOrText.buffer];
    const opts = Object.keys(options).length ? options : null;
    const { result, ms } = await this.request({ kind: 'analyze', input: bytesOrText, name: fileName, options: opts }, transfer);
    return { analysis: result, ms };
  }

  /** KWIC lines and collocates of `term` in `text` (the text of an Analysis). */
  async concordance(text, term, { width = 20 } = {}) {
    return (await this.request({ kind: 'concordance', text, term, width })).result;
  }
}

export class InputTooLarge extends Error {
  constructor(bytes) {
    super(`input too large: ${(bytes / 1048576).toFixed(1)} MB`);
    this.bytes = bytes;
  }
}

/** A string, or a Uint8Array the worker may take over (never the caller's own buffer). */
async function readInput(input) {
  if (typeof input === 'string') return input;
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    if (input.size > HARD_LIMIT) throw new InputTooLarge(input.size);
    return new Uint8Array(await input.arrayBuffer());
  }
  if (input instanceof ArrayBuffer) return new Uint8Array(input.slice(0));
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength));
  throw new TypeError('analyze(): input must be a File, Blob, ArrayBuffer, Uint8Array or string');
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
