// The results part of the element: the reports analysed, the one shown, and everything the
// reader does with it (tabs, table filter and sort, concordance, highlight layers, exports).
// Rendering goes one panel per step with a yield to the browser after each, so that no step
// holds the page for long; long lists are chunked, the text is windowed, and filtering and
// sorting the quantity table run in slices.
import { engine } from '../engine/engine.js';
import { roving } from './a11y.js';
import { afterFrame } from './dom.js';
import { measureFrom } from './perf.js';
import { TextView } from './views/textview.js';
import { loadCharts, describeChart, COMPARE_CHARTS, compareData, describeCompareChart } from './charts.js';
import { renderOverview, renderMeta } from './views/overview.js';
import { renderOutline } from './views/outline.js';
import { renderArticles, renderWarnings, renderKeywords, renderEntities } from './views/lists.js';
import { renderMetrics, renderQuantityTable } from './views/achievements.js';
import { renderFormulations } from './views/language.js';
import { renderConcordance } from './views/concordance.js';
import { CompareView } from './views/compare.js';
import { exportFile } from './exporting.js';
import { showSort } from './a11y.js';

/** Each chart and the panel it sits in. */
const CHARTS = { categories: 'achievements', terms: 'vocabulary', cloud: 'vocabulary', formulations: 'formulations', themes: 'themes' };
const EMPTY_KWIC = { term: '', lines: [], collocates: [] };
/** What clear() empties: every list and table body a report fills. */
const RESULT_LISTS = [
  '#outline', '#articles', '#warnings', '#metric-cards', '#quantity-table tbody', '#kw-tfidf', '#kw-textrank',
  '#formulation-table tbody', '#ent-people', '#ent-places', '#ent-organizations', '#ent-documents', '#ent-meetings',
  '#kwic-table tbody', '#collocates', '#compare-table thead', '#compare-table tbody', '#figures', '#report-meta',
  '#compare-reports', '#keyness', '#shared-table thead', '#shared-table tbody', '#changes-table tbody',
];

export class ReportView {
  reports = [];
  current = -1;
  #table = { filter: '', category: '', sort: null };
  #kwic = EMPTY_KWIC;
  #kwicSort = null;
  #charts = null;
  #renderToken = 0;
  #tableToken = 0;
  #lists;
  #text;

  /**
   * shadow: the element's shadow root; host: the element; addStyles(css) adds rules to it;
   * showing(true | false) when a report starts and finishes being drawn (it takes a few frames).
   */
  constructor(shadow, host, addStyles, showing = () => {}) {
    this.shadow = shadow;
    this.host = host;
    this.showing = showing;
    this.t = null;
    this.#text = new TextView(this.$('#text-view'), this.$('#text-pager'), addStyles);
    this.#lists = this.#setupLists();
    this.compare = new CompareView(this);
    this.#bindTools();
  }

  engine() {
    return engine();
  }

  /** A report's name in the comparison (the user's, else the core's label). */
  labelOf(a, i) {
    return this.compare.labelOf(a, i);
  }

  $(sel) {
    return this.shadow.querySelector(sel);
  }

  get analysis() {
    return this.reports[this.current] ?? null;
  }

  /** Adds an analysis and shows it. The caller asks for the comparison (`compare.refresh()`)
   * once the reports that came together are all shown. */
  add(analysis) {
    this.reports.push(analysis);
    return this.show(this.reports.length - 1);
  }

  /** Removes report i (the one with `id`); the next report's remove button takes the focus. */
  async remove(i, id) {
    if (i < 0 || this.reports[i]?.id !== id) return;
    this.reports.splice(i, 1);
    this.compare.forget(id);
    if (!this.reports.length) return this.clear();
    const next = this.reports[Math.min(i, this.reports.length - 1)];
    const focus = { id: next.id, act: 'remove' };
    if (this.current === i) {
      this.current = -1;
      await this.compare.refresh({ focus });
      return this.show(Math.min(i, this.reports.length - 1));
    }
    if (this.current > i) this.current--;
    this.#renderTabs();
    return this.compare.refresh({ focus });
  }

