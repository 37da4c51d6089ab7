"""Bulk CSV at scale (issue 23): `normalizer csv` single-process, with --workers N, and on Dask,
against the csv-module copy floor, all in one run, as the CLI runs (subprocesses, the real
gazetteer with its layers, the start-up cache warm).

    python bench/scale_bench.py                                  # defaults below
    python bench/scale_bench.py --rows 1000000 --messy 20000 --workers 1 2 --runs 3

Inputs (written once to a temporary directory):
- repeats: --rows rows drawn from a pool of 5 % distinct values (gazetteer names and variants:
  case, diacritics, a title, swapped tokens, a typo), as csv_bench.py makes them;
- messy: --messy rows, each a different value: half gazetteer names with one or two typos (some
  also without diacritics, under a title or reordered), half made-up names that match nothing
  (bench/messy.py): every row goes through the whole resolver.

For each input and engine: the job's rows/s as its summary reports it (the job alone, after the
start-up), the whole command's wall time, and the CPU seconds of the command and its worker
processes (rows per CPU second: what a core gives, whatever else the machine runs). Medians of
--runs runs. The floor: a plain csv.reader -> csv.writer copy of the same file, in this process.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csv_bench import all_variants, copy_floor, gazetteer_names, numbered, write_csv
from messy import messy_values

from normalizer.service import Normalizer

SUMMARY = re.compile(r"(\d+) rows: .*?\(([\d,]+) rows/s\)(?:; workers' PSS ([\d, ]+) MB)?")


def make_inputs(rows: int, messy: int, folder: Path) -> dict[str, Path]:
    service = Normalizer.from_settings()
    names = gazetteer_names(service)
    rng = random.Random(23)
    pool = list(dict.fromkeys(v for n in names for v in all_variants(n, rng)))
    rng.shuffle(pool)
    repeats_pool = numbered(pool, max(1, rows // 20))
    paths = {"repeats": folder / "repeats.csv", "messy": folder / "messy.csv"}
    write_csv(paths["repeats"], [rng.choice(repeats_pool) for _ in range(rows)])
    write_csv(paths["messy"], messy_values(names, messy))
    service.close()
    return paths


def run_cli(path: Path, engine: str, workers: int) -> dict[str, float | str]:
    command = [sys.executable, "-m", "normalizer", "csv", str(path), "--column", "name", "-o", os.devnull,
               "--workers", str(workers)]
    if engine == "dask":
        command += ["--engine", "dask"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{command} failed: {done.stderr}")
    found = SUMMARY.search(done.stderr)
    assert found, done.stderr
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"rows": int(found.group(1)), "rate": float(found.group(2).replace(",", "")), "wall": wall,
            "cpu": cpu, "pss": found.group(3) or ""}


def floor_rate(path: Path, runs: int) -> float:
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = copy_floor(path)
        rates.append(rows / (time.perf_counter() - start))
    return statistics.median(rates)


def idle_cpu() -> float:
    """CPU seconds of a command that starts and loads the gazetteer and resolves nothing: the
    start-up to take off a run's CPU time (a one-row file)."""
    with tempfile.TemporaryDirectory() as folder:
        one = Path(folder) / "one.csv"
        write_csv(one, ["Hà Nội"])
        return float(run_cli(one, "local", 1)["cpu"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--messy", type=int, default=20_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask-workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        paths = make_inputs(args.rows, args.messy, Path(folder))
        start_cpu = idle_cpu()
        print(f"start-up CPU (taken off each run's CPU): {start_cpu:.1f} s\n")
        print("| input | engine | rows | rows/s (job) | x floor | x one process | wall | rows per CPU s "
              "| workers' PSS MB |\n|---|---|---:|---:|---:|---:|---:|---:|---|")
        for name, path in paths.items():
            floor = floor_rate(path, args.runs)
            engines = [("local", w) for w in args.workers] + [("dask", args.dask_workers)]
            one = None
            for engine, workers in engines:
                runs = [run_cli(path, engine, workers) for _ in range(args.runs)]
                rate = statistics.median(float(r["rate"]) for r in runs)
                wall = statistics.median(float(r["wall"]) for r in runs)
                cpu = statistics.median(float(r["cpu"]) for r in runs) - start_cpu
                rows = int(runs[0]["rows"])
                one = one or rate
                label = f"{engine}, {workers} worker(s)" if engine == "dask" or workers > 1 else "one process"
                print(f"| {name} | {label} | {rows:,} | {rate:,.0f} | {rate / floor:.2f} | "
                      f"{rate / one:.2f} | {wall:.1f} s | {rows / max(cpu, 1e-9):,.0f} | "
                      f"{runs[-1]['pss']} |", flush=True)
            print(f"| {name} | csv-module copy floor | | {floor:,.0f} | 1.00 | | | | |", flush=True)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
