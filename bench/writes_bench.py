"""Editors' writes against a running server: worker memory over N writes, and resolve throughput
with and without a steady stream of writes (the baseline, in the same run).

    python bench/writes_bench.py [--writes 200] [--seconds 10] [--workers 2] [--layers all]

Starts `normalizer serve` on a fresh SQLite database in a temporary directory (the shipped
gazetteer with the chosen layers), makes an editor token with the CLI, then:
1. resolve throughput (2 client threads, distinct cached names) with no writes, `--seconds`;
2. `--writes` name additions to one entity, one after another, each waiting until every worker
   resolves the new name; the workers' RSS and PSS before, every 50 writes, and after;
3. resolve throughput again while a thread adds a name every 0.5 s.
Prints one JSON object per phase. Memory from /proc/<pid>/smaps_rollup of each worker.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

NAMES = ["Vương Nghị", "Tập Cận Bình", "Kishida Fumio", "Hàn Quốc", "Bình Nhưỡng", "TTXVN", "Dokdo",
         "Nhật Bản", "Moon Jae In", "tap can binh"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def call(url: str, body: Any = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def memory_mb(pid: int) -> dict[str, float]:
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss"):
                fields[key.lower()] = round(int(rest.split()[0]) / 1024, 1)
    return fields


def workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def throughput(base: str, seconds: float, threads: int = 2) -> dict[str, float]:
    done = [0] * threads
    latencies: list[float] = []
    stop = time.monotonic() + seconds

    def client(slot: int) -> None:
        i = slot
        while time.monotonic() < stop:
            q = urllib.parse.quote(NAMES[i % len(NAMES)])
            started = time.perf_counter()
            status, _, _ = call(f"{base}/v1/resolve?q={q}")
            latencies.append(time.perf_counter() - started)
            assert status == 200, status
            done[slot] += 1
            i += threads

    pool = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    latencies.sort()
    return {"requests_per_s": round(sum(done) / seconds, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 2),
            "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 2)}


class Editor:
    """Adds names to one entity through the REST API, with its ETag."""

    def __init__(self, base: str, token: str, entity: str = "wang-yi"):
        self.base, self.entity = base, entity
        self.auth = {"Authorization": f"Bearer {token}"}
        self.count = 0

    def add_name(self) -> str:
        url = f"{self.base}/v1/entities/{self.entity}/names"
        text = f"Wang Yi Bench {os.getpid()} {self.count}"
        self.count += 1
        for _ in range(5):
            _, headers, _ = call(url)
            status, _, body = call(url, {"text": text, "lang": "en", "kind": "alias"},
                                   {**self.auth, "If-Match": headers["ETag"]})
            if status in (200, 201):
                return text
            if status != 412:
                raise RuntimeError(f"write answered {status}: {body[:200]!r}")
        raise RuntimeError("write kept losing the race")


def visible(base: str, text: str, entity: str, timeout: float = 30.0) -> float:
    """Seconds until `text` resolves to `entity` (asked several times: every worker answers)."""
    started = time.monotonic()
    quoted = urllib.parse.quote(text)
    hits = 0
    while time.monotonic() - started < timeout:
        found = json.loads(call(f"{base}/v1/resolve?q={quoted}")[2])
        hits = hits + 1 if found.get("match") and found["match"]["id"] == entity else 0
        if hits >= 6:
            return time.monotonic() - started
        time.sleep(0.02 if hits else 0.05)
    raise RuntimeError(f"{text!r} never became visible")


def start(args: argparse.Namespace, directory: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    env = {**os.environ, "NORMALIZER_DATABASE_URL": f"sqlite:///{directory / 'bench.db'}",
           "NORMALIZER_LAYERS": args.layers, "NORMALIZER_REVIEW_QUEUE": "off",
           "PROMETHEUS_MULTIPROC_DIR": str(directory / "metrics")}  # cleared at start: not the database's
    (directory / "metrics").mkdir()
    created = subprocess.run([sys.executable, "-m", "normalizer", "token", "create", "--role", "editor",
                              "bench"], env=env, capture_output=True, text=True, check=True)
    token = created.stdout.split()[0]  # the token, then a line saying it is shown once
    port = free_port()
    log = (directory / "server.log").open("wb")
    server = subprocess.Popen([sys.executable, "-m", "normalizer", "serve", "--host", "127.0.0.1", "--port",
                               str(port), "--workers", str(args.workers)], env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if call(f"{base}/readyz")[0] == 200:
                return server, base, token
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--layers", default="all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server, base, token = start(args, Path(tmp))
        try:
            run(args, server, base, token)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)


def run(args: argparse.Namespace, server: subprocess.Popen[bytes], base: str, token: str) -> None:
    for name in NAMES:  # warm every worker's caches
        for _ in range(args.workers * 3):
            call(f"{base}/v1/resolve?q={urllib.parse.quote(name)}")
    print(json.dumps({"phase": "resolve, no writes", **throughput(base, args.seconds)}), flush=True)
    editor = Editor(base, token)
    pids = workers(server.pid)
    memory = {0: [memory_mb(pid) for pid in pids]}
    delays = []
    for i in range(1, args.writes + 1):
        delays.append(visible(base, editor.add_name(), editor.entity))
        if i % 50 == 0 or i == args.writes:
            memory[i] = [memory_mb(pid) for pid in workers(server.pid)]
    delays.sort()
    print(json.dumps({"phase": f"{args.writes} writes", "memory_by_writes": memory,
                      "visible_p50_s": round(statistics.median(delays), 3),
                      "visible_p95_s": round(delays[int(len(delays) * 0.95)], 3)}), flush=True)
    stop = threading.Event()

    def steady_writes() -> None:
        while not stop.wait(0.5):
            editor.add_name()

    writer = threading.Thread(target=steady_writes)
    writer.start()
    try:
        under = throughput(base, args.seconds)
    finally:
        stop.set()
        writer.join()
    print(json.dumps({"phase": "resolve, a write every 0.5 s", **under}), flush=True)


if __name__ == "__main__":
    main()