  /** Moves report i one place earlier (-1) or later (+1); its button keeps the focus. */
  move(i, step, id, act) {
    const j = i + step;
    if (i < 0 || j < 0 || j >= this.reports.length) return;
    [this.reports[i], this.reports[j]] = [this.reports[j], this.reports[i]];
    if (this.current === i) this.current = j;
    else if (this.current === j) this.current = i;
    this.#renderTabs();
    // at the end of the list the button is disabled: the focus goes to the other one
    const last = j === 0 || j === this.reports.length - 1;
    return this.compare.refresh({ focus: { id, act: last ? (act === 'up' ? 'down' : 'up') : act } });
  }

  /** Draws the comparison's charts (those shown) and describes them. */
  async drawCompareCharts() {
    const c = this.compare.comparison;
    if (!c || this.reports.length < 2) return;
    const { Charts } = await loadCharts();
    this.#charts ??= new Charts(this.shadow, this.host);
    const labels = this.compare.labels();
    for (const name of COMPARE_CHARTS) {
      const box = this.$(`[data-chart="${name}"]`);
      if (name.startsWith('timeline') && !c.series) continue;
      const data = compareData(name, c, labels, this.t);
      const t0 = performance.now();
      describeCompareChart(box, name, data, this.t);
      this.#charts.drawCompare(name, data, this.t);
      measureFrom(`report-lens:compare-chart:${name}`, t0);
      await afterFrame();
    }
  }

  /** Forgets every report, and the DOM that showed one (its handlers hold the Analysis). */
  clear() {
    this.reports = [];
    this.current = -1;
    this.#renderToken++;
    this.#tableToken++;
    this.#kwic = EMPTY_KWIC;
    this.#text.render('', [], this.t);
    this.$('#results').hidden = true;
    for (const sel of RESULT_LISTS) {
      const list = this.$(sel);
      list._chunkObserver?.disconnect();
      list.replaceChildren();
    }
    this.#renderTabs();
    this.compare.refresh();
  }

