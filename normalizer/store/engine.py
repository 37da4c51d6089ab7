"""Engines: SQLite tuned for several processes (WAL, busy timeout, foreign keys, BEGIN IMMEDIATE for
writers), PostgreSQL as given; and Alembic migrations run in code from the package."""

from __future__ import annotations

import fcntl
import os
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
MIGRATION_LOCK = 7_170_001
STARTUP_LOCK = 7_170_002
WRITER = {"normalizer_writer": True}  # execution option: this transaction will write
CONNECT_TIMEOUT = 5.0  # seconds (PostgreSQL; libpq counts whole seconds, at least 2)
STATEMENT_TIMEOUT = 30.0  # seconds a PostgreSQL statement may run (a lock wait included); 0: none


def make_engine(url: str, connect_timeout: float = CONNECT_TIMEOUT,
                statement_timeout: float = STATEMENT_TIMEOUT) -> Engine:
    """An engine for the database URL; an SQLite file's directory is created if missing.
    PostgreSQL gets a connect timeout and a statement timeout (so that a database that hangs
    or holds a lock does not hold the service's threads as long), and a pool that waits at most
    the connect timeout for a free connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        options = str(parsed.query.get("options", ""))  # the URL's own options are kept
        if statement_timeout > 0:
            options = f"{options} -c statement_timeout={int(statement_timeout * 1000)}".strip()
        connect = {"connect_timeout": max(2, round(connect_timeout)), "options": options}
        engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10,
                               pool_timeout=max(1.0, connect_timeout), connect_args=connect)
    else:
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _tune_sqlite(engine)
    _dispose_after_fork(engine)
    return engine


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL keeps the database consistent on a crash
        cursor.close()

    @event.listens_for(engine, "handle_error")
    def on_error(context: Any) -> None:
        # SQLite opens a file it may not write read-only, silently; such a pooled connection
        # would refuse every write even after the file became writable again. Drop the pool
        # instead, so that the next checkout opens the file anew.
        if "readonly database" in str(context.original_exception):
            context.is_disconnect = True

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # A writer takes the write lock up front: two writers that both read first and then try to
        # upgrade their lock would deadlock into SQLITE_BUSY instead of waiting their turn.
        writer = connection.get_execution_options().get("normalizer_writer")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def _dispose_after_fork(engine: Engine) -> None:
    """A forked child (gunicorn worker, CSV worker) must not reuse its parent's connections."""
    ref = weakref.ref(engine)  # a weak one: the hook must not keep every engine alive

    def dispose() -> None:
        alive = ref()
        if alive is not None:
            alive.dispose(close=False)

    os.register_at_fork(after_in_child=dispose)


class Writing:
    """`with writing() as conn:` one write transaction. On SQLite the threads of a process also
    queue on a lock first: SQLite's busy handler polls with back-off and can starve a waiter past
    its timeout when many threads write at once; a lock hands the database over in turn."""

    def __init__(self, writer: Engine):
        self.writer = writer
        self.local = writer.dialect.name == "sqlite"
        self._lock = threading.Lock()
        if self.local:
            renew = weakref.WeakMethod(self._new_lock)  # weak: the hook must not keep us alive
            os.register_at_fork(after_in_child=lambda: (method := renew()) and method())

    def _new_lock(self) -> None:
        self._lock = threading.Lock()  # a lock held by another thread at fork time stays held

    @contextmanager
    def __call__(self) -> Iterator[Connection]:
        with self._lock if self.local else nullcontext(), self.writer.begin() as conn:
            yield conn


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(**WRITER) as connection:
        if engine.dialect.name == "postgresql":  # two processes starting at once migrate in turn
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()


@contextmanager
def exclusive_startup(engine: Engine) -> Iterator[None]:
    """Hold the database's start-up lock: processes that start at once on one database check and
    load it in turn (the second finds it loaded). PostgreSQL: a session advisory lock, waited for
    without a statement timeout; an SQLite file: an flock on a file beside it."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql("SET statement_timeout = 0")
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({STARTUP_LOCK})")
            try:
                yield
            finally:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({STARTUP_LOCK})")
                conn.exec_driver_sql("RESET statement_timeout")
                conn.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.startup-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
