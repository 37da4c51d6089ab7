"""Exact resolve at first sight on the shipped gazetteer (issue 19's target: p50 at most 20 µs with
every default layer loaded), against the curated gazetteer alone in the same run.

    python bench/first_sight_bench.py [--queries 3000] [--runs 3]

Each configuration opens the service as `serve` does (start-up cache, warm-up), then resolves
--queries distinct names of curated entities as written, each once per run (a run asks other
names, so every answer is a first sight for the service's answer cache). Prints the median over
runs of each run's p50 and p99, wall and CPU.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from dataclasses import replace

from normalizer.service import Normalizer
from normalizer.settings import Settings


def names(service: Normalizer, count: int, runs: int) -> list[list[str]]:
    pool = sorted({name.text for entity in service.index.entities.values() if entity.layer is None
                   for name in entity.names if not name.generated})
    random.Random(3).shuffle(pool)
    return [pool[i * count:(i + 1) * count] for i in range(runs)]


def percentiles(service: Normalizer, queries: list[str]) -> tuple[float, float, float]:
    wall, cpu = [], []
    for query in queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        service.resolve(query)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    wall.sort()
    return (statistics.median(wall) * 1e6, wall[int(len(wall) * 0.99)] * 1e6, statistics.median(cpu) * 1e6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| layers | entities | queries per run | p50 µs | p99 µs | CPU p50 µs |")
    print("|---|---:|---:|---:|---:|---:|")
    for layers in ("all", "none"):
        service = Normalizer.from_settings(replace(Settings.from_env(), layers=layers))
        service.warm_up()
        found = [percentiles(service, batch) for batch in names(service, args.queries, args.runs)]
        p50, p99, cpu = (statistics.median(f[i] for f in found) for i in range(3))
        print(f"| {layers} | {len(service.index):,} | {args.queries} | {p50:.1f} | {p99:.1f} | {cpu:.1f} |",
              flush=True)
        service.close()


if __name__ == "__main__":
    main()
