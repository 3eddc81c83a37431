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
