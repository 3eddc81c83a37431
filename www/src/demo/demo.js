// The demo page: a header with a language switch and a sample button around one <report-lens>.
// Everything else is the element.
import '../element/report-lens.js';

const TEXT = {
  zh: {
    title: '报告透视 report-lens',
    name: '报告透视',
    tagline: '把政协工作报告拖到这里：结构、履职实绩、词频、关键词，一目了然。全部在本机浏览器中完成，报告不会离开您的电脑。',
    sample: '试用示例报告',
    switch: '语言',
  },
  en: {
    title: 'report-lens: what a work report says and claims',
    name: 'Report Lens',
    tagline: 'Drop a CPPCC work report here: its structure, achievements, term frequencies and keywords at a glance. Everything runs in this browser; the report never leaves your computer.',
    sample: 'Try the sample report',
    switch: 'Language',
  },
};

// index.html loads this module `async`: it then runs in a task of its own as soon as it
// arrives, not in the parser's last task, which Chromium follows with a forced layout of the
// page. The element starts its worker as it connects, and Chromium needs this thread free to
// start a worker once its script arrives (bench/README.md, twenty-second pass). An async module
// may run before the parser reaches the page's elements: the wiring waits for them.
function wire() {
  const lens = document.getElementById('lens');

  function setLang(lang) {
    const text = TEXT[lang];
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = text.title;
    for (const n of document.querySelectorAll('[data-demo-t]')) n.textContent = text[n.dataset.demoT];
    for (const b of document.querySelectorAll('.lang-switch button')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    document.querySelector('.lang-switch').setAttribute('aria-label', text.switch);
    lens.setAttribute('lang', lang);
  }

  for (const b of document.querySelectorAll('.lang-switch button')) b.addEventListener('click', () => setLang(b.dataset.lang));
  if (new URLSearchParams(location.search).get('lang') === 'en') setLang('en');

  document.getElementById('sample-button').addEventListener('click', async () => {
    // the offline page carries the sample; the served page fetches it
    const sample = globalThis.__reportLensSample ?? new Uint8Array(await (await fetch('samples/sample-report.txt')).arrayBuffer());
    lens.analyze(sample, { name: 'sample-report.txt' }).catch(() => {}); // the element shows the error
  });

  // a file dropped beside the element must not navigate away from the page
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());

  // timings for the end-to-end tests
  window.__reportLens = lens.timings;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire, { once: true });
else wire();
