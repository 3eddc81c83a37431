// The report text, shown one window of about WINDOW_CHARS at a time (a 15 MB report is never
// 15 MB of DOM): a pager moves between windows, and showing a span opens the window holding it.
// Inside a window the text sits in chunks of whole paragraphs (content-visibility skips the
// ones off screen), one text node each.
// Quantities, the picked quantity, its sentence and the chosen layer are CSS highlights (no DOM
// change). Each layer is kept as spans of the whole text; ranges are made for the window
// shown only. Highlight names are per element, as the registry is the document's.
import { el } from '../dom.js';

const CHUNK_CHARS = 4000;
export const WINDOW_CHARS = 100_000;
const KINDS = ['q', 'layer', 'sentence', 'flash'];
const PRIORITY = { q: 0, layer: 1, sentence: 2, flash: 3 };
let instances = 0;

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
    this.spans = { q: [], layer: [], sentence: [], flash: [] };
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

  /** Shows `text` from its first window; `quantitySpans` are marked. */
  render(text, quantitySpans, t) {
    this.clear();
    this.t = t;
    this.text = text;
    this.windows = text.length > WINDOW_CHARS * 1.5 ? cut(text, 0, text.length, WINDOW_CHARS) : [[0, text.length]];
    this.quantities = quantitySpans;
    this.spans = { q: quantitySpans, layer: [], sentence: [], flash: [] };
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
    this.setSpans('q', on ? this.quantities : []);
  }

  clear() {
    for (const k of KINDS) globalThis.CSS?.highlights?.delete(this.name(k));
  }

  /** Sets a highlight layer to spans of the whole text (only the window's are drawn). */
  setSpans(kind, spans) {
    this.spans[kind] = spans.filter(Boolean);
    this.#apply(kind);
  }

  #apply(kind) {
    const registry = globalThis.CSS?.highlights;
    if (!registry) return;
    const ranges = [];
    for (const s of this.spans[kind]) {
      if (s[1] > this.from && s[0] < this.to) ranges.push(this.range(s));
    }
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

  /** A DOM Range for a UTF-16 span of the text, clipped to the window shown (null outside). */
  range([start, end]) {
    if (!this.nodes?.length || end < this.from || start > this.to) return null;
    start = Math.max(start, this.from);
    end = Math.min(end, this.to);
    const a = this.chunkAt(start);
    const b = this.chunkAt(Math.max(start, end - 1));
    const r = document.createRange();
    r.setStart(this.nodes[a], start - this.starts[a]);
    r.setEnd(this.nodes[b], Math.min(end - this.starts[b], this.nodes[b].length));
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
    const r = this.range(span);
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
