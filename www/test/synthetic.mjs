// Long reports for the performance tests and benches: a report of ours repeated with its
// numbers shifted on every copy (so that no paragraph repeats and every copy has its own
// quantities), up to a size in bytes of UTF-8. Runs in Node or, passed to page.evaluate, in
// the page (a 15 MB string is not worth sending over the wire).
export function syntheticReport([text, bytes]) {
  const utf8 = (s) => new TextEncoder().encode(s).length;
  const unit = utf8(text) + 2;
  const copies = Math.max(1, Math.round(bytes / unit));
  const parts = [];
  for (let i = 0; i < copies; i++) parts.push(text.replace(/\d+/g, (d) => String(Number(d) + i)));
  return parts.join('\n\n');
}
