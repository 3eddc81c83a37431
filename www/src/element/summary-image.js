// 一图读懂: one portrait image, 1080 px wide (a phone screen), of what the core found in a
// report (title, committee and year, headline figures by category, theme shares, top
// keywords) or of a comparison (figures per 10,000 characters side by side). Built as SVG DOM
// (report words are text nodes: XMLSerializer escapes them), then drawn on a canvas for PNG.

const NS = 'http://www.w3.org/2000/svg';
export const WIDTH = 1080;
const PAD = 60;
const FONT = "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','PingFang SC','Microsoft YaHei',sans-serif";
const ACCENT = '#b3261e';
const INK = '#1f2933';
const MUTED = '#5b6672';
const PALETTE = ['#b3261e', '#3f6e8c', '#4f7d5b', '#c0582a', '#7b5ea7', '#8a5a44', '#a0522d', '#2f4f6f'];

function node(tag, attrs = {}, text) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) n.setAttribute(k, String(v));
  if (text != null) n.textContent = String(text);
  return n;
}

/** Width of a string in ems: CJK and full-width characters 1, others about half. */
const ems = (s) => [...s].reduce((w, ch) => w + (ch.codePointAt(0) >= 0x2e80 ? 1 : 0.56), 0);

/** Lines of at most `width` px at `size` px (broken anywhere: Chinese has no spaces). */
function wrap(text, size, width, maxLines = 3) {
  const lines = [];
  let line = '';
  for (const ch of text) {
    if (ems(line + ch) * size > width) {
      lines.push(line);
      line = '';
      if (lines.length === maxLines) break;
    }
    line += ch;
  }
  if (line && lines.length < maxLines) lines.push(line);
  else if (lines.length === maxLines && line) lines[maxLines - 1] = `${lines[maxLines - 1].slice(0, -1)}…`;
  return lines;
}

/** An SVG being laid out top to bottom: y grows as parts are added. */
class Sheet {
  y = 0;
  constructor(lang) {
    this.svg = node('svg', { xmlns: NS, width: WIDTH, 'font-family': FONT, lang });
    this.svg.append(node('rect', { x: 0, y: 0, width: WIDTH, height: '100%', fill: '#fff' }));
  }
  add(n) {
    this.svg.append(n);
    return n;
  }
  text(s, { x = PAD, size = 32, fill = INK, weight, anchor, dy = 0 } = {}) {
    return this.add(node('text', { x, y: this.y + dy, 'font-size': size, fill, 'font-weight': weight, 'text-anchor': anchor }, s));
  }
  heading(s) {
    this.y += 90;
    this.text(s, { size: 40, weight: 700, fill: ACCENT });
    this.add(node('rect', { x: PAD, y: this.y + 16, width: 80, height: 6, fill: ACCENT }));
    this.y += 40;
  }
  /** The header band: a title on the accent colour and a line under it. */
  header(title, sub) {
    const lines = wrap(title, 56, WIDTH - 2 * PAD);
    const h = 120 + lines.length * 72 + (sub ? 56 : 0);
    this.add(node('rect', { x: 0, y: 0, width: WIDTH, height: h, fill: ACCENT }));
    this.y = 80;
    for (const l of lines) {
      this.y += 64;
      this.text(l, { size: 56, weight: 700, fill: '#fff' });
      this.y += 8;
    }
    if (sub) {
      this.y += 56;
      this.text(sub, { size: 32, fill: '#fde8e6' });
    }
    this.y = h;
  }
  /** Horizontal bars: label, bar scaled to the largest value, the value's text. */
  bars(rows, { colorOf = () => PALETTE[1], labelWidth = 300 } = {}) {
    const max = Math.max(...rows.map((r) => r.value), 1e-9);
    const barMax = WIDTH - 2 * PAD - labelWidth - 140;
    for (const r of rows) {
      this.y += 56;
      this.text(wrap(r.label, 30, labelWidth - 16, 1)[0] ?? '', { size: 30 });
      const w = Math.max(2, (r.value / max) * barMax);
      this.add(node('rect', { x: PAD + labelWidth, y: this.y - 30, width: w, height: 34, rx: 4, fill: colorOf(r) }));
      this.text(r.text, { x: PAD + labelWidth + w + 12, size: 28, fill: MUTED });
    }
  }
  footer(s) {
    this.y += 100;
    this.text(s, { x: WIDTH / 2, size: 26, fill: MUTED, anchor: 'middle' });
    this.y += 50;
    this.svg.setAttribute('height', this.y);
    this.svg.setAttribute('viewBox', `0 0 ${WIDTH} ${this.y}`);
    return new XMLSerializer().serializeToString(this.svg);
  }
}

