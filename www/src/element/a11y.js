// Keyboard access for lists and tables: one Tab stop per list (roving tabindex), arrow keys
// move within it, Enter or Space acts. Sortable headers report their state in aria-sort.

const KEYS = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * Makes the items (matching `selector`) inside `container` one Tab stop: arrows, Home and End
 * move; Enter and Space click items that are not buttons already. Call refresh() after rendering.
 */
export function roving(container, selector, { horizontal = false } = {}) {
  const items = () => [...container.querySelectorAll(selector)];
  const focus = (item) => {
    for (const i of items()) i.tabIndex = i === item ? 0 : -1;
    item.focus();
    item.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };
  container.addEventListener('keydown', (e) => {
    const item = e.target.closest?.(selector);
    if (!item || !container.contains(item)) return;
    const list = items();
    const at = list.indexOf(item);
    let step = KEYS[e.key];
    if (step && !horizontal && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) step = 0;
    if (step) {
      e.preventDefault();
      const next = list[at + step];
      if (next) focus(next);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focus(e.key === 'Home' ? list[0] : list[list.length - 1]);
    } else if ((e.key === 'Enter' || e.key === ' ') && item.localName !== 'button') {
      e.preventDefault();
      item.click();
    }
  });
  container.addEventListener('focusin', (e) => {
    const item = e.target.closest?.(selector);
    if (item) for (const i of items()) i.tabIndex = i === item ? 0 : -1;
  });
  return {
    /** After a render: the first item (or the kept one) is the list's Tab stop. */
    refresh() {
      const list = items();
      const current = list.find((i) => i.tabIndex === 0 && i.dataset.rovingSet) ?? list[0];
      for (const i of list) {
        i.tabIndex = i === current ? 0 : -1;
        i.dataset.rovingSet = '1';
      }
    },
  };
}

/** Shows the sort state on the headers of a table: aria-sort on the th of the sorted column. */
export function showSort(table, sort) {
  for (const b of table.querySelectorAll('th .sort')) {
    const th = b.closest('th');
    const on = sort && sort.key === b.dataset.sort;
    th.setAttribute('aria-sort', on ? (sort.dir === 'desc' ? 'descending' : 'ascending') : 'none');
  }
}
