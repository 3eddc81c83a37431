// Downloads of what the core computed: JSON as is, quantities as CSV (same columns as the
// CLI's `--format csv`), charts as SVG or PNG.
export function download(filename, data, type, where = document.body) {
  const blob = data instanceof Blob ? data : new Blob([data], { type: `${type};charset=utf-8` });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.hidden = true;
  where.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

const COLUMNS = ['text', 'value', 'value_max', 'approx', 'unit', 'subject', 'category', 'section', 'part', 'context'];

function field(v) {
  const s = v == null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function quantitiesCsv(a) {
  const rows = a.quantities.map((q) => [a.source.name, ...COLUMNS.map((c) => q[c])].map(field).join(','));
  // BOM so that Excel opens the UTF-8 file with Chinese intact
  return '\uFEFF' + ['file,' + COLUMNS.join(','), ...rows].join('\n') + '\n';
}
