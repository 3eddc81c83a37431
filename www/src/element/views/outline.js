// The outline as a tree of headings: nested lists by level, each heading a button that scrolls
// the text to it, with a bar for its share of the text and its part (review or plan).
import { el, content } from '../dom.js';

/** Size of a section: from its heading to the next heading of the same or a higher level. */
function sectionSizes(a) {
  return a.sections.map((s, i) => {
    let next = a.text.length;
    for (let j = i + 1; j < a.sections.length; j++) {
      if (a.sections[j].level <= s.level) {
        next = a.sections[j].span[0];
        break;
      }
    }
    return next - s.span[0];
  });
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
  // a stack of [level, list]: a deeper heading opens a list inside the last item
  const stack = [[0, top]];
  a.sections.forEach((s, i) => {
    while (stack.length > 1 && stack[stack.length - 1][0] >= s.level) stack.pop();
    let [, list] = stack[stack.length - 1];
    const pct = Math.round((sizes[i] / a.text.length) * 100);
    const li = el(
      'li',
      { dataset: { level: s.level } },
      content('button', { type: 'button', class: 'link', onclick: () => actions.pickSpan(s.span) }, s.title),
      bar(Math.max(0.2, (sizes[i] / max) * 10)),
      el('span', { class: 'sr-only' }, t('outline.size', { pct })),
      t.code('part', s.part) ? el('span', { class: 'part-label' }, t.code('part', s.part)) : null,
    );
    list.append(li);
    const sub = el('ol');
    li.append(sub);
    stack.push([s.level, sub]);
  });
  for (const ol of top.querySelectorAll('ol')) if (!ol.children.length) ol.remove();
  nav.replaceChildren(top);
  lists.outline.refresh();
}
