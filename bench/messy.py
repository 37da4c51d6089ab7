"""Messy bulk input (issue 23): distinct misspelt and unknown values, as analysts' columns hold.

    python bench/messy.py sample.csv --write --rows 4000          # the fixed, seeded sample
    python bench/messy.py sample.csv --runs 3 --save before.csv   # time `normalizer csv` on it
    python bench/messy.py sample.csv --runs 3 --expect before.csv # ... and check the bytes

    python bench/messy.py rep.csv --write --rows 4000 --repeats 200000  # the same values, repeated

Timing runs the job as the command does (`Normalizer.open_csv`, one process, the gazetteer with
its layers from the start-up cache), from scratch each run (fresh caches); the figure is rows per
CPU second of this process (the machine is shared: CPU time is the steadier figure), median of
--runs, beside a plain csv.reader -> csv.writer copy of the same file in the same process (the
floor). --expect makes it an equivalence check: every run's output must be those bytes.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import BinaryIO

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csv_bench import copy_floor, forget_values, gazetteer_names, write_csv
from synthetic import _vietnamese_person, strip_diacritics, swap_tokens, typo

from normalizer.match import candidates
from normalizer.service import CsvOptions, Normalizer
from normalizer.translit import syllables
from normalizer.translit.origin import classify
from normalizer.translit.sound import consonants

TITLES = ("Ông", "Bà", "Ngoại trưởng", "Thủ tướng", "Tổng thống", "Chủ tịch", "Bộ trưởng")


def messy_values(names: list[str], count: int, seed: int = 23) -> list[str]:
    """`count` distinct values: about half a gazetteer name with one or two typos (some also
    without diacritics, under a title or reordered), half made-up Vietnamese-looking names that
    match nothing."""
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < count:
        if rng.random() < 0.5:
            value = typo(rng.choice(names), rng, rng.choice((1, 1, 2)))
            roll = rng.random()
            if roll < 0.2:
                value = strip_diacritics(value)
            elif roll < 0.35:
                value = f"{rng.choice(TITLES)} {value}"
            elif roll < 0.45:
                value = swap_tokens(value, rng)
        else:
            value = _vietnamese_person(rng)[2][0][0]  # a made-up person: unknown
        if value and value.strip():
            seen[value] = None
    return list(seen)


def write_sample(path: Path, rows: int, seed: int, repeats: int = 0) -> None:
    """The fixed messy sample: `rows` distinct values from the gazetteer's Latin names; with
    `repeats`, that many rows drawn from them (each value about repeats / rows times)."""
    service = Normalizer.from_settings()
    values = messy_values(gazetteer_names(service), rows, seed)
    if repeats:
        rng = random.Random(seed)
        values = [rng.choice(values) for _ in range(repeats)]
    write_csv(path, values)
    service.close()


def forget_speed_caches() -> None:
    """Empty the per-text caches the speed work added (origins, sounds' consonants, syllables, thin names),
    so that each run starts as cold as one of the code before them."""
    classify.cache_clear()
    consonants.cache_clear()
    syllables._split_syllables.cache_clear()
    candidates._thin_names.clear()


def run_once(service: Normalizer, path: Path, sink: BinaryIO) -> tuple[float, float, int]:
    """One `normalizer csv` job as the command runs it, from scratch: a fresh resolve cache and
    per-value caches. Returns (wall s, CPU s, rows)."""
    fresh = Normalizer(service.index, service.settings)  # empty resolve and candidate caches
    forget_values()
    forget_speed_caches()
    wall, cpu = time.perf_counter(), time.process_time()
    with path.open("rb") as src:
        job = fresh.open_csv(src, CsvOptions(column="name"))
        text = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=True)
        job.write(text)
        text.detach()
    return time.perf_counter() - wall, time.process_time() - cpu, job.summary.rows


def bench(path: Path, runs: int, expect: Path | None, save: Path | None) -> None:
    service = Normalizer.from_settings()
    service.warm_up()
    rates, floors = [], []
    for run in range(runs):
        start = time.process_time()
        floor_rows = copy_floor(path)
        floors.append(floor_rows / (time.process_time() - start))
        sink = io.BytesIO()
        wall, cpu, rows = run_once(service, path, sink)
        rates.append(rows / cpu)
        print(f"run {run + 1}: {rows} rows, {wall:.2f} s wall, {cpu:.2f} s CPU: "
              f"{rows / wall:,.0f} rows/s wall, {rows / cpu:,.0f} rows per CPU s", file=sys.stderr)
        if save is not None and run == 0:
            save.write_bytes(sink.getvalue())
        if expect is not None and sink.getvalue() != expect.read_bytes():
            raise SystemExit(f"output differs from {expect}")
    rate, floor = statistics.median(rates), statistics.median(floors)
    print(f"median of {runs}: {rate:,.0f} rows per CPU s; csv-module copy floor {floor:,.0f} "
          f"({rate / floor:.2f}x); load {os.getloadavg()}"
          + (f"; output identical to {expect}" if expect else ""), file=sys.stderr)
    service.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("sample", type=Path, help="the messy CSV (written first with --write)")
    parser.add_argument("--write", action="store_true", help="write the sample and stop")
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--repeats", type=int, default=0,
                        help="with --write: this many rows drawn from the --rows values")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write the first run's output here")
    parser.add_argument("--expect", type=Path, help="fail unless every run's output is this file's bytes")
    args = parser.parse_args()
    if args.write:
        write_sample(args.sample, args.rows, args.seed, args.repeats)
    else:
        bench(args.sample, args.runs, args.expect, args.save)


if __name__ == "__main__":
    main()
