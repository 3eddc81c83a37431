// The page: intake (drop, pick, paste, sample), the worker, and the views of the results.
import { Analyzer } from './client.js';
import { $, el } from './dom.js';
import * as views from './views.js';
import * as charts from './charts.js';
import { download, quantitiesCsv } from './exporting.js';

const ACCEPTED = /\.(txt|text|md|markdown|html?|docx)$/i;
const HARD_LIMIT = 64 * 1024 * 1024; // larger files are not even read (the core's limit is lower)
const state = { reports: [], current: -1, table: { filter: '', category: '', sort: null }, marks: new Map(), kwic: null, kwicSort: null };
const perf = (window.__reportLens = { readyMs: null, analyses: [] });

function setState(s) {
  document.body.dataset.state = s;
}

function status(text, progress) {
  $('#status-text').textContent = text;
  const bar = $('#load-progress');
  if (progress == null) $('#status').classList.add('ready');
  else {
    $('#status').classList.remove('ready');
    bar.value = progress;
  }
}

function showError(message) {
  const box = $('#error');
  box.textContent = message;
  box.hidden = !message;
}

const STAGES = { download: '正在下载分析引擎', compile: '正在编译分析引擎', dictionary: '正在加载分词词典' };
const analyzer = new Analyzer({
  onProgress: ({ stage, loaded, total }) => {
    const pct = total ? loaded / total : 0;
    status(`${STAGES[stage]}……${stage === 'download' ? ` ${Math.round(pct * 100)}%` : ''}`, stage === 'download' ? pct * 0.8 : 0.9);
  },
  onReady: ({ ms }) => {
    perf.readyMs = ms;
    status(`分析引擎就绪（${Math.round(ms)} 毫秒）。请拖入报告文件。`);
    setState('ready');
  },
  onFatal: (msg) => {
    status('分析引擎加载失败');
    showError(`分析引擎加载失败：${msg}`);
    setState('error');
  },
});
setState('loading');

async function analyzeInputs(inputs) {
  showError('');
  const errors = [];
  for (const { name, read } of inputs) {
    setState('busy');
    status(`正在分析 ${name}……`);
    try {
      const input = await read();
      const { analysis, ms } = await analyzer.analyze(input, name);
      perf.analyses.push({ name, ms, bytes: analysis.source.bytes });
      state.reports.push(analysis);
      state.current = state.reports.length - 1;
    } catch (e) {
      errors.push(`${name}：${e.message}`);
    }
  }
  if (errors.length) showError(errors.join('\n'));
  if (state.current >= 0) {
    renderReportTabs();
    show(state.current);
    views.renderComparison(state.reports);
    status(`分析完成：${state.reports.length} 份报告。`);
    setState(errors.length ? 'error' : 'done');
  } else {
    status('没有可显示的结果。');
    setState('error');
  }
}

function fileInputs(files) {
  return [...files].map((f) => ({
    name: f.name,
    read: async () => {
      if (!ACCEPTED.test(f.name) && f.type && !f.type.startsWith('text/')) {
        // still hand the bytes to the core: it names the type (PDF, image …) in its message
      }
      if (f.size > HARD_LIMIT) throw new Error(`文件过大：${(f.size / 1048576).toFixed(1)} MB，上限为 20 MB`);
      return new Uint8Array(await f.arrayBuffer());
    },
  }));
}

function renderReportTabs() {
  const nav = $('#reports');
  nav.hidden = state.reports.length < 2;
  nav.replaceChildren(
    ...state.reports.map((a, i) =>
      el('button', { type: 'button', class: i === state.current ? 'active' : null, onclick: () => show(i) }, a.meta.title || a.source.name || `报告 ${i + 1}`),
    ),
  );
}

function show(i) {
  state.current = i;
  const a = state.reports[i];
  $('#results').hidden = false;
  renderReportTabs();
  views.renderOverview(a);
  views.renderKeywords(a, searchTerm);
  views.renderMetrics(a);
  state.marks = views.renderText(a);
  views.renderOutline(a, (span) => views.scrollToSpan(span));
  views.renderArticles(a, (art) => {
    views.renderMeta(art.meta);
    views.scrollToSpan(art.span);
  });
  views.renderWarnings(a, (span) => views.scrollToSpan(span, { highlight: true }));
  renderTable();
  charts.drawTerms(a);
  charts.drawCloud(a);
  charts.drawCategories(a);
  views.renderFormulations(a, (span) => views.scrollToSpan(span, { highlight: true }));
  charts.drawFormulations(a, views.FAMILY_COLORS);
  charts.drawThemes(a);
  views.renderEntities(a, (span) => views.scrollToSpan(span, { highlight: true }));
  state.kwic = null;
  views.renderConcordance({ term: '', lines: [], collocates: [] }, null, () => {}, searchTerm);
  applyLayer();
}

