// <report-lens>: the whole page in one element, in an open shadow root. Attributes: lang,
// panels, src, compact, loading. Methods: analyze(), clear(). Properties: analysis, reports,
// state. Events: report-lens:ready, report-lens:analysed, report-lens:error.
// Nothing heavy (wasm, ECharts) is downloaded until the element is visible or used.
import { engine, InputTooLarge } from '../engine/engine.js';
import { TEMPLATE, PANELS } from './template.js';
import css from './styles.css';
import { translator, normalizeLang } from './i18n.js';
import { roving, showSort } from './a11y.js';
import { yieldToBrowser } from './dom.js';
import { TextView } from './views/textview.js';
import { loadCharts, describeChart } from './charts.js';
import { renderOverview, renderMeta } from './views/overview.js';
import { renderOutline } from './views/outline.js';
import { renderArticles, renderWarnings, renderKeywords, renderEntities } from './views/lists.js';
import { renderMetrics, renderQuantityTable } from './views/achievements.js';
import { renderFormulations } from './views/language.js';
import { renderConcordance } from './views/concordance.js';
import { renderComparison } from './views/compare.js';
import { download, quantitiesCsv } from './exporting.js';

const CHARTS = { categories: 'achievements', terms: 'vocabulary', cloud: 'vocabulary', formulations: 'formulations', themes: 'themes' };
const EMPTY_KWIC = { term: '', lines: [], collocates: [] };

let sharedSheet = null;
function adoptStyles(shadow, text) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return sheet;
  }
  const style = document.createElement('style');
  style.textContent = text;
  shadow.prepend(style);
  return style;
}

export class ReportLensElement extends HTMLElement {
  static observedAttributes = ['lang', 'panels', 'src', 'compact', 'loading'];

  #shadow;
  #reports = [];
  #current = -1;
  #state = 'idle';
  #active = false;
  #visibility = null;
  #t = translator('zh');
  #status = { key: 'status.idle' };
  #errors = [];
  #table = { filter: '', category: '', sort: null };
  #kwic = EMPTY_KWIC;
  #kwicSort = null;
  #charts = null;
  #renderToken = 0;
  #busy = 0;
  #loadedSrc = null;
  #lists = {};
  #text;
  #offEngine = null;
  timings = { engineMs: null, analyses: [] };

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    sharedSheet ??= css;
    adoptStyles(this.#shadow, sharedSheet);
    this.#shadow.innerHTML = TEMPLATE; // static markup, no report text
    this.#text = new TextView(this.#$('#text-view'), (rules) => adoptStyles(this.#shadow, rules));
    this.#setupLists();
    this.#bindIntake();
    this.#bindTools();
  }

  // ---- public interface ----

  /** The Analysis shown now (null before the first one). */
  get analysis() {
    return this.#reports[this.#current] ?? null;
  }

  /** Every Analysis of this element, in the order analysed. */
  get reports() {
    return this.#reports.slice();
  }

  /** idle | loading | ready | busy | done | error */
  get state() {
    return this.#state;
  }

  /**
   * Analyses a File, Blob, ArrayBuffer, Uint8Array (a file's raw bytes) or string (text), shows
   * it, and resolves to its Analysis. options: { name, max_terms, max_keywords }.
   */
  analyze(input, options = {}) {
    this.#activate();
    const name = options.name ?? (typeof input?.name === 'string' ? input.name : '');
    return this.#analyzeAll([{ name, input, options }], { throwErrors: true });
  }

  /** Forgets every report. */
  clear() {
    this.#reports = [];
    this.#current = -1;
    this.#renderToken++;
    this.#text.clear();
    this.#$('#results').hidden = true;
    this.#renderTabs();
    this.#showErrors([]);
    this.#setState(engine().state === 'ready' ? 'ready' : this.#state);
  }

  // ---- lifecycle ----

