// Lists of things the core found: articles, repairs, keywords, entities. Each item is a
// button (one Tab stop per list; arrows move) that finds the item in the text.
import { el, content } from '../dom.js';
import { renderChunked, listMore } from '../chunked.js';

export function renderArticles({ $, t, actions, lists }, a) {
  $('#article-count').textContent = t('articles.count', { n: a.articles.length });
  renderChunked(
    $('#articles'),
    a.articles,
    (art, i) =>
      el(
        'li',
        { class: art.main ? 'main' : null, dataset: { index: i } },
        art.title
          ? content('button', { type: 'button', class: 'link', onclick: () => actions.showArticle(art) }, art.title)
          : el('button', { type: 'button', class: 'link', onclick: () => actions.showArticle(art) }, t('articles.untitled')),
        el('span', { class: 'kind' }, [t.code('kind', art.meta.kind), art.main ? t('articles.main') : null].filter(Boolean).join(' · ')),
      ),
    { t, moreRow: listMore, chunk: 50, onRender: () => lists.articles.refresh() },
  );
}

export function renderWarnings({ $, t, actions, lists }, a) {
  $('#warning-count').textContent = a.warnings.length ? t('warnings.count', { n: a.warnings.length }) : t('warnings.none');
  if (!a.warnings.length) {
    $('#warnings').replaceChildren(el('li', { class: 'muted' }, t('warnings.clean')));
    return;
  }
  renderChunked(
    $('#warnings'),
    a.warnings,
    (w) =>
      el(
        'li',
        { dataset: { kind: w.kind } },
        el('span', { class: 'kind-label' }, t.code('warning', w.kind), ': '),
        // the core's message quotes the report
        content('button', { type: 'button', class: 'link', onclick: () => w.span && actions.pickSpan(w.span) }, w.message),
        // the text a repair took out (not in `text` any more), shortened
        w.removed ? content('q', { class: 'removed' }, w.removed.length > 60 ? `${w.removed.slice(0, 60)}…` : w.removed) : null,
      ),
    { t, moreRow: listMore, chunk: 50, onRender: () => lists.warnings.refresh() },
  );
}

export function renderKeywords({ $, actions, lists }, a) {
  for (const method of ['tfidf', 'textrank']) {
    $(`#kw-${method}`).replaceChildren(
      ...a.keywords[method].map((k) =>
        el('li', {}, content('button', { type: 'button', class: 'link', onclick: () => actions.searchTerm(k.term) }, k.term), el('span', { class: 'score' }, k.score.toFixed(3))),
      ),
    );
    lists[method].refresh();
  }
}

function entityList(ctx, key, items, label) {
  const { $, t, actions, lists } = ctx;
  const list = $(`#ent-${key}`);
  if (!items.length) {
    list.replaceChildren(el('li', { class: 'muted' }, t('entities.none')));
    return;
  }
  renderChunked(
    list,
    items.slice(0, 100),
    (x) =>
      el(
        'li',
        {},
        content('button', { type: 'button', class: 'link', onclick: () => actions.pickSpan(x.spans[0]) }, x.name ?? x.title),
        label(x),
        el('span', { class: 'count' }, `×${x.count}`),
      ),
    { t, moreRow: listMore, chunk: 50, onRender: () => lists[key].refresh() },
  );
}

export function renderEntities(ctx, a) {
  const { t } = ctx;
  const e = a.entities;
  const tag = (cls, text, isContent) => (text ? (isContent ? content('span', { class: cls }, text) : el('span', { class: cls }, text)) : null);
  entityList(ctx, 'people', e.people, (p) => tag('role', p.role, true));
  entityList(ctx, 'places', e.places, (p) => tag('role', t.code('level', p.level), false));
  entityList(ctx, 'organizations', e.organizations, () => null);
  entityList(ctx, 'documents', e.documents, (d) => tag('role', t.code('docType', d.type), false));
  entityList(ctx, 'meetings', e.meetings, () => null);
}
