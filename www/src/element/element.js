// <report-lens>: the whole page in one element, in an open shadow root. Attributes: lang,
// panels, src, compact, loading. Methods: analyze(), clear(). Properties: analysis, reports,
// state, timings. Events: report-lens:ready, report-lens:analysed, report-lens:error.
// Nothing heavy (wasm, ECharts) is downloaded until the element is visible or used.
import { engine, InputTooLarge, AnalysisTimeout, EngineCrash } from '../engine/engine.js';
import { longTasks, longestTaskSince } from './perf.js';
import { TEMPLATE, PANELS } from './template.js';
import css from './styles.css';
import { translator, normalizeLang } from './i18n/index.js';
import { prepareCharts } from './charts.js';
import { prepareType } from './warm-type.js';
import { bindIntake } from './intake.js';
import { ReportView } from './report-view.js';
import { looksSaved, readSaved } from './saved.js';

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

/** A report's size for the status line: MB or KB of a file, characters of a text. */
function sizeLabel(input, t) {
  const bytes = typeof input === 'string' ? null : (input?.size ?? input?.byteLength ?? null);
  if (bytes == null) return t('size.chars', { n: t.fmt(input?.length ?? 0) });
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
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
  #ticker = null;
  /**
   * engineMs: the engine's load time; analyses: per report { name, bytes, ms (in the core),
   * receiveMs, showMs, memory (wasm bytes), rehearsed (the worker's warm-ups before it),
   * longestTaskMs }; longTasks: the page's main-thread
   * tasks over 50 ms { start, ms }; longestTaskSince(t).
   */
  timings = { engineMs: null, analyses: [], longTasks, longestTaskSince };

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#shadow, css);
    this.#shadow.innerHTML = TEMPLATE; // static markup, no report text
    // switching tabs or language redraws a report over a few frames: busy, then done
    const showing = (on) => this.#busy || this.#view.current < 0 || this.#setState(on ? 'busy' : 'done');
    this.#view = new ReportView(this.#shadow, this, (rules) => adoptStyles(this.#shadow, rules), showing);
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
    e.addEventListener('ready', ({ detail }) => !detail.restarted && this.#engineReady(detail));
    e.addEventListener('fatal', ({ detail }) => this.#engineFailed(detail.message));
    if (e.state === 'ready') queueMicrotask(() => this.#engineReady({ ms: e.readyMs }));
    else if (e.state === 'failed') queueMicrotask(() => this.#engineFailed(e.error));
    else {
      this.#setState('loading');
      this.#setStatus('status.download', { pct: 0 }, 0);
      e.start();
    }
    if (this.hasAttribute('src')) this.#loadSrc();
  }

  #progress({ stage, loaded, total }) {
    // the wasm has arrived: until ready the page's thread mostly waits for the worker, a time
    // to lay out the type specimen (after ready, it would meet a report dropped at once)
    if (stage !== 'download') prepareType(this.#$('.root'));
    if (this.#busy) return;
    const pct = total ? loaded / total : 0;
    if (stage === 'download') this.#setStatus('status.download', { pct: Math.round(pct * 100) }, pct * 0.8);
    else this.#setStatus(`status.${stage}`, null, 0.9);
  }

  #engineReady({ ms }) {
    this.timings.engineMs = ms;
    prepareType(this.#$('.root'));
    prepareCharts(this.#$('.root'), this.#t);
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
    // the render-step measures of earlier reports (the timeline keeps every entry otherwise)
    for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('report-lens:')) performance.clearMeasures(m.name);
    const errors = [];
    let last = null;
    let added = false;
    this.#busy++;
    try {
      for (const item of items) {
        this.#setState('busy');
        const name = item.name || this.#t('intake.pasted');
        try {
          const input = item.read ? await item.read() : item.input;
          if (looksSaved(input)) {
            // saved analyses: shown again as they are, without the reports they came from
            for (const analysis of readSaved(await input.text())) {
              last = analysis;
              if (this.#notAddedTwice(analysis, item.name, errors)) continue;
              await this.#view.add(analysis);
              added = true;
              this.#emit('report-lens:analysed', analysis);
            }
            continue;
          }
          const { name: _name, ...options } = item.options ?? {};
          const t0 = performance.now();
          const progress = this.#showProgress(name, input, t0);
          let t1 = null;
          const { analysis, ms, memory, rehearsed } = await engine().analyze(input, {
            ...options,
            name: item.name,
            onProgress: (p) => {
              if (p.stage === 'receive') t1 ??= performance.now();
              progress(p);
            },
          });
          this.#stopTicker();
          // a report already shown is not added twice, but a caller of analyze() still gets
          // its Analysis: the same text gives the same analysis
          last = analysis;
          if (this.#notAddedTwice(analysis, item.name, errors)) continue;
          const t2 = performance.now();
          performance.measure('report-lens:analyse', { start: t0, end: t2 });
          this.#setStatus('status.show', { name }, true);
          await this.#view.add(analysis);
          added = true;
          const t3 = performance.now();
          performance.measure('report-lens:show', { start: t2, end: t3 });
          this.timings.analyses.push({
            name: item.name,
            bytes: analysis.source.bytes,
            ms,
            receiveMs: Math.round(t2 - (t1 ?? t2)),
            showMs: Math.round(t3 - t2),
            memory,
            rehearsed,
            longestTaskMs: longestTaskSince(t0),
          });
          this.#emit('report-lens:analysed', analysis);
        } catch (e) {
          this.#stopTicker();
          const entry = this.#errorEntry(e, item.name);
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
      // the comparison once, when the reports that came together are all shown: asked for with
      // each one, its work in the worker (and V8 compiling it) met the drawing of the next
      // report, and each comparison but the last was thrown away
      if (added) this.#view.compare.refresh();
    }
    if (errors.length) this.#failed(errors);
    else {
      this.#showErrors([]);
      this.#setStatus('status.done', { n: this.#view.reports.length });
      this.#setState('done');
    }
    return last;
  }

  /** Whether a report with this text (same content id) is already here: then it is not added,
   * and the message naming the one it repeats joins `errors`. */
  #notAddedTwice(analysis, name, errors) {
    const same = this.#view.reports.findIndex((r) => r.id === analysis.id);
    if (same < 0) return false;
    const entry = { name, key: 'error.duplicate', vars: { other: this.#view.labelOf(this.#view.reports[same], same) } };
    errors.push(entry);
    this.#emit('report-lens:error', this.#errorText(entry));
    return true;
  }

  /** The status while a report is analysed: its name and size, the seconds gone (outside the
   * live region, so screen readers are not told every second), and the core's stages when it
   * reports them. Returns the handler for the engine's progress. */
  #showProgress(name, input, t0) {
    const t = this.#t;
    const size = sizeLabel(input, t);
    let stage = null;
    const elapsed = this.#$('#status-elapsed');
    const tick = () => {
      const s = Math.floor((performance.now() - t0) / 1000);
      elapsed.textContent = s >= 1 ? t('status.seconds', { s }) : '';
    };
    this.#stopTicker();
    this.#ticker = setInterval(tick, 1000);
    this.#setStatus('status.busy', { name, size }, true);
    return ({ stage: s, fraction }) => {
      const pct = Math.floor((fraction || 0) * 100);
      const key = s === 'receive' ? 'status.receive' : 'status.stage';
      // the text changes with the stage and every tenth; the bar follows every step
      const label = `${s}:${Math.floor(pct / 10)}`;
      if (label !== stage) {
        stage = label;
        this.#setStatus(key, { name, size, stage: t.code('stage', s), pct }, fraction || true);
      } else this.#$('#load-progress').value = fraction;
    };
  }

  #stopTicker() {
    clearInterval(this.#ticker);
    this.#ticker = null;
    this.#$('#status-elapsed').textContent = '';
  }

  #errorEntry(e, name) {
    const mb = (b) => (b / 1048576).toFixed(1);
    if (e instanceof InputTooLarge) return { name, key: 'error.tooLarge', vars: { mb: mb(e.bytes), limit: e.limit / 1048576 } };
    if (e instanceof AnalysisTimeout) return { name, key: 'error.timeout', vars: { s: Math.round(e.ms / 1000), mb: mb(e.bytes) } };
    if (e instanceof EngineCrash) return { name, key: `error.crash.${e.failure.kind}`, vars: { detail: e.failure.detail, mb: mb(e.bytes ?? 0) } };
    if (e.key) return { name, key: e.key, vars: e.vars };
    return { name, message: String(e?.message ?? e) };
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
    if (rerender) this.#view.holdLang(this.#t.locale);
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

  /** progress: a fraction for the bar, true for a bar without one, null for none. */
  #setStatus(key, vars, progress) {
    this.#status = { key, vars, progress };
    this.#$('#status-text').textContent = this.#t(key, vars);
    const bar = this.#$('#load-progress');
    bar.hidden = progress == null;
    if (progress === true) bar.removeAttribute('value');
    else if (progress != null) bar.value = progress;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
