"""The gazetteer as it travels to Dask workers: one revision of the index, sent once; and the
service each worker process keeps for it."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass

from normalizer.bulk.finisher import ChunkShape, LinesFinisher
from normalizer.gazetteer import GazetteerIndex
from normalizer.service import Normalizer
from normalizer.settings import Settings


@dataclass(frozen=True, eq=False)
class GazetteerShipment:
    """The index at `revision`; `key` tells one shipment from another (a revision number alone
    would not: two databases may both be at revision 3)."""

    key: str
    revision: int
    index: GazetteerIndex
    settings: Settings


def ship_gazetteer(service: Normalizer) -> GazetteerShipment:
    """The service's index as it is now, ready to scatter to workers."""
    generation = service.current
    return GazetteerShipment(f"r{generation.revision}-{secrets.token_hex(6)}", generation.revision,
                             generation.index, service.settings)


# In a worker process: the service and the finishers over the newest shipment it was given
# (a worker that gets a new one drops the old, so one revision's index is held at a time).
_lock = threading.Lock()
_services: dict[str, Normalizer] = {}
_finishers: dict[tuple[str, ChunkShape], LinesFinisher] = {}


def service_of(shipment: GazetteerShipment) -> Normalizer:
    """This process's service over the shipment's index (made on first use)."""
    with _lock:
        found = _services.get(shipment.key)
        if found is None:
            _services.clear()
            _finishers.clear()
            found = _services[shipment.key] = Normalizer(shipment.index, shipment.settings,
                                                         revision=shipment.revision)
        return found


def finisher_of(shipment: GazetteerShipment, shape: ChunkShape) -> LinesFinisher:
    """This process's finisher of a job's chunks, whose cache of answers lasts across chunks."""
    service = service_of(shipment)
    with _lock:
        found = _finishers.get((shipment.key, shape))
        if found is None:
            found = LinesFinisher.of(shape, service.resolve, service.named_exactly_many)
            _finishers[(shipment.key, shape)] = found
        return found
