// Promise interface to the analysis worker.
export class Analyzer {
  constructor({ onProgress, onReady, onFatal } = {}) {
    // Pages opened from file:// cannot start module workers: the offline page carries the
    // worker's source and starts a classic worker from a blob.
    const source = globalThis.__reportLensWorkerSource;
    this.worker = source
      ? new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })))
      : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.pending = new Map();
    this.next = 1;
    this.worker.onmessage = ({ data }) => {
      if (data.type === 'progress') return onProgress?.(data);
      if (data.type === 'ready') return onReady?.(data);
      if (data.type === 'fatal') {
        onFatal?.(data.error);
        for (const { reject } of this.pending.values()) reject(new Error(data.error));
        this.pending.clear();
        return;
      }
      const p = this.pending.get(data.id);
      if (!p) return;
      this.pending.delete(data.id);
      if (data.ok) p.resolve(data);
      else p.reject(new Error(data.error));
    };
    this.worker.onerror = (e) => onFatal?.(e.message || '分析引擎无法启动');
  }

  request(message, transfer = []) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message }, transfer);
    });
  }

  /** input: a string (pasted text) or a Uint8Array of a file's raw bytes. */
  analyze(input, name) {
    return this.request({ input, name }, input instanceof Uint8Array ? [input.buffer] : []);
  }

  /** KWIC lines and collocates of a term in an analysis's text. */
  async concordance(text, term) {
    return (await this.request({ kind: 'concordance', text, term })).result;
  }
}
