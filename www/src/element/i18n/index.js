// The interface in Chinese and English. Every word is in zh.json / en.json: `strings` (the
// interface, `{name}` placeholders) and `codes` (labels of the codes the core sends:
// categories, kinds, parts, warnings, themes, formulation families, levels, document types).
import zh from './zh.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { formatNumber } from './number.js';

const TABLES = { zh, en };
export const LANGS = Object.keys(TABLES);
export const CODE_TABLES = { zh: zh.codes, en: en.codes };

/** 'zh' or 'en' from a lang attribute such as zh-CN, en-GB (anything else: zh). */
export function normalizeLang(lang) {
  return /^en\b/i.test(lang ?? '') ? 'en' : 'zh';
}

/** A translator for one language: t(key, vars), and t.nodes, t.code, t.fmt, t.coreMessage. */
export function translator(lang) {
  const { strings, codes } = TABLES[lang] ?? zh;
  const raw = (key) => strings[key] ?? zh.strings[key] ?? key;
  const t = (key, vars) => (vars ? raw(key).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '') : raw(key));
  /** Like t(), but the values may be DOM nodes (report words inside a translated phrase). */
  t.nodes = (key, vars) =>
    raw(key)
      .split(/(\{\w+\})/)
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        return m ? (vars[m[1]] ?? '') : part;
      })
      .filter((x) => x !== '');
  // an unknown code falls back to the code itself (an ASCII word), never to the other language
  t.code = (table, code) => codes[table]?.[code] ?? code ?? '';
  t.lang = lang;
  t.sep = lang === 'en' ? ', ' : '、';
  t.locale = lang === 'en' ? 'en' : 'zh-CN';
  // the same in both languages (number.js says why it is not Intl)
  t.fmt = (n) => (typeof n !== 'number' ? String(n ?? '') : formatNumber(n));
  /** The core's messages end with an English gloss in parentheses: in English it leads. */
  t.coreMessage = (message) => {
    if (lang !== 'en') return message;
    const gloss = /\s*\(([\x20-\x7e]+)\)\s*$/.exec(message ?? '');
    return gloss ? `${gloss[1]} — ${message.slice(0, gloss.index)}` : message;
  };
  return t;
}
