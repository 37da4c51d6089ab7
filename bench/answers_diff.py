"""Every answer of resolve, written down to compare before and after a speed change, byte for byte.

    python bench/answers_diff.py before.jsonl          # write the answers
    python bench/answers_diff.py after.jsonl --expect before.jsonl   # ... and compare

The queries: the first-sight bench's names of curated entities (bench/first_sight_bench.py, all
its runs), the golden queries (tests/golden/cases.csv, with their type) and messy values
(bench/messy.py: typos, titles, made-up names). Each is resolved once by a service opened as
`serve` opens it (every default layer, start-up cache, warm-up), in a fixed order; a line is the
query, its type and `json.dumps(resolution.to_dict())`, plus each candidate's exact score (the
JSON rounds it). --expect prints the queries whose lines differ and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csv_bench import gazetteer_names
from first_sight_bench import names
from messy import messy_values

from normalizer.model import Resolution
from normalizer.service import Normalizer
from normalizer.settings import Settings

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden" / "cases.csv"


def queries(service: Normalizer, first_sight: int, runs: int, messy: int) -> list[tuple[str, str | None]]:
    batches = names(service, first_sight, runs)
    out: list[tuple[str, str | None]] = [(q, None) for batch in batches for q in batch]
    with GOLDEN.open(encoding="utf-8") as f:
        out += [(row["query"], row["type"] or None) for row in csv.DictReader(f)]
    out += [(q, None) for q in messy_values(gazetteer_names(service), messy)]
    return out


def line(query: str, type: str | None, found: Resolution) -> str:
    exact = [repr(c.score) for c in found.candidates]
    return json.dumps([query, type, found.to_dict(), exact], ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--expect", type=Path, help="compare with this earlier output")
    parser.add_argument("--layers", default="all")
    parser.add_argument("--first-sight", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--messy", type=int, default=2000)
    args = parser.parse_args()
    service = Normalizer.from_settings(replace(Settings.from_env(), layers=args.layers))
    service.warm_up()
    asked = queries(service, args.first_sight, args.runs, args.messy)
    lines = [line(q, t, service.resolve(q, t)) for q, t in asked]
    service.close()
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} answers written to {args.output}")
    if args.expect:
        before = args.expect.read_text(encoding="utf-8").splitlines()
        differ = [i for i, (a, b) in enumerate(zip(before, lines, strict=False)) if a != b]
        if len(before) != len(lines):
            print(f"{len(before)} answers expected, {len(lines)} written")
        for i in differ[:20]:
            print(f"differs: {asked[i]!r}\n  before {before[i]}\n  after  {lines[i]}")
        print(f"{len(differ)} of {len(lines)} answers differ")
        sys.exit(1 if differ or len(before) != len(lines) else 0)


if __name__ == "__main__":
    main()
