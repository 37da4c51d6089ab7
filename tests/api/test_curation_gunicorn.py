"""Every process sees a committed change within about a second: gunicorn with 2 workers over one
SQLite database; a write lands on one worker, and reads on both find it (each worker refreshes
its index when the database's gazetteer revision moves)."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from normalizer.service import Normalizer
from normalizer.settings import Settings
from tests.api.test_gunicorn import call
from tests.servers import running_server
from tests.store.conftest import write_gazetteer

NAME = "Kim Châng Ưn"
KIM = {"name": "Kim Jong Un", "type": "person",
       "names": [{"text": "Kim Jong Un", "lang": "en", "kind": "preferred"},
                 {"text": NAME, "lang": "vi", "kind": "preferred"}]}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    root = tmp_path_factory.mktemp("curation-gunicorn")
    settings = Settings(gazetteer_dir=write_gazetteer(root / "gazetteer"),
                        database_url=f"sqlite:///{root / 'normalizer.db'}")
    token = Normalizer.open_desk(settings).create_token("alice", "editor")
    env = {"NORMALIZER_GAZETTEER_DIR": str(settings.gazetteer_dir),
           "NORMALIZER_DATABASE_URL": settings.database_url, "NORMALIZER_LOG_LEVEL": "WARNING"}
    with running_server(root, env, "--workers", "2") as base:
        yield base, token


def post(url: str, body: object, token: str) -> int:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def resolved(base: str) -> str | None:
    url = f"{base}/v1/resolve?q={urllib.parse.quote(NAME)}"
    with urllib.request.urlopen(url, timeout=60) as response:  # a loaded CI box can be slow
        match = json.loads(response.read())["match"]
    return match["id"] if match else None


FRESH_AFTER = 1.5  # seconds: the refresh period (1 s) and a rebuild of the small gazetteer


def test_a_write_through_one_worker_is_read_through_both_within_a_second(server: tuple[str, str]) -> None:
    base, token = server
    with ThreadPoolExecutor(4) as pool:  # warm both workers: their refreshers start on a request
        assert list(pool.map(lambda _: resolved(base), range(8))) == [None] * 8
    assert post(f"{base}/v1/entities", KIM, token) == 201
    written = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        while True:
            started = time.monotonic() - written
            answers = list(pool.map(lambda _: resolved(base), range(8)))  # concurrent: both workers
            if answers == ["kim-jong-un"] * 8:
                break
            # Staleness, not latency: reads sent FRESH_AFTER seconds after the write must all see it.
            assert started < FRESH_AFTER, f"reads sent {started:.1f} s after the write were stale: {answers}"
            assert time.monotonic() - written < 60
            time.sleep(0.05)
    status, _, body = call(f"{base}/v1/entities/kim-jong-un")
    assert status == 200 and json.loads(body)["revision"] == 1


def test_workers_refuse_anonymous_writes(server: tuple[str, str]) -> None:
    base, _ = server
    assert post(f"{base}/v1/entities", KIM, "not-a-token") == 401


def test_readiness_checks_the_database(server: tuple[str, str]) -> None:
    base, _ = server
    status, _, body = call(f"{base}/readyz")
    assert status == 200 and json.loads(body)["checks"] == {"index": True, "database": True}
