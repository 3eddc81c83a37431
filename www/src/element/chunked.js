// Long lists rendered in chunks: the first CHUNK items at once, then the next chunk whenever
// the end of the list scrolls into view (or its "show more" button is pressed). A report with
// tens of thousands of quantities never puts tens of thousands of rows in the DOM at once.

export const CHUNK = 200;

/**
 * Renders items into `parent` (a tbody or a list) with make(item, index) → Element; when make
 * places the item itself (a tree), it returns null. moreRow(button) wraps the "show more"
 * button for the parent (a <tr><td>, an <li>, a <p>).
 */
export function renderChunked(parent, items, make, { t, moreRow, chunk = CHUNK, onRender } = {}) {
  parent._chunkObserver?.disconnect();
  let shown = 0;
  const more = () => {
    parent.querySelector(':scope > .more')?.remove();
    const end = Math.min(items.length, shown + chunk);
    const frag = document.createDocumentFragment();
    for (let i = shown; i < end; i++) {
      const node = make(items[i], i);
      if (node) frag.append(node);
    }
    shown = end;
    if (shown < items.length) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('list.more', { n: items.length - shown });
      button.addEventListener('click', () => {
        const focusNext = document.activeElement === button || button.matches(':focus');
        more();
        if (focusNext) parent.children[shown - Math.min(chunk, shown)]?.focus?.();
      });
      const row = moreRow(button);
      row.classList.add('more');
      frag.append(row);
      observe(row);
    }
    parent.append(frag);
    onRender?.();
  };
  const observe = (row) => {
    if (typeof IntersectionObserver === 'undefined') return;
    const scroller = parent.closest('.table-wrap, .entities, .articles, .warnings, .outline') ?? null;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          more();
        }
      },
      { root: scroller, rootMargin: '200px' },
    );
    parent._chunkObserver = io;
    io.observe(row);
  };
  parent.replaceChildren();
  more();
}

export const tableMore = (columns) => (button) => {
  const tr = document.createElement('tr');
  const td = document.createElement('td');
  td.colSpan = columns;
  td.append(button);
  tr.append(td);
  return tr;
};

export const paragraphMore = (button) => {
  const p = document.createElement('p');
  p.append(button);
  return p;
};

export const listMore = (button) => {
  const li = document.createElement('li');
  li.append(button);
  return li;
};
