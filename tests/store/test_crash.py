"""A writer killed with SIGKILL in the middle of its writes leaves a consistent database: every
committed change has its audit row, revisions count them, the change counter matches."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from normalizer.store import Store

ROOT = Path(__file__).resolve().parents[2]
WRITES_BEFORE_KILL = 60


def wait_for_writes(store: Store, process: subprocess.Popen[bytes], count: int) -> None:
    deadline = time.monotonic() + 60
    while store.gazetteer_revision() < count:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else "writer died"
        assert time.monotonic() < deadline, "the writer did not write in time"
        time.sleep(0.02)


def test_sigkill_mid_write_leaves_a_consistent_database(store: Store, database_url: str) -> None:
    start = store.gazetteer_revision()
    process = subprocess.Popen([sys.executable, "-m", "tests.store.crash_writer", database_url],
                               cwd=ROOT, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        wait_for_writes(store, process, start + WRITES_BEFORE_KILL)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    store.close()
    after = Store.open(database_url)
    with after.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).first() is None
        seqs = [row[0] for row in conn.execute(text("SELECT seq FROM audit ORDER BY seq"))]
        orphans = conn.execute(text("SELECT count(*) FROM names WHERE entity_id NOT IN "
                                    "(SELECT id FROM entities)")).scalar()
    counts = after.debug_counts()
    assert counts["revisions"] == counts["audit"]
    assert seqs == list(range(1, len(seqs) + 1))  # no gap, no duplicate
    assert after.gazetteer_revision() == len(seqs) >= start + WRITES_BEFORE_KILL
    assert orphans == 0
    assert all(len(e.names) >= 2 for e in after.live().entities)  # no half-written name list
    after.close()
