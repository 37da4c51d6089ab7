"""Normalizer: the one API that every shell (REST, UI, CLI) calls."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from normalizer.gazetteer import GazetteerIndex, Loaded, load_dir
from normalizer.match import Matcher
from normalizer.model import ENTITY_TYPES, Entity, Resolution
from normalizer.settings import Settings

MAX_LIMIT = 50


class InvalidQuery(ValueError):
    """A query the service refuses, with the field it concerns."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Normalizer:
    """Resolves names against the gazetteer and answers questions about its entities."""

    def __init__(self, index: GazetteerIndex, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.index = index
        self.matcher = Matcher(index)
        self._resolve_cached = lru_cache(maxsize=self.settings.resolve_cache_size)(self._resolve)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Normalizer:
        settings = settings or Settings.from_env()
        return cls(load_index(settings.gazetteer_dir), settings)

    def validate(self, query: str, type: str | None, limit: int) -> None:
        if type is not None and type not in ENTITY_TYPES:
            raise InvalidQuery("type", f"type must be one of {', '.join(ENTITY_TYPES)}")
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidQuery("limit", f"limit must be between 1 and {MAX_LIMIT}")
        if len(query) > self.settings.max_query_chars:
            raise InvalidQuery("q", f"a query has at most {self.settings.max_query_chars} characters")

    def resolve(self, query: str, type: str | None = None, limit: int = 5) -> Resolution:
        """Resolve one name. Raises InvalidQuery for a bad type, limit or an overlong query."""
        self.validate(query, type, limit)
        return self._resolve_cached(query, type, limit)

    def _resolve(self, query: str, type: str | None, limit: int) -> Resolution:
        return self.matcher.resolve(query, type=type, limit=limit)

    def resolve_many(self, queries: Iterable[str], type: str | None = None,
                     limit: int = 5) -> Iterator[Resolution]:
        """Resolve a stream of names lazily, in input order."""
        for query in queries:
            yield self.resolve(query, type, limit)

    def entity(self, entity_id: str) -> Entity | None:
        return self.index.get(entity_id)

    def canonical_id(self, entity_id: str) -> str | None:
        """The surviving id for an id (itself unless it was merged away), or None if unknown."""
        entity = self.index.get(entity_id)
        return entity.id if entity else None


def load_index(gazetteer_dir: Path) -> GazetteerIndex:
    """Load the YAML gazetteer into an index; refuses to start on invalid data."""
    loaded: Loaded = load_dir(gazetteer_dir)
    if loaded.problems:
        first = "; ".join(str(p) for p in loaded.problems[:3])
        raise ValueError(f"the gazetteer in {gazetteer_dir} has {len(loaded.problems)} problem(s): {first}")
    return GazetteerIndex(loaded.entities)
