// The first report's first frames lay out text in a dozen font sizes and weights the page has
// not used yet. For each new size Chromium asks the browser process for the font's data and
// render style, once per font of the fallback list (an IPC and fontconfig work each): 15-40 ms
// of the first report's layouts on the test machine, enough to make them long tasks. Once, when
// the page is idle, the element lays out one line in each of those styles off screen, with the
// results' own classes (styles.css), so the sizes are the real ones; then it removes it.
import { afterFrame } from './dom.js';

// The results' text styles, nested as in the views (headings, figures, cards, charts' titles,
// tables, lists); each line holds a Chinese char, Latin and digits (two fonts of the list).
const LINE = '国a1';
const SPECIMEN = `
<h2>${LINE}<small>${LINE}</small></h2><h3>${LINE}</h3><p class="subtitle">${LINE}</p>
<div class="figure"><div class="value">${LINE}</div><div class="label">${LINE}</div></div>
<div class="card"><div class="value">${LINE}<span class="unit">${LINE}</span></div><div class="sub">${LINE}</div></div>
<div class="chart-title">${LINE}</div>
<table><thead><tr><th><button class="sort">${LINE}</button></th></tr></thead>
<tbody><tr class="target"><td>${LINE}<span class="kind">${LINE}</span></td></tr><tr><th>${LINE}</th></tr></tbody></table>
<ul class="warnings"><li>${LINE}<span class="removed">${LINE}</span></li></ul>`;

let warmed = false;

/** Lays the specimen out in `container` (inside the element's shadow root) for one frame. */
export function warmType(container) {
  if (warmed || !container?.isConnected) return;
  warmed = true;
  const node = document.createElement('div');
  node.setAttribute('aria-hidden', 'true');
  node.lang = 'zh-CN';
  // off screen, not hidden: text that is not laid out loads no font
  node.style.cssText = 'position:absolute;left:-10000px;top:0;width:40em;pointer-events:none';
  // a constant of this module, no report text: safe as markup
  node.innerHTML = SPECIMEN;
  container.append(node);
  afterFrame().then(() => node.remove());
}
