#!/usr/bin/env python3
"""Writes src/lexicon/jieba/dict.txt: jieba's dictionary pruned to the words a report can use.

jieba's dict.txt (349k words, from the jieba-rs crate, MIT) is most of the wasm's size; most of
its words never occur in a work report. A word is kept when any of these holds:
  - it is one character (punctuation and single characters are looked up by tag);
  - its frequency in dict.txt is at least MIN_FREQ (general vocabulary);
  - it occurs in jieba's IDF corpus (idf.txt, ~1M documents, idf 13.9 = one document) with
    idf below MAX_IDF (13.0: in three documents or more): words people actually write;
  - it contains a term of our own report lexicons (themes, meetings, roles, domain terms,
    units of at least two characters): 提案人, 立案率, 专委会 are report words news rarely uses;
  - it is a place of the gazetteer (places.tsv) or its short form.
Words that cannot match inside a segmentation block (characters outside jieba's han class)
are dropped: they never come out as a token. The removed words' frequency mass is written
in the header so that segmentation keeps the full dictionary's total (and probabilities).
tests/dictionary.rs proves the result against the full dictionary on report text.

Measured (tests/dictionary.rs, bench/README.md): MAX_IDF 12.6 keeps 197k words and 99.75% of
tokens; 13.0 keeps 210k and 99.80%; 14 keeps 261k and 99.96%; frequency alone (>= 4) 149k and
96.8%. Each 10k words cost ~30 KB gzip in the wasm.

Usage: python3 scripts/gen-dict.py  (finds jieba-rs's sources through `cargo metadata`)
"""
import json, os, re, subprocess, sys

MIN_FREQ = int(os.environ.get('MIN_FREQ', 4))
MAX_IDF = float(os.environ.get('MAX_IDF', 13.0))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, 'src', 'lexicon')
OUT = os.environ.get('OUT', os.path.join(LEX, 'jieba', 'dict.txt'))


def crate_dir(name):
    meta = json.loads(subprocess.check_output(
        ['cargo', 'metadata', '--format-version', '1', '--locked'], cwd=ROOT))
    for p in meta['packages']:
        if p['name'] == name:
            return os.path.dirname(p['manifest_path'])
    sys.exit(f'{name} is not in cargo metadata')


def lines(path):
    with open(path, encoding='utf-8') as f:
        for l in f:
            l = l.strip()
            if l and not l.startswith('#'):
                yield l


def block_char(c):
    """jieba-rs's is_han_default: the characters a segmentation block is made of."""
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2FA1F or (c.isascii() and (c.isalnum() or c in '+#&._%-')))


def stems():
    out = set()
    for l in lines(os.path.join(LEX, 'themes.txt')):
        out.update(l.split('|')[2].split())
    for name in ['meetings.txt', 'roles.txt', 'units.txt', 'boxes.txt', 'formulas.txt']:
        for l in lines(os.path.join(LEX, name)):
            out.update(l.split())
    for l in lines(os.path.join(LEX, 'domain.dict')):
        out.add(l.split()[0])
    return {s for s in out if len(s) >= 2}


def places():
    out = set()
    for l in lines(os.path.join(LEX, 'places.tsv')):
        f = l.split('\t')
        out.add(f[0])
        if len(f) > 3 and f[3]:
            out.add(f[3])
    return out


def main():
    data = os.path.join(crate_dir('jieba-rs'), 'src', 'data')
    idf = {}
    for l in open(os.path.join(data, 'idf.txt'), encoding='utf-8'):
        p = l.split()
        if len(p) == 2:
            idf[p[0]] = float(p[1])
    stem_re = re.compile('|'.join(sorted(map(re.escape, stems()), key=len, reverse=True)))
    place = places()
    kept, total, kept_total = [], 0, 0
    for l in open(os.path.join(data, 'dict.txt'), encoding='utf-8'):
        p = l.split()
        if len(p) < 2:
            continue
        w, f = p[0], int(p[1])
        total += f
        if len(w) > 1 and not all(map(block_char, w)):
            continue
        if (len(w) == 1 or f >= MIN_FREQ or idf.get(w, 99.0) < MAX_IDF
                or stem_re.search(w) or w in place):
            kept.append(l.strip())
            kept_total += f
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as out:
        out.write(f'# jieba-rs 0.11 dict.txt (MIT), pruned by scripts/gen-dict.py '
                  f'(MIN_FREQ={MIN_FREQ}, MAX_IDF={MAX_IDF}): {len(kept)} of the words.\n')
        out.write(f'# total {total}\n')
        out.write('\n'.join(kept) + '\n')
    print(f'{OUT}: {len(kept)} words, pruned mass {total - kept_total} of {total}', file=sys.stderr)


main()
