"""Curation store benchmark (issue 7): edits/s on SQLite and PostgreSQL, and resolve latency with
the review queue on and off.

    python bench/store_bench.py                 # both databases, 3 runs, about a minute
    python bench/store_bench.py --runs 5 --edits 300 --skip-postgres

Edits: the real gazetteer loaded into a fresh database; one writer reads an entity and saves it
with a changed description (the store's whole write path: row lock, revision check, names, audit
row, change counter, commit), cycling over 50 entities; then 4 threads doing the same on 4 hot
entities with retries on a stale revision (accepted edits/s). The baseline, side by side on the
same database and connection pool: a bare `UPDATE entities SET description=... WHERE id=...`
in its own transaction, the floor of one committed write.

Resolve: one Normalizer over the loaded database; the same query list (the real gazetteer's
preferred names, half of them garbled so they end unmatched or ambiguous) through `resolve`
with the recorder attached (queue on) and detached (queue off, the baseline), interleaved run by
run; cold = distinct queries (cache misses), warm = the same queries again (cache hits).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import create_engine, text

from normalizer.curation import ReviewRecorder, load_gazetteer
from normalizer.gazetteer import GazetteerIndex
from normalizer.service import Normalizer, StaleRevision, Store
from normalizer.settings import Settings

POSTGRES = os.environ.get("NORMALIZER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def timed(work: Callable[[], int]) -> float:
    """Operations per second of one call of work (which returns how many it did)."""
    start = time.perf_counter()
    done = work()
    return done / (time.perf_counter() - start)


def sequential_edits(store: Store, ids: list[str], count: int) -> int:
    for n in range(count):
        current = store.get(ids[n % len(ids)])
        assert current is not None
        store.save(replace(current.entity, description=f"bench {n}"), current.revision, "bench")
    return count


def bare_updates(store: Store, ids: list[str], count: int) -> int:
    for n in range(count):
        with store.writing() as conn:
            conn.execute(text("UPDATE entities SET description = :d WHERE id = :i"),
                         {"d": f"bare {n}", "i": ids[n % len(ids)]})
    return count


def contended_edits(store: Store, ids: list[str], count: int, threads: int = 4) -> int:
    def writer() -> None:
        for n in range(count // threads):
            while True:
                current = store.get(ids[n % len(ids)])
                assert current is not None
                try:
                    store.save(replace(current.entity, description=f"t {n}"), current.revision, "bench")
                    break
                except StaleRevision:
                    time.sleep(random.uniform(0, 0.002))
    workers = [threading.Thread(target=writer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return count // threads * threads


def fresh_postgres() -> tuple[str, Callable[[], None]]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return f"{POSTGRES}?options=-csearch_path%3D{schema}", drop


def bench_edits(url: str, runs: int, edits: int) -> dict[str, float]:
    store = Store.open(url)
    start = time.perf_counter()
    load_gazetteer(store, Settings().gazetteer_dir)
    load_s = time.perf_counter() - start
    ids = sorted(e.id for e in store.live().entities)
    cycle, hot = ids[:50], ids[50:54]
    rows: dict[str, list[float]] = {"edit": [], "bare": [], "contended": []}
    for _ in range(runs):  # interleaved: the baseline and the store see the same machine load
        rows["bare"].append(timed(lambda: bare_updates(store, cycle, edits)))
        rows["edit"].append(timed(lambda: sequential_edits(store, cycle, edits)))
        rows["contended"].append(timed(lambda: contended_edits(store, hot, edits)))
    counts = store.debug_counts()
    assert counts["revisions"] == counts["audit"], "every accepted edit must have its audit row"
    store.close()
    return {"load_s": load_s, **{k: statistics.median(v) for k, v in rows.items()}}


def queries(index: GazetteerIndex, count: int) -> list[str]:
    rng = random.Random(7)
    names = sorted({n.text for e in index.entities.values() for n in e.names if n.kind == "preferred"})
    picked = rng.sample(names, min(count, len(names)))
    # Half garbled: reversed syllables with an extra one, which mostly end unmatched or ambiguous.
    return [q if i % 2 else " ".join(reversed(q.split())) + " Zzq" for i, q in enumerate(picked)]


def per_call_us(service: Normalizer, batch: list[str]) -> float:
    start = time.perf_counter()
    for query in batch:
        service.resolve(query)
    return (time.perf_counter() - start) / len(batch) * 1e6


def bench_resolve(url: str, runs: int, count: int) -> dict[str, float]:
    service = Normalizer.from_settings(Settings(database_url=url))
    recorder = service.recorder or ReviewRecorder(service.store.review.add)  # type: ignore[union-attr]
    batch = queries(service.index, count)
    service.resolve("warm up the tables")
    results: dict[str, list[float]] = {"off_cold": [], "on_cold": [], "off_warm": [], "on_warm": []}
    for run in range(runs):
        for mode in ("off", "on") if run % 2 else ("on", "off"):  # alternate who goes first
            service.recorder = recorder if mode == "on" else None
            service._resolve_cached.cache_clear()
            results[f"{mode}_cold"].append(per_call_us(service, batch))
            results[f"{mode}_warm"].append(per_call_us(service, batch))
        recorder.flush()
    service.recorder = None
    unmatched = sum(service.resolve(q).status != "matched" for q in batch)
    out = {k: statistics.median(v) for k, v in results.items()}
    out["unsettled_share"] = unmatched / len(batch)
    service.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# {dt.date.today()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
          f"median of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        targets = [("sqlite", sqlite_url, lambda: None)]
        if not args.skip_postgres:
            targets.append(("postgresql", *fresh_postgres()))
        print("| database | first load | edits/s (1 writer) | edits/s (4 writers, 4 hot entities) "
              "| baseline: bare UPDATE commits/s |")
        print("|---|---|---|---|---|")
        for name, url, cleanup in targets:
            try:
                row = bench_edits(url, args.runs, args.edits)
            finally:
                cleanup()
            print(f"| {name} | {row['load_s']:.1f} s | {row['edit']:.0f} | {row['contended']:.0f} "
                  f"| {row['bare']:.0f} |")
        resolve_url = f"sqlite:///{Path(tmp) / 'resolve.db'}"
        row = bench_resolve(resolve_url, args.runs, args.queries)
    print(f"\nresolve, {args.queries} queries ({row['unsettled_share']:.0%} unmatched or ambiguous), "
          "µs per call:")
    print("| review queue | cold (cache misses) | warm (cache hits) |")
    print("|---|---|---|")
    print(f"| off (baseline) | {row['off_cold']:.0f} | {row['off_warm']:.2f} |")
    print(f"| on | {row['on_cold']:.0f} | {row['on_warm']:.2f} |")


if __name__ == "__main__":
    main()
