// One committee over several years (the Comparison's `series`): the year-over-year table of
// quantities the core paired by category and subject, each row with the sentences behind its
// numbers behind a disclosure (<details>: Enter or Space opens it). The timeline charts are
// drawn by the chart code (compare-charts.js) from the same series.
import { el, content } from '../dom.js';

/** The sentence a quantity of report `id` stands in, from that report's text. */
function sentenceOf(reports, ref) {
  const a = reports.find((r) => r.id === ref.report);
  const [s, e] = ref.sentence;
  return a?.text ? a.text.slice(s, e) : ref.context;
}

export function renderSeries(view, c, labels) {
  const { t, reports } = view;
  const $ = (s) => view.$(s);
  const s = c?.series;
  $('#series').hidden = !s;
  if (!s) {
    $('#changes-table tbody').replaceChildren();
    return;
  }
  $('#series-committee').textContent = s.committee;
  const label = (id) => labels[c.reports.findIndex((r) => r.id === id)] ?? '';
  const none = t('series.none');
  const value = (q) => (q ? content('span', {}, q.text) : el('span', { class: 'muted' }, none));
  const quote = (q, year) =>
    q
      ? el('blockquote', {}, el('cite', { 'data-label-of': q.report, lang: 'zh-CN' }, label(q.report) || String(year)), ' ', content('q', {}, sentenceOf(reports, q)))
      : null;
  $('#changes-table tbody').replaceChildren(
    ...s.changes.map((ch) =>
      el(
        'tr',
        { dataset: { trend: ch.trend, category: ch.category } },
        el('td', {}, t.code('category', ch.category)),
        content('td', {}, ch.subject),
        content('td', {}, ch.unit),
        el('td', {}, `${ch.from_year} → ${ch.to_year}`),
        el('td', { class: 'values' }, value(ch.before), ' → ', value(ch.after)),
        el('td', { class: `trend ${ch.trend}` }, t.code('trend', ch.trend)),
        el(
          'td',
          {},
          el('details', { class: 'sentences' }, el('summary', { part: 'button' }, t('series.show')), quote(ch.before, ch.from_year), quote(ch.after, ch.to_year)),
        ),
      ),
    ),
  );
}
