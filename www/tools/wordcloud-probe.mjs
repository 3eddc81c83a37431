// echarts-wordcloud 2.1.0 probes, when its module is evaluated, for a browser minimum font size
// on canvas: it measures a fullwidth Ｗ and an m in `sans-serif` at each size from 20px down and
// takes the size below which the widths stop changing. Each new size is new font data, and where
// sans-serif has no fullwidth glyphs a fallback search too: 55-100 ms in a fresh Chromium page
// on our 2-core machine (the m alone: 16-66 ms), inside the chart stage's evaluation, which a
// report dropped at "ready" met as a long task. This finds the same size from few: none when
// 1px and 2px measure alike, else a binary search for the largest size as wide as 1px (a minimum
// applies to all text alike, so the m alone finds it): 6-20 ms. test/wordcloud-probe.test.mjs
// runs both probes against canvases with minimums from none to above 20px.
import { readFileSync } from 'node:fs';

const START = 'var minFontSize = (function getMinFontSize() {';
const PROBE = `var minFontSize = (function getMinFontSize() {
  if (!isSupported) return;
  var ctx = document.createElement('canvas').getContext('2d');
  var width = function (size) { ctx.font = size + 'px sans-serif'; return ctx.measureText('m').width; };
  var w1 = width(1);
  if (width(2) !== w1) return 0;
  if (width(20) === w1) return 20;
  var lo = 2, hi = 20;
  while (hi - lo > 1) { var mid = (lo + hi) >> 1; if (width(mid) === w1) lo = mid; else hi = mid; }
  return lo;`;

/** Where a probe's function is in layout.js: [start, end) up to its closing `})();`. */
export function probeRange(source) {
  const start = source.indexOf(START);
  return start < 0 ? null : [start, source.indexOf('\n})();', start)];
}

/** layout.js with our probe in place of the original; throws when the package changed the
 * original (the build then fails instead of shipping a stale patch). */
export function patch(source) {
  const [start, end] = probeRange(source) ?? [-1, -1];
  if (start < 0 || end < 0 || !source.slice(start, end).includes("ctx.measureText('\\uFF37')")) {
    throw new Error("echarts-wordcloud's layout.js changed: check its minimum font size probe (www/tools/wordcloud-probe.mjs)");
  }
  return source.slice(0, start) + PROBE + source.slice(end);
}

/** The esbuild plugin that patches layout.js as it is bundled. */
export const wordcloudProbe = {
  name: 'wordcloud-min-font-probe',
  setup(build) {
    build.onLoad({ filter: /echarts-wordcloud[\\/]src[\\/]layout\.js$/ }, ({ path }) => ({ contents: patch(readFileSync(path, 'utf8')), loader: 'js' }));
  },
};
