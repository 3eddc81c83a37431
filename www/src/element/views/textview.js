// The report text, shown one window of about WINDOW_CHARS at a time (a 15 MB report is never
// 15 MB of DOM): a pager moves between windows, and showing a span opens the window holding it.
// Inside a window the text sits in chunks of whole paragraphs (content-visibility skips the
// ones off screen), one text node each.
// Quantities, the picked quantity, its sentence and the chosen layer are CSS highlights (no DOM
// change). Each layer is kept as spans of the whole text; ranges are made for the window
// shown only. Highlight names are per element, as the registry is the document's.
import { el } from '../dom.js';
import { forEachSliced } from '../sliced.js';

const CHUNK_CHARS = 4000;
export const WINDOW_CHARS = 100_000;
const KINDS = ['q', 'layer', 'sentence', 'flash'];
const PRIORITY = { q: 0, layer: 1, sentence: 2, flash: 3 };
let instances = 0;

/** A highlight layer: a list and how to read a span from its items (spans themselves, or
 * quantities, read in place: no copy of 200,000 spans). */
const SPAN = (s) => s;
const OWN_SPAN = (item) => item.span;
/** Longer lists are indexed in slices before their highlights are drawn. */
const INDEX_AT_ONCE = 20_000;

/** Per list: whether its spans' starts never decrease, and its longest span. A 15 MB report
 * has 200,000 quantities: the index is made once per list, in slices (reading 200,000 spans
 * the first time takes 30–50 ms), and each window then finds its own by a binary search. */
const spanIndexes = new WeakMap();
const pending = new WeakMap();

function indexer(spanOf) {
  const index = { sorted: true, longest: 0 };
  let last = -Infinity;
  const step = (item) => {
    const s = item && spanOf(item);
    if (!s || s[0] < last) {
      index.sorted = false; // (a missing span too: the binary search needs every start)
      return;
    }
    last = s[0];
    index.longest = Math.max(index.longest, s[1] - s[0]);
  };
  return { index, step };
}

function spanIndex(items, spanOf) {
  let index = spanIndexes.get(items);
  if (!index) {
    const made = indexer(spanOf);
    for (const item of items) made.step(item);
    spanIndexes.set(items, (index = made.index));
  }
  return index;
}

/** Resolves when the index of `items` is made (at once when it is, or the list is short). */
function spanIndexSliced(items, spanOf) {
  if (spanIndexes.has(items)) return null;
  let promise = pending.get(items);
  if (!promise) {
    const made = indexer(spanOf);
    promise = forEachSliced(items, made.step).then(() => {
      spanIndexes.set(items, made.index);
      pending.delete(items);
    });
    pending.set(items, promise);
  }
  return promise;
}

/** The spans of `items` that overlap [from, to): a binary search when the starts are sorted. */
export function spansIn(items, from, to, spanOf = SPAN) {
  const { sorted, longest } = spanIndex(items, spanOf);
  let i = 0;
  if (sorted) {
    // the first span that may reach `from`: none starts before from - longest and ends after it
    let hi = items.length;
    const min = from - longest;
    while (i < hi) {
      const mid = (i + hi) >> 1;
      if (spanOf(items[mid])[0] < min) i = mid + 1;
      else hi = mid;
    }
  }
  const out = [];
  for (; i < items.length; i++) {
    const s = items[i] && spanOf(items[i]);
    if (!s) continue;
    if (sorted && s[0] >= to) break;
    if (s[1] > from && s[0] < to) out.push(s);
  }
  return out;
}

/** Cuts [from, to) into pieces of about `size`, each ending after a line break when one is near. */
function cut(text, from, to, size) {
  const out = [];
  for (let at = from; at < to; ) {
    let end = Math.min(to, at + size);
    if (end < to) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 || nl >= to || nl - at > size * 2 ? end : nl + 1;
    }
    out.push([at, end]);
    at = end;
  }
  return out;
}

export class TextView {
  /** view: the scroll box; pager: the element the window controls go in; styleTarget(css). */
  constructor(view, pager, styleTarget) {
    this.view = view;
    this.pager = pager;
    this.prefix = `report-lens-${++instances}`;
    view.dataset.highlight = this.prefix;
    this.scrolled = false;
    view.addEventListener('scroll', () => (this.scrolled = view.scrollTop > 0), { passive: true });
    this.text = '';
    this.windows = [];
    this.current = -1;
    this.spans = { q: [[], SPAN], layer: [[], SPAN], sentence: [[], SPAN], flash: [[], SPAN] };
    this.quantities = [];
    this.t = null;
    styleTarget(`
      ::highlight(${this.prefix}-q) { background-color: var(--mark); }
      ::highlight(${this.prefix}-layer) { background-color: var(--layer); }
      ::highlight(${this.prefix}-sentence) { background-color: var(--sentence); }
      ::highlight(${this.prefix}-flash) { background-color: var(--mark); text-decoration: underline 3px var(--accent); }`);
  }

  name(kind) {
    return `${this.prefix}-${kind}`;
  }

  /** Shows `text` from its first window; `quantities` (items with a span) are marked. */
  render(text, quantities, t) {
    this.clear();
    this.t = t;
    this.text = text;
    this.windows = text.length > WINDOW_CHARS * 1.5 ? cut(text, 0, text.length, WINDOW_CHARS) : [[0, text.length]];
    this.quantities = quantities;
    this.spans = { q: [quantities, OWN_SPAN], layer: [[], SPAN], sentence: [[], SPAN], flash: [[], SPAN] };
    this.current = -1;
    this.open(0);
  }