  connectedCallback() {
    this.#applyLang();
    this.#applyPanels();
    if (!this.#active) this.#setState('idle');
    if (this.getAttribute('loading') === 'eager') this.#activate();
    else this.#watchVisibility();
  }

  disconnectedCallback() {
    this.#visibility?.disconnect();
    this.#visibility = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.#shadow) return;
    if (name === 'lang') this.#applyLang({ rerender: true });
    else if (name === 'panels') this.#applyPanels({ redraw: true });
    else if (name === 'src' && this.#active) this.#loadSrc();
    else if (name === 'loading' && value === 'eager' && this.isConnected) this.#activate();
  }

  // ---- activation: engine and charts load when visible or used ----

  #watchVisibility() {
    if (this.#active || this.#visibility) return;
    if (typeof IntersectionObserver === 'undefined') return this.#activate();
    this.#visibility = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#activate();
    }, { rootMargin: '200px' });
    this.#visibility.observe(this);
  }

  #activate() {
    if (this.#active) return;
    this.#active = true;
    this.#visibility?.disconnect();
    this.#visibility = null;
    const e = engine();
    const onProgress = ({ detail }) => this.#progress(detail);
    const onReady = ({ detail }) => this.#engineReady(detail);
    const onFatal = ({ detail }) => this.#engineFailed(detail.message);
    e.addEventListener('progress', onProgress);
    e.addEventListener('ready', onReady);
    e.addEventListener('fatal', onFatal);
    this.#offEngine = () => {
      e.removeEventListener('progress', onProgress);
      e.removeEventListener('ready', onReady);
      e.removeEventListener('fatal', onFatal);
    };
    if (e.state === 'ready') queueMicrotask(() => this.#engineReady({ ms: e.readyMs }));
    else if (e.state === 'failed') queueMicrotask(() => this.#engineFailed(e.error));
    else {
      this.#setState('loading');
      this.#setStatus('status.download', { pct: 0 }, 0);
      e.start();
    }
    loadCharts().catch(() => {}); // fetched now, in parallel with the wasm; errors surface when drawing
    if (this.hasAttribute('src')) this.#loadSrc();
  }

  #progress({ stage, loaded, total }) {
    if (this.#busy) return;
    const pct = total ? loaded / total : 0;
    if (stage === 'download') this.#setStatus('status.download', { pct: Math.round(pct * 100) }, pct * 0.8);
    else this.#setStatus(`status.${stage}`, null, 0.9);
  }

  #engineReady({ ms }) {
    this.timings.engineMs = ms;
    if (!this.#busy && this.#current < 0) {
      this.#setStatus('status.ready', { ms: Math.round(ms) });
      this.#setState('ready');
    }
    this.#emit('report-lens:ready', { ms });
  }