/** Runs a concordance in the worker (the core computes it) and shows it. */
async function searchTerm(term) {
  term = term.trim();
  if (!term || state.current < 0) return;
  $('#kwic-term').value = term;
  const a = state.reports[state.current];
  state.kwic = await analyzer.concordance(a.text, term);
  renderKwic();
  if ($('#highlight-layer').value === 'search') applyLayer();
}

function renderKwic() {
  if (!state.kwic) return;
  views.renderConcordance(state.kwic, state.kwicSort, (span) => views.scrollToSpan(span, { highlight: true }), searchTerm);
}

/** The text view's highlight layer: quantities (marks) or spans from the Analysis. */
function applyLayer() {
  const a = state.reports[state.current];
  if (!a) return;
  const layer = $('#highlight-layer').value;
  if (layer === 'quantities') return views.clearLayer();
  const spans =
    layer === 'formulations'
      ? a.formulations.flatMap((f) => f.spans)
      : layer === 'entities'
        ? [...a.entities.people, ...a.entities.places].flatMap((x) => x.spans)
        : (state.kwic?.lines ?? []).map((l) => l.span);
  views.highlightSpans(spans);
}

function renderTable() {
  const a = state.reports[state.current];
  views.renderQuantityTable(a, state.table, pick);
}

function pick(i) {
  for (const m of document.querySelectorAll('#text-view mark.flash')) m.classList.remove('flash');
  const m = state.marks.get(i);
  if (!m) return;
  m.classList.add('flash');
  views.scrollToSpan(state.reports[state.current].quantities[i].sentence, { highlight: true });
  m.scrollIntoView({ block: 'center' });
}

// intake
const dz = $('#dropzone');
dz.addEventListener('dragover', (e) => {
  e.preventDefault();
  dz.classList.add('over');
});
dz.addEventListener('dragleave', () => dz.classList.remove('over'));
dz.addEventListener('drop', (e) => {
  e.preventDefault();
  dz.classList.remove('over');
  if (e.dataTransfer?.files?.length) analyzeInputs(fileInputs(e.dataTransfer.files));
});
// a file dropped anywhere else must not navigate away from the page
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());
$('#file-input').addEventListener('change', (e) => {
  analyzeInputs(fileInputs(e.target.files));
  e.target.value = '';
});
$('#paste-button').addEventListener('click', () => {
  const text = $('#paste-text').value;
  analyzeInputs([{ name: '粘贴的文字', read: async () => text }]);
});
$('#sample-button').addEventListener('click', () =>
  analyzeInputs([
    {
      name: 'sample-report.txt',
      read: async () =>
        globalThis.__reportLensSample ?? new Uint8Array(await (await fetch('samples/sample-report.txt')).arrayBuffer()),
    },
  ]),
);

// table tools
$('#quantity-filter').addEventListener('input', (e) => {
  state.table.filter = e.target.value.trim();
  renderTable();
});
$('#quantity-category').addEventListener('change', (e) => {
  state.table.category = e.target.value;
  renderTable();
});
for (const th of document.querySelectorAll('#quantity-table th[data-sort]')) {
  th.addEventListener('click', () => {
    const key = th.dataset.sort;
    const dir = state.table.sort?.key === key && state.table.sort.dir === 'asc' ? 'desc' : 'asc';
    state.table.sort = { key, dir };
    for (const t of document.querySelectorAll('#quantity-table th')) t.classList.remove('asc', 'desc');
    th.classList.add(dir);
    renderTable();
  });
}

// concordance and highlight layers
$('#kwic-form').addEventListener('submit', (e) => {
  e.preventDefault();
  searchTerm($('#kwic-term').value);
});
for (const th of document.querySelectorAll('#kwic-table th[data-sort]')) {
  th.addEventListener('click', () => {
    state.kwicSort = th.dataset.sort;
    renderKwic();
  });
}
$('#highlight-layer').addEventListener('change', applyLayer);

// exports
document.addEventListener('click', async (e) => {
  const kind = e.target?.dataset?.export;
  if (!kind || state.current < 0) return;
  const a = state.reports[state.current];
  const base = (a.source.name || 'report').replace(/\.[^.]+$/, '');
  if (kind === 'json') download(`${base}.analysis.json`, JSON.stringify(a, null, 2), 'application/json');
  if (kind === 'csv') download(`${base}.quantities.csv`, quantitiesCsv(a), 'text/csv');
  if (kind === 'svg' || kind === 'png') {
    for (const { chart, name } of charts.allCharts()) {
      if (kind === 'svg') download(`${base}.${name}.svg`, charts.svgOf(chart), 'image/svg+xml');
      else download(`${base}.${name}.png`, await charts.pngOf(chart), 'image/png');
    }
  }
});