/** The headline of a category: its largest sum (230件), else its mentions. */
function headline(m, t) {
  const sum = m.sums?.[0];
  return sum ? `${t.fmt(sum.total)}${sum.unit}` : t.fmt(m.mentions);
}

/** One report at a glance, as SVG text. */
export function reportSummarySvg(a, t) {
  const s = new Sheet(t.locale);
  const sub = [a.meta.committee?.name, a.meta.year ? (t.lang === 'en' ? String(a.meta.year) : `${a.meta.year}年`) : null, t.code('kind', a.meta.kind)].filter(Boolean).join(' · ');
  s.header(a.meta.title || a.source.name || '', sub);
  const metrics = a.metrics.slice(0, 10);
  if (metrics.length) {
    s.heading(t('summary.figures'));
    const colW = (WIDTH - 2 * PAD - 30) / 2;
    metrics.forEach((m, i) => {
      const x = PAD + (i % 2) * (colW + 30);
      const top = s.y + 30 + Math.floor(i / 2) * 170;
      s.add(node('rect', { x, y: top, width: colW, height: 150, rx: 14, fill: '#f6f1ef' }));
      s.add(node('text', { x: x + 28, y: top + 52, 'font-size': 30, fill: MUTED }, t.code('category', m.category)));
      s.add(node('text', { x: x + 28, y: top + 120, 'font-size': 54, 'font-weight': 700, fill: ACCENT }, wrap(headline(m, t), 54, colW - 56, 1)[0]));
    });
    s.y += 30 + Math.ceil(metrics.length / 2) * 170 - 20;
  }
  const themes = a.themes.filter((x) => x.share > 0).slice(0, 8);
  if (themes.length) {
    s.heading(t('summary.themes'));
    s.bars(themes.map((x) => ({ label: t.code('theme', x.theme), value: x.share, text: `${t.fmt(Math.round(x.share * 1000) / 10)}%` })), { colorOf: () => PALETTE[2] });
  }
  const words = a.keywords.tfidf.slice(0, 16).map((k) => k.term);
  if (words.length) {
    s.heading(t('summary.keywords'));
    let x = PAD;
    s.y += 20;
    for (const w of words) {
      const width = ems(w) * 34 + 40;
      if (x + width > WIDTH - PAD) {
        x = PAD;
        s.y += 76;
      }
      s.add(node('rect', { x, y: s.y, width, height: 58, rx: 29, fill: '#eef3f7' }));
      s.add(node('text', { x: x + 20, y: s.y + 41, 'font-size': 34, fill: PALETTE[7] }, w));
      x += width + 16;
    }
    s.y += 58;
  }
  return s.footer(t('summary.footer'));
}

/** A comparison at a glance: per category, a bar per report (per 10,000 characters). */
export function comparisonSummarySvg(c, labels, t) {
  const s = new Sheet(t.locale);
  s.header(c.series?.committee ?? t('compare.title'), labels.join(' / '));
  s.y += 30;
  labels.forEach((l, i) => {
    const x = PAD + (i % 2) * ((WIDTH - 2 * PAD) / 2);
    if (i % 2 === 0) s.y += 50;
    s.add(node('rect', { x, y: s.y - 28, width: 32, height: 32, rx: 4, fill: PALETTE[i % PALETTE.length] }));
    s.add(node('text', { x: x + 46, y: s.y, 'font-size': 30, fill: INK }, wrap(l, 30, (WIDTH - 2 * PAD) / 2 - 60, 1)[0]));
  });
  s.heading(t('summary.compare'));
  for (const f of c.figures.filter((x) => x.group === 'quantities')) {
    s.y += 64;
    s.text(t.code('category', f.key), { size: 32, weight: 700 });
    s.bars(
      f.cells.map((cell, i) => ({ label: labels[i], value: cell.per_10k, text: `${t.fmt(cell.per_10k)} (${t.fmt(cell.count)})`, i })),
      { colorOf: (r) => PALETTE[r.i % PALETTE.length] },
    );
  }
  return s.footer(t('summary.footer'));
}
