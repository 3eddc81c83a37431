// Charts with ECharts: only the core, the bar chart, the components used and the SVG renderer
// (crisp exports). They draw what the Analysis holds; no figure is computed here. Loaded on
// demand by charts.js. Titles are HTML above each chart; they are put into exported images.
// (from its stages, which loadCharts has imported, and so evaluated, one task each before)
import { echarts, SVGRenderer } from './charts-lib.js';
import { BarChart, LineChart, GridComponent, TooltipComponent, TitleComponent, LegendComponent } from './charts-parts.js';
import { chartRows } from './charts.js';
import { afterFrame, offScreenForAFrame, whenIdle } from './dom.js';
import { CLOUD_SIZES, CLOUD_WEIGHT, cloudSize } from './cloud-sizes.js';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, TitleComponent, LegendComponent, SVGRenderer]);

const PALETTE = ['#b3261e', '#c0582a', '#8a5a44', '#3f6e8c', '#4f7d5b', '#7b5ea7', '#a0522d', '#2f4f6f'];
export const FAMILY_COLORS = { 指导思想: '#b3261e', 党的领导: '#c0582a', 政协定位: '#3f6e8c', 协商民主: '#4f7d5b', 发展理念: '#7b5ea7', 作风: '#8a5a44' };

let warmed = false;

/** Draws a bar chart off screen in `container` and throws it away (see prepareCharts): built
 * by the same code as a report's bars, in the host's font, so that the code paths, the text
 * measuring and the fonts of the first report's charts are warm. Its labels are `labels`, the
 * fixed words the first charts will show (category and theme names): each new Chinese char is a
 * glyph lookup through the font list the first time it is measured, and the category chart,
 * drawn first, measured its labels for 2-16 ms of a 40-80 ms frame (CPU slowed 1.5 times).
 * It stays for one rendered frame: the browser's first layout of SVG text in that font and size
 * costs as much again as ECharts' own work, and would otherwise fall to the first chart.
 *
 * It is built in steps, each in an idle period of its own: ECharts' first `setOption` runs
 * all of its code for the first time, and in one call that was a task of 100-190 ms (traced,
 * 2 cores), which a report dropped at that moment met while it was drawn. Each step runs only
 * the code the one before did not: the axes and components, then the bars, then every label. */
export function warmUp(container, labels) {
  if (warmed || !container?.isConnected) return;
  warmed = true;
  offScreenForAFrame(container, 'width:600px;height:600px', async (box) => {
    const c = echarts.init(box, null, { renderer: 'svg' });
    const look = { colors: hostColors(container), width: 600, fontFamily: hostFont(container), title: '履职实绩' };
    const rows = labels.map((label, i) => [label, labels.length - i]);
    const bars = barOption('categories', rows.slice(0, 2), look);
    await whenIdle();
    c.setOption({ ...bars, series: [] });
    await whenIdle();
    c.setOption(bars);
    await whenIdle();
    c.setOption(barOption('categories', rows, look));
    return () => c.dispose();
  });
}

/** The font of `el`, with single quotes: ECharts writes it into a double-quoted style
 * attribute of the exported SVG unescaped (double quotes there make the file unreadable). */
