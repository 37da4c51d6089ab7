"""Request ids, JSON-lines access logs with latency, and Prometheus metrics.

Metrics live in prometheus_client's default registry. Under gunicorn with several workers each
worker counts on its own; `normalizer serve` sets PROMETHEUS_MULTIPROC_DIR so /metrics adds up
every worker (set it yourself, to an empty directory, when you start gunicorn another way).
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from collections import Counter as Tally
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from flask import Flask, Response, g, request
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

from normalizer.model import Resolution

REQUEST_ID_HEADER = "X-Request-Id"
# An incoming id is echoed only if it is short and plain, so it is safe in headers and logs.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")

REQUESTS = Counter("normalizer_http_requests_total", "HTTP requests by endpoint and status",
                   ["endpoint", "method", "status"])
LATENCY = Histogram("normalizer_http_request_duration_seconds", "HTTP request latency by endpoint",
                    ["endpoint", "status"],
                    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10))
OUTCOMES = Counter("normalizer_resolve_outcomes_total", "Resolutions by status and match method",
                   ["status", "method"])

access_log = logging.getLogger("normalizer.access")


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the record's `fields`."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage(),
        }
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: str) -> None:
    """JSON lines on stderr for the "normalizer" loggers; idempotent (tests build many apps)."""
    root = logging.getLogger("normalizer")
    root.setLevel(level.upper())
    if not any(isinstance(h.formatter, JsonLines) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLines())
        root.addHandler(handler)
        root.propagate = False


def count_outcomes(results: list[Resolution]) -> None:
    if len(results) == 1:
        result = results[0]
        _child(OUTCOMES, result.status, result.match.method if result.match else "none").inc()
        return
    tally = Tally((r.status, r.match.method if r.match else "none") for r in results)
    for (status, method), count in tally.items():  # one labels() per kind, not per result
        _child(OUTCOMES, status, method).inc(count)


@lru_cache(maxsize=4096)  # endpoints x methods x statuses: a few dozen in practice
def _child(metric: Any, *values: str) -> Any:
    """metric.labels(*values), remembered: labels() takes a lock and checks its values per call."""
    return metric.labels(*values)


def metrics_text() -> bytes:
    """The exposition text; summed over gunicorn workers in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def start_request() -> None:
    g.started = time.perf_counter()
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = incoming if _VALID_REQUEST_ID.fullmatch(incoming) else os.urandom(16).hex()


def finish_request(response: Response) -> Response:
    request_id = g.get("request_id") or os.urandom(16).hex()
    response.headers[REQUEST_ID_HEADER] = request_id
    started = g.get("started", time.perf_counter())
    endpoint = request.url_rule.rule if request.url_rule else "unmatched"
    fields = {"request_id": request_id, "method": request.method, "path": request.path,
              "endpoint": endpoint, "status": response.status_code, "remote": request.remote_addr}
    if response.is_streamed:
        # Counted and logged when the server closes the stream: its length is not known before,
        # and asking for it (calculate_content_length) would buffer the whole body here.
        response.response = Measured(response.response, lambda sent, complete: record_request(
            fields, time.perf_counter() - started, sent, complete))
        return response
    record_request(fields, time.perf_counter() - started, response.calculate_content_length(), True)
    return response


class Measured:
    """A streamed body, counted as it is sent; `on_end(bytes sent, complete)` runs once, when the
    server closes it (after the last chunk, or after the stream broke off)."""

    def __init__(self, body: Iterable[str | bytes], on_end: Callable[[int, bool], None]):
        self.body, self.on_end = body, on_end
        self.sent, self.complete, self.ended = 0, False, False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
            self.sent += len(data)
            yield data
        self.complete = True

    def close(self) -> None:
        close = getattr(self.body, "close", None)
        try:
            if close is not None:
                close()
        finally:
            if not self.ended:
                self.ended = True
                self.on_end(self.sent, self.complete)


def record_request(fields: dict[str, Any], latency: float, size: int | None, complete: bool) -> None:
    """Count the request in the metrics and write its access log line."""
    status = str(fields["status"])
    _child(REQUESTS, fields["endpoint"], fields["method"], status).inc()
    _child(LATENCY, fields["endpoint"], status).observe(latency)
    if access_log.isEnabledFor(logging.INFO):
        log_request({**fields, "latency_ms": round(latency * 1000, 3), "bytes": size, "complete": complete})


def log_request(fields: dict[str, Any]) -> None:
    # handle() a ready record: logger.info() would walk Flask's deep stack to find the caller,
    # which costs more than the whole resolve of a cached name.
    record = access_log.makeRecord(access_log.name, logging.INFO, __file__, 0, "request", (), None,
                                   extra={"fields": fields})
    access_log.handle(record)


def install_observability(app: Flask, log_level: str) -> None:
    configure_logging(log_level)
    # First before_request hook, so that even a request refused by a later hook has an id.
    app.before_request_funcs.setdefault(None, []).insert(0, start_request)
    app.after_request(finish_request)
