"""Bulk CSV benchmark (issue 6): rows/s of `normalizer csv`'s core against the I/O floor, and RSS.

    python bench/csv_bench.py                          # defaults below, a few minutes on 2 cores
    python bench/csv_bench.py --rows 200000 --runs 1   # quick look
    python bench/csv_bench.py --rss-only               # only the peak-RSS runs (1M vs 5M rows)

Inputs are synthetic CSV files (id, name, note) written once to a temporary directory. The names
come from the real gazetteer (NORMALIZER_GAZETTEER_DIR) and generated variants of them: lower
case, diacritics stripped, a title in front ("Ngoại trưởng ..."), tokens swapped, one typo.

- repeats:  --rows rows drawn from a pool of 5 % distinct values (names and variants);
- distinct: --distinct-rows rows, each a different value (names and their exact-tier variants:
            case and diacritics), so every row costs one resolve. The resolver, not the CSV layer,
            bounds this case: its rate is flat in the row count, so it runs on fewer rows;
- stub:     the repeats and distinct files again with every value answered at once, as a name
            of one entity (the batch path of names as written, without the table's look-ups):
            the ceiling of the CSV layer itself (split, cache, append, write) if resolving were free;
- synthetic (--synthetic N): against a synthetic N-name gazetteer (bench/synthetic.py), which
            the real one (about 15k exact-tier forms) cannot stand in for: "synthetic distinct"
            holds every one of its names once, as written and shuffled (a million distinct exact
            names); "synthetic repeats" --rows rows drawn from 5 % of its names;

Every case runs side by side in one process with the floor: a plain csv.reader -> csv.writer
copy of the same file to /dev/null (and the same copy with seven constant cells appended to
each row: the output's size at no cost). Figures are medians of --runs runs. `--workers N` adds the
forked-worker variant of each real case. Peak RSS is measured in fresh subprocesses for --rows
and --rss-rows repeat rows drawn from one pool of values (ru_maxrss), to show that memory
does not grow with the file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import strip_diacritics, swap_tokens, synthetic_entities, typo

from normalizer.gazetteer import GazetteerIndex
from normalizer.match.candidates import cached_keys
from normalizer.match.sure import SureMatch
from normalizer.model import Candidate, Entity, Resolution
from normalizer.names import cached_clean, parse
from normalizer.service import CsvJob, CsvOptions, Normalizer, load_index
from normalizer.settings import Settings

TITLES = ("Ông", "Bà", "Ngoại trưởng", "Thủ tướng", "Tổng thống", "Chủ tịch", "Bộ trưởng")
LATIN_LANGS = ("vi", "en", "ja-Latn", "ko-Latn", "fr", "de")


def gazetteer_names(service: Normalizer) -> list[str]:
    return sorted({n.text for e in service.index.entities.values() for n in e.names
                   if n.lang in LATIN_LANGS})


def exact_variants(name: str) -> list[str]:
    """Forms the exact and folded tiers answer: as written, lower, upper, no diacritics."""
    return [name, name.lower(), name.upper(), strip_diacritics(name), strip_diacritics(name).lower()]


def all_variants(name: str, rng: random.Random) -> list[str]:
    """Exact forms plus looser ones: a title, swapped tokens, a typo."""
    out = exact_variants(name)
    out += [f"{rng.choice(TITLES)} {name}", swap_tokens(name, rng), typo(name, rng, 1)]
    return out


def write_csv(path: Path, values: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name", "note"])
        writer.writerows([i, v, "x"] for i, v in enumerate(values))


def numbered(pool: list[str], count: int) -> list[str]:
    """`count` distinct values: the pool, then the pool again with " 2", " 3" ... appended."""
    return [v if i < len(pool) else f"{v} {i // len(pool) + 1}"
            for i, v in ((i, pool[i % len(pool)]) for i in range(count))]


def make_inputs(service: Normalizer, rows: int, distinct_rows: int, folder: Path,
                seed: int = 6, pool_size: int = 0) -> dict[str, Path]:
    """The repeats file (pool_size distinct values, default 5 % of rows) and the distinct file
    (every row a different value; distinct_rows 0: every exact-tier form of every name once)."""
    rng = random.Random(seed)
    names = gazetteer_names(service)
    pool = list(dict.fromkeys(v for n in names for v in all_variants(n, rng)))
    rng.shuffle(pool)
    repeats_pool = numbered(pool, pool_size or max(1, rows // 20))
    repeats = [rng.choice(repeats_pool) for _ in range(rows)]
    exact = list(dict.fromkeys(v for n in names for v in exact_variants(n)))
    rng.shuffle(exact)
    distinct = numbered(exact, distinct_rows or len(exact))
    paths = {"repeats": folder / "repeats.csv", "distinct": folder / "distinct.csv"}
    write_csv(paths["repeats"], repeats)
    write_csv(paths["distinct"], distinct)
    print(f"inputs: repeats {rows} rows, {len(set(repeats))} distinct; distinct {len(distinct)} rows, "
          f"{len(set(distinct))} distinct ({len(exact)} exact-tier forms of {len(names)} names)",
          file=sys.stderr)
    return paths


def copy_floor(path: Path, extra: tuple[str, ...] = ()) -> int:
    """The I/O floor: parse and write the same CSV with the csv module, nothing else; with
    `extra`, the same cells appended to every row (the output's size without any work)."""
    with path.open(encoding="utf-8", newline="") as src, open(os.devnull, "w", encoding="utf-8",
                                                              newline="") as sink:
        writer = csv.writer(sink)
        n = 0
        for row in csv.reader(src):
            writer.writerow(row + list(extra) if extra else row)
            n += 1
    return n - 1


SEVEN_CELLS = ("wang-yi", "Wang Yi", "person", "1.0000", "matched", "exact", "")


STUB_ENTITY = Entity("wang-yi", "person", "Wang Yi", ())


def instant(query: str, type: str | None, limit: int) -> Resolution:
    """Not called by the stub case (every value is a name there); a resolve that costs nothing."""
    match = Candidate("wang-yi", "Wang Yi", "person", 1.0, query, "exact", "")
    return Resolution(query, "matched", match, (match,))


def all_named(queries: list[str], type: str | None) -> list[SureMatch]:
    """Every value a name of one entity: named_exactly_many at no cost."""
    return [SureMatch(STUB_ENTITY, 1.0)] * len(queries)


def forget_values() -> None:
    """Empty the resolver's per-value caches (parsed queries, cleaned texts, match keys), so
    every run of the distinct file resolves each value from scratch; per-word caches stay warm,
    as in any process that has resolved a few names."""
    parse.cache_clear()
    cached_clean.cache_clear()
    cached_keys.cache_clear()


def run_job(resolve: Callable[..., Resolution], path: Path, workers: int,
            named_exactly: Callable[..., object] | None = None) -> int:
    with path.open("rb") as src, open(os.devnull, "w", encoding="utf-8", newline="") as sink:
        job = CsvJob.open(src, CsvOptions(column="name", workers=workers), resolve, named_exactly)
        job.write(sink)
    return job.summary.rows


def run_service_job(service: Normalizer, path: Path, workers: int) -> int:
    """A job as `normalizer csv` runs it: names as written answered by `named_exactly`."""
    return run_job(service.resolve, path, workers, service.named_exactly_many)


def timed(func: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    rows = func()
    return time.perf_counter() - start, rows


def plain_service() -> Normalizer:
    """A service over the YAML gazetteer without a store: no review-queue writes from a bench."""
    settings = Settings.from_env()
    return Normalizer(load_index(settings.gazetteer_dir), settings)


def fresh_service(settings_service: Normalizer) -> Normalizer:
    """A new Normalizer over the same index: its resolve and candidate caches start empty. Its
    table of names as written is built here, before any clock starts, as `serve` builds it at
    start-up (the table's own build time is measured in the resolver bench)."""
    forget_values()
    service = Normalizer(settings_service.index, settings_service.settings)
    service.matcher.sure_names  # noqa: B018  (built here, before the clock)
    return service


Case = tuple[str, Callable[[], Callable[[], int]]]  # name, and what makes one timed run


def cases_for(service: Normalizer, data: str, path: Path, workers: int) -> list[Case]:
    """The cases of one input file. Each maker runs before the clock starts (a fresh service
    builds its matcher: seconds at a million names), and returns the run to time."""
    def resolver(count: int) -> Callable[[], Callable[[], int]]:
        def make() -> Callable[[], int]:
            fresh = fresh_service(service)
            return lambda: run_service_job(fresh, path, count)
        return make
    cases: list[Case] = [
        (f"{data}: csv copy (floor)", lambda: lambda: copy_floor(path)),
        (f"{data}: csv copy + 7 cells", lambda: lambda: copy_floor(path, SEVEN_CELLS)),
        (f"{data}: stub resolver", lambda: lambda: run_job(instant, path, 1, all_named)),
        (f"{data}: resolver", resolver(1)),
    ]
    if workers > 1:
        cases.append((f"{data}: resolver, {workers} workers", resolver(workers)))
    return cases


def bench(service: Normalizer, paths: dict[str, Path], runs: int, workers: int) -> list[dict]:
    cases = [case for data, path in paths.items() for case in cases_for(service, data, path, workers)]
    results = []
    for name, make in cases:
        times = []
        for _ in range(runs):
            seconds, rows = timed(make())
            times.append(seconds)
        median = statistics.median(times)
        results.append({"case": name, "rows": rows, "median_s": round(median, 3),
                        "rows_per_s": round(rows / median), "runs": [round(t, 3) for t in times]})
        print(f"{name:42} {rows:>9} rows  {median:8.2f} s  {rows / median:>10,.0f} rows/s", file=sys.stderr)
    return results


def synthetic_input(names: int, rows: int, folder: Path) -> tuple[Normalizer, dict[str, Path]]:
    """A service over a synthetic gazetteer of `names` names (bench/synthetic.py); a file holding
    each of its names once, as written, shuffled ("mostly distinct exact names"), and one of
    `rows` rows drawn from 5 % of them ("5 % distinct values")."""
    entities = synthetic_entities(names, 0)
    service = Normalizer(GazetteerIndex(entities), Settings.from_env())
    values = list(dict.fromkeys(n.text for e in entities for n in e.names))
    rng = random.Random(6)
    rng.shuffle(values)
    pool = values[: max(1, rows // 20)]
    paths = {"synthetic distinct": folder / "synthetic.csv",
             "synthetic repeats": folder / "synthetic-repeats.csv"}
    write_csv(paths["synthetic distinct"], values)
    write_csv(paths["synthetic repeats"], [rng.choice(pool) for _ in range(rows)])
    print(f"inputs: synthetic {len(values)} rows, each a different name of a {names}-name gazetteer; "
          f"{rows} rows from {len(pool)} of its names", file=sys.stderr)
    return service, paths


def peak_rss_mb() -> int:
    """This process's peak RSS (VmHWM). Not ru_maxrss: Linux carries that over fork and exec,
    so a child would report its parent's peak when that was higher."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def rss_child(path: str) -> None:
    """Run one job in this (fresh) process and print its peak RSS."""
    service = plain_service()
    loaded = peak_rss_mb()
    seconds, rows = timed(lambda: run_service_job(service, Path(path), 1))
    print(json.dumps({"rows": rows, "seconds": round(seconds, 2), "rss_after_load_mb": loaded,
                      "peak_rss_mb": peak_rss_mb()}))


def rss(service: Normalizer, counts: list[int], folder: Path) -> list[dict]:
    """Peak RSS for each row count, every file drawn from the same pool (5 % of the smallest
    count), so that only the file size changes."""
    out = []
    for rows in counts:
        path = make_inputs(service, rows, 1, folder, pool_size=max(1, min(counts) // 20))["repeats"]
        result = subprocess.run([sys.executable, __file__, "--rss-child", str(path)], check=True,
                                capture_output=True, text=True)
        measured = json.loads(result.stdout)
        measured["file_mb"] = round(path.stat().st_size / 2**20)
        print(f"RSS {rows:>9} rows: {measured}", file=sys.stderr)
        out.append(measured)
        path.unlink()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--distinct-rows", type=int, default=0,
                        help="rows of the distinct file (default: every exact-tier form once)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rss-rows", type=int, default=5_000_000)
    parser.add_argument("--rss-only", action="store_true")
    parser.add_argument("--no-rss", action="store_true")
    parser.add_argument("--synthetic", type=int, default=0, metavar="NAMES",
                        help="also: each name of a synthetic gazetteer of NAMES names, once")
    parser.add_argument("--rss-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child)
        return
    service = plain_service()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report: dict = {"machine": machine,
                    "date": time.strftime("%Y-%m-%d"), "names": len(service.index.name_of),
                    "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="csv-bench-") as tmp:
        if not args.rss_only:
            paths = make_inputs(service, args.rows, args.distinct_rows, Path(tmp))
            report["cases"] = bench(service, paths, args.runs, args.workers)
        if args.synthetic:
            synthetic, synthetic_paths = synthetic_input(args.synthetic, args.rows, Path(tmp))
            report["synthetic"] = bench(synthetic, synthetic_paths, args.runs, args.workers)
            del synthetic
        if not args.no_rss:
            report["rss"] = rss(service, [args.rows, args.rss_rows], Path(tmp))
    report["load_after"] = os.getloadavg()  # the cores are shared: say how busy they were
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
