"""`normalizer serve` for real, as tests through the REST shell start it: on a free loopback
port, its log and Prometheus files under a directory of the test's, stopped with SIGTERM (which
must end it cleanly)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited while starting"
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=10) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.1)
    raise AssertionError("the server did not start in time")


@contextmanager
def running_server(root: Path, env: Mapping[str, str], *options: str,
                   cwd: Path | None = None) -> Iterator[str]:
    """The base URL of `normalizer serve *options` run with `env` over this process's
    environment; its log is root/server.log, its metrics root/metrics."""
    (root / "metrics").mkdir(parents=True, exist_ok=True)
    port = free_port()
    environment = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(root / "metrics"), **env}
    with (root / "server.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "normalizer", "serve", "--host", "127.0.0.1", "--port", str(port),
             *options],
            env=environment, stdout=log, stderr=subprocess.STDOUT, cwd=cwd)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base, process)
            yield base
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0
