"""Database faults, made for real: a read-only SQLite file, a full one, a PostgreSQL that holds a
lock past the statement timeout, one that refuses connections, and two instances that start at
once on an empty PostgreSQL. Reads and writes that need the database answer 503 in the error
shape; the service recovers by itself once the fault is gone."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.web import create_app
from tests.store.conftest import fresh_url, write_gazetteer

ERROR_KEYS = {"code", "status", "message", "errors"}


def editor_client(settings: Settings) -> tuple[Normalizer, FlaskClient, dict[str, str]]:
    service = Normalizer.from_settings(settings)
    assert service.curation is not None
    token = service.curation.create_token("alice", "editor")
    return service, create_app(settings, service).test_client(), {"Authorization": f"Bearer {token}"}


def patch_description(client: FlaskClient, auth: dict[str, str], text_: str) -> Any:
    etag = client.get("/v1/entities/japan/names").headers.get("ETag", '"x"')
    return client.patch("/v1/entities/japan", json={"description": text_},
                        headers={**auth, "If-Match": etag})


def assert_503(response: Any) -> None:
    assert response.status_code == 503, response.get_data(as_text=True)[:300]
    assert set(response.get_json()) == ERROR_KEYS and response.headers["Retry-After"]


def sqlite_settings(tmp_path: Path) -> Settings:
    return Settings(gazetteer_dir=write_gazetteer(tmp_path / "gazetteer"), log_level="WARNING",
                    database_url=f"sqlite:///{tmp_path / 'normalizer.db'}", review_queue=False)


def chattr(flag: str, path: Path) -> None:
    subprocess.run(["chattr", flag, str(path)], check=True, capture_output=True)


def test_a_connection_opened_while_the_file_was_read_only_recovers_once_it_is_writable(
        tmp_path: Path) -> None:
    settings = sqlite_settings(tmp_path)
    service, client, auth = editor_client(settings)
    database = tmp_path / "normalizer.db"
    assert service.store is not None
    service.store.engine.dispose()  # the next connection is opened while the file is read-only
    try:
        chattr("+i", database)  # immutable: read-only even for root
    except (OSError, subprocess.CalledProcessError) as exc:
        service.close()
        pytest.skip(f"chattr +i is not available here: {exc}")
    try:
        assert client.get("/v1/entities/japan").status_code == 200  # reads still work
        assert_503(patch_description(client, auth, "read-only"))
    finally:
        chattr("-i", database)
    done = patch_description(client, auth, "writable again")
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["description"] == "writable again"
    service.close()


def test_a_full_database_answers_503_and_keeps_serving_reads(tmp_path: Path) -> None:
    service, client, auth = editor_client(sqlite_settings(tmp_path))
    assert service.store is not None
    engine = service.store.engine
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(engine, "connect")
    def small(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")  # no room for one more page

    engine.dispose()
    names = [{"text": f"Kim Jong Un {i} " + "x" * 300, "lang": "en", "kind": "alias"} for i in range(500)]
    response = client.post("/v1/entities", headers=auth, json={
        "name": "Kim Jong Un", "type": "person",
        "names": [{"text": "Kim Jong Un", "lang": "en", "kind": "preferred"}, *names]})
    assert_503(response)
    assert client.get("/v1/entities/japan").status_code == 200
    assert client.get("/v1/resolve?q=Japan").get_json()["match"]["id"] == "japan"
    service.close()


@pytest.fixture()
def postgres_url(tmp_path: Path, postgres_problem: str | None) -> Iterator[str]:
    yield from fresh_url("postgresql", tmp_path, postgres_problem)


def test_a_write_held_by_a_lock_past_the_statement_timeout_answers_503(tmp_path: Path,
                                                                       postgres_url: str) -> None:
    settings = replace(sqlite_settings(tmp_path), database_url=postgres_url, database_statement_timeout=1.0)
    service, client, auth = editor_client(settings)
    holder = create_engine(postgres_url)
    try:
        with holder.connect() as conn:
            conn.execute(text("SELECT id FROM entities WHERE id = 'japan' FOR UPDATE"))
            started = time.monotonic()
            assert_503(patch_description(client, auth, "waits for the lock"))
            assert time.monotonic() - started < 10
            conn.rollback()
        assert patch_description(client, auth, "after the lock").status_code == 200
    finally:
        holder.dispose()
        service.close()


class Relay:
    """A TCP relay to PostgreSQL that can be cut (connections dropped, new ones refused) and
    restored on the same port."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = 0
        self.sockets: list[socket.socket] = []
        self.listener: socket.socket | None = None
        self.start()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        self.port = listener.getsockname()[1]
        listener.listen(16)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        with suppress(OSError):
            while True:
                client, _ = listener.accept()
                server = socket.create_connection(self.target)
                self.sockets += [client, server]
                for a, b in ((client, server), (server, client)):
                    threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with suppress(OSError):
            sink.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        assert self.listener is not None
        with suppress(OSError):  # stops listening and wakes the blocked accept (close alone does not)
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.sockets:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets = []


def test_a_database_that_refuses_connections_answers_503_until_it_is_back(tmp_path: Path,
                                                                         postgres_url: str) -> None:
    url = make_url(postgres_url)
    relay = Relay((url.host or "127.0.0.1", url.port or 5432))
    through = url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    settings = replace(sqlite_settings(tmp_path), database_url=through, database_connect_timeout=2)
    service, client, auth = editor_client(settings)
    try:
        relay.cut()
        assert_503(client.get("/v1/entities/japan"))  # a read that needs the database
        assert_503(patch_description(client, auth, "refused"))
        assert client.get("/v1/resolve?q=Japan").status_code == 200  # the index needs no database
        assert client.get("/readyz").status_code == 503
        relay.start()
        assert client.get("/v1/entities/japan").status_code == 200
        assert patch_description(client, auth, "back").status_code == 200
    finally:
        relay.cut()
        service.close()


STARTER = """
import sys, time
from normalizer.service import Normalizer
from normalizer.settings import Settings
settings = Settings(gazetteer_dir=sys.argv[1], database_url=sys.argv[2], review_queue=False,
                    log_level="WARNING")
while time.time() < float(sys.argv[3]):  # both start together, imports done
    time.sleep(0.001)
service = Normalizer.from_settings(settings)
print(len(service.index))
service.close()
"""


def test_two_instances_starting_at_once_on_an_empty_postgres_both_start(tmp_path: Path,
                                                                        postgres_url: str) -> None:
    gazetteer = write_many(tmp_path / "gazetteer", 3000)  # a load that takes a while
    at = str(time.time() + 6)
    runs = [subprocess.Popen([sys.executable, "-c", STARTER, str(gazetteer), postgres_url, at],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [run.communicate(timeout=240) for run in runs]
    for run, (out, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, err.decode()[-2000:]
        assert out.decode().strip() == "3000"
    engine = create_engine(postgres_url)
    with engine.connect() as conn:  # loaded once: one audit row per entity
        assert conn.execute(text("SELECT count(*) FROM audit")).scalar() == 3000
    engine.dispose()


def write_many(root: Path, count: int) -> Path:
    root.mkdir(parents=True)
    lines = []
    for i in range(count):
        lines += [f"- id: person-{i}", "  type: person", f"  name: Person Number {i}", "  names:",
                  f"  - {{text: Person Number {i}, lang: en, kind: preferred, source: editorial}}"]
    (root / "people.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root