function hostFont(el) {
  return getComputedStyle(el).fontFamily.replace(/"/g, "'");
}

/** The element's colours (its CSS custom properties), with the defaults. */
function hostColors(el) {
  const style = getComputedStyle(el);
  const v = (n, d) => style.getPropertyValue(n).trim() || d;
  return { accent: v('--accent', PALETTE[0]), ink: v('--ink', '#1f2933'), muted: v('--muted', '#5b6672'), line: v('--line', '#d9dee5') };
}

/** A report's horizontal bar chart: the labels on the y axis, one per line, so they never
 * collide; at narrow widths they are cut with an ellipsis (the full words are in the data
 * table). */
function barOption(name, rows, look) {
  const { colors, width } = look;
  const labelWidth = Math.max(60, Math.min(220, Math.round(width * 0.4)));
  const barColor = { categories: PALETTE[3], terms: colors.accent, themes: PALETTE[4] }[name];
  const data =
    name === 'formulations'
      ? rows.map(([, v, family]) => ({ value: v, itemStyle: { color: FAMILY_COLORS[family] ?? '#777' } }))
      : rows.map(([, v]) => v);
  return {
    ...baseOption(look),
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: name === 'themes' ? 0 : 1, axisLabel: { fontFamily: look.fontFamily, color: colors.muted, hideOverlap: true }, splitNumber: width < 480 ? 3 : 5 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r[0]).reverse(),
      axisLabel: { fontFamily: look.fontFamily, interval: 0, width: labelWidth, overflow: 'truncate', color: colors.ink },
    },
    series: [{ type: 'bar', data: data.reverse(), itemStyle: barColor ? { color: barColor } : undefined, label: { fontFamily: look.fontFamily, show: true, position: 'right', color: colors.ink } }],
  };
}

/** What every chart of a report shares: no animation, the host's font, a hidden title (shown
 * in exports), an axis tooltip.
 *
 * Every text style names the font itself. The global `textStyle` is not enough: ECharts
 * measures axis labels for the layout (containLabel, truncation) with the label's own style,
 * which falls back to `12px sans-serif`. Where sans-serif has no Chinese glyphs, each new char
 * then costs Chromium a fontconfig fallback search: 52 labels of 6 new chars took 150-220 ms
 * to measure against 4-7 ms in the host's font, and each chart became a long task. */
