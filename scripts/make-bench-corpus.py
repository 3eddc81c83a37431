#!/usr/bin/env python3
"""Writes a corpus for measuring `report-lens corpus` throughput: our own fixture reports
(tests/fixtures, never ../shared) recombined with variations — each file keeps one fixture's
head, then paragraphs drawn from all fixtures with their numbers changed and a place name
swapped — until the total passes the size asked for. Deterministic (seeded). Do not commit
the output.

    python3 scripts/make-bench-corpus.py OUT_DIR [MEGABYTES=50] [KB_PER_FILE=40]
"""
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLACES = ["青岚市", "白溪县", "云岭区", "丰泽市", "临川县", "北固区", "松阳市", "河西县"]


def fixtures():
    files = sorted((ROOT / "tests/fixtures/reports").glob("*.txt"))
    files += sorted((ROOT / "tests/fixtures/series").glob("*.txt"))
    files += [ROOT / "tests/fixtures/sample-report.txt", ROOT / "tests/fixtures/county-2024-report.txt"]
    return [f.read_text(encoding="utf-8") for f in files]


def main():
    out = pathlib.Path(sys.argv[1])
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 50
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(12)
    texts = fixtures()
    paragraphs = [p for t in texts for p in t.split("\n") if len(p) > 30]
    total, n = 0, 0
    while total < megabytes * 1_048_576:
        base = rng.choice(texts).split("\n")
        head = "\n".join(base[:12])
        body = []
        size = len(head.encode())
        while size < per_file * 1024:
            p = rng.choice(paragraphs)
            p = re.sub(r"\d+", lambda m: str(max(1, int(m.group()) + rng.randint(-9, 9))), p)
            p = p.replace("清河市", rng.choice(PLACES))
            body.append(p)
            size += len(p.encode()) + 2
        text = head + "\n\n" + "\n\n".join(body) + "\n"
        (out / f"report-{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
        n += 1
    print(f"{n} files, {total / 1_048_576:.1f} MB in {out}")


if __name__ == "__main__":
    main()
