// Formulations (提法): the table of catalogued wordings with their family, count and density.
import { el, content } from '../dom.js';

export function renderFormulations({ $, t, actions, lists }, a) {
  $('#formulation-share').textContent = t('formulations.share', { pct: Math.round(a.stats.formulation_sentence_share * 100) });
  $('#formulation-table tbody').replaceChildren(
    ...(a.formulations.length
      ? a.formulations.map((f) =>
          el(
            'tr',
            { dataset: { name: f.name }, tabindex: -1, onclick: () => actions.pickSpan(f.spans[0]) },
            content('td', {}, f.name),
            el('td', {}, t.code('family', f.family)),
            el('td', {}, t.fmt(f.count)),
            el('td', {}, t.fmt(f.per_10k)),
          ),
        )
      : [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, t('formulations.none')))]),
  );
  lists.formulations.refresh();
}