  #engineFailed(message) {
    this.#setStatus('status.failed');
    this.#showErrors([{ key: 'error.engine', vars: { message } }]);
    this.#setState('error');
    this.#emit('report-lens:error', this.#t('error.engine', { message }));
  }

  async #loadSrc() {
    const src = this.getAttribute('src');
    if (!src || src === this.#loadedSrc) return;
    this.#loadedSrc = src;
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      url = null;
    }
    if (!url || url.origin !== location.origin) {
      return this.#failed([{ key: 'error.src', vars: { src } }]);
    }
    const name = decodeURIComponent(url.pathname.split('/').pop() || '');
    await this.#analyzeAll([
      {
        name,
        read: async () => {
          const res = await fetch(url, { credentials: 'same-origin' });
          if (!res.ok) throw Object.assign(new Error(), { key: 'error.fetch', vars: { src, status: res.status } });
          return new Uint8Array(await res.arrayBuffer());
        },
      },
    ]);
  }

  // ---- analysis ----

  async #analyzeAll(items, { throwErrors = false } = {}) {
    this.#activate();
    const errors = [];
    let last = null;
    this.#busy++;
    try {
      for (const item of items) {
        this.#setState('busy');
        this.#setStatus('status.busy', { name: item.name || this.#t('intake.pasted') });
        try {
          const input = item.read ? await item.read() : item.input;
          const { name: _ignored, ...options } = item.options ?? {};
          const { analysis, ms } = await engine().analyze(input, { ...options, name: item.name });
          this.timings.analyses.push({ name: item.name, ms, bytes: analysis.source.bytes });
          this.#reports.push(analysis);
          this.#current = this.#reports.length - 1;
          last = analysis;
          await this.#show(this.#current);
          this.#emit('report-lens:analysed', analysis);
        } catch (e) {
          const entry = e instanceof InputTooLarge
            ? { name: item.name, key: 'error.tooLarge', vars: { mb: (e.bytes / 1048576).toFixed(1) } }
            : e.key
              ? { name: item.name, key: e.key, vars: e.vars }
              : { name: item.name, message: String(e?.message ?? e) };
          errors.push(entry);
          this.#emit('report-lens:error', this.#errorText(entry));
          if (throwErrors) {
            this.#failed(errors);
            throw new Error(this.#errorText(entry));
          }
        }
      }
    } finally {
      this.#busy--;
    }
    if (errors.length) this.#failed(errors);
    else this.#showErrors([]);
    if (!errors.length && this.#current >= 0) {
      this.#setStatus('status.done', { n: this.#reports.length });
      this.#setState('done');
    }
    return last;
  }

  #failed(errors) {
    this.#showErrors(errors);
    this.#setStatus(this.#current >= 0 ? 'status.done' : 'status.none', { n: this.#reports.length });
    this.#setState('error');
  }

  #errorText(entry) {
    const t = this.#t;
    const message = entry.key ? t(entry.key, entry.vars) : t.coreMessage(entry.message);
    return entry.name ? t('error.item', { name: entry.name, message }) : message;
  }

  #showErrors(errors) {
    this.#errors = errors;
    const box = this.#$('#error');
    box.textContent = errors.map((e) => this.#errorText(e)).join('\n');
    box.hidden = !errors.length;
  }

  // ---- rendering ----

  #$(sel) {
    return this.#shadow.querySelector(sel);
  }

  #ctx() {
    return {
      $: (sel) => this.#$(sel),
      t: this.#t,
      lists: this.#lists,
      actions: {
        pickSpan: (span) => this.#text.show(span),
        pickQuantity: (i) => this.#pickQuantity(i),
        searchTerm: (term) => this.#searchTerm(term),
        showArticle: (art) => {
          renderMeta(this.#ctx(), art.meta);
          this.#text.show(art.span);
        },
      },
    };
  }

  /** Renders report i, a few panels per step so that no step blocks the page for long. */
  async #show(i) {
    const token = ++this.#renderToken;
    const stale = () => token !== this.#renderToken;
    this.#current = i;
    const a = this.#reports[i];
    const ctx = this.#ctx();
    this.#$('#results').hidden = false;
    this.#renderTabs();
    renderComparison(ctx, this.#reports);
    renderOverview(ctx, a);
    renderOutline(ctx, a);
    renderArticles(ctx, a);
    renderWarnings(ctx, a);
    await yieldToBrowser();
    if (stale()) return;
    renderMetrics(ctx, a);
    this.#renderTable();
    renderKeywords(ctx, a);
    renderFormulations(ctx, a);
    await yieldToBrowser();
    if (stale()) return;
    renderEntities(ctx, a);
    this.#kwic = EMPTY_KWIC;
    this.#kwicSort = null;
    renderConcordance(ctx, this.#kwic, null);
    this.#text.render(a.text, a.quantities.map((q) => q.span));
    this.#applyLayer();
    await yieldToBrowser();
    if (stale()) return;
    await this.#drawCharts(a, stale);
  }

  async #drawCharts(a, stale = () => false) {
    const { Charts } = await loadCharts();
    if (stale()) return;
    this.#charts ??= new Charts(this.#shadow, this);
    for (const [name, panel] of Object.entries(CHARTS)) {
      const box = this.#$(`[data-chart="${name}"]`);
      describeChart(box, name, a, this.#t);
      if (this.#$(`[data-panel="${panel}"]`).dataset.off !== '1') this.#charts.draw(name, a, this.#t);
    }
  }

  #renderTabs() {
    const nav = this.#$('#reports');
    nav.hidden = this.#reports.length < 2;
    const t = this.#t;
    nav.replaceChildren(
      ...this.#reports.map((a, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.setAttribute('part', 'button tab');
        b.setAttribute('aria-current', String(i === this.#current));
        b.textContent = a.meta.title || a.source.name || t('reports.untitled', { n: i + 1 });
        if (a.meta.title || a.source.name) b.lang = 'zh-CN';
        b.addEventListener('click', () => this.#show(i));
        return b;
      }),
    );
  }

  #renderTable() {
    const a = this.analysis;
    if (a) renderQuantityTable(this.#ctx(), a, this.#table);
  }

  #pickQuantity(i) {
    const q = this.analysis?.quantities[i];
    if (!q) return;
    this.#text.show(q.sentence, { as: 'sentence' });
    this.#text.show(q.span, { as: 'flash' });
  }

  async #searchTerm(term) {
    term = term.trim();
    if (!term || !this.analysis) return;
    this.#$('#kwic-term').value = term;
    const a = this.analysis;
    const result = await engine().concordance(a.text, term);
    if (a !== this.analysis) return;
    this.#kwic = result;
    renderConcordance(this.#ctx(), this.#kwic, this.#kwicSort);
    if (this.#$('#highlight-layer').value === 'search') this.#applyLayer();
  }

  /** The text view's highlight layer: quantities, or spans from the Analysis. */
  #applyLayer() {
    const a = this.analysis;
    if (!a) return;
    const layer = this.#$('#highlight-layer').value;
    this.#text.showQuantities(layer === 'quantities');
    const spans =
      layer === 'formulations'
        ? a.formulations.flatMap((f) => f.spans)
        : layer === 'entities'
          ? [...a.entities.people, ...a.entities.places].flatMap((x) => x.spans)
          : layer === 'search'
            ? this.#kwic.lines.map((l) => l.span)
            : [];
    this.#text.set('layer', spans.map((s) => this.#text.range(s)));
  }

  // ---- language, panels, state ----

  #lang() {
    const own = this.getAttribute('lang');
    if (own) return normalizeLang(own);
    return normalizeLang(this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  #applyLang({ rerender = false } = {}) {
    const lang = this.#lang();
    if (rerender && lang === this.#t.lang) return;
    const t = (this.#t = translator(lang));
    const root = this.#$('.root');
    root.lang = t.locale;
    for (const n of this.#shadow.querySelectorAll('[data-t]')) n.textContent = t(n.dataset.t);
    for (const n of this.#shadow.querySelectorAll('[data-t-label]')) n.setAttribute('aria-label', t(n.dataset.tLabel));
    for (const n of this.#shadow.querySelectorAll('[data-t-placeholder]')) n.setAttribute('placeholder', t(n.dataset.tPlaceholder));
    this.#setStatus(this.#status.key, this.#status.vars, this.#status.progress);
    this.#showErrors(this.#errors);
    if (rerender && this.#current >= 0) {
      this.#show(this.#current).then(() => {
        if (this.#kwic.term) renderConcordance(this.#ctx(), this.#kwic, this.#kwicSort);
      });
    }
  }

  #applyPanels({ redraw = false } = {}) {
    const attr = this.getAttribute('panels');
    const wanted = attr && attr.trim() ? new Set(attr.split(/[\s,]+/).filter(Boolean)) : new Set(PANELS);
    for (const section of this.#shadow.querySelectorAll('[data-panel]')) {
      const off = !wanted.has(section.dataset.panel);
      section.dataset.off = off ? '1' : '';
      section.hidden = off || (section.dataset.panel === 'compare' && this.#reports.length < 2);
    }
    if (redraw && this.analysis) this.#drawCharts(this.analysis);
  }

  #setState(s) {
    this.#state = s;
    this.dataset.state = s;
    this.#$('.root').setAttribute('aria-busy', String(s === 'busy' || s === 'loading'));
  }

  #setStatus(key, vars, progress) {
    this.#status = { key, vars, progress };
    this.#$('#status-text').textContent = this.#t(key, vars);
    const bar = this.#$('#load-progress');
    bar.hidden = progress == null;
    if (progress != null) bar.value = progress;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- wiring ----

  #setupLists() {
    const r = (id, sel) => roving(this.#$(id), sel);
    this.#lists = {
      outline: r('#outline', 'button'),
      articles: r('#articles', 'button'),
      warnings: r('#warnings', 'button'),
      tfidf: r('#kw-tfidf', 'button'),
      textrank: r('#kw-textrank', 'button'),
      collocates: r('#collocates', 'button'),
      people: r('#ent-people', 'li > button.link'),
      places: r('#ent-places', 'li > button.link'),
      organizations: r('#ent-organizations', 'li > button.link'),
      documents: r('#ent-documents', 'li > button.link'),
      meetings: r('#ent-meetings', 'li > button.link'),
      quantities: r('#quantity-table tbody', 'tr[data-index]'),
      formulations: r('#formulation-table tbody', 'tr[tabindex]'),
      kwic: r('#kwic-table tbody', 'tr[tabindex]'),
    };
  }

  #bindIntake() {
    const root = this.#$('.root');
    const dz = this.#$('#dropzone');
    const input = this.#$('#file-input');
    const files = (list) =>
      [...list].map((f) => ({ name: f.name, read: async () => f }));
    dz.addEventListener('click', () => {
      this.#activate();
      input.click();
    });
    root.addEventListener('dragover', (e) => {
      e.preventDefault();
      dz.classList.add('over');
    });
    root.addEventListener('dragleave', (e) => {
      if (!root.contains(e.relatedTarget)) dz.classList.remove('over');
    });
    root.addEventListener('drop', (e) => {
      e.preventDefault();
      dz.classList.remove('over');
      if (e.dataTransfer?.files?.length) this.#analyzeAll(files(e.dataTransfer.files));
    });
    input.addEventListener('change', () => {
      const list = files(input.files);
      input.value = '';
      if (list.length) this.#analyzeAll(list);
    });
    this.#$('#paste-button').addEventListener('click', () => {
      const text = this.#$('#paste-text').value;
      this.#analyzeAll([{ name: '', input: text }]);
    });
  }

  #bindTools() {
    const $ = (s) => this.#$(s);
    $('#quantity-filter').addEventListener('input', (e) => {
      this.#table.filter = e.target.value.trim();
      this.#renderTable();
    });
    $('#quantity-category').addEventListener('change', (e) => {
      this.#table.category = e.target.value;
      this.#renderTable();
    });
    const nextSort = (current, key) => ({ key, dir: current?.key === key && current.dir === 'asc' ? 'desc' : 'asc' });
    $('#quantity-table thead').addEventListener('click', (e) => {
      const b = e.target.closest('.sort');
      if (!b) return;
      this.#table.sort = nextSort(this.#table.sort, b.dataset.sort);
      this.#renderTable();
    });
    $('#kwic-table thead').addEventListener('click', (e) => {
      const b = e.target.closest('.sort');
      if (!b) return;
      this.#kwicSort = nextSort(this.#kwicSort, b.dataset.sort);
      renderConcordance(this.#ctx(), this.#kwic, this.#kwicSort);
    });
    showSort($('#quantity-table'), null);
    showSort($('#kwic-table'), null);
    $('#kwic-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#searchTerm($('#kwic-term').value);
    });
    $('#highlight-layer').addEventListener('change', () => this.#applyLayer());
    this.#shadow.addEventListener('click', (e) => {
      const kind = e.target?.closest?.('[data-export]')?.dataset.export;
      if (kind) this.#export(kind);
    });
  }

  async #export(kind) {
    const a = this.analysis;
    if (!a) return;
    const where = this.#shadow;
    const base = (a.source.name || 'report').replace(/\.[^.]+$/, '');
    if (kind === 'json') download(`${base}.analysis.json`, JSON.stringify(a, null, 2), 'application/json', where);
    if (kind === 'csv') download(`${base}.quantities.csv`, quantitiesCsv(a), 'text/csv', where);
    if ((kind === 'svg' || kind === 'png') && this.#charts) {
      for (const { chart, name } of this.#charts.all()) {
        if (kind === 'svg') download(`${base}.${name}.svg`, this.#charts.svgOf(chart), 'image/svg+xml', where);
        else download(`${base}.${name}.png`, await this.#charts.pngOf(chart), 'image/png', where);
      }
    }
  }
}
