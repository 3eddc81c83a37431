// The report text, in chunks of whole paragraphs (content-visibility skips the ones off
// screen), one text node each: a 15 MB report is a few thousand nodes, not one per mark.
// Quantities, the picked quantity, its sentence and the chosen layer are CSS highlights
// (no DOM change). Highlight names are per element, as the registry is the document's.

const CHUNK_CHARS = 4000;
let instances = 0;

export class TextView {
  constructor(view, styleTarget) {
    this.view = view;
    this.prefix = `report-lens-${++instances}`;
    view.dataset.highlight = this.prefix;
    this.starts = [];
    this.nodes = [];
    const sheet = `
      ::highlight(${this.prefix}-q) { background-color: var(--mark); }
      ::highlight(${this.prefix}-layer) { background-color: var(--layer); }
      ::highlight(${this.prefix}-sentence) { background-color: var(--sentence); }
      ::highlight(${this.prefix}-flash) { background-color: var(--mark); text-decoration: underline 3px var(--accent); }`;
    styleTarget(sheet);
  }

  name(kind) {
    return `${this.prefix}-${kind}`;
  }

  /** Shows `text`; `quantities` spans are marked. */
  render(text, quantitySpans) {
    this.clear();
    const frag = document.createDocumentFragment();
    this.starts = [];
    this.nodes = [];
    for (let at = 0; at < text.length; ) {
      let end = Math.min(text.length, at + CHUNK_CHARS);
      if (end < text.length) {
        const nl = text.indexOf('\n', end);
        end = nl < 0 || nl - at > CHUNK_CHARS * 2 ? end : nl + 1;
      }
      const node = document.createTextNode(text.slice(at, end));
      const div = document.createElement('div');
      div.className = 'chunk';
      div.append(node);
      frag.append(div);
      this.starts.push(at);
      this.nodes.push(node);
      at = end;
    }
    this.view.replaceChildren(frag);
    this.length = text.length;
    this.quantities = quantitySpans;
    this.showQuantities(true);
  }

  showQuantities(on) {
    this.set('q', on ? this.quantities.map((s) => this.range(s)) : []);
  }

  clear() {
    for (const k of ['q', 'layer', 'sentence', 'flash']) globalThis.CSS?.highlights?.delete(this.name(k));
  }

  set(kind, ranges) {
    const registry = globalThis.CSS?.highlights;
    if (!registry) return;
    const list = ranges.filter(Boolean);
    if (!list.length) return registry.delete(this.name(kind));
    const h = new Highlight(...list);
    h.priority = { q: 0, layer: 1, sentence: 2, flash: 3 }[kind];
    registry.set(this.name(kind), h);
  }

  /** The chunk holding UTF-16 offset `at` (binary search over chunk starts). */
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

  /** A DOM Range for a UTF-16 span of the analysis text. */
  range([start, end]) {
    if (!this.nodes.length || start > this.length) return null;
    const a = this.chunkAt(start);
    const b = this.chunkAt(Math.max(start, end - 1));
    const r = document.createRange();
    r.setStart(this.nodes[a], start - this.starts[a]);
    r.setEnd(this.nodes[b], Math.min(end - this.starts[b], this.nodes[b].length));
    return r;
  }

  /** Scrolls to a span; highlights it as the sentence, or as the picked quantity. */
  show(span, { as = 'sentence' } = {}) {
    const r = this.range(span);
    if (!r) return;
    this.set(as, [r]);
    const chunk = this.nodes[this.chunkAt(span[0])].parentNode;
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
