// A large result crosses from the worker to the page in pieces. Structured cloning is done on
// the receiving thread when a message is read: a 15 MB report's Analysis (≈50 MB as JSON,
// 150,000 quantities) cloned in one message blocks the page for seconds. Split into messages
// of about PART_BYTES each, every piece is read in its own task and the page stays responsive.
//
// A part is an operation on the result being assembled:
//   { path, value }        set the value at `path` (path [] is the result itself)
//   { path, items }        append items to the array at `path`
// Applied in order, the parts rebuild an object deep-equal to the original (same key order).

export const PART_BYTES = 256 * 1024;

/** Parts the worker sends ahead of the page's acknowledgements. Rebuilding a part's objects
 * fills the page's young generation, and the collector's pauses, which copy what survives (all
 * of it), run long while the worker's thread is busy serializing the next parts. Measured on the
 * 15 MB test report (test/responsive.test.mjs), longest task while it arrived and was drawn:
 * every part at once 58–122 ms (5 runs); 4 ahead 0–69 ms (5); 2 ahead 0–74 ms, 7 runs of 11
 * with none over 50 ms; 1 ahead 0–80 ms (5), with receiving 1.9–2.6 s instead of 1.2–2.0 s.
 * (On the CI machine, with every part at once, tasks while it arrived reached 150 ms.) */
export const PARTS_AHEAD = 2;

/** Rough structured-clone size of `v`, counted only up to `limit` (then it returns > limit). */
export function roughSize(v, limit = Infinity) {
  let n = 0;
  const stack = [v];
  while (stack.length && n <= limit) {
    const x = stack.pop();
    if (typeof x === 'string') n += 8 + x.length * 2;
    else if (x === null || typeof x !== 'object') n += 8;
    else if (Array.isArray(x)) {
      n += 16;
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
    } else {
      n += 16;
      for (const k in x) {
        n += 8 + k.length;
        stack.push(x[k]);
      }
    }
  }
  return n;
}

/** The parts of `value`: one { path: [], value } when it is small. */
export function splitIntoParts(value, limit = PART_BYTES) {
  const out = [];
  split([], value, out, limit);
  return out;
}

function split(path, v, out, limit) {
  if (v === null || typeof v !== 'object' || roughSize(v, limit) <= limit) {
    out.push({ path, value: v });
    return;
  }
  if (!Array.isArray(v)) {
    out.push({ path, value: {} });
    for (const k of Object.keys(v)) split([...path, k], v[k], out, limit);
    return;
  }
  out.push({ path, value: [] });
  let start = 0;
  let size = 0;
  const flush = (end) => {
    if (end > start) out.push({ path, items: v.slice(start, end) });
    start = end;
    size = 0;
  };
  for (let i = 0; i < v.length; i++) {
    const s = roughSize(v[i], limit);
    if (s > limit) {
      // one item larger than a part (a formulation with 50,000 spans) goes in pieces of its
      // own; the items before it are flushed, so setting index i appends it
      flush(i);
      split([...path, i], v[i], out, limit);
      start = i + 1;
      continue;
    }
    size += s;
    if (size >= limit) flush(i + 1);
  }
  flush(v.length);
}

/** Rebuilds a result from its parts: const a = new Assembly(); a.apply(part)…; a.value. */
export class Assembly {
  value = undefined;

  apply({ path, value, items }) {
    if (path.length === 0 && !items) {
      this.value = value;
      return;
    }
    let target = this.value;
    const last = items ? path.length : path.length - 1;
    for (let i = 0; i < last; i++) target = target[path[i]];
    if (items) for (const item of items) target.push(item);
    else target[path[path.length - 1]] = value;
  }
}