  /** Renders report i, a panel per step (each step is a performance measure). */
  async show(i) {
    const token = ++this.#renderToken;
    const stale = () => token !== this.#renderToken;
    this.current = i;
    const a = this.reports[i];
    const ctx = this.#ctx();
    this.$('#results').hidden = false;
    this.showing(true);
    // [measure name, the panel it draws (held in the old language until then: holdLang), step]
    const steps = [
      ['tabs', null, () => this.#renderTabs()],
      ['overview', 'overview', () => renderOverview(ctx, a)],
      ['outline', 'outline', () => renderOutline(ctx, a)],
      ['articles', 'articles', () => renderArticles(ctx, a)],
      ['warnings', 'warnings', () => renderWarnings(ctx, a)],
      ['metrics', 'achievements', () => renderMetrics(ctx, a)],
      ['quantities', null, () => this.#renderTable(stale)],
      ['keywords', 'vocabulary', () => renderKeywords(ctx, a)],
      ['formulations', 'formulations', () => renderFormulations(ctx, a)],
      ['entities', 'entities', () => renderEntities(ctx, a)],
      ['concordance', 'concordance', () => {
        this.#kwic = EMPTY_KWIC;
        this.#kwicSort = null;
        renderConcordance(ctx, this.#kwic, null);
      }],
      ['text', 'text', () => {
        this.#text.render(a.text, a.quantities, this.t);
        this.#applyLayer();
      }],
    ];
    for (const [name, panel, step] of steps) {
      const t0 = performance.now();
      if (panel) this.#releaseLang(`section.panel[data-panel="${panel}"][lang]`);
      await step();
      measureFrom(`report-lens:render:${name}`, t0);
      // a frame between steps: the browser lays out what each step added in a frame of its own
      // (laying out a whole report's panels at once, Chinese text shaping and all, is a long task)
      await afterFrame();
      if (stale()) return;
    }
    this.#releaseLang('section.panel[lang]');
    await afterFrame(); // the charts read their boxes' sizes: let the browser lay them out first
    if (stale()) return;
    const t0 = performance.now();
    await this.drawCharts(stale);
    measureFrom('report-lens:render:charts', t0);
    if (!stale()) this.showing(false);
  }

  /**
   * Keeps the report's panels in the language they were drawn in (`locale`) while the interface
   * changes language: show() then moves each panel to the new one in the step that redraws it.
   * The root's lang changed at once restyled and laid out every line of every panel in one
   * frame (35–50 ms with a long report: the warnings, the quantity table, the outline).
   */
  holdLang(locale) {
    if (this.current < 0) return;
    // (a panel has a lang of its own only while held; one still held keeps its language)
    for (const p of this.shadow.querySelectorAll('section.panel:not([lang])')) p.lang = locale;
  }

  /** Lets the held panels that match `selector` take the interface's language again. */
  #releaseLang(selector) {
    for (const p of this.shadow.querySelectorAll(selector)) p.removeAttribute('lang');
  }

  /** Re-renders the report shown (after a change of language), keeping the concordance. */
  async rerender() {
    if (this.current < 0) return;
    const kwic = this.#kwic;
    const sort = this.#kwicSort;
    this.compare.render();
    await this.show(this.current);
    if (kwic.term && this.analysis) {
      this.#kwic = kwic;
      this.#kwicSort = sort;
      renderConcordance(this.#ctx(), kwic, sort);
    }
    // after the report's panels, a chart a frame: started with them, the first comparison
    // chart's setOption ran in the click's task (18 ms of a 54–63 ms task), and each later one
    // shared a frame with a panel
    await this.drawCompareCharts();
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
      measureFrom(`report-lens:chart:${name}`, t0);
      await afterFrame(); // ECharts draws in the next frame: one chart per frame
      if (stale()) return;
    }
  }

  #ctx() {
    return {
      $: (sel) => this.$(sel),
      t: this.t,
      lists: this.#lists,
      actions: {
        pickSpan: (span) => this.#text.show(span),
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

  /** The quantity table; a newer call (typing in the filter) makes an older one stop. */
  #renderTable(stale = () => false) {
    const token = ++this.#tableToken;
    if (!this.analysis) return;
    return renderQuantityTable(this.#ctx(), this.analysis, this.#table, () => stale() || token !== this.#tableToken);
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
            : layer === 'repairs'
              ? repairSpans(a)
              : [];
    this.#text.setSpans('layer', spans);
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
    $('#quantity-table tbody').addEventListener('click', (e) => {
      const row = e.target.closest?.('tr[data-index]');
      if (row) this.#pickQuantity(Number(row.dataset.index));
    });
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
      const b = e.target?.closest?.('[data-export]');
      if (b) this.#export(b.dataset.export, b.dataset.chartName);
    });
  }

  /** Downloads one export (exporting.js) of the report shown, or of the comparison. */
  #export(kind, chartName) {
    const a = this.analysis;
    if (!a) return;
    return exportFile(kind, chartName, { analysis: a, compare: this.compare, charts: this.#charts, t: this.t, where: this.shadow });
  }
}

/** Where the core repaired the text: a joined break or a moved caption where it now stands,
 * text taken out (furniture, a repeat: an empty span) as the character after the cut, so that
 * every repair shows; the warnings list says what each one took out. */
const REPAIRS = new Set(['joined', 'caption', 'repeat', 'furniture']);

function repairSpans(a) {
  const n = a.text.length;
  return a.warnings
    .filter((w) => w.span && REPAIRS.has(w.kind))
    .map(({ span: [s, e] }) => (e > s ? [s, e] : [Math.max(0, Math.min(s, n - 1)), Math.min(s + 1, n)]));
}
