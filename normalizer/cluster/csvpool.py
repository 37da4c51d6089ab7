"""A CSV job's chunks finished on a Dask cluster: the parent reads whole rows and writes the
output in order, as with forked workers (bulk.workers); each chunk is a task that gets the
chunk's lines, the job's ChunkShape and the scattered shipment."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from normalizer.bulk.finisher import ChunkShape
from normalizer.bulk.job import CsvJob
from normalizer.bulk.options import CsvError
from normalizer.bulk.workers import IN_FLIGHT_PER_WORKER, ChunkDone
from normalizer.cluster.shipment import GazetteerShipment, finisher_of, ship_gazetteer
from normalizer.service import Normalizer

if TYPE_CHECKING:
    from distributed import Client

_task_lock = threading.Lock()  # a worker with several threads finishes one chunk at a time


def finish_chunk(shipment: GazetteerShipment, shape: ChunkShape, lines: list[str],
                 observe: bool) -> ChunkDone:
    """On a worker: one chunk of whole rows -> its output text (answers are not shared)."""
    with _task_lock:
        return finisher_of(shipment, shape).finish_lines(lines, observe, None)


class DaskChunkPool:
    """The bulk.workers.Pool of a Dask client: chunks as tasks, collected in order."""

    def __init__(self, client: Client, shipment: Any, shape: ChunkShape):
        self._client = client
        self._shipment = shipment  # the future of the scattered GazetteerShipment
        self._shape = shape
        threads = sum(client.nthreads().values()) or 1
        self.in_flight = IN_FLIGHT_PER_WORKER * threads

    def submit(self, lines: list[str], observe: bool) -> Any:
        return self._client.submit(finish_chunk, self._shipment, self._shape, lines, observe, pure=False)

    def collect(self, submitted: Any) -> ChunkDone:
        try:
            return submitted.result()
        except CsvError:
            raise
        except Exception as exc:  # a worker lost, a task killed: the rows before it are written
            raise CsvError(f"a Dask task failed ({type(exc).__name__}: {exc}); the rows before it "
                           "were written") from exc

    def close(self) -> None:
        pass  # the futures not collected are released with the pool


def csv_on_dask(job: CsvJob, service: Normalizer, client: Client) -> GazetteerShipment:
    """Make `job` finish its chunks on the client's cluster, against the index of the job's
    revision, scattered to every worker once. Returns the shipment (its revision is the job's)."""
    shipment = ship_gazetteer(service)
    if job.revision is not None and shipment.revision != job.revision:
        raise CsvError(f"the gazetteer moved from revision {job.revision} to {shipment.revision} "
                       "as the job started; run it again")
    scattered = client.scatter(shipment, broadcast=True, hash=False)
    job.run_with(lambda job: DaskChunkPool(client, scattered, job.shape()))
    return shipment


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a LocalCluster of `workers` processes
    (one thread each, on loopback, no dashboard) that lasts as long as the client."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client
