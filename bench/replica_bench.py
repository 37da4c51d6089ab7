"""Write -> visible on every replica (issue 23): two `normalizer serve` replicas on one
PostgreSQL behind haproxy (deploy/haproxy.cfg), as tests/deploy starts them.

    python bench/replica_bench.py --writes 30                   # the small test gazetteer
    python bench/replica_bench.py --writes 20 --refresh 1.0 0.2 # the old poll period beside the new
    python bench/replica_bench.py --full                        # the real gazetteer and its layers

Each write is an editor's POST /v1/entities through replica a, with a name never seen before; the
clock starts when the write returns and stops when both replicas, each asked directly every 10 ms,
resolve the name to the new entity. Reported: p50, p95 and max over the writes, per refresh period.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.deploy.replicas import haproxy_problem, post, resolved_id, running  # noqa: E402
from tests.store.conftest import fresh_url, postgres_reachable, write_gazetteer  # noqa: E402


def visible_after(replicas: list[str], name: str, entity: str, limit: float = 30.0) -> float:
    """Seconds from now until every replica resolves name to entity."""
    start = time.monotonic()

    def wait(base: str) -> float:
        while time.monotonic() - start < limit:
            if resolved_id(base, name)[0] == entity:
                return time.monotonic() - start
            time.sleep(0.01)
        return float("inf")

    with ThreadPoolExecutor(len(replicas)) as pool:
        return max(pool.map(wait, replicas))


def run(refresh: float, writes: int, gazetteer: Path, root: Path) -> list[float]:
    os.environ["NORMALIZER_REFRESH_SECONDS"] = str(refresh)
    root.mkdir(parents=True, exist_ok=True)
    urls = fresh_url("postgresql", root, None)
    url = next(urls)
    delays = []
    try:
        with running(url, gazetteer, root) as started:
            for i in range(writes):
                name = f"Bench Replica Person {i} {refresh}".replace(".", " ")
                body = {"name": name, "type": "person",
                        "names": [{"text": name, "lang": "en", "kind": "preferred"}]}
                status, answer = post(f"{started.replicas[0]}/v1/entities", body, started.token)
                assert status == 201, answer
                entity = json.loads(answer)["id"]
                delays.append(visible_after(started.replicas, name, entity))
                time.sleep(0.137)  # writes do not line up with the poll ticks
    finally:
        next(urls, None)
    return delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writes", type=int, default=30)
    parser.add_argument("--refresh", type=float, nargs="+", default=[1.0, 0.2])
    parser.add_argument("--full", action="store_true", help="the project's gazetteer and layers")
    args = parser.parse_args()
    for problem in (haproxy_problem(), postgres_reachable()):
        if problem:
            sys.exit(problem)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        gazetteer = ROOT / "gazetteer" / "entities" if args.full else write_gazetteer(root / "gazetteer")
        print("| refresh period | writes | p50 | p95 | max |\n|---:|---:|---:|---:|---:|")
        for refresh in args.refresh:
            delays = sorted(run(refresh, args.writes, gazetteer, root / f"r{refresh}"))
            p95 = delays[min(len(delays) - 1, round(0.95 * (len(delays) - 1)))]
            print(f"| {refresh} s | {len(delays)} | {statistics.median(delays):.2f} s | {p95:.2f} s | "
                  f"{delays[-1]:.2f} s |", flush=True)


if __name__ == "__main__":
    main()
