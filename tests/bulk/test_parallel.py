"""--workers: forked processes give the same output, in the same order, as one process."""

from __future__ import annotations

import io
import os

import pytest

from normalizer.bulk import CsvError, CsvJob, CsvOptions
from normalizer.bulk.lookup import GenerationCache
from normalizer.bulk.results import EMPTY_RESULT
from tests.bulk.conftest import run_job

NAMES = ["Vương Nghị", "Hàn Quốc", "zzz", "", "Triều Tiên", "Tap Can Binh", "China", "Wang Yi x"]


def test_workers_keep_order_and_results(small_service):
    lines = [f"{i},{NAMES[i % len(NAMES)]}{'' if i % 3 else i}" for i in range(3000)]
    lines[100] += ",long row"
    data = ("id,name\n" + "\n".join(lines) + "\n").encode()
    one_job, one = run_job(small_service, data, chunk_rows=64)
    many_job, many = run_job(small_service, data, chunk_rows=64, workers=2, cache_size=100)
    assert many == one
    assert many_job.summary.counts == one_job.summary.counts
    assert many_job.summary.rows == 3000


def test_a_dead_worker_is_a_clear_error_not_a_hang():
    def resolve(query, type, limit):
        if query == "die":
            os._exit(1)
        raise AssertionError("not reached")

    job = CsvJob.open(io.BytesIO(b"name\ndie\n"), CsvOptions(column="name", workers=2), resolve)
    with pytest.raises(CsvError, match="worker process died"):
        list(job.text_chunks())


def test_generation_cache_is_bounded_and_keeps_recent_hits():
    cache = GenerationCache(4)
    for key in "abcdef":
        cache.put(key, EMPTY_RESULT)
    assert cache.get("a") is None and cache.get("f") is EMPTY_RESULT
    assert len(cache._young) + len(cache._old) <= 4
    assert cache.get("c") is EMPTY_RESULT  # in the old generation: promoted
    cache.put("g", EMPTY_RESULT)
    cache.put("h", EMPTY_RESULT)
    assert cache.get("c") is EMPTY_RESULT
    assert cache.get("d") is None  # not used since: dropped
