// The page's long tasks (main-thread tasks over 50 ms), observed from when the element's code
// loads, shared by every element of the page and exposed on `element.timings.longTasks` (the
// tests assert on them). Entries: { start, ms } in performance.now() time.
const LIMIT = 2000;
export const longTasks = [];

if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (longTasks.length >= LIMIT) longTasks.shift();
      longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** The longest task since `since` (performance.now() time), in ms; 0 if none. */
export function longestTaskSince(since = 0) {
  return longTasks.reduce((m, t) => (t.start + t.ms > since ? Math.max(m, t.ms) : m), 0);
}

/** The measure `name` from `start` (performance.now() time) to now: the render steps' and the
 * comparison's timings, which the benches and tests read by name. */
export function measureFrom(name, start) {
  performance.measure(name, { start, end: performance.now() });
}
