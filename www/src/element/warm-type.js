// The first report's first frames lay out text in a dozen font sizes and weights the page has
// not used yet. For each new size Chromium asks the browser process for the font's data and
// render style, once per font of the fallback list (an IPC and fontconfig work each): 15-40 ms
// of the first report's layouts on the test machine, enough to make them long tasks. Once, in
// an idle period while the worker compiles (or after ready), the element lays out one line in
// each of those styles off screen, with the results' own classes (styles.css), so the sizes are
// the real ones; then it removes it.
import { el, idle, offScreenForAFrame, afterFrame } from './dom.js';
import { CLOUD_SIZES, CLOUD_WEIGHT } from './cloud-sizes.js';

// The results' text styles, nested as in the views (headings, figures, cards, charts' titles,
// tables, lists, the reports' tabs, links and labels), in an inert box; each line holds a
// Chinese char, Latin and digits (one font where the Chinese font has them, else two).
const LINE = '国a1';
// In two parts, one a frame, the word cloud's sizes shared out over them: in one, its layout
// made a frame of 59-78 ms; in seven, the last parts fell after ready, where their font calls
// met the worker analysing a report dropped at once (tasks of up to 397 ms). With two, the
// second part's frame still often begins just after ready (bench/README.md, nineteenth and
// twentieth passes).
const SPECIMEN = [
  `<h2>${LINE}<small>${LINE}</small></h2><h3>${LINE}</h3><p class="subtitle">${LINE}</p>
<div class="figure"><div class="value">${LINE}</div><div class="label">${LINE}</div></div>
<div class="card"><div class="value">${LINE}<span class="unit">${LINE}</span></div><div class="sub">${LINE}</div></div>`,
  `<div class="chart-title">${LINE}</div>
<table><thead><tr><th><span class="sort">${LINE}</span></th><th>${LINE}</th></tr></thead>
<tbody><tr class="target"><td>${LINE}<span class="kind">${LINE}</span></td></tr><tr><th>${LINE}</th></tr></tbody></table>
<ul class="warnings"><li>${LINE}<span class="removed">${LINE}</span></li></ul>
<div class="reports"><button type="button" aria-current="true">${LINE}</button></div>
<ol class="articles"><li class="main"><button type="button" class="link">${LINE}</button></li></ol>
<p>${LINE}<span class="part-label">${LINE}</span></p><h4>${LINE}</h4>
<div class="chart-tools"><button type="button">${LINE}</button></div>`,
];

let warmed = false;

/** Lays the specimen out in `container` (inside the element's shadow root), a part per
 * frame, once the page is idle. */
export function prepareType(container) {
  idle(() => {
    if (warmed || !container?.isConnected) return;
    warmed = true;
    offScreenForAFrame(container, 'width:40em', async (box) => {
      box.lang = 'zh-CN';
      box.inert = true; // its buttons (the tabs' and links' styles) take no focus
      box.dataset.warmUp = 'type'; // (bench/drop-at-ready.mjs times its parts)
      // the word cloud's sizes, in its weight (the charts draw in the element's font), shared
      // out over the parts: each is a new strike
      const sizes = [...new Set([...CLOUD_SIZES.wide, ...CLOUD_SIZES.narrow])];
      const share = Math.ceil(sizes.length / SPECIMEN.length);
      for (const [i, part] of SPECIMEN.entries()) {
        if (i > 0) await afterFrame();
        // a constant of this module, no report text: safe as markup
        box.insertAdjacentHTML('beforeend', part);
        // (set through the CSSOM: a host page's CSP may refuse style attributes)
        box.append(
          ...sizes.slice(i * share, (i + 1) * share).map((px) => {
            const span = el('span', {}, LINE);
            Object.assign(span.style, { fontSize: `${px}px`, fontWeight: String(CLOUD_WEIGHT) });
            return span;
          }),
        );
      }
    });
  });
}
