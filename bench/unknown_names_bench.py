"""Cost of the phonetic tier: resolve of phonetic transcriptions (tests/golden/phonetic.tsv) and of
unknown people (seeds/devset/unknown_people.tsv) on the full gazetteer, with and without the tier,
in the same process (median of N runs, per query; the matchers' caches are bypassed).

Usage: python bench/unknown_names_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path

from normalizer.match import Matcher
from normalizer.match.phonetic import lookup_for, phonetic_tier
from normalizer.match.translit_tier import translit_suggest, translit_tier
from normalizer.service import Normalizer
from normalizer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def names(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [row[column] for row in rows]


def per_query_us(matcher: Matcher, queries: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        matcher._candidates.clear()
        start = time.perf_counter()
        for query in queries:
            matcher.resolve(query)
        times.append((time.perf_counter() - start) / len(queries) * 1e6)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    index = Normalizer.from_settings(Settings.from_env()).current.index
    start = time.perf_counter()
    lookup = lookup_for(index)
    built = time.perf_counter() - start
    entries = sum(len(v) for v in lookup.buckets.values())
    print(f"phonetic lookup: {entries} names in {len(lookup.buckets)} buckets "
          f"(largest {max(len(v) for v in lookup.buckets.values())}), built in {built:.2f} s")
    baseline = Matcher(index, tiers=[translit_tier], suggester=translit_suggest)
    phonetic = Matcher(index, tiers=[translit_tier, phonetic_tier], suggester=translit_suggest)
    for label, queries in [("transcriptions", names(ROOT / "tests/golden/phonetic.tsv", "transcription")),
                           ("unknown people", names(ROOT / "seeds/devset/unknown_people.tsv", "name"))]:
        for matcher in (baseline, phonetic):  # warm both
            per_query_us(matcher, queries, 1)
        base = per_query_us(baseline, queries, args.runs)
        with_tier = per_query_us(phonetic, queries, args.runs)
        print(f"{label:<16} {len(queries):>4} queries  without tier {base:8.0f} µs  "
              f"with tier {with_tier:8.0f} µs  ratio {with_tier / base:.2f}")


if __name__ == "__main__":
    main()
