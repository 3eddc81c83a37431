// Charts with ECharts (SVG renderer: crisp exports). They draw what the Analysis holds; no
// figure is computed here.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import 'echarts-wordcloud';

echarts.use([BarChart, GridComponent, TooltipComponent, TitleComponent, SVGRenderer]);

const charts = new Map();
const PALETTE = ['#b3261e', '#c0582a', '#8a5a44', '#3f6e8c', '#4f7d5b', '#7b5ea7', '#a0522d', '#2f4f6f'];

function chart(id) {
  let c = charts.get(id);
  if (!c) {
    c = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    charts.set(id, c);
    new ResizeObserver(() => c.resize()).observe(document.getElementById(id));
  }
  return c;
}

function hbar(id, title, labels, values, color) {
  chart(id).setOption(
    {
      animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: labels.slice().reverse(), axisLabel: { interval: 0 } },
      series: [{ type: 'bar', data: values.slice().reverse(), itemStyle: { color }, label: { show: true, position: 'right' } }],
    },
    true,
  );
}

export function drawTerms(analysis) {
  const top = analysis.terms.slice(0, 30);
  hbar('chart-terms', '高频词（前 30）', top.map((t) => t.term), top.map((t) => t.count), PALETTE[0]);
}

export function drawCloud(analysis) {
  const words = analysis.terms.slice(0, 120).map((t) => ({ name: t.term, value: t.count }));
  chart('chart-cloud').setOption(
    {
      title: { text: '词云', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {},
      series: [
        {
          type: 'wordCloud',
          shape: 'circle',
          gridSize: 6,
          sizeRange: [12, 52],
          rotationRange: [0, 0],
          layoutAnimation: false,
          width: '100%',
          height: '90%',
          top: 'center',
          textStyle: { fontWeight: 600, color: (p) => PALETTE[p.dataIndex % PALETTE.length] },
          data: words,
        },
      ],
    },
    true,
  );
}

export function drawCategories(analysis) {
  const m = analysis.metrics;
  hbar('chart-categories', '各类实绩提及次数', m.map((x) => x.label), m.map((x) => x.mentions), PALETTE[3]);
}

export function allCharts() {
  return [...charts.entries()].map(([id, c]) => ({ id, chart: c, name: document.getElementById(id).dataset.name || id }));
}

export function svgOf(c) {
  return c.renderToSVGString();
}

/** PNG of an SVG chart, drawn on a canvas at twice the size for print. */
export async function pngOf(c) {
  const svg = svgOf(c);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function drawFormulations(analysis, colors) {
  const f = analysis.formulations.slice(0, 20);
  chart('chart-formulations').setOption(
    {
      animation: false,
      title: { text: '提法出现次数', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: f.map((x) => x.name).reverse(), axisLabel: { interval: 0, width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', data: f.map((x) => ({ value: x.count, itemStyle: { color: colors[x.family] ?? '#888' } })).reverse(), label: { show: true, position: 'right' } }],
    },
    true,
  );
}

export function drawThemes(analysis) {
  const t = analysis.themes;
  chart('chart-themes').setOption(
    {
      animation: false,
      title: { text: '各主题所占篇幅（%）', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: t.map((x) => x.label), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: t.map((x) => Math.round(x.share * 1000) / 10), itemStyle: { color: PALETTE[4] }, label: { show: true, position: 'top' } }],
    },
    true,
  );
}
