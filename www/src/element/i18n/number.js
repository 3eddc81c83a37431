// Numbers as the page shows them, in both languages alike: digits grouped by three with
// commas, at most two decimals (1,234.5). This is what `Intl.NumberFormat('zh-CN' or 'en',
// { maximumFractionDigits: 2 })` writes, without Intl: a page's first NumberFormat loads ICU's
// locale data, one task of 48-121 ms in Chromium on the test machine (LoAF, 6 loads), which
// fell right after ready, where a report dropped at once met it.

/** `n` as that NumberFormat writes it: half away from zero on n's shortest decimal digits
 * (ICU's rounding, so 1.005 gives 1.01), -0 kept, "NaN", "∞". */
export function formatNumber(n) {
  if (Number.isNaN(n)) return 'NaN';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  if (!Number.isFinite(n)) return `${sign}∞`;
  // counts, most of what the page shows: their digits as they are
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return sign + group(String(Math.abs(n)));
  // the shortest digits that give back n, and where the decimal point falls among them
  const [mantissa, exponent] = Math.abs(n).toExponential().split('e');
  let digits = mantissa.replace('.', '');
  let point = Number(exponent) + 1;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point, '0');
  let int = digits.slice(0, point) || '0';
  let frac = digits.slice(point);
  if (frac.length > 2) {
    const up = frac[2] >= '5';
    frac = frac.slice(0, 2);
    if (up) {
      const s = (BigInt(int + frac) + 1n).toString().padStart(int.length + 2, '0');
      int = s.slice(0, -2);
      frac = s.slice(-2);
    }
  }
  frac = frac.replace(/0+$/, '');
  return sign + group(int) + (frac ? `.${frac}` : '');
}

/** Digits with a comma before each group of three from the right. */
function group(digits) {
  return digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, ',') : digits;
}
