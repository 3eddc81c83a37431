// The interface's two languages: the same keys in both, no Chinese in the English strings,
// and a label in each language for every code the core can send (read from the lexicon files
// and the Rust sources the codes come from, so a new code without a label fails here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translator, CODE_TABLES } from '../src/element/i18n.js';
import { root } from './browser.mjs';

const lexicon = (f) =>
  readFileSync(join(root, 'src', 'lexicon', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
const HAN = /[\u3400-\u9fff]/;

function codesFromLexicon() {
  const categories = [];
  let section = '';
  for (const l of lexicon('categories.txt')) {
    if (l.startsWith('[')) section = l;
    else if (section === '[labels]') categories.push(l.split('|')[0].trim());
  }
  return {
    category: categories,
    theme: lexicon('themes.txt').map((l) => l.split('|')[0].trim()),
    family: [...new Set(lexicon('formulations.txt').map((l) => l.split('|')[1].trim()))],
    docType: [...new Set([...lexicon('documents.txt').map((l) => l.split('|')[1].trim()), '其他'])],
    level: [...new Set([...lexicon('places.tsv').map((l) => l.split('\t')[1]), '全国', '区'])],
    // the kinds are the strings meta.rs returns from kind()
    kind: [...readFileSync(join(root, 'src', 'meta.rs'), 'utf8').matchAll(/^\s+"(work_report|proposal_report|speech|personnel|feature|other)"$/gm)].map((m) => m[1]),
  };
}

test('both languages have the same keys, and English has no Chinese', () => {
  const zh = translator('zh');
  const en = translator('en');
  const keys = [...readFileSync(join(root, 'www', 'src', 'element', 'i18n.js'), 'utf8').matchAll(/^\s+'([\w.]+)':/gm)].map((m) => m[1]);
  const distinct = [...new Set(keys)];
  assert.equal(keys.length, distinct.length * 2, 'every key is in both tables once');
  for (const k of distinct) {
    assert.notEqual(en(k), k, `en has ${k}`);
    assert.ok(!HAN.test(en(k)), `en ${k}: ${en(k)}`);
    assert.notEqual(zh(k), k, `zh has ${k}`);
  }
});

test('every code the core sends has a label in both languages', () => {
  const codes = codesFromLexicon();
  assert.equal(codes.category.length, 15);
  assert.equal(codes.kind.length, 6);
  for (const [table, list] of Object.entries(codes)) {
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
