"""`normalizer serve`: the app under gunicorn, embedded through gunicorn's BaseApplication.

The app is built once in the master (preload) and forked into the workers, so the gazetteer is
loaded once. Metrics are summed over workers through prometheus_client's multiprocess mode: the
master points PROMETHEUS_MULTIPROC_DIR at a fresh directory before anything imports the client.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

from normalizer.settings import Settings

MAX_DEFAULT_WORKERS = 8
# Unlimited: a legitimate GET query of NORMALIZER_MAX_QUERY_CHARS Vietnamese characters,
# percent-encoded, passes gunicorn's 8190-byte ceiling; the app answers an overlong q with a 422.
REQUEST_LINE_LIMIT = 0
# gthread: keep-alive connections (pipelines reuse them) without a worker per connection; it
# measured faster than sync for single names and batches alike (bench/README.md). Threads per
# worker: Settings.threads. Ours (worker.py) also reads raw UTF-8 request lines, answers
# gunicorn's own errors in JSON and times out stalled clients.
GTHREAD_WORKER = "normalizer.server.worker.JsonThreadWorker"


def default_workers(cores: int | None = None) -> int:
    """2 x cores + 1 (gunicorn's advice), at most 8: each worker holds its own index."""
    return min(2 * (cores or os.cpu_count() or 1) + 1, MAX_DEFAULT_WORKERS)


def metrics_dir() -> tuple[str, bool]:
    """The multiprocess metrics directory, created (or emptied of a previous run's files), and
    whether it is a temporary one of ours."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    path = given or tempfile.mkdtemp(prefix="normalizer-metrics-")
    Path(path).mkdir(parents=True, exist_ok=True)
    for stale in Path(path).glob("*.db"):
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
    return path, not given


def _child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def gunicorn_options(settings: Settings, host: str, port: int, workers: int,
                     worker_class: str = "gthread") -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": workers or default_workers(),
        "worker_class": GTHREAD_WORKER if worker_class == "gthread" else worker_class,
        "threads": max(1, settings.threads) if worker_class == "gthread" else 1,
        "preload_app": True,
        "timeout": 30,
        "graceful_timeout": 20,
        "limit_request_line": REQUEST_LINE_LIMIT,
        # gunicorn's control socket has one default path per user ($XDG_RUNTIME_DIR/gunicorn.ctl):
        # a second instance on the host would take it over and delete it at exit.
        "control_socket_disable": True,
        "child_exit": _child_exit,
        "loglevel": settings.log_level.lower(),
    }


class EmbeddedGunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, options: dict[str, Any]):
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from normalizer.web import create_app  # after metrics_dir(): prometheus reads it on import

        return create_app(self.settings, warm=True)


def serve(settings: Settings, host: str, port: int, workers: int) -> int:
    """Run until stopped; returns gunicorn's exit status."""
    path, temporary = metrics_dir()
    try:
        EmbeddedGunicorn(settings, gunicorn_options(settings, host, port, workers)).run()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1 if stop.code else 0
    finally:
        if temporary:
            shutil.rmtree(path, ignore_errors=True)
    return 0
