"""--workers: forked processes give the same output, in the same order, as one process."""

from __future__ import annotations

import io
import os
from collections import Counter

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
    cache = GenerationCache(2)
    for key in "abcdef":
        cache.put(key, EMPTY_RESULT)
    assert cache.get("a") is None and cache.get("b") is None and cache.get("f") is EMPTY_RESULT
    assert len(cache._young) + len(cache._old) <= 4
    assert cache.get("c") is EMPTY_RESULT  # in the old generation: promoted
    cache.put("g", EMPTY_RESULT)
    cache.put("h", EMPTY_RESULT)
    assert cache.get("c") is EMPTY_RESULT
    assert cache.get("d") is None  # not used since: dropped


def test_generation_cache_keeps_a_working_set_of_its_size():
    cache = GenerationCache(100)
    keys = [str(i) for i in range(100)]
    for _ in range(3):
        for key in keys:
            if cache.get(key) is None:
                cache.put(key, EMPTY_RESULT)
    assert all(cache.get(key) is EMPTY_RESULT for key in keys)


def test_each_value_goes_to_one_worker(small_service, tmp_path):
    """A value the parent forgot goes back to the worker that resolved it, never to another
    (with one shared pool, two workers each resolved most of a 50k-value pool)."""
    lines = [f"{NAMES[i % len(NAMES)]} {i % 40}" for i in range(1000)]
    data = ("name\n" + "\n".join(lines) + "\n").encode()
    log = tmp_path / "resolved.tsv"

    def resolve(query, type, limit):
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\t{query}\n")
        return small_service.resolve(query, type, limit)

    options = CsvOptions(column="name", workers=2, chunk_rows=16, cache_size=2)
    list(CsvJob.open(io.BytesIO(data), options, resolve).text_chunks())
    pairs = {tuple(line.split("\t")) for line in log.read_text(encoding="utf-8").splitlines()}
    workers_per_value = Counter(value for _, value in pairs)
    assert set(workers_per_value) == set(lines)
    assert set(workers_per_value.values()) == {1}
    assert len({pid for pid, _ in pairs}) == 2
