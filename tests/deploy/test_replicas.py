"""deploy/: two `normalizer serve` replicas on one PostgreSQL behind haproxy. Both start at once
on an empty database; an editor's write through one replica is read through the balancer from
both; readiness takes a stopped replica out of rotation."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.deploy.replicas import Replicas, get, haproxy_problem, post, resolved_id, running
from tests.store.conftest import fresh_url, write_gazetteer

NAME = "Kim Châng Ưn"
KIM = {"name": "Kim Jong Un", "type": "person",
       "names": [{"text": "Kim Jong Un", "lang": "en", "kind": "preferred"},
                 {"text": NAME, "lang": "vi", "kind": "preferred"}]}
SEEN_WITHIN = 10.0  # seconds: a bound for a hang, not a speed figure (bench/replica_bench.py measures)


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replicas]:
    problem = haproxy_problem()
    if problem:
        pytest.skip(problem)
    from tests.store.conftest import postgres_reachable

    unreachable = postgres_reachable()
    if unreachable:
        pytest.skip(unreachable)
    root = tmp_path_factory.mktemp("replicas")
    gazetteer = write_gazetteer(root / "gazetteer")
    urls = fresh_url("postgresql", root, None)
    url = next(urls)
    try:
        with running(url, gazetteer, root) as started:
            yield started
    finally:
        next(urls, None)  # drops the schema


def test_a_write_through_one_replica_is_read_through_the_balancer_from_both(replicas: Replicas) -> None:
    assert {resolved_id(replicas.balancer, NAME)[0] for _ in range(4)} == {None}
    status, body = post(f"{replicas.replicas[0]}/v1/entities", KIM, replicas.token)
    assert status == 201, body
    written = time.monotonic()
    seen_from: set[str] = set()
    while seen_from != {"a", "b"}:
        assert time.monotonic() - written < SEEN_WITHIN, f"only {seen_from} saw the write"
        found, replica = resolved_id(replicas.balancer, NAME)
        if found == "kim-jong-un":
            seen_from.add(replica)
        time.sleep(0.02)
    # Round robin: once both have seen it, every read through the balancer finds it.
    assert [resolved_id(replicas.balancer, NAME)[0] for _ in range(6)] == ["kim-jong-un"] * 6


def test_writes_need_an_editor_token_through_the_balancer(replicas: Replicas) -> None:
    status, _ = post(f"{replicas.balancer}/v1/entities", KIM, "not-a-token")
    assert status == 401


def test_health_and_readiness_through_the_balancer(replicas: Replicas) -> None:
    for path in ("/healthz", "/readyz"):
        status, headers, _ = get(f"{replicas.balancer}{path}")
        assert status == 200 and headers["x-normalizer-replica"] in {"a", "b"}


def test_a_stopped_replica_leaves_rotation_and_reads_go_on(replicas: Replicas) -> None:
    replicas.processes[1].terminate()
    replicas.processes[1].wait(timeout=30)
    answered = [get(f"{replicas.balancer}/v1/resolve?q=China") for _ in range(10)]
    assert [status for status, _, _ in answered] == [200] * 10  # retried on the other replica
    assert {headers["x-normalizer-replica"] for _, headers, _ in answered} == {"a"}
