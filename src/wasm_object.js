// The Analysis as a JS object, for `analyze` in src/wasm.rs: JSON.parse of the JSON, whose
// `terms` and `term_counts` arrive empty, then those two lists built from one string of their
// words (joined by "\n") and an array of their counts. Why: JSON.parse took three times as
// long over these two lists (a thousand short Chinese strings, each made and interned) as a
// split of the joined words and a loop (bench/README.md, fifteenth pass). The object equals
// JSON.parse of the whole JSON, its keys in the same order.
//
// words: every counted word (term_counts), counts: their counts; pos: the tags of the first
// term_count of them (terms); term_words: the terms' own words, joined, when they differ from
// the counted words' (a traditional report's terms are respelled; its counts are not), or
// undefined.
export function analysis_object(json, words, counts, pos, term_count, term_words) {
  const a = JSON.parse(json);
  const n = counts.length;
  const w = n ? words.split('\n') : [];
  const term_counts = new Array(n);
  for (let i = 0; i < n; i++) term_counts[i] = [w[i], counts[i]];
  const tags = term_count ? pos.split('\n') : [];
  const tw = term_words === undefined ? w : term_words.split('\n');
  const terms = new Array(term_count);
  for (let i = 0; i < term_count; i++) terms[i] = { term: tw[i], pos: tags[i], count: counts[i] };
  a.terms = terms;
  a.term_counts = term_counts;
  return a;
}
