// The outline as a tree of headings: nested lists by level, each heading a button that scrolls
// the text to it, with a bar for its share of the text and its part (review or plan).
import { el, content } from '../dom.js';
import { renderChunked, paragraphMore } from '../chunked.js';

/** Size of a section: from its heading to the next heading of the same or a higher level.
 * One pass with a stack of open sections (a report may have thousands of headings). */
function sectionSizes(a) {
  const sizes = new Array(a.sections.length);
  const open = [];
  a.sections.forEach((s, i) => {
    while (open.length && a.sections[open.at(-1)].level >= s.level) {
      const j = open.pop();
      sizes[j] = s.span[0] - a.sections[j].span[0];
    }
    open.push(i);
  });
  for (const j of open) sizes[j] = a.text.length - a.sections[j].span[0];
  return sizes;
}

/** A bar for a section's share; its width set through CSSOM (allowed by a strict style CSP). */
function bar(em) {
  const span = el('span', { class: 'bar', 'aria-hidden': 'true' });
  span.style.width = `${em.toFixed(2)}em`;
  return span;
}

export function renderOutline({ $, t, actions, lists }, a) {
  const nav = $('#outline');
  if (!a.sections.length) {
    nav.replaceChildren(el('p', { class: 'muted' }, t('outline.none')));
    return;
  }
  const sizes = sectionSizes(a);
  const max = Math.max(1, ...sizes);
  const top = el('ol');
  // the open lists, outermost first: a deeper heading goes into a list inside the last item
  // (attached when its first item arrives). The stack lives across chunks, so a long outline
  // grows as it is scrolled.
  const stack = [{ level: 0, list: top, owner: null }];
  const place = (s, i) => {
    while (stack.length > 1 && stack[stack.length - 1].level >= s.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent.owner && !parent.list.parentNode) parent.owner.append(parent.list);
    const pct = Math.round((sizes[i] / a.text.length) * 100);
    const li = el(
      'li',
      { dataset: { level: s.level } },
      content('button', { type: 'button', class: 'link', onclick: () => actions.pickSpan(s.span) }, s.title),
      bar(Math.max(0.2, (sizes[i] / max) * 10)),
      el('span', { class: 'sr-only' }, t('outline.size', { pct })),
      t.code('part', s.part) ? el('span', { class: 'part-label' }, t.code('part', s.part)) : null,
    );
    parent.list.append(li);
    stack.push({ level: s.level, list: el('ol'), owner: li });
    return i === 0 ? top : null;
  };
  renderChunked(nav, a.sections, place, { t, moreRow: paragraphMore, chunk: 50, onRender: () => lists.outline.refresh() });
}
