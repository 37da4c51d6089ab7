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


def output(service, data: bytes, **options) -> tuple[str, list]:
    seen: list = []
    job = service.open_csv(io.BytesIO(data), CsvOptions(column="name", **options))
    sink = io.StringIO(newline="")
    job.write(sink, lambda value, result: seen.append((value, result)))
    return sink.getvalue(), seen


def test_workers_write_what_one_process_writes_byte_for_byte(small_service):
    """Quoted fields that span lines (and chunk ends), blank lines, bad bytes, odd widths."""
    parts = []
    for i in range(400):
        name = NAMES[i % len(NAMES)]
        parts.append({0: f'{i},"{name}\nsecond line\nthird"', 1: f'{i},"{name}, quoted"',
                      2: "", 3: f"{i},{name},extra", 4: f"{i},Wa<BAD>ng"}.get(i % 9, f"{i},{name}"))
    data = ("id,name\n" + "\n".join(parts) + "\n").encode().replace(b"<BAD>", b"\xff")
    for chunk_rows in (1, 7, 64):
        text, seen = output(small_service, data, chunk_rows=chunk_rows)
        assert output(small_service, data, chunk_rows=chunk_rows, workers=2) == (text, seen)
    assert "\r\nsecond line\r\nthird" not in text and "\nsecond line\nthird" in text
    assert "invalid bytes" in text and "3 fields" in text and len(seen) == 400


def test_a_value_is_resolved_about_once_in_all(small_service, tmp_path):
    lines = [f"{NAMES[i % len(NAMES)]} {i % 400}" for i in range(4000)]
    data = ("name\n" + "\n".join(lines) + "\n").encode()
    log = tmp_path / "resolved.tsv"

    def resolve(query, type, limit):
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\t{query}\n")
        return small_service.resolve(query, type, limit)

    options = CsvOptions(column="name", workers=2, chunk_rows=16)
    list(CsvJob.open(io.BytesIO(data), options, resolve).text_chunks())
    resolved = Counter(tuple(line.split("\t")) for line in log.read_text(encoding="utf-8").splitlines())
    assert set(resolved.values()) == {1}
    assert {value for _, value in resolved} == set(lines)
    assert len({pid for pid, _ in resolved}) == 2
    # Answers pass between workers: a value is resolved twice only when both met it before one
    # of them sent its answer (deterministic: chunks are sent and collected in order).
    assert len(resolved) < 1.1 * len(set(lines)), len(resolved)


def test_workers_report_their_pss(small_service):
    data = ("id,name\n" + "\n".join(f"{i},{NAMES[i % len(NAMES)]} {i}" for i in range(600)) + "\n").encode()
    job, _ = run_job(small_service, data, chunk_rows=50, workers=2)
    assert len(job.summary.worker_pss_kb) == 2
    assert all(kb > 0 for kb in job.summary.worker_pss_kb.values())
    assert "workers' PSS" in job.summary.text()
