// Several reports side by side, as the core compared them (engine().compare → Comparison):
// the reports (renamed, reordered, removed here), figures per category, formulation and
// entity kind with counts and rates per 10,000 characters, theme shares, keyness, shared terms,
// and for one committee over several years the series (views/series.js). Nothing is computed
// here but labels: a name the user gives a column replaces the core's label everywhere.
import { el, content, afterFrame } from '../dom.js';
import { renderSeries } from './series.js';
import { measureFrom } from '../perf.js';

const MAX_REPORTS = 50;
const KEY_TERMS = 15;
const SHARED_TERMS = 20;
// The figures table's rows laid out per frame (see render)
const FIGURE_ROWS = 16;

export class CompareView {
  /** id → the name the user gave that column */
  #names = new Map();
  #comparison = null;
  #key = '';
  #token = 0;
  #renderToken = 0;
  /** refreshes under way */
  #refreshing = 0;

  /** view: the ReportView (reports, t, $, move, remove, drawCompareCharts). */
  constructor(view) {
    this.view = view;
    const list = view.$('#compare-reports');
    list.addEventListener('input', (e) => {
      const input = e.target.closest?.('input[data-id]');
      if (input) this.#rename(input.dataset.id, input.value);
    });
    list.addEventListener('click', (e) => {
      const b = e.target.closest?.('button[data-act]');
      if (!b) return;
      const id = b.closest('li').dataset.id;
      const i = view.reports.findIndex((a) => a.id === id);
      if (b.dataset.act === 'remove') view.remove(i, id);
      else view.move(i, b.dataset.act === 'up' ? -1 : 1, id, b.dataset.act);
    });
  }

  get comparison() {
    return this.#comparison;
  }

  /** The name of a report's column: the user's, else the core's label, else its title or file. */
  labelOf(a, i = 0) {
    const named = this.#names.get(a.id);
    if (named) return named;
    const column = this.#comparison?.reports.find((r) => r.id === a.id);
    return column?.label || a.meta?.title || a.source?.name || this.view.t('reports.untitled', { n: i + 1 });
  }

