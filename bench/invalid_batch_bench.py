"""What one invalid batch costs the server: POST /v1/resolve with N items that are all invalid
(`{"q": ""}`, compact JSON: 9 MB for 1M items, under the 10 MiB body limit), sent to
`normalizer serve --workers 1 --threads 1` on 127.0.0.1, a fresh server per run.

    python bench/invalid_batch_bench.py [--items 1000000] [--runs 3]

Reports per run the time to the answer (wall), the worker's CPU time for it (user + system: the
steadier figure on a shared machine), the status, the reply's size, and the worker's memory: RSS
before, RSS after and its peak (VmHWM) during the request. Prints the median of the runs.
Runs the code of the tree it is started from (`python -m normalizer` in the repository root).
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = """\
- id: japan
  type: country
  name: Japan
  names:
  - {text: Japan, lang: en, kind: preferred, source: cldr}
  - {text: Nhật Bản, lang: vi, kind: preferred, source: cldr}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in MB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) // 1024
    return out


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def worker_of(master: int) -> int:
    for _ in range(300):
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("no worker")


def request(port: int, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request(method, path, body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data


def one_run(items: int, root: Path) -> dict[str, float]:
    port = free_port()
    env = {**os.environ, "NORMALIZER_GAZETTEER_DIR": str(root / "gazetteer"),
           "NORMALIZER_DATABASE_URL": f"sqlite:///{root / f'bench-{port}.db'}",
           "NORMALIZER_LOG_LEVEL": "WARNING", "PROMETHEUS_MULTIPROC_DIR": tempfile.mkdtemp()}
    server = subprocess.Popen([sys.executable, "-m", "normalizer", "serve", "--port", str(port),
                               "--workers", "1", "--threads", "1"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        worker = worker_of(server.pid)
        request(port, "GET", "/v1/resolve?q=Japan")
        before = memory(worker)
        body = b'{"queries":[' + b",".join([b'{"q":""}'] * items) + b"]}"
        cpu = cpu_seconds(worker)
        started = time.perf_counter()
        status, reply = request(port, "POST", "/v1/resolve", body)
        seconds = time.perf_counter() - started
        cpu = cpu_seconds(worker) - cpu
        after = memory(worker)
        return {"seconds": seconds, "cpu_seconds": cpu, "status": status, "reply_bytes": len(reply),
                "body_mb": len(body) / 1e6,
                "rss_before_mb": before["VmRSS"], "rss_after_mb": after["VmRSS"],
                "peak_mb": after["VmHWM"], "growth_mb": after["VmHWM"] - before["VmRSS"]}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"commit {commit}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "gazetteer").mkdir()
        (root / "gazetteer" / "countries.yaml").write_text(GAZETTEER, encoding="utf-8")
        runs = [one_run(args.items, root) for _ in range(args.runs)]
    for run in runs:
        print(" ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in run.items()))
    print("median:", " ".join(f"{k}={statistics.median(r[k] for r in runs):.2f}" for k in runs[0]))


if __name__ == "__main__":
    main()