function baseOption({ colors, fontFamily, title }) {
  return {
    animation: false,
    aria: { enabled: false },
    textStyle: { fontFamily, color: colors.ink },
    title: { show: false, text: title, left: 'center', textStyle: { fontFamily, fontSize: 14, color: colors.ink } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
  };
}

/** The charts of one element. */
export class Charts {
  constructor(root, host) {
    this.root = root;
    this.host = host;
    this.charts = new Map();
  }

  chart(name) {
    let c = this.charts.get(name);
    const node = this.root.getElementById(`chart-${name}`);
    if (c && c.getDom() !== node) {
      c.dispose();
      c = null;
    }
    if (!c) {
      c = echarts.init(node, null, { renderer: 'svg' });
      this.charts.set(name, c);
      const chart = c;
      // observe() reports the size it starts with: redrawing then would draw every chart twice
      new ResizeObserver(([entry]) => {
        const { width, height } = entry.contentRect;
        if (chart.isDisposed() || (Math.round(width) === chart.getWidth() && Math.round(height) === chart.getHeight())) return;
        this.#resizeLater(chart);
      }).observe(node);
    }
    return c;
  }

  /** Charts waiting to be redrawn at their new size. */
  #toResize = new Set();

  /**
   * Redraws `chart` at its box's size in a frame of its own. resize() redraws at once: when the
   * page's width changes, every chart's box changes in the same frame, and five to nine charts
   * redrawn there (6–20 ms each, with their layout) were a task of 60–110 ms.
   */
  #resizeLater(chart) {
    const idle = this.#toResize.size === 0;
    this.#toResize.add(chart);
    if (!idle) return;
    const next = () => {
      const [first] = this.#toResize;
      if (!first) return;
      this.#toResize.delete(first);
      if (!first.isDisposed()) first.resize();
      if (this.#toResize.size) afterFrame().then(next);
    };
    afterFrame().then(next);
  }

  /** Draws every chart of an Analysis in language `t`. */
  drawAll(a, t) {
    for (const name of ['categories', 'terms', 'cloud', 'formulations', 'themes']) this.draw(name, a, t);
  }

  draw(name, a, t) {
    const node = this.root.getElementById(`chart-${name}`);
    if (!node || !node.isConnected) return;
    const { rows } = chartRows(name, a, t);
    const width = node.clientWidth || 600;
    const c = this.chart(name);
    const look = { colors: hostColors(this.host), width, fontFamily: hostFont(this.host), title: t(`chart.${name}`) };
    if (name === 'cloud') {
      const narrow = width < 480;
      const ladder = narrow ? CLOUD_SIZES.narrow : CLOUD_SIZES.wide;
      const values = rows.map(([, v]) => v);
      const [min, max] = [Math.min(...values), Math.max(...values)];
      c.setOption(
        {
          ...baseOption(look),
          tooltip: { confine: true },
          series: [
            {
              type: 'wordCloud',
              shape: 'circle',
              gridSize: narrow ? 4 : 6,
              rotationRange: [0, 0],
              // placed a word per task (setImmediate), not all in one long task
              layoutAnimation: true,
              width: '100%',
              height: '95%',
              top: 'center',
              textStyle: { fontWeight: CLOUD_WEIGHT },
              // each word's size on a few steps, not sizeRange's continuous scale (cloud-sizes.js);
              // its colour here too: a word with a textStyle of its own is not given the series'
              // colour function (its fill was "none": the cloud was drawn invisible)
              data: rows.map(([n, v], i) => ({
                name: n,
                value: v,
                textStyle: { fontSize: cloudSize(v, min, max, ladder), color: PALETTE[i % PALETTE.length] },
              })),
            },
          ],
        },
        // drawn in the next animation frame, a task of its own
        { notMerge: true, lazyUpdate: true },
      );
      return;
    }
    c.setOption(
      barOption(name, rows, look),
      // drawn in the next animation frame, a task of its own
      { notMerge: true, lazyUpdate: true },
    );
  }

  /**
   * A comparison chart from compareData(): grouped bars (compare) or lines over the years
   * (timeline-*), a legend naming each report or measure.
   */
  drawCompare(name, data, t) {
    const node = this.root.getElementById(`chart-${name}`);
    if (!node || !node.isConnected || !node.clientWidth) return;
    const colors = hostColors(this.host);
    const look = { colors, fontFamily: hostFont(this.host), title: t(`chart.${name}`) };
    const line = name.startsWith('timeline');
    const c = this.chart(name);
    c.setOption(
      {
        ...baseOption(look),
        color: PALETTE,
        tooltip: { trigger: 'axis', confine: true },
        legend: { type: 'plain', bottom: 0, textStyle: { fontFamily: look.fontFamily, color: colors.ink } },
        grid: { left: 8, right: 24, top: 8, bottom: 8 + 24 * Math.ceil(data.series.length / 4), containLabel: true },
        xAxis: { type: 'category', data: data.x, axisLabel: { fontFamily: look.fontFamily, color: colors.ink, interval: 0, rotate: !line && data.x.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', axisLabel: { fontFamily: look.fontFamily, color: colors.muted } },
        series: data.series.map((s) => ({ type: line ? 'line' : 'bar', name: s.name, data: s.values, symbolSize: 7 })),
      },
      { notMerge: true, lazyUpdate: true },
    );
  }

  /** A chart by name (for its own export buttons). */
  named(name) {
    const c = this.charts.get(name);
    return c && !c.isDisposed() ? c : null;
  }

  all() {
    return [...this.charts.entries()].filter(([, c]) => !c.isDisposed()).map(([name, chart]) => ({ name, chart }));
  }

  /** The SVG of a chart, with its title (hidden on the page, where the HTML title shows). */
  svgOf(chart) {
    const grid = chart.getOption().grid?.length > 0;
    chart.setOption({ title: { show: true }, ...(grid && { grid: { top: 32 } }) });
    try {
      return chart.renderToSVGString();
    } finally {
      // the chart on the page is drawn again without its title in the next frame, not in this
      // task: a download then redraws it once in the task instead of twice (a 45 ms task → 28)
      chart.setOption({ title: { show: false }, ...(grid && { grid: { top: 8 } }) }, { lazyUpdate: true });
    }
  }

  dispose() {
    for (const c of this.charts.values()) c.dispose();
    this.charts.clear();
  }
}
