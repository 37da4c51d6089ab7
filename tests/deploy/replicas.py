"""Two `normalizer serve` replicas on one PostgreSQL database behind haproxy with
deploy/haproxy.cfg, all on loopback: for tests/deploy and bench/replica_bench.py."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from normalizer.service import Normalizer
from normalizer.settings import Settings
from tests.servers import free_port

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "haproxy.cfg"
START_TIMEOUT = 120.0


def haproxy_problem() -> str | None:
    """None if Debian's haproxy is installed, else why the replica tests cannot run."""
    if shutil.which("haproxy") is None:
        return "haproxy is not installed (apt-get install -y haproxy; .ci/run installs it)"
    return None


@dataclass
class Replicas:
    balancer: str  # http://127.0.0.1:PORT of haproxy
    replicas: list[str]  # each replica's own base URL
    token: str  # an editor's token
    processes: list[subprocess.Popen[bytes]]


def get(url: str, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (names in lower case: haproxy sends them so) and body."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), _lower(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), _lower(error.headers), error.read()


def _lower(headers: object) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}  # type: ignore[attr-defined]


def post(url: str, body: object, token: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read()


def resolved_id(base: str, name: str) -> tuple[str | None, str]:
    """The id `name` resolves to at base (None: no match), and the replica that answered."""
    status, headers, body = get(f"{base}/v1/resolve?q={urllib.parse.quote(name)}")
    assert status == 200, body
    match = json.loads(body)["match"]
    return (match["id"] if match else None), headers.get("x-normalizer-replica", "")


def wait_ready(url: str, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process is None or process.poll() is None, f"{url}: the process exited while starting"
        try:
            if get(f"{url}/readyz", timeout=5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} was not ready in time")


@contextmanager
def running(database_url: str, gazetteer_dir: Path, root: Path, workers: int = 1) -> Iterator[Replicas]:
    """Two replicas started at once on the database (empty or not), and haproxy before them."""
    settings = Settings(gazetteer_dir=gazetteer_dir, database_url=database_url)
    token = Normalizer.open_desk(settings).create_token("editor-of-replicas", "editor")
    ports = [free_port(), free_port()]
    lb_port = free_port()
    env = {**os.environ, "NORMALIZER_GAZETTEER_DIR": str(gazetteer_dir),
           "NORMALIZER_DATABASE_URL": database_url,
           "NORMALIZER_LOG_LEVEL": "WARNING", "NORMALIZER_CACHE_DIR": str(root / "cache"),
           "NORMALIZER_LB_BIND": f"127.0.0.1:{lb_port}", "NORMALIZER_REPLICA_A": f"127.0.0.1:{ports[0]}",
           "NORMALIZER_REPLICA_B": f"127.0.0.1:{ports[1]}"}
    with ExitStack() as stack:
        processes = []
        for name, port in zip("ab", ports, strict=True):
            log = stack.enter_context((root / f"replica-{name}.log").open("wb"))
            process = subprocess.Popen(
                [sys.executable, "-m", "normalizer", "serve", "--host", "127.0.0.1", "--port", str(port),
                 "--workers", str(workers)], stdout=log, stderr=subprocess.STDOUT,
                env={**env, "PROMETHEUS_MULTIPROC_DIR": str(root / f"metrics-{name}")})
            stack.callback(_stop, process)
            processes.append(process)
        log = stack.enter_context((root / "haproxy.log").open("wb"))
        balancer = subprocess.Popen(["haproxy", "-db", "-f", str(CONFIG)], env=env, stdout=log,
                                    stderr=subprocess.STDOUT)
        stack.callback(_stop, balancer)
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base, process in zip(bases, processes, strict=True):
            wait_ready(base, process)
        lb = f"http://127.0.0.1:{lb_port}"
        wait_ready(lb, balancer)
        _wait_both_in_rotation(lb)
        yield Replicas(lb, bases, token, processes)


def _wait_both_in_rotation(lb: str) -> None:
    """haproxy puts a server in rotation after its first good check (1 s apart)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if {get(f"{lb}/healthz")[1].get("x-normalizer-replica") for _ in range(4)} == {"a", "b"}:
            return
        time.sleep(0.2)
    raise AssertionError("haproxy did not route to both replicas")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
