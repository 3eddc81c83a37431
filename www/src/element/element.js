// <report-lens>: the whole page in one element, in an open shadow root. Attributes: lang,
// panels, src, compact, loading. Methods: analyze(), clear(). Properties: analysis, reports,
// state, timings. Events: report-lens:ready, report-lens:analysed, report-lens:error.
// Nothing heavy (wasm, ECharts) is downloaded until the element is visible or used.
import { engine, InputTooLarge } from '../engine/engine.js';
import { TEMPLATE, PANELS } from './template.js';
import css from './styles.css';
import { translator, normalizeLang } from './i18n/index.js';
import { loadCharts } from './charts.js';
import { bindIntake } from './intake.js';
import { ReportView } from './report-view.js';

/** Adds CSS to a shadow root: a constructable sheet (no CSP needed), else a <style>. */
function adoptStyles(shadow, text) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = text;
  shadow.prepend(style);
}

export class ReportLensElement extends HTMLElement {
  static observedAttributes = ['lang', 'panels', 'src', 'compact', 'loading'];

  #shadow;
  #view;
  #state = 'idle';
  #active = false;
  #visibility = null;
  #t = translator('zh');
  #status = { key: 'status.idle' };
  #errors = [];
  #busy = 0;
  #loadedSrc = null;
  timings = { engineMs: null, analyses: [] };

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#shadow, css);
    this.#shadow.innerHTML = TEMPLATE; // static markup, no report text
    this.#view = new ReportView(this.#shadow, this, (rules) => adoptStyles(this.#shadow, rules));
    this.#view.t = this.#t;
    bindIntake(this.#$('.root'), { analyze: (items) => this.#analyzeAll(items), activate: () => this.#activate() });
  }

  // ---- public interface ----

  /** The Analysis shown now (null before the first one). */
  get analysis() {
    return this.#view.analysis;
  }

  /** Every Analysis of this element, in the order analysed. */
  get reports() {
    return this.#view.reports.slice();
  }

  /** idle | loading | ready | busy | done | error (also the data-state attribute). */
  get state() {
    return this.#state;
  }

  /**
   * Analyses a File, Blob, ArrayBuffer, Uint8Array (a file's raw bytes) or string (text), shows
   * it, and resolves to its Analysis. options: { name, max_terms, max_keywords }.
   */
  analyze(input, options = {}) {
    const name = options.name ?? (typeof input?.name === 'string' ? input.name : '');
    return this.#analyzeAll([{ name, input, options }], { throwErrors: true });
  }

  /** Forgets every report. */
  clear() {
    this.#view.clear();
    this.#showErrors([]);
    if (engine().state === 'ready') {
      this.#setStatus('status.ready', { ms: Math.round(engine().readyMs) });
      this.#setState('ready');
    }
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
    if (old === value || !this.#view) return;
    if (name === 'lang') this.#applyLang({ rerender: true });
    else if (name === 'panels') this.#applyPanels({ redraw: true });
    else if (name === 'src' && this.#active) this.#loadSrc();
    else if (name === 'loading' && value === 'eager' && this.isConnected) this.#activate();
  }

  // ---- activation: the engine and the charts load when the element is visible or used ----

  #watchVisibility() {
    if (this.#active || this.#visibility) return;
    if (typeof IntersectionObserver === 'undefined') return this.#activate();
    this.#visibility = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#activate(), { rootMargin: '200px' });
    this.#visibility.observe(this);
  }

  #activate() {
    if (this.#active) return;
    this.#active = true;
    this.#visibility?.disconnect();
    this.#visibility = null;
    const e = engine();
    e.addEventListener('progress', ({ detail }) => this.#progress(detail));
    e.addEventListener('ready', ({ detail }) => this.#engineReady(detail));
    e.addEventListener('fatal', ({ detail }) => this.#engineFailed(detail.message));
    if (e.state === 'ready') queueMicrotask(() => this.#engineReady({ ms: e.readyMs }));
    else if (e.state === 'failed') queueMicrotask(() => this.#engineFailed(e.error));
    else {
      this.#setState('loading');
      this.#setStatus('status.download', { pct: 0 }, 0);
      e.start();
    }
    loadCharts().catch(() => {}); // fetched now, beside the wasm; a failure shows when drawing
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
    if (!this.#busy && this.#view.current < 0) {
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

  /** The `src` report: same origin only (the element never sends requests elsewhere). */
  async #loadSrc() {
    const src = this.getAttribute('src');
    if (!src || src === this.#loadedSrc) return;
    this.#loadedSrc = src;
    let url = null;
    try {
      url = new URL(src, document.baseURI);
    } catch {}
    if (!url || url.origin !== location.origin) return this.#failed([{ key: 'error.src', vars: { src } }]);
    const name = decodeURIComponent(url.pathname.split('/').pop() || '');
    const read = async () => {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) throw Object.assign(new Error(), { key: 'error.fetch', vars: { src, status: res.status } });
      return new Uint8Array(await res.arrayBuffer());
    };
    await this.#analyzeAll([{ name, read }]);
  }

  // ---- analysis ----

  /** Analyses items { name, input | read, options } one by one; shows each one that works. */
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
          const { name: _name, ...options } = item.options ?? {};
          const t0 = performance.now();
          const { analysis, ms } = await engine().analyze(input, { ...options, name: item.name });
          const t1 = performance.now();
          performance.measure('report-lens:analyse', { start: t0, end: t1 });
          await this.#view.add(analysis);
          performance.measure('report-lens:show', { start: t1, end: performance.now() });
          this.timings.analyses.push({ name: item.name, ms, bytes: analysis.source.bytes });
          last = analysis;
          this.#emit('report-lens:analysed', analysis);
        } catch (e) {
          const entry =
            e instanceof InputTooLarge
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
    else {
      this.#showErrors([]);
      this.#setStatus('status.done', { n: this.#view.reports.length });
      this.#setState('done');
    }
    return last;
  }

  #failed(errors) {
    this.#showErrors(errors);
    this.#setStatus(this.#view.current >= 0 ? 'status.done' : 'status.none', { n: this.#view.reports.length });
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

  // ---- language, panels, state ----

  #$(sel) {
    return this.#shadow.querySelector(sel);
  }

  #lang() {
    const own = this.getAttribute('lang');
    return normalizeLang(own || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  #applyLang({ rerender = false } = {}) {
    const lang = this.#lang();
    if (rerender && lang === this.#t.lang) return;
    const t = (this.#t = this.#view.t = translator(lang));
    this.#$('.root').lang = t.locale;
    for (const n of this.#shadow.querySelectorAll('[data-t]')) n.textContent = t(n.dataset.t);
    for (const n of this.#shadow.querySelectorAll('[data-t-label]')) n.setAttribute('aria-label', t(n.dataset.tLabel));
    for (const n of this.#shadow.querySelectorAll('[data-t-placeholder]')) n.setAttribute('placeholder', t(n.dataset.tPlaceholder));
    this.#setStatus(this.#status.key, this.#status.vars, this.#status.progress);
    this.#showErrors(this.#errors);
    if (rerender) this.#view.rerender();
  }

  #applyPanels({ redraw = false } = {}) {
    const attr = this.getAttribute('panels')?.trim();
    const wanted = new Set(attr ? attr.split(/[\s,]+/) : PANELS);
    for (const section of this.#shadow.querySelectorAll('[data-panel]')) {
      const off = !wanted.has(section.dataset.panel);
      section.dataset.off = off ? '1' : '';
      section.hidden = off || (section.dataset.panel === 'compare' && this.#view.reports.length < 2);
    }
    if (redraw) this.#view.drawCharts();
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
}
