"""Start-up and memory of `normalizer serve` at the gazetteer's size (issues 18 and 19): seconds
until /readyz answers 200, cold (no start-up cache) and warm (the cache a first start wrote), and
each worker's RSS and PSS once warmed by queries, with every layer and with the curated gazetteer
alone (the baseline, in the same run).

    python bench/startup_bench.py [--runs 3] [--workers 2] [--layers all none]

Each configuration gets a fresh SQLite database and cache directory in a temporary directory:
the first start is cold (it loads the YAML, builds the index and writes the cache), the next
--runs starts are warm (same database, same cache). After each start, 300 resolve and 20 extract
requests warm the workers before their memory is read (/proc/<pid>/smaps_rollup). Prints a
Markdown table: median of the warm runs beside the cold one.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from writes_bench import NAMES, call, free_port, memory_mb, workers

TEXT = ("Ngoại trưởng Vương Nghị gặp Thủ tướng Kishida Fumio tại Hà Nội. Tập đoàn Vingroup và "
        "Samsung ký thỏa thuận tại TP.HCM; HLV Kim Sang-sik dẫn dắt tuyển Việt Nam.")


def start(directory: Path, layers: str, workers_count: int) -> tuple[subprocess.Popen[bytes], str, float]:
    port = free_port()
    env = {**os.environ, "NORMALIZER_DATABASE_URL": f"sqlite:///{directory / 'bench.db'}",
           "NORMALIZER_CACHE_DIR": str(directory / "cache"), "NORMALIZER_LAYERS": layers,
           "NORMALIZER_REVIEW_QUEUE": "off", "PROMETHEUS_MULTIPROC_DIR": str(directory / "metrics")}
    (directory / "metrics").mkdir(exist_ok=True)
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "normalizer", "serve", "--host", "127.0.0.1",
                                "--port", str(port), "--workers", str(workers_count)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    while time.monotonic() - started < 600:
        if process.poll() is not None:
            raise RuntimeError("the server exited while starting")
        try:
            if call(f"{base}/readyz")[0] == 200:
                return process, base, time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError("not ready in 600 s")


def warm_and_measure(process: subprocess.Popen[bytes], base: str) -> dict[str, float]:
    for i in range(300):
        call(f"{base}/v1/resolve?q={urllib.parse.quote(NAMES[i % len(NAMES)])}")
    for _ in range(20):
        call(f"{base}/v1/extract", {"text": TEXT})
    memories = [memory_mb(pid) for pid in workers(process.pid)]
    return {"rss": max(m["rss"] for m in memories), "pss": max(m["pss"] for m in memories),
            "master_rss": memory_mb(process.pid)["rss"]}


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)


def one_start(directory: Path, layers: str, workers_count: int) -> dict[str, float]:
    process, base, seconds = start(directory, layers, workers_count)
    try:
        return {"ready_s": seconds, **warm_and_measure(process, base)}
    finally:
        stop(process)


def configuration(layers: str, runs: int, workers_count: int) -> tuple[dict[str, float], dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as name:
        directory = Path(name)
        cold = one_start(directory, layers, workers_count)
        warm = [one_start(directory, layers, workers_count) for _ in range(runs)]
    return cold, {key: statistics.median(run[key] for run in warm) for key in cold}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--layers", nargs="*", default=["all", "none"])
    args = parser.parse_args()
    print("| layers | start | ready s | worker RSS MB (max) | worker PSS MB (max) | master RSS MB |")
    print("|---|---|---:|---:|---:|---:|")
    for layers in args.layers:
        cold, warm = configuration(layers, args.runs, args.workers)
        for label, found in (("cold (no cache)", cold), (f"warm (median of {args.runs})", warm)):
            print(f"| {layers} | {label} | {found['ready_s']:.1f} | {found['rss']:.0f} | {found['pss']:.0f} "
                  f"| {found['master_rss']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
