"""Transliteration accuracy and latency on the gold list (seeds/translit_gold.tsv).

Usage: python bench/translit_eval.py [--runs N] [--misses]
Prints top-1/top-5 accuracy per task (with and without diacritics), then per-name latency of
Hán-Việt -> pinyin (p50/p99, median of N runs) next to a baseline measured in the same process:
a plain table lookup per syllable (the floor any ranking costs on top of).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from normalizer.translit import evaluate, load_gold, to_pinyin
from normalizer.translit.data import tables
from normalizer.translit.syllables import split_syllables, toned_key

GOLD = Path(__file__).resolve().parent.parent / "seeds" / "translit_gold.tsv"


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timed(func, names: list[str]) -> list[float]:
    out = []
    for name in names:
        start = time.perf_counter()
        func(name)
        out.append((time.perf_counter() - start) * 1e6)
    return out


def baseline(name: str) -> list[object]:
    data = tables()
    return [data.chars_by_key.get(toned_key(s)) for s in split_syllables(name)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="list the names not right at top-1")
    args = parser.parse_args()
    start = time.perf_counter()
    to_pinyin("Quách Gia Côn")
    first_call = time.perf_counter() - start
    rows = load_gold(GOLD)
    report = evaluate(rows)
    machine = f"{platform.node()} {platform.processor() or platform.machine()} {os.cpu_count()} cpus"
    print(f"# {machine} python {platform.python_version()} {date.today()}; "
          f"first call (table load) {first_call * 1000:.0f} ms")
    for task, score in report.items():
        print(f"{task:28s} n={score['total']:4d} top1={score['top1']:.3f} top5={score['top5']:.3f}")
        if args.misses and score["misses"]:
            print("    misses:", json.dumps(score["misses"], ensure_ascii=False))
    names = [r.hanviet for r in rows]
    medians = {"to_pinyin": [], "baseline lookup": []}
    for _ in range(args.runs):
        for label, func in (("to_pinyin", to_pinyin), ("baseline lookup", baseline)):
            medians[label].append(percentiles(timed(func, names)))
    for label, runs in medians.items():
        p50 = statistics.median(r[0] for r in runs)
        p99 = statistics.median(r[1] for r in runs)
        print(f"latency {label:16s} p50={p50:8.1f} us  p99={p99:8.1f} us  "
              f"({len(names)} names x {args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
