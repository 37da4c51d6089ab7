"""The review recorder counts in memory and writes in batches; a failed write keeps the counts."""

from __future__ import annotations

import threading

from normalizer.curation import ReviewRecorder, review_key
from normalizer.model import Parsed, Resolution
from normalizer.store import Sighting


def result(query: str, status: str = "unmatched", name: str | None = None) -> Resolution:
    return Resolution(query, status, None, parsed=Parsed(name or query))


class Sink:
    def __init__(self, fail: int = 0):
        self.batches: list[list[Sighting]] = []
        self.fail = fail
        self.done = threading.Event()

    def __call__(self, sightings: list[Sighting]) -> None:
        if self.fail:
            self.fail -= 1
            raise RuntimeError("database down")
        self.batches.append(sightings)
        self.done.set()


def test_sightings_of_one_key_are_counted_together() -> None:
    sink = Sink()
    recorder = ReviewRecorder(sink, every=3600)
    recorder.record(result("Ông Nguyễn Văn A", name="Nguyễn Văn A"))
    recorder.record(result("nguyen van a", "ambiguous"))
    recorder.record(Resolution("Wang Yi", "matched", None))
    assert recorder.flush() == 1
    [sighting] = sink.batches[0]
    assert (sighting.key, sighting.count, sighting.example) == ("nguyenvana", 2, "Ông Nguyễn Văn A")
    assert sighting.statuses == ("ambiguous", "unmatched")
    assert recorder.flush() == 0  # nothing pending any more


def test_a_full_batch_is_written_without_waiting_for_the_tick() -> None:
    sink = Sink()
    recorder = ReviewRecorder(sink, every=3600, batch=10)
    for i in range(10):
        recorder.record(result(f"name {i}"))
    assert sink.done.wait(5)
    assert sum(len(b) for b in sink.batches) == 10


def test_a_failed_write_keeps_the_counts_for_the_next_one() -> None:
    sink = Sink(fail=1)
    recorder = ReviewRecorder(sink, every=3600)
    recorder.record(result("abe"))
    assert recorder.flush() == 0
    recorder.record(result("abe"))
    assert recorder.flush() == 1
    assert sink.batches[0][0].count == 2


def test_the_tick_writes_what_is_pending() -> None:
    sink = Sink()
    recorder = ReviewRecorder(sink, every=0.05)
    recorder.record(result("abe"))
    assert sink.done.wait(5)


def test_keys_fold_case_marks_titles_and_spacing() -> None:
    assert review_key(result("Ông NGUYỄN Văn A", name="NGUYỄN Văn A")) == "nguyenvana"
    variants = [result("Ông Moon Jae-in", name="Moon Jae-in"), result("MOON JAE IN"), result("Moon Jaein"),
                result("Bà  moon   jae in", name="moon   jae in")]
    assert {review_key(r) for r in variants} == {"moonjaein"}
    assert review_key(result("   ")) is None


def test_pending_sightings_are_kept_per_key_and_bounded() -> None:
    sink = Sink()
    recorder = ReviewRecorder(sink, every=3600, max_keys=3)
    for query in ("Abe", "ABE", "abé", "Kim", "Lee", "Park", "Choi"):
        recorder.record(result(query))
    assert recorder.pending_keys() == 3  # per folded key, at most max_keys of them
    recorder.flush()
    assert sorted((s.key, s.count) for s in sink.batches[0]) == [("abe", 3), ("kim", 1), ("lee", 1)]


def test_a_flush_waits_out_a_locked_database_instead_of_failing(tmp_path) -> None:
    import sqlite3

    from normalizer.store import Store

    url = f"sqlite:///{tmp_path / 'review.db'}"
    store = Store.open(url)
    recorder = ReviewRecorder(store.review.add, every=3600, batch=100_000)  # only this flush writes
    for i in range(2000):
        recorder.record(result(f"name {i}"))
    holder = sqlite3.connect(tmp_path / "review.db", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process writes for longer than the busy timeout
    release = threading.Timer(6.5, holder.rollback)
    release.start()
    try:
        assert recorder.flush() == 2000
    finally:
        release.join()
        holder.close()
    assert store.review.list("open", 0, 10)[1] == 2000
    store.close()