  /** The column labels of the comparison, in its order (edited names included). */
  labels() {
    const c = this.#comparison;
    return c ? c.reports.map((r) => this.#names.get(r.id) || r.label) : [];
  }

  forget(id) {
    this.#names.delete(id);
  }

  /** Asks the core for the comparison when the set or order of reports changed; renders it.
   * The panel is aria-busy until the last refresh asked for is drawn, charts and all. */
  async refresh({ focus } = {}) {
    const panel = this.view.$('[data-panel="compare"]');
    this.#refreshing++;
    panel.setAttribute('aria-busy', 'true');
    try {
      await this.#refresh(panel, focus);
    } finally {
      if (--this.#refreshing === 0) panel.setAttribute('aria-busy', 'false');
    }
  }

  async #refresh(panel, focus) {
    const { reports, t } = this.view;
    const $ = (s) => this.view.$(s);
    panel.hidden = reports.length < 2 || panel.dataset.off === '1';
    if (reports.length < 2) {
      this.#comparison = null;
      this.#key = '';
      return;
    }
    const status = $('#compare-status');
    if (reports.length > MAX_REPORTS) {
      status.textContent = t('compare.tooMany', { n: reports.length });
      this.#comparison = null;
      this.#key = '';
      await this.render({ focus });
      return;
    }
    const key = reports.map((a) => a.id).join(' ');
    if (key !== this.#key) {
      const token = ++this.#token;
      status.textContent = t('compare.working', { n: reports.length });
      try {
        const t0 = performance.now();
        const c = await this.view.engine().compare(reports);
        measureFrom('report-lens:compare', t0);
        if (token !== this.#token) return;
        this.#comparison = c;
        this.#key = key;
        status.textContent = '';
      } catch (e) {
        if (token !== this.#token) return;
        this.#comparison = null;
        this.#key = '';
        status.textContent = t('compare.failed', { message: t.coreMessage(String(e?.message ?? e)) });
      }
    }
    if (await this.render({ focus })) await this.view.drawCompareCharts();
  }

  /**
   * Renders everything (a change of language or of the reports): the list of reports (and the
   * focus) at once, then one part per frame, so that each is laid out in a task of its own.
   * In one task, the comparison of two long reports took 65 ms of layout (the list 12–17 ms,
   * the figures 21–23, keyness 6–9, shared terms 3–4). False when a newer render took over.
   */
  async render({ focus } = {}) {
    const token = ++this.#renderToken;
    const { reports, t } = this.view;
    const $ = (s) => this.view.$(s);
    if (reports.length < 2) return void $('#compare-reports').replaceChildren();
    this.#renderList(reports, t, $);
    if (focus) ($(`#compare-reports li[data-id="${focus.id}"] [data-act="${focus.act}"]`) ?? $('#compare-reports input'))?.focus();
    const c = this.#comparison;
    const status = $('#compare-status');
    if (c?.duplicates.length) status.textContent = t('compare.duplicates', { names: c.duplicates.map((d) => d.name).join(t.sep) });
    $('[data-export="timeline-csv"]').hidden = !c?.series;
    // the figures' rows FIGURE_ROWS per frame: the whole table in one frame (~600 elements for
    // three reports) took 40 ms of style and layout on an idle 2-core machine, 52-82 under load
    const rows = c ? this.#figureRows(c, t) : [];
    const parts = [];
    for (let k = 0; k < rows.length; k += FIGURE_ROWS) parts.push(rows.slice(k, k + FIGURE_ROWS));
    const steps = [
      ['figures', () => {
        $('#compare-table thead').replaceChildren(...(c ? [this.#figuresHead(c, t)] : []));
        $('#compare-table tbody').replaceChildren();
      }],
      ...parts.map((part) => ['figures', () => $('#compare-table tbody').append(...part)]),
      ['keyness', () => (c ? this.#renderKeyness(c, t, $) : $('#keyness').replaceChildren())],
      ['shared', () => (c ? this.#renderShared(c, t, $) : ['#shared-table thead', '#shared-table tbody'].forEach((s) => $(s).replaceChildren()))],
      ['series', () => renderSeries(this.view, c, this.labels())],
    ];
    for (const [name, step] of steps) {
      await afterFrame();
      if (token !== this.#renderToken) return false;
      const t0 = performance.now();
      step();
      measureFrom(`report-lens:compare:${name}`, t0);
    }
    return true;
  }

  /** The reports compared: a name field, move and remove buttons each (all labelled). */
  #renderList(reports, t, $) {
    $('#compare-reports').replaceChildren(
      ...reports.map((a, i) => {
        const label = this.labelOf(a, i);
        const facts = [a.meta?.committee?.name, a.meta?.year, t.code('kind', a.meta?.kind), a.source?.name].filter((x) => x != null && x !== '');
        // named by its action and the report's name field (its value): "Remove 青岚市政协 2021年"
        const button = (act, key, text, disabled) =>
          el(
            'button',
            { type: 'button', part: 'button', id: `${act}-${a.id}`, 'data-act': act, 'aria-labelledby': `${act}-${a.id} name-${a.id}`, disabled },
            el('span', { class: 'sr-only' }, t(key)),
            el('span', { 'aria-hidden': 'true' }, text),
          );
        return el(
          'li',
          { dataset: { id: a.id } },
          el('span', { class: 'compare-n', 'aria-hidden': 'true' }, `${i + 1}.`),
          el('input', { type: 'text', id: `name-${a.id}`, value: label, 'data-id': a.id, 'aria-label': t('compare.labelOf', { n: i + 1 }), lang: 'zh-CN', spellcheck: 'false' }),
          button('up', 'compare.moveUp', '↑', i === 0),
          button('down', 'compare.moveDown', '↓', i === reports.length - 1),
          button('remove', 'compare.remove', '×'),
          content('small', { class: 'muted' }, facts.join(' · ')),
        );
      }),
    );
  }

  /** A name typed for a column: shown in the table, charts and lists at once. */
  #rename(id, value) {
    const a = this.view.reports.find((r) => r.id === id);
    if (!a) return;
    if (value.trim()) this.#names.set(id, value.trim());
    else this.#names.delete(id);
    const label = this.labelOf(a);
    for (const n of this.view.shadow.querySelectorAll(`[data-label-of="${id}"]`)) n.textContent = label;
    clearTimeout(this.redraw);
    this.redraw = setTimeout(() => {
      renderSeries(this.view, this.#comparison, this.labels());
      this.view.drawCompareCharts();
    }, 250);
  }

  /** A column head: the report's current name (updated in place when it is renamed). */
  #head(r) {
    return content('th', { scope: 'col', 'data-label-of': r.id }, this.#names.get(r.id) || r.label);
  }

  /** The figures table's head: what a cell holds, then a column per report. */
  #figuresHead(c, t) {
    return el('tr', {}, el('td', {}, el('small', { class: 'muted' }, t('compare.cell'))), ...c.reports.map((r) => this.#head(r)));
  }

  /** The figures table's rows: the reports' facts, then each group of figures, then themes. */
  #figureRows(c, t) {
    const pct = (x) => `${t.fmt(Math.round(x * 1000) / 10)}%`;
    const cell = ({ count, per_10k }) => el('td', {}, el('span', { class: 'count' }, t.fmt(count)), ' ', el('span', { class: 'rate muted' }, `(${t.fmt(per_10k)})`));
    const row = (label, cells, isContent = false) => el('tr', {}, isContent ? content('th', { scope: 'row' }, label) : el('th', { scope: 'row' }, label), ...cells);
    const group = (label) => el('tr', { class: 'group' }, el('th', { scope: 'rowgroup', colspan: c.reports.length + 1 }, label));
    const rowLabel = (f) => (f.group === 'quantities' ? t.code('category', f.key) : f.group === 'entities' ? t(`entities.${f.key}`) : f.key);
    const rows = [
      row(t('compare.committee'), c.reports.map((r) => (r.committee ? content('td', {}, r.committee) : el('td', {})))),
      row(t('compare.year'), c.reports.map((r) => el('td', {}, r.year ?? ''))),
      row(t('compare.kind'), c.reports.map((r) => el('td', {}, t.code('kind', r.kind)))),
      row(t('compare.chars'), c.reports.map((r) => el('td', {}, t.fmt(r.chars)))),
      row(t('compare.achievements'), c.reports.map((r) => cell({ count: r.achievements, per_10k: r.achievements_per_10k }))),
      row(t('compare.formulationDensity'), c.reports.map((r) => el('td', {}, t.fmt(r.formulations_per_10k)))),
      row(t('compare.formulationShare'), c.reports.map((r) => el('td', {}, pct(r.formulation_sentence_share)))),
    ];
    let last = null;
    for (const f of c.figures) {
      if (f.group !== last) rows.push(group(t(`compare.group.${(last = f.group)}`)));
      rows.push(row(rowLabel(f), f.cells.map(cell), f.group === 'formulations'));
    }
    rows.push(group(t('compare.group.themes')));
    for (const th of c.themes) rows.push(row(t.code('theme', th.theme), th.shares.map((s) => el('td', {}, pct(s)))));
    return rows;
  }

  /** Per report, the terms that set it apart: term, count, log-likelihood, log ratio. */
  #renderKeyness(c, t, $) {
    const num = (x, d) => t.fmt(Math.round(x * 10 ** d) / 10 ** d);
    $('#keyness').replaceChildren(
      ...c.keyness.map((k, i) => {
        const r = c.reports[i];
        const terms = k.terms.slice(0, KEY_TERMS);
        const id = `keyness-${i}`;
        return el(
          'div',
          { class: 'keyness', dataset: { report: r.id } },
          content('h4', { id, 'data-label-of': r.id }, this.#names.get(r.id) || r.label),
          terms.length
            ? el(
                'table',
                { part: 'table', 'aria-labelledby': id },
                el('thead', {}, el('tr', {}, ...['compare.keyTerm', 'compare.keyCount', 'compare.keyLL', 'compare.keyRatio'].map((h) => el('th', { scope: 'col' }, t(h))))),
                el(
                  'tbody',
                  {},
                  ...terms.map((x) => el('tr', {}, content('td', { class: 'term' }, x.term), el('td', {}, t.fmt(x.count)), el('td', {}, num(x.g2, 1)), el('td', {}, num(x.log_ratio, 2)))),
                ),
              )
            : el('p', { class: 'muted' }, t('compare.keyNone')),
        );
      }),
    );
  }

  #renderShared(c, t, $) {
    $('#shared-table thead').replaceChildren(el('tr', {}, el('th', { scope: 'col' }, t('compare.term')), ...c.reports.map((r) => this.#head(r))));
    $('#shared-table tbody').replaceChildren(
      ...c.shared_terms.slice(0, SHARED_TERMS).map((x) => el('tr', {}, content('th', { scope: 'row' }, x.term), ...x.counts.map((n, i) => el('td', {}, `${t.fmt(n)} (${t.fmt(x.per_10k[i])})`)))),
    );
  }
}
