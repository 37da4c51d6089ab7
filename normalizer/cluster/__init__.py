"""Bulk normalization on a Dask cluster (the optional extra `normalizer[dask]`).

    from normalizer.cluster import ship_gazetteer, normalize_column
    shipment = ship_gazetteer(Normalizer.from_settings())   # one revision of the index
    out = normalize_column(ddf, "name", shipment)             # RESULT_COLUMNS appended

The gazetteer goes to the workers once, as a `GazetteerShipment` (the index at one revision);
every partition and every chunk of a CSV is resolved against that revision, and each worker
keeps one service for it. `csv_on_dask` runs a CSV job's chunks on a cluster with output byte
for byte that of the single-process run. Dask is imported only when these are used.
"""

from normalizer.cluster.column import normalize_column
from normalizer.cluster.csvpool import csv_on_dask, dask_client
from normalizer.cluster.shipment import GazetteerShipment, ship_gazetteer

__all__ = ["GazetteerShipment", "csv_on_dask", "dask_client", "normalize_column", "ship_gazetteer"]
