"""Structures built from an index (the extraction automaton, the fuzzy blocking index, the
transliteration lookup), kept in the index's own `derived` mapping.

Keeping them on the index ties their life to it: a refresh that replaces the index drops them
with it. A structure never refers back to its index (that would make a cycle, which only the
cyclic collector frees, and the service freezes the index out of its reach), so the old index
and everything built from it are freed by reference counting the moment no reader holds them.
A kind that knows how to follow a patch (`Kind.patch`) is carried to the patched index at the
cost of the change; the others are built again when first asked for. Structures are kept by
their kind's name, so that an index and its structures can be pickled and loaded back
(normalizer.snapshot).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from normalizer.gazetteer.index import GazetteerIndex, Patch

T = TypeVar("T")
_LOCK = threading.Lock()
KINDS: dict[str, Kind[Any]] = {}  # every kind by name (a module that defines one registers it)


@dataclass(frozen=True, eq=False)
class Kind(Generic[T]):
    """A kind of derived structure: how to build it from an index, and optionally how to bring
    an old one up to date with a patch (old structure, patch) -> new structure."""

    name: str
    build: Callable[[GazetteerIndex], T]
    patch: Callable[[T, Patch], T] | None = None

    def __post_init__(self) -> None:
        KINDS[self.name] = self


def derived(index: GazetteerIndex, kind: Kind[T]) -> T:
    """The index's structure of this kind, built on first use (once, whatever the threads)."""
    found = index.derived.get(kind.name)
    if found is None:
        with _LOCK:
            found = index.derived.get(kind.name)
            if found is None:
                found = index.derived[kind.name] = kind.build(index)
    return found  # type: ignore[no-any-return]


def carry_over(old: GazetteerIndex, patch: Patch) -> None:
    """Bring the old index's patchable structures to the patched index (the rest are rebuilt on
    first use)."""
    for name, structure in list(old.derived.items()):
        kind = KINDS.get(name)
        if kind is not None and kind.patch is not None:
            patch.index.derived[name] = kind.patch(structure, patch)
