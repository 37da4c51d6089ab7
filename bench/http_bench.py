"""HTTP benchmark: wrk on 127.0.0.1 against gunicorn with 2 workers, the real app beside a bare
Flask app doing a dict lookup (the baseline), measured in the same run and interleaved.

    python bench/http_bench.py [--runs 3] [--seconds 10] [--connections 16]

Measures GET /v1/resolve on exact names (req/s, p50, p99) and POST /v1/resolve with batches of
100 names (names/s). Needs wrk (`apt-get install -y wrk`). Prints a Markdown table and the median
of the runs; the machine is shared, so record what else ran.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import Flask, Response, request

ROOT = Path(__file__).resolve().parent.parent
BATCH = 100
NAMES = 1000


def bare_app(names: list[str]) -> Flask:
    """The baseline: Flask, a dict lookup and json.dumps, nothing else."""
    table = {name.casefold(): {"query": name, "id": f"e{i}"} for i, name in enumerate(names)}
    app = Flask("bare")

    @app.get("/v1/resolve")
    def one() -> Response:
        q = request.args.get("q", "")
        return Response(json.dumps(table.get(q.casefold()), ensure_ascii=False), mimetype="application/json")

    @app.post("/v1/resolve")
    def batch() -> Response:
        queries = request.get_json()["queries"]
        results = [table.get(item["q"].casefold()) for item in queries]
        return Response(json.dumps({"results": results}, ensure_ascii=False), mimetype="application/json")

    @app.get("/healthz")
    def health() -> Response:
        return Response("{}", mimetype="application/json")

    return app


def serve(app_name: str, port: int, worker_class: str, names_file: Path, threads: int = 0) -> None:
    """Run one app under gunicorn with the options `normalizer serve` uses, 2 workers (and
    `threads` threads each instead of the default, when given)."""
    from gunicorn.app.base import BaseApplication

    from normalizer.server import gunicorn_options, metrics_dir
    from normalizer.settings import Settings

    settings = Settings()
    options = gunicorn_options(settings, "127.0.0.1", port, 2, worker_class)
    if threads:
        options["threads"] = threads
    metrics_dir()

    class Embedded(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            if app_name == "bare flask":
                return bare_app(json.loads(names_file.read_text(encoding="utf-8")))
            from normalizer.web import create_app

            return create_app(settings)

    Embedded().run()


def exact_names() -> list[str]:
    """Vietnamese and English names from the real gazetteer, each resolving exactly."""
    from normalizer.gazetteer import load_dir
    from normalizer.settings import Settings

    loaded = load_dir(Settings().gazetteer_dir)
    names = [n.text for e in loaded.entities for n in e.names
             if n.kind == "preferred" and n.lang in ("vi", "en")]
    return names[:: max(1, len(names) // NAMES)][:NAMES]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(command: list[str], port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": tempfile.mkdtemp(prefix="bench-metrics-")}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{command} did not start")


def lua_get(names: list[str], path: Path) -> Path:
    paths = ",\n".join(json.dumps(f"/v1/resolve?q={quote(n)}") for n in names)
    path.write_text(f"""
local paths = {{{paths}}}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
""", encoding="utf-8")
    return path


def lua_post(names: list[str], path: Path) -> Path:
    bodies = []
    for start_at in range(0, len(names) - BATCH + 1, BATCH):
        queries = [{"q": n} for n in names[start_at:start_at + BATCH]]
        body = json.dumps({"queries": queries}, ensure_ascii=False)
        bodies.append("[==[" + body + "]==]")
    path.write_text(f"""
local bodies = {{{",".join(bodies)}}}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/v1/resolve", nil, bodies[i])
end
""", encoding="utf-8")
    return path


def wrk(port: int, script: Path, seconds: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
         f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for pct in ("50", "99"):
        value, unit = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        figures[f"p{pct}_ms"] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    figures["errors"] = float(non2xx.group(1)) if non2xx else 0.0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--worker-class", default="gthread", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=0, help="threads per gthread worker (0: as serve)")
    parser.add_argument("--serve", nargs=2, metavar=("APP", "PORT"), help=argparse.SUPPRESS)
    parser.add_argument("--names-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]), args.worker_class, args.names_file, args.threads)
        return

    work = Path(tempfile.mkdtemp(prefix="http-bench-"))
    names = exact_names()
    names_file = work / "names.json"
    names_file.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    scripts = {"GET": lua_get(names, work / "get.lua"), "POST": lua_post(names, work / "post.lua")}
    ports = {"normalizer": free_port(), "bare flask": free_port()}
    servers = [start([sys.executable, __file__, "--serve", app, str(port), "--worker-class",
                      args.worker_class, "--threads", str(args.threads), "--names-file", str(names_file)],
                     port)
               for app, port in ports.items()]
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    try:
        for run in range(args.runs):
            for method in ("GET", "POST"):
                for app, port in ports.items():  # interleaved: both apps see the same machine load
                    figures = wrk(port, scripts[method], args.seconds, args.connections)
                    results.setdefault((app, method), []).append(figures)
                    print(f"run {run + 1} {app:10} {method:4} {figures}", file=sys.stderr)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    report(results, len(names), args)


def report(results: dict[tuple[str, str], list[dict[str, float]]], names: int, args: Any) -> None:
    print(f"\n{time.strftime('%Y-%m-%d')} · {platform.node()} · {os.cpu_count()} cores · "
          f"Python {platform.python_version()} · gunicorn 2 {args.worker_class} workers"
          f"{f' x {args.threads} threads' if args.threads else ''} · "
          f"wrk -t2 -c{args.connections} -d{args.seconds}s · {names} exact names rotating · "
          f"median of {args.runs} runs\n")
    print("| app | request | req/s | names/s | p50 ms | p99 ms | non-2xx |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for (app, method), runs in sorted(results.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        per = BATCH if method == "POST" else 1
        label = "GET /v1/resolve" if method == "GET" else f"POST /v1/resolve, {BATCH} names"
        print(f"| {app} | {label} | {median['rps']:,.0f} | {median['rps'] * per:,.0f} | "
              f"{median['p50_ms']:.2f} | {median['p99_ms']:.2f} | {median['errors']:.0f} |")


if __name__ == "__main__":
    main()
