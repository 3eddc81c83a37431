// Work on long arrays in slices of a few milliseconds, yielding to the browser between them,
// so that filtering or sorting 150,000 quantities never holds the page. Short arrays are done
// at once. Each call takes isStale(): when a newer render has started, it stops (returns null).
import { yieldToBrowser } from './dom.js';

const SLICE_MS = 8;
const SMALL = 2000;

/** Calls step(i) for i in [0, n), yielding every SLICE_MS; false if it went stale. The clock
 * is read every 256 steps (`mask`), or every step (mask 0) when a step is itself long. */
async function sliced(n, step, isStale, mask = 255) {
  let t0 = performance.now();
  for (let i = 0; i < n; i++) {
    step(i);
    if ((i & mask) === mask && performance.now() - t0 > SLICE_MS) {
      await yieldToBrowser();
      if (isStale()) return false;
      t0 = performance.now();
    }
  }
  return true;
}

/** Calls step(item) for each item, at once when there are few; false if it went stale. */
export async function forEachSliced(items, step, isStale = () => false) {
  if (items.length <= SMALL) {
    for (const item of items) step(item);
    return true;
  }
  return sliced(items.length, (i) => step(items[i]), isStale);
}

export async function filterSliced(items, keep, isStale = () => false) {
  if (items.length <= SMALL) return items.filter(keep);
  const out = [];
  return (await sliced(items.length, (i) => keep(items[i]) && out.push(items[i]), isStale)) ? out : null;
}

/** A stable merge sort: runs of RUN sorted natively, then merged pass by pass, in slices. */
export async function sortSliced(items, compare, isStale = () => false) {
  if (items.length <= SMALL) return items.slice().sort(compare);
  const RUN = 512;
  let a = items.slice();
  const runs = Math.ceil(a.length / RUN);
  const ok = await sliced(
    runs,
    (r) => {
      const part = a.slice(r * RUN, (r + 1) * RUN).sort(compare);
      for (let k = 0; k < part.length; k++) a[r * RUN + k] = part[k];
    },
    isStale,
    // a run is 512 items sorted: 1–5 ms by a Collator. Read every 256 runs, the clock never
    // stopped the runs of 27,000 quantities (a 2 MB report): one task of 83 ms
    0,
  );
  if (!ok) return null;
  let b = new Array(a.length);
  for (let width = RUN; width < a.length; width *= 2) {
    // one merge pass: every pair of neighbouring runs of `width` into b, a step per item
    let lo = 0;
    let i = 0;
    let j = 0;
    let mid = 0;
    let hi = 0;
    const next = () => {
      mid = Math.min(lo + width, a.length);
      hi = Math.min(lo + 2 * width, a.length);
      i = lo;
      j = mid;
    };
    next();
    const pass = await sliced(
      a.length,
      (k) => {
        while (i >= mid && j >= hi) {
          lo = hi;
          next();
        }
        b[k] = j >= hi || (i < mid && compare(a[i], a[j]) <= 0) ? a[i++] : a[j++];
      },
      isStale,
    );
    if (!pass) return null;
    [a, b] = [b, a];
  }
  return a;
}
