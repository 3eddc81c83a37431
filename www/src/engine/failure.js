// What went wrong in the worker, in words. A Rust panic reaches JavaScript as a bare
// `RuntimeError: unreachable`; its message went to console.error just before (through
// console_error_panic_hook), so the worker records what is logged and puts the two together.
// A failed allocation aborts without a message: that trap is reported as memory exhausted.

/** Wraps console.error to keep the panic messages logged since the last take(). */
export function panicRecorder(console) {
  let logged = [];
  const original = console.error.bind(console);
  console.error = (...args) => {
    const text = args.map((a) => (typeof a === 'string' ? a : String(a?.message ?? a))).join(' ');
    if (/panicked at /.test(text)) logged.push(text);
    original(...args);
  };
  return {
    take() {
      const out = logged;
      logged = [];
      return out;
    },
  };
}

/** "panicked at src/x.rs:1:2:\nmessage\n\nStack: …" → { message, location }. */
export function parsePanic(text) {
  const m = /panicked at ([^\n]*?):?\n([\s\S]*?)(?:\n\s*\nStack:|$)/.exec(text);
  if (!m) return { message: text.trim(), location: '' };
  return { message: m[2].trim(), location: m[1].trim() };
}

/**
 * A failure as { kind, detail }: kind 'panic' (the core's own message), 'memory' (an
 * allocation failed), 'abort' (a trap without a message: most likely memory), 'stack' (too
 * deep a recursion), 'trap' (another WebAssembly trap), 'error' (an exception in the worker).
 */
export function describeFailure(e, panics = []) {
  if (panics.length) {
    const { message, location } = parsePanic(panics[panics.length - 1]);
    return { kind: 'panic', detail: location ? `${message} (${location})` : message };
  }
  const message = String(e?.message ?? e ?? '');
  if (/call stack/i.test(message)) return { kind: 'stack', detail: message };
  if (/out of memory|allocation failed|Maximum memory size|Memory\.grow|Array buffer allocation|Invalid (typed )?array length/i.test(message)) {
    return { kind: 'memory', detail: message };
  }
  // a Rust abort without a panic message (the panic hook always logs one): on wasm32 that is
  // a failed allocation
  if (/^unreachable/.test(message)) return { kind: 'abort', detail: message };
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return { kind: 'trap', detail: message };
  return { kind: 'error', detail: message };
}

const WORDS = {
  panic: ['分析引擎内部出错', 'the analysis engine hit an internal error'],
  memory: ['分析引擎内存不足', 'the analysis engine ran out of memory'],
  abort: ['分析引擎意外中止，多半是内存不足', 'the analysis engine aborted, most likely out of memory'],
  stack: ['分析引擎调用层次过深', 'the analysis engine ran out of stack'],
  trap: ['分析引擎意外中止', 'the analysis engine stopped unexpectedly'],
  error: ['分析引擎出错', 'the analysis engine failed'],
};

/** The message of a failure for code that does not translate: Chinese, then an English gloss. */
export function failureMessage({ kind, detail }) {
  const [zh, en] = WORDS[kind] ?? WORDS.error;
  return `${zh}：${detail} (${en})`;
}
