// The results part of the element: the reports analysed, the one shown, and everything the
// reader does with it (tabs, table filter and sort, concordance, highlight layers, exports).
// Rendering goes a few panels per step, so that no step holds the page for long.
import { engine } from '../engine/engine.js';
import { roving } from './a11y.js';
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
import { showSort } from './a11y.js';

/** Each chart and the panel it sits in. */
const CHARTS = { categories: 'achievements', terms: 'vocabulary', cloud: 'vocabulary', formulations: 'formulations', themes: 'themes' };
const EMPTY_KWIC = { term: '', lines: [], collocates: [] };

export class ReportView {
  reports = [];
  current = -1;
  #table = { filter: '', category: '', sort: null };
  #kwic = EMPTY_KWIC;
  #kwicSort = null;
  #charts = null;
  #renderToken = 0;
  #lists;
  #text;

  /** shadow: the element's shadow root; host: the element; addStyles(css) adds rules to it. */
  constructor(shadow, host, addStyles) {
    this.shadow = shadow;
    this.host = host;
    this.t = null;
    this.#text = new TextView(this.$('#text-view'), addStyles);
    this.#lists = this.#setupLists();
    this.#bindTools();
  }

  $(sel) {
    return this.shadow.querySelector(sel);
  }

  get analysis() {
    return this.reports[this.current] ?? null;
  }

  /** Adds an analysis and shows it. */
  add(analysis) {
    this.reports.push(analysis);
    return this.show(this.reports.length - 1);
  }

  clear() {
    this.reports = [];
    this.current = -1;
    this.#renderToken++;
    this.#text.clear();
    this.$('#results').hidden = true;
    this.#renderTabs();
  }

  /** Renders report i, a few panels per step (each step is a performance measure). */
  async show(i) {
    const token = ++this.#renderToken;
    const stale = () => token !== this.#renderToken;
    this.current = i;
    const a = this.reports[i];
    const ctx = this.#ctx();
    this.$('#results').hidden = false;
    const steps = [
      ['head', () => {
        this.#renderTabs();
        renderComparison(ctx, this.reports);
        renderOverview(ctx, a);
        renderOutline(ctx, a);
        renderArticles(ctx, a);
        renderWarnings(ctx, a);
      }],
      ['achievements', () => {
        renderMetrics(ctx, a);
        this.#renderTable();
      }],
      ['language', () => {
        renderKeywords(ctx, a);
        renderFormulations(ctx, a);
        renderEntities(ctx, a);
        this.#kwic = EMPTY_KWIC;
        this.#kwicSort = null;
        renderConcordance(ctx, this.#kwic, null);
      }],
      ['text', () => {
        this.#text.render(a.text, a.quantities.map((q) => q.span));
        this.#applyLayer();
      }],
    ];
    for (const [name, step] of steps) {
      const t0 = performance.now();
      step();
      performance.measure(`report-lens:render:${name}`, { start: t0, end: performance.now() });
      const y0 = performance.now();
      await yieldToBrowser(); // the browser lays out and paints what the step added
      performance.measure(`report-lens:layout:${name}`, { start: y0, end: performance.now() });
      if (stale()) return;
    }
    const t0 = performance.now();
    await this.drawCharts(stale);
    performance.measure('report-lens:render:charts', { start: t0, end: performance.now() });
  }

  /** Re-renders the report shown (after a change of language), keeping the concordance. */
  async rerender() {
    if (this.current < 0) return;
    const kwic = this.#kwic;
    const sort = this.#kwicSort;
    await this.show(this.current);
    if (kwic.term && this.analysis) {
      this.#kwic = kwic;
      this.#kwicSort = sort;
      renderConcordance(this.#ctx(), kwic, sort);
    }
  }

  /** Draws the charts of the panels shown (and describes every chart). */
  async drawCharts(stale = () => false) {
    const a = this.analysis;
    if (!a) return;
    const { Charts } = await loadCharts();
    if (stale()) return;
    this.#charts ??= new Charts(this.shadow, this.host);
    for (const [name, panel] of Object.entries(CHARTS)) {
      const t0 = performance.now();
      describeChart(this.$(`[data-chart="${name}"]`), name, a, this.t);
      if (this.$(`[data-panel="${panel}"]`).dataset.off !== '1') this.#charts.draw(name, a, this.t);
      performance.measure(`report-lens:chart:${name}`, { start: t0, end: performance.now() });
    }
  }

  #ctx() {
    return {
      $: (sel) => this.$(sel),
      t: this.t,
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

  #renderTabs() {
    const nav = this.$('#reports');
    nav.hidden = this.reports.length < 2;
    nav.replaceChildren(
      ...this.reports.map((a, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.setAttribute('part', 'button tab');
        b.setAttribute('aria-current', String(i === this.current));
        b.textContent = a.meta.title || a.source.name || this.t('reports.untitled', { n: i + 1 });
        if (a.meta.title || a.source.name) b.lang = 'zh-CN';
        b.addEventListener('click', () => this.show(i));
        return b;
      }),
    );
  }

  #renderTable() {
    if (this.analysis) renderQuantityTable(this.#ctx(), this.analysis, this.#table);
  }

  #pickQuantity(i) {
    const q = this.analysis?.quantities[i];
    if (!q) return;
    this.#text.show(q.sentence, { as: 'sentence' });
    this.#text.show(q.span, { as: 'flash' });
  }

  /** A concordance, computed by the core in the worker. */
  async #searchTerm(term) {
    term = term.trim();
    const a = this.analysis;
    if (!term || !a) return;
    this.$('#kwic-term').value = term;
    const result = await engine().concordance(a.text, term);
    if (a !== this.analysis) return;
    this.#kwic = result;
    renderConcordance(this.#ctx(), result, this.#kwicSort);
    if (this.$('#highlight-layer').value === 'search') this.#applyLayer();
  }

  /** The text view's highlight layer: quantities, or spans from the Analysis. */
  #applyLayer() {
    const a = this.analysis;
    if (!a) return;
    const layer = this.$('#highlight-layer').value;
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

  /** One Tab stop per list or table body; arrows move within it. */
  #setupLists() {
    const r = (id, sel) => roving(this.$(id), sel);
    return {
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

  #bindTools() {
    const $ = (s) => this.$(s);
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
    this.shadow.addEventListener('click', (e) => {
      const kind = e.target?.closest?.('[data-export]')?.dataset.export;
      if (kind) this.#export(kind);
    });
  }

  /** Downloads of what the core computed: JSON, the quantities as CSV, the charts. */
  async #export(kind) {
    const a = this.analysis;
    if (!a) return;
    const where = this.shadow;
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
