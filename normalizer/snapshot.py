"""The start-up cache: the composed index (curated entities with the generated layers), its
derived structures and the layers, pickled in NORMALIZER_CACHE_DIR (default ./var/cache).

Building all of it from the YAML-loaded database and ~70 MB of layers takes half a minute; loading
the pickle takes a few seconds. A snapshot holds the gazetteer revision it was built at; a start
that finds the database moved on since patches the index up to it (the refresher's first tick),
as an editor's write does. The file's name is a fingerprint of all a snapshot depends on: the
code, the layer files, which layers are loaded, the database and its identity; anything else
makes another file (the three newest are kept).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.layers import Layers, layer_dirs, load_layers
from normalizer.settings import Settings
from normalizer.store import Store

log = logging.getLogger("normalizer.snapshot")
FORMAT = 1
PACKAGE = Path(__file__).resolve().parent
KEEP = 3  # snapshots kept: a few configurations (layers chosen, databases) may share the directory
INSTANCE = "instance"  # meta key: a random number a database gets once, so a new one is told apart


@dataclass
class Snapshot:
    revision: int
    layers: Layers
    index: GazetteerIndex


def build_snapshot(settings: Settings, store: Store) -> Snapshot:
    """The composed index from the database and the layers (the slow way)."""
    layers = Layers(load_layers(settings.layer_root(), settings.layer_names()))
    live = store.live()
    entities = layers.compose(live.entities) if len(layers) else live.entities
    return Snapshot(live.revision, layers, GazetteerIndex(entities, {**layers.redirects(), **live.redirects}))


def snapshot_file(settings: Settings, store: Store) -> Path | None:
    """Where this configuration's snapshot lives; None when the cache is off."""
    directory = settings.snapshot_dir()
    if directory is None:
        return None
    digest = hashlib.sha256(f"{FORMAT}\0{version('normalizer')}\0{settings.store_url()}".encode())
    digest.update(str(_instance(store)).encode())
    digest.update(repr(settings.layer_names()).encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.read_bytes())
    for layer in layer_dirs(settings.layer_root()):
        stat = (layer / "entities.jsonl").stat()
        digest.update(f"{layer.name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return directory / f"snapshot-{digest.hexdigest()[:20]}.pickle"


def load_snapshot(path: Path | None) -> Snapshot | None:
    """The snapshot in path, or None (no file, or one that does not load: it is rebuilt)."""
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as handle, _collector_paused():
            found = pickle.load(handle)  # noqa: S301 - our own file, in our own cache directory
    except Exception:  # a truncated or stale file: log it and build anew
        log.warning("snapshot %s did not load; building the index", path, exc_info=True)
        return None
    return found if isinstance(found, Snapshot) else None


def save_snapshot(path: Path | None, snapshot: Snapshot) -> None:
    """Write the snapshot atomically (a temporary file renamed); keep the KEEP newest."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".snapshot-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(snapshot, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        snapshots = sorted(path.parent.glob("snapshot-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in snapshots[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk costs the next start time, nothing else
        log.warning("could not write the snapshot %s", path, exc_info=True)


def _instance(store: Store) -> int:
    found = store.meta_value(INSTANCE)
    if found is None:
        found = int.from_bytes(os.urandom(7), "big")
        store.set_meta(INSTANCE, found)
    return found


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()  # millions of objects, no cycles: collections during the load would walk them all
    try:
        yield
    finally:
        if enabled:
            gc.enable()
