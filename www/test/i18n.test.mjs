// The interface's two languages: the same keys in both, no Chinese in the English strings,
// and a label in each language for every code the core can send (read from the generated
// contract/analysis.d.ts and the lexicon files, so a new code without a label fails here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translator, CODE_TABLES } from '../src/element/i18n/index.js';
import { root } from './browser.mjs';

const lexicon = (f) =>
  readFileSync(join(root, 'src', 'lexicon', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
const HAN = /[\u3400-\u9fff]/;

/** The members of a union of string literals in the generated TypeScript contract. */
function union(name) {
  const decl = readFileSync(join(root, 'contract', 'analysis.d.ts'), 'utf8');
  const m = new RegExp(`export type ${name} = ([^;]+);`).exec(decl);
  assert.ok(m, `contract/analysis.d.ts declares ${name}`);
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
}

function codes() {
  return {
    category: union('Category'),
    kind: union('Kind'),
    warning: union('WarningKind'),
    part: union('Part').filter((p) => p !== 'other'),
    level: [...new Set([...union('Level'), ...lexicon('places.tsv').map((l) => l.split('\t')[1])])],
    // strings in the contract, closed sets in the lexicon
    theme: lexicon('themes.txt').map((l) => l.split('|')[0].trim()),
    family: [...new Set(lexicon('formulations.txt').map((l) => l.split('|')[1].trim()))],
    docType: [...new Set([...lexicon('documents.txt').map((l) => l.split('|')[1].trim()), '其他'])],
  };
}

test('both languages have the same keys, and English has no Chinese', () => {
  const zh = translator('zh');
  const en = translator('en');
  const table = (lang) => JSON.parse(readFileSync(join(root, 'www', 'src', 'element', 'i18n', `${lang}.json`), 'utf8'));
  const keys = Object.keys(table('zh').strings);
  assert.deepEqual(Object.keys(table('en').strings).sort(), keys.slice().sort(), 'the same keys in both');
  for (const k of keys) {
    assert.notEqual(en(k), k, `en has ${k}`);
    assert.ok(!HAN.test(en(k)), `en ${k}: ${en(k)}`);
    assert.notEqual(zh(k), k, `zh has ${k}`);
  }
});

test('every code the core sends has a label in both languages', () => {
  const all = codes();
  assert.equal(all.category.length, 15);
  assert.equal(all.kind.length, 6);
  for (const approx of union('Approx').filter((a) => a !== 'none')) {
    assert.ok(!HAN.test(translator('en')(`approx.${approx}`)) && translator('en')(`approx.${approx}`) !== `approx.${approx}`, approx);
  }
  for (const [table, list] of Object.entries(all)) {
    assert.ok(list.length > 0, table);
    for (const code of list) {
      assert.ok(CODE_TABLES.zh[table][code], `zh ${table} ${code}`);
      const label = CODE_TABLES.en[table][code];
      assert.ok(label && !HAN.test(label), `en ${table} ${code}: ${label}`);
    }
  }
});

test('the core messages keep their detail in English', () => {
  const en = translator('en');
  assert.equal(en.coreMessage('文件为空：没有可分析的文字 (empty input)'), 'empty input — 文件为空：没有可分析的文字');
  assert.equal(translator('zh').coreMessage('文件为空 (empty input)'), '文件为空 (empty input)');
  assert.deepEqual(en.nodes('compare.per10k', { name: 'X' }), ['X', ' (per 10k chars)']);
});

test("numbers are written as Intl.NumberFormat writes them in both languages, without it", () => {
  const intl = ['zh-CN', 'en'].map((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 2 }));
  const values = [0, -0, 1, -1, 7, 12, 999, 1000, 1234, 99999, 100000, 1234567, 1.005, 2.675, -1.005, 0.005, 0.004, -0.004, 0.125, 0.135];
  values.push(999.995, -999.995, 9.995, 0.995, 1234567.891, 1e21, 1.5e21, 1e-7, 5e-324, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, NaN, Infinity, -Infinity);
  // per_10k figures, shares in percent, quantities: random values over 12 orders of magnitude,
  // and values on a half at the third decimal (where rounding decides)
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < 3000; i++) {
    const v = random() * 10 ** Math.floor(random() * 12 - 3);
    values.push(v, -v, Math.round(v), Math.round(v * 1000) / 1000, (Math.floor(v * 100) + 0.5) / 100);
  }
  const t = [translator('zh'), translator('en')];
  for (const v of values) {
    for (const [i, f] of intl.entries()) assert.equal(t[i].fmt(v), f.format(v), String(v));
  }
  assert.equal(t[0].fmt('12'), '12', 'a string stays as it is');
  assert.equal(t[1].fmt(undefined), '');
});
