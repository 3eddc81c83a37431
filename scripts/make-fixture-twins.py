#!/usr/bin/env python3
"""Writes the variant twins of fixture reports listed in tests/fixtures/reports/twins.jsonl,
with their gold: traditional characters (OpenCC s2t), pinyin notes inside words as reprints
print them (协(xié)商, 调(diào)研), or both. The gold of a twin is the simplified gold with
text, unit, subject and context written the twin's way; every context is checked to be a
substring of the twin.

    pip install opencc-python-reimplemented   # pure Python, works offline once installed
    python3 scripts/make-fixture-twins.py
"""
import json
import pathlib
import sys

from opencc import OpenCC

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "reports"
S2T = OpenCC("s2t")
# a note follows the character it reads, inside the word
NOTES = [("协商", "协(xié)商"), ("調研", "調(diào)研"), ("调研", "调(diào)研"), ("協商", "協(xié)商"),
         ("参与", "参(cān)与"), ("參與", "參(cān)與")]


def pinyin(s):
    for plain, noted in NOTES:
        s = s.replace(plain, noted)
    return s


def variant(how):
    steps = []
    if "traditional" in how:
        steps.append(S2T.convert)
    if "pinyin" in how:
        steps.append(pinyin)

    def apply(s):
        for f in steps:
            s = f(s)
        return s

    return apply


def main():
    faults = []
    for line in (ROOT / "twins.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        t = json.loads(line)
        conv = variant(t["how"])
        text = conv((ROOT / t["simplified"]).read_text(encoding="utf-8"))
        (ROOT / t["variant"]).write_text(text, encoding="utf-8")
        gold_in = ROOT / "gold" / (pathlib.Path(t["simplified"]).stem + ".quantities.jsonl")
        out = []
        for g in map(json.loads, gold_in.read_text(encoding="utf-8").splitlines()):
            for f in ("text", "unit", "subject", "context"):
                g[f] = conv(g[f])
            if g["context"] not in text:
                faults.append(f"{t['variant']}: context {g['context']!r} not in the twin")
            out.append(json.dumps(g, ensure_ascii=False))
        gold_out = ROOT / "gold" / (pathlib.Path(t["variant"]).stem + ".quantities.jsonl")
        gold_out.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(t["variant"], len(out))
    print("\n".join(faults))
    sys.exit(1 if faults else 0)


if __name__ == "__main__":
    main()
