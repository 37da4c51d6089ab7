"""A Dask DataFrame column normalized: RESULT_COLUMNS appended to every partition, each value
answered as `normalizer csv` answers a cell (same cells, statuses and reasons)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from normalizer.bulk.finisher import ChunkShape
from normalizer.bulk.options import CACHE_SIZE, CsvOptions
from normalizer.bulk.results import RESULT_COLUMNS, TEXT
from normalizer.cluster.shipment import GazetteerShipment, finisher_of

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd


def normalize_column(ddf: dd.DataFrame, column: str, shipment: GazetteerShipment | Any,
                     type: str | None = None, cache_size: int = CACHE_SIZE) -> dd.DataFrame:
    """`ddf` with RESULT_COLUMNS appended, from resolving `column` against `shipment` (a
    GazetteerShipment, or a Delayed of one: it is put in the graph once, and every partition
    uses it). A missing value counts as blank (status `empty`). ValueError if `column` is not
    in ddf or a result column already is."""
    from dask import delayed

    if column not in ddf.columns:
        raise ValueError(f"column {column!r} not found; available columns: {list(ddf.columns)}")
    clash = [c for c in RESULT_COLUMNS if c in ddf.columns]
    if clash:
        raise ValueError(f"the frame already has result column(s) {clash}: rename them first")
    CsvOptions(column=column, type=type, cache_size=cache_size).validate()
    if isinstance(shipment, GazetteerShipment):
        shipment = delayed(shipment, name=f"gazetteer-{shipment.key}", traverse=False)
    meta = _with_results(ddf._meta, [[] for _ in RESULT_COLUMNS])
    return ddf.map_partitions(normalize_partition, column, shipment, type, cache_size, meta=meta)


def normalize_partition(frame: pd.DataFrame, column: str, shipment: GazetteerShipment,
                        type: str | None, cache_size: int) -> pd.DataFrame:
    """One partition with the result columns appended (this worker's cache lasts across them)."""
    shape = _shape(column, type, cache_size)
    values = [_cell(v) for v in frame[column].tolist()]
    answers = finisher_of(shipment, shape).resolver.lookup(values)
    cells = [list(cs) for cs in zip(*(a[:TEXT] for a in answers), strict=True)] if answers else [
        [] for _ in RESULT_COLUMNS]
    return _with_results(frame, cells)


def _with_results(frame: pd.DataFrame, cells: list[list[str]]) -> pd.DataFrame:
    import pandas as pd

    index = frame.index
    return frame.assign(**{name: pd.Series(values, index=index, dtype=object)
                           for name, values in zip(RESULT_COLUMNS, cells, strict=True)})


def _cell(value: object) -> str:
    if isinstance(value, str):
        return value
    import pandas as pd

    try:
        if value is None or bool(pd.isna(value)):  # None, NaN, pd.NA and NaT are blanks
            return ""
    except (TypeError, ValueError):  # a list-like cell: not a blank
        pass
    return str(value)


def _shape(column: str, type: str | None, cache_size: int) -> ChunkShape:
    # The finisher's writer is unused here; only its resolver (type, cache size) matters.
    return ChunkShape(1, 0, "utf-8", ",", CsvOptions(column=column, type=type, cache_size=cache_size))
