"""normalize_column: a Dask DataFrame column answered on a LocalCluster of two worker processes,
cell for cell as `normalizer csv` answers the same values."""

from __future__ import annotations

import csv
import io

import pytest

from normalizer.bulk import RESULT_COLUMNS
from normalizer.cluster import normalize_column, ship_gazetteer
from tests.bulk.conftest import run_job

distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
VALUES = ["Vương Nghị", "Hàn Quốc", "zzz", "", "Triều Tiên", "Tap Can Binh", "China", "=1+2", "  "]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def csv_answers(service, values: list[str]) -> list[list[str]]:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([["name"], *([v] for v in values)])
    _, rows = run_job(service, buffer.getvalue().encode())
    return [row[1:] for row in rows[1:]]


def test_column_results_match_the_csv_job(small_service, client):
    values = [VALUES[i % len(VALUES)] + ("" if i % 4 else f" {i}") for i in range(400)]
    frame = pd.DataFrame({"id": range(len(values)), "name": values})
    ddf = dd.from_pandas(frame, npartitions=6)
    shipment = ship_gazetteer(small_service)
    out = normalize_column(ddf, "name", shipment).compute()
    assert list(out.columns) == ["id", "name", *RESULT_COLUMNS]
    assert list(out["id"]) == list(range(len(values)))
    assert out[list(RESULT_COLUMNS)].values.tolist() == csv_answers(small_service, values)
    assert shipment.revision == small_service.current.revision
    workers = client.run(lambda: __import__("normalizer.cluster.shipment").cluster.shipment._services.keys())
    assert [list(keys) for keys in workers.values()].count([shipment.key]) >= 1


def test_missing_values_are_blank(small_service, client):
    frame = pd.DataFrame({"name": ["China", None, float("nan")]})
    out = normalize_column(dd.from_pandas(frame, npartitions=2), "name", ship_gazetteer(small_service))
    assert out.compute()["status"].tolist() == ["matched", "empty", "empty"]


def test_unknown_or_clashing_columns_are_refused(small_service):
    ddf = dd.from_pandas(pd.DataFrame({"name": ["China"], "status": ["x"]}), npartitions=1)
    shipment = ship_gazetteer(small_service)
    with pytest.raises(ValueError, match="column 'nom' not found"):
        normalize_column(ddf, "nom", shipment)
    with pytest.raises(ValueError, match="already has result column"):
        normalize_column(ddf, "name", shipment)
