// ECharts in stages, each imported (and so evaluated) in a task of its own before the charts
// that use them (charts-impl.js): evaluating all of ECharts in one task blocked the page for
// 139–363 ms on a 2-core machine, 1–2 s after "ready", when a user may be dropping a file. In
// stages (traced loads): this one 22–53 ms, charts-parts.js 32–71 ms (9–27 since the word
// cloud's font probe is patched: tools/wordcloud-probe.mjs), charts-impl.js 3–8 ms.
// Stage 1: the core and the SVG renderer.
export * as echarts from 'echarts/core';
export { SVGRenderer } from 'echarts/renderers';
