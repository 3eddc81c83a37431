#!/usr/bin/env python3
"""Self-check of the gold for tests/fixtures/reports (written by reading, by ANNOTATION.md).

Checks, for every report with a gold file: each context is an exact substring of the report,
found in document order; each text lies inside its context; values are numbers that agree with
the text where the text spells them plainly; approx, category and category_alt are valid names;
value_max only on ranges. Checks heads.jsonl (one line per report, valid kinds and levels) and
twins.jsonl (both files exist). Exits 1 and lists the faults if any.

    python3 scripts/check-fixture-gold.py
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "reports"
CATEGORIES = {
    "proposals", "public_opinion_info", "consultation", "research_inspection", "supervision",
    "study_training", "meetings", "publicity", "people", "organizations", "funds", "percentage",
    "projects_items", "services_for_people", "other",
}
APPROX = {"none", "more_than", "about", "nearly", "up_to"}
KINDS = {"work_report", "proposal_report", "feature", "speech", "personnel", "other"}
LEVELS = {"全国", "省", "市", "县", "区"}
PARTS = {"review", "plan", "other"}
FIELDS = {"text", "value", "value_max", "approx", "unit", "subject", "category", "category_alt",
          "context", "optional"}
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
POWERS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}


def chinese(s):
    """Value of a Chinese numeral such as 两千, 十一, 三百五十; None if s is not one."""
    if not s or any(c not in DIGITS and c not in POWERS for c in s):
        return None
    total, section, digit = 0, 0, None
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in ("万", "亿"):
            section = (section + (digit or 0)) * POWERS[c]
            total += section
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * POWERS[c]
            digit = None
    return total + section + (digit or 0)


def spelled_value(text):
    """The value a plainly written text spells, in base units, or None when unsure."""
    t = text.translate({ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９．"}).replace(",", "")
    t = re.sub(r"\s+", "", t).translate(str.maketrans("萬億兩餘", "万亿两余"))
    m = re.match(r"^(?:近|约|超过|超|逾|不少于)?(\d+(?:\.\d+)?)(余|多)?(万|亿)?", t)
    if m:
        v = float(m.group(1))
        return v * {"万": 1e4, "亿": 1e8}.get(m.group(3) or "", 1)
    m = re.match(r"^(?:近|约|超过|逾)?([零〇一二两三四五六七八九十百千万亿]+?)(余|多|几)?(?=[^零〇一二两三四五六七八九十百千万亿]|$)", t)
    if m:
        return chinese(m.group(1))
    return None


def check_quantities(report, gold_path, faults):
    text = report.read_text(encoding="utf-8")
    at = 0
    for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{gold_path.name}:{n}"
        g = json.loads(line)
        if set(g) - FIELDS:
            faults.append(f"{where}: unknown fields {set(g) - FIELDS}")
        for f in ("text", "value", "approx", "unit", "subject", "category", "context"):
            if f not in g:
                faults.append(f"{where}: no {f}")
        if g["text"] not in g["context"]:
            faults.append(f"{where}: text {g['text']!r} not in context")
        pos = text.find(g["context"], at)
        if pos < 0:
            faults.append(f"{where}: context {g['context']!r} not found after the previous one"
                          + (" (it occurs earlier)" if g["context"] in text else " (not in the file)"))
        else:
            at = pos
        if len(g["context"]) > 48:
            faults.append(f"{where}: context longer than ~40 chars ({len(g['context'])})")
        if not isinstance(g["value"], (int, float)):
            faults.append(f"{where}: value is not a number")
        if "value_max" in g and not re.search(r"[至到\-~～—]", g["text"]):
            faults.append(f"{where}: value_max on a text that is not a range")
        if g["approx"] not in APPROX:
            faults.append(f"{where}: approx {g['approx']!r}")
        for c in [g["category"], *g.get("category_alt", [])]:
            if c not in CATEGORIES:
                faults.append(f"{where}: category {c!r}")
        if g["category"] in g.get("category_alt", []):
            faults.append(f"{where}: category repeated in category_alt")
        spelled = spelled_value(g["text"])
        if spelled is not None and g["unit"] == "成":  # 一成 is ten per cent
            spelled *= 10
        if spelled is not None and abs(spelled - g["value"]) > 1e-6 * max(1, abs(spelled)):
            faults.append(f"{where}: value {g['value']} but the text spells {spelled}")
        if g["unit"].startswith(("万", "亿")) and len(g["unit"]) > 1:
            faults.append(f"{where}: unit keeps its 万/亿 ({g['unit']})")


def squeezed(s):
    """Text without whitespace, Markdown marks or pinyin notes: a title broken over lines or
    spaced out (工 作 报 告) is still found."""
    return re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)|[\s#*]", "", s)


def check_heads(reports, faults):
    path = ROOT / "heads.jsonl"
    seen = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        h = json.loads(line)
        where = f"heads.jsonl:{n} ({h.get('file')})"
        seen.add(h["file"])
        if not (ROOT / h["file"]).is_file():
            faults.append(f"{where}: no such report")
        if not h.get("articles"):
            faults.append(f"{where}: no articles")
        for a in h.get("articles", []):
            for f in ("title", "kind", "committee", "authors", "year", "sections"):
                if f not in a:
                    faults.append(f"{where}: article without {f}")
            body = squeezed((ROOT / h["file"]).read_text(encoding="utf-8"))
            # a box's title joins its label and its headline with ：
            for piece in [*a.get("title", "").split("："), *a.get("authors", []), *(t for t, _ in a.get("sections", []))]:
                if squeezed(piece) not in body:
                    faults.append(f"{where}: {piece!r} is not in the report")
            if a.get("kind") not in KINDS:
                faults.append(f"{where}: kind {a.get('kind')!r}")
            c = a.get("committee")
            if c is not None and (set(c) != {"place", "level", "term"} or c["level"] not in LEVELS):
                faults.append(f"{where}: committee {c!r}")
            for s in a.get("sections", []):
                if len(s) != 2 or s[1] not in PARTS:
                    faults.append(f"{where}: section {s!r}")
    for r in reports:
        if r.name not in seen:
            faults.append(f"heads.jsonl: no line for {r.name}")


def check_twins(faults):
    for n, line in enumerate((ROOT / "twins.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            t = json.loads(line)
            for f in (t["simplified"], t["variant"]):
                if not (ROOT / f).is_file():
                    faults.append(f"twins.jsonl:{n}: no such report {f}")


def main():
    faults = []
    reports = sorted(p for p in ROOT.iterdir() if p.suffix in (".txt", ".md", ".html"))
    for r in reports:
        size = r.stat().st_size
        if not 1500 <= size <= 5200:
            faults.append(f"{r.name}: {size} bytes (1.5-5 KB wanted)")
        gold = ROOT / "gold" / f"{r.stem}.quantities.jsonl"
        if gold.is_file():
            check_quantities(r, gold, faults)
        else:
            faults.append(f"{r.name}: no gold")
    check_heads(reports, faults)
    check_twins(faults)
    print("\n".join(faults) or f"{len(reports)} reports: gold, heads and twins are consistent")
    sys.exit(1 if faults else 0)


if __name__ == "__main__":
    main()