  /** Puts window i in the DOM and makes the highlight ranges that fall in it. */
  open(i) {
    if (i === this.current || !this.windows[i]) return;
    this.current = i;
    const [from, to] = this.windows[i];
    this.starts = [];
    this.nodes = [];
    const frag = document.createDocumentFragment();
    for (const [a, b] of cut(this.text, from, to, CHUNK_CHARS)) {
      const node = document.createTextNode(this.text.slice(a, b));
      const div = document.createElement('div');
      div.className = 'chunk';
      div.append(node);
      frag.append(div);
      this.starts.push(a);
      this.nodes.push(node);
    }
    this.from = from;
    this.to = to;
    this.view.replaceChildren(frag);
    // back to the top of the new window; only if it was scrolled (known from scroll events:
    // reading scrollTop now would force a layout of everything rendered so far)
    if (this.scrolled) {
      this.scrolled = false;
      this.view.scrollTop = 0;
    }
    this.#renderPager();
    for (const kind of KINDS) this.#apply(kind);
  }

  #renderPager() {
    const n = this.windows.length;
    this.pager.hidden = n < 2;
    if (n < 2) return this.pager.replaceChildren();
    const t = this.t;
    const i = this.current;
    const [from, to] = this.windows[i];
    const button = (key, to, disabled) =>
      el('button', { type: 'button', part: 'button', disabled, onclick: () => this.open(to) }, t(key));
    this.pager.replaceChildren(
      button('text.prev', i - 1, i === 0),
      el('span', { class: 'muted', 'aria-live': 'polite' }, t('text.part', { n: i + 1, of: n, from: t.fmt(from + 1), to: t.fmt(to) })),
      button('text.next', i + 1, i === n - 1),
    );
  }

  showQuantities(on) {
    const items = on ? this.quantities : [];
    if (this.spans.q[0] === items) return; // (render() marked them already)
    this.spans.q = [items, OWN_SPAN];
    this.#apply('q');
  }

  clear() {
    for (const k of KINDS) globalThis.CSS?.highlights?.delete(this.name(k));
  }

  /** Sets a highlight layer to spans of the whole text (only the window's are drawn). */
  setSpans(kind, spans) {
    this.spans[kind] = [spans, SPAN];
    this.#apply(kind);
  }

  #apply(kind) {
    const registry = globalThis.CSS?.highlights;
    if (!registry) return;
    const [items, spanOf] = this.spans[kind];
    const ready = items.length > INDEX_AT_ONCE && spanIndexSliced(items, spanOf);
    if (ready) {
      // drawn when the list's index is made, if the layer and the window are still these
      registry.delete(this.name(kind));
      const window = this.current;
      ready.then(() => this.spans[kind][0] === items && this.current === window && this.#apply(kind));
      return;
    }
    const ranges = spansIn(items, this.from, this.to, spanOf).map((s) => this.range(s));
    if (!ranges.length) return registry.delete(this.name(kind));
    const h = new Highlight(...ranges);
    h.priority = PRIORITY[kind];
    registry.set(this.name(kind), h);
  }

  /** The chunk of the window holding UTF-16 offset `at` (binary search over chunk starts). */
  chunkAt(at) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * A range for a UTF-16 span of the text, clipped to the window shown (null outside): a
   * StaticRange for the highlights, a live Range (`live`) where its box is measured. The
   * document updates every live Range on every node removed anywhere in it: with a window's
   * 2,000 quantities highlighted by live Ranges, a chart redrawn (its old SVG removed node by
   * node) took 45–70 ms a frame instead of 5–15. The window's text nodes never change while
   * it is shown, and a new window makes new ranges, so static ones stay right.
   */
  range([start, end], live = false) {
    if (!this.nodes?.length || end < this.from || start > this.to) return null;
    start = Math.max(start, this.from);
    end = Math.min(end, this.to);
    const a = this.chunkAt(start);
    const b = this.chunkAt(Math.max(start, end - 1));
    const at = {
      startContainer: this.nodes[a],
      startOffset: start - this.starts[a],
      endContainer: this.nodes[b],
      endOffset: Math.min(end - this.starts[b], this.nodes[b].length),
    };
    if (!live) return new StaticRange(at);
    const r = document.createRange();
    r.setStart(at.startContainer, at.startOffset);
    r.setEnd(at.endContainer, at.endOffset);
    return r;
  }

  /** The window holding offset `at`. */
  windowAt(at) {
    const i = this.windows.findIndex(([, to]) => at < to);
    return i < 0 ? this.windows.length - 1 : i;
  }

  /** Scrolls to a span (opening its window); highlights it as the sentence, or as the picked quantity. */
  show(span, { as = 'sentence' } = {}) {
    if (!span || !this.windows.length) return;
    this.open(this.windowAt(span[0]));
    this.setSpans(as, [span]);
    const r = this.range(span, true);
    if (!r) return;
    const chunk = this.nodes[this.chunkAt(Math.max(span[0], this.from))].parentNode;
    // first bring the chunk in (it may be skipped by content-visibility), then the exact line
    this.view.scrollTop = chunk.offsetTop - this.view.offsetTop;
    const exact = () => {
      const rect = r.getBoundingClientRect();
      this.view.scrollTop += rect.top - this.view.getBoundingClientRect().top - 40;
    };
    exact();
    requestAnimationFrame(exact);
    this.view.scrollIntoView({ block: 'nearest' });
  }
}
