"""Normalizer: the one API that every shell (REST, UI, CLI) calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

# The bulk CSV API, re-exported for the shells (CLI `csv`, REST /v1/csv).
from normalizer.bulk import (  # noqa: F401
    CsvError,
    CsvInputError,
    CsvJob,
    CsvOptions,
    CsvUsageError,
    UnmatchedCounter,
)
from normalizer.bulk.encoding import Readable

# Curation (normalizer.curation); its refusals are re-exported for the shells.
from normalizer.curation import (  # noqa: F401
    CurationError,
    Desk,
    GazetteerProblems,
    InvalidEntity,
    NameConflict,
    Refresher,
    ReviewItemNotFound,
    ReviewRecorder,
    ensure_loaded,
    seen_by,
    seen_in,
)
from normalizer.curation.editor import combine_names as merged_names  # the merge's own rule, for previews
from normalizer.devset import DevsetError, Tally, evaluate_devset, read_ids, read_rows  # noqa: F401
from normalizer.devset_pages import Link, PagesReport, evaluate_pages
from normalizer.evaluation import GoldError, Report, evaluate  # noqa: F401  (GoldError: for shells)
from normalizer.extract import Extraction, extract, parse_date, utf8_size
from normalizer.gazetteer import GazetteerIndex, Loaded, load_dir
from normalizer.gazetteer.layers import Layers
from normalizer.generation import Generation
from normalizer.match import Matcher
from normalizer.match.references import Where, country_named
from normalizer.match.sure import SureMatch
from normalizer.model import ENTITY_TYPES, Entity, Name, Resolution
from normalizer.settings import PROJECT_ROOT, Settings
from normalizer.snapshot import build_snapshot, load_snapshot, save_snapshot, snapshot_file
from normalizer.store import (  # noqa: F401  (errors and records: for shells)
    DATABASE_UNAVAILABLE,
    ROLES,
    AuditEntry,
    EntityDeleted,
    EntityExists,
    EntityMerged,
    EntityNotFound,
    LoadReport,
    ReviewItem,
    RevisionNotFound,
    StaleRevision,
    Store,
    StoredEntity,
    StoreError,
    TokenExists,
    TokenInfo,
    TokenNotFound,
)
from normalizer.text import fold
from normalizer.translit import Rendering, UnsupportedPair, transliterate
from normalizer.unknown_eval import OriginTally, UnknownTableError, evaluate_unknown, read_table  # noqa: F401

MAX_LIMIT = 50
# Beyond this many changed entities a refresh reads the whole database instead of patching.
PATCH_LIMIT = 5000


class InvalidQuery(ValueError):
    """A query the service refuses, with the field it concerns."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class TextTooLarge(InvalidQuery):
    """A document over Settings.max_text_bytes of UTF-8 (REST answers 413)."""


MAX_PER_PAGE = 100


@dataclass(frozen=True)
class MergePreview:
    """What merging `merged` into `survivor` would do: the names that would move (preferred ones
    become aliases) and the ones the survivor already has."""

    merged: StoredEntity
    survivor: StoredEntity
    moved: tuple[Name, ...]
    duplicates: tuple[Name, ...]


@dataclass(frozen=True)
class EntityPage:
    """One page of entities from a search or a browse, best first, and how many there are in all."""

    items: tuple[Entity, ...]
    total: int
    page: int
    per_page: int



class Normalizer:
    """Resolves names against the gazetteer and answers questions about its entities."""

    def __init__(self, index: GazetteerIndex, settings: Settings | None = None, store: Store | None = None,
                 revision: int = 0, layers: Layers | None = None):
        """A service over an index. With a store (from_settings), the store is the source of
        truth: `curation` takes editors' writes and the index follows the database's revision.
        `layers`, the generated layers the index was composed with, let a write patch it."""
        self.settings = settings or Settings()
        self.current = Generation(index, revision, self.settings.resolve_cache_size)
        self.layers = layers
        self.store = store
        quiet = lambda q: self.current.resolve(q, None, 5)  # noqa: E731  (review cards: not recorded)
        self.curation = Desk(store, lambda: self.index, self._nudge, quiet) if store else None
        self.refresher = (Refresher(store.gazetteer_revision, self._advance, revision,
                                    self.settings.refresh_seconds) if store else None)
        cap = self.settings.review_queue_max_keys
        self.recorder = (ReviewRecorder(partial(store.review.add, max_open=cap), max_keys=cap)
                         if store and self.settings.review_queue else None)

    @property
    def index(self) -> GazetteerIndex:
        """The index answers come from now (a later refresh may replace it: hold it for one task)."""
        return self.current.index

    @property
    def matcher(self) -> Matcher:
        return self.current.matcher

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Normalizer:
        settings = settings or Settings.from_env()
        store = Store.from_settings(settings)
        ensure_loaded(store, settings.gazetteer_dir)
        path = snapshot_file(settings, store)
        found = load_snapshot(path)
        built = found is None
        found = found or build_snapshot(settings, store)
        service = cls(found.index, settings, store, found.revision, found.layers)
        if built and path is not None:  # warm first: the derived structures go in the file too
            service.warm_up()
            save_snapshot(path, found)
        return service

    def close(self) -> None:
        """Stop the refresher, write the review queue's pending counts, close the database."""
        if self.refresher:
            self.refresher.stop()
        if self.recorder:
            self.recorder.stop()
        if self.store:
            self.store.close()

    @staticmethod
    def open_desk(settings: Settings | None = None) -> Desk:
        """The curation desk over the settings' database without building an index (for tools:
        `normalizer token`, `gazetteer load|export`). Strong-name conflicts are not checked here."""
        settings = settings or Settings.from_env()
        return Desk(Store.from_settings(settings), lambda: GazetteerIndex(()), lambda: None)

    def warm_up(self) -> None:
        """Do now what the first queries would do (Generation.warm): for a server's master before
        it forks, so that the workers start warm and share these pages. Nothing is recorded in
        the review queue."""
        self.current.warm()

    def refresh(self) -> bool:
        """Bring the index up to the database now if it moved; returns whether it did (no store: False)."""
        return self.refresher.refresh() if self.refresher else False

    def _nudge(self) -> None:
        if self.refresher:
            self.refresher.ensure_running()
            self.refresher.nudge()

    def _advance(self) -> int:
        """The next generation, from the changes since this one's revision (a patch) or, when
        they are many, from the whole database; swapped in once built and warm (readers keep the
        old one until then). Returns the revision it holds."""
        assert self.store is not None
        old = self.current
        size = self.settings.resolve_cache_size
        delta = self.store.delta(old.revision, PATCH_LIMIT)
        if delta is not None:
            if self.layers:
                change = self.layers.recompose(delta.upserts, delta.removed)
                redirects = {**self.layers.redirects(), **delta.redirects}
                delta = replace(delta, upserts=change.upserts, removed=change.removed, redirects=redirects)
            new = old.patched(delta, size)
            new.warm(bulk=False)
        else:
            live = self.store.live()
            entities = self.layers.compose(live.entities) if self.layers else live.entities
            redirects = {**self.layers.redirects(), **live.redirects} if self.layers else live.redirects
            new = Generation.build(entities, redirects, live.revision, size)
            new.warm()
        self.current = new
        return new.revision

    def validate(self, query: str, type: str | None, limit: int) -> None:
        if type is not None and type not in ENTITY_TYPES:
            raise InvalidQuery("type", f"type must be one of {', '.join(ENTITY_TYPES)}")
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidQuery("limit", f"limit must be between 1 and {MAX_LIMIT}")
        if len(query) > self.settings.max_query_chars:
            raise InvalidQuery("q", f"a query has at most {self.settings.max_query_chars} characters")

    def resolve(self, query: str, type: str | None = None, limit: int = 5,
                date: str | dt.date | None = None, country: str | None = None) -> Resolution:
        """Resolve one name. `date` (YYYY-MM-DD, default today) is the day a role reference
        ("Ngoại trưởng Nhật Bản") is read on; `country` (an id or a name) the country a bare
        title or institution ("Thủ tướng", "Quốc hội") is read against. Raises InvalidQuery for a
        bad type, limit, date or country or an overlong query."""
        self.validate(query, type, limit)
        if self.refresher is not None:
            self.refresher.ensure_running()
        when, where = self.scope(date, country)
        return self._answer(self.current, query, type, limit, when, where)

    def scope(self, date: str | dt.date | None, country: str | None) -> tuple[dt.date | None, Where | None]:
        """The day and the country a query is read on, checked: raises InvalidQuery."""
        try:
            when = parse_date(date)
        except ValueError as exc:
            raise InvalidQuery("date", str(exc)) from None
        if country is None:
            return when, None
        found = country_named(self.current.matcher, country) if country.strip() else None
        if found is None:
            raise InvalidQuery("country", f"no country is named {country[:100]!r}: give a country's id "
                                          "or name (japan, Nhật Bản)")
        return when, Where(found, "given")

    def _answer(self, generation: Generation, query: str, type: str | None, limit: int,
                when: dt.date | None = None, where: Where | None = None) -> Resolution:
        if when is None and where is None:  # the common call: one cache key per (query, type, limit)
            result = generation.resolve(query, type, limit)
        else:
            result = generation.resolve(query, type, limit, when, where)
        if self.recorder is not None:
            self.recorder.record(result)
        return result

    def _resolver(self, generation: Generation) -> Callable[[str], Resolution]:
        """resolve(q) pinned to one generation: a document is read against one index throughout."""
        def resolve(query: str, when: dt.date | None = None, where: Where | None = None) -> Resolution:
            self.validate(query, None, 5)
            return self._answer(generation, query, None, 5, when, where)
        return resolve

    def named_exactly(self, query: str, type: str | None = None) -> SureMatch | None:
        """The entity and score `resolve(query, type)` would match by an exact name, known without
        resolving (Matcher.named_exactly), or None: then call `resolve`. None too where `resolve` would
        raise InvalidQuery (an overlong query, an unknown type), so it never answers for those."""
        return self.named_exactly_many([query], type)[0]

    def named_exactly_many(self, queries: list[str], type: str | None = None) -> list[SureMatch | None]:
        """named_exactly of each query, in one pass (Matcher.named_exactly_many): for bulk jobs."""
        if self.refresher is not None:
            self.refresher.ensure_running()  # as resolve: a forked worker first catches up
        return self._named_exactly_many(self.current, queries, type)

    def _named_exactly_many(self, generation: Generation, queries: list[str],
                            type: str | None) -> list[SureMatch | None]:
        if type is not None and type not in ENTITY_TYPES:
            return [None] * len(queries)
        limit = self.settings.max_query_chars
        if max(map(len, queries), default=0) > limit:  # resolve refuses these: ask for "", no name
            queries = [query if len(query) <= limit else "" for query in queries]
        return generation.matcher.named_exactly_many(queries, type)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id (following merges); read from the store when there is one, so
        that a reader sees a write at once, else from the index. None if unknown or deleted."""
        if self.store is None:
            return self.index.get(entity_id)
        found = self.store.get(self.canonical_id(entity_id) or entity_id)
        if found is None:  # a layer's entity lives in the index only
            entity = self.index.get(entity_id)
            return entity if entity is not None and entity.layer else None
        return found.entity if not found.deleted and not found.merged_into else None

    def merge_preview(self, entity_id: str, into: str) -> MergePreview:
        """Merging entity_id into `into` (followed through earlier merges), computed by the merge's
        own rule and not written. Raises EntityNotFound, InvalidEntity (same, merged or deleted)."""
        if self.curation is None:
            raise CurationError("merging needs the database (this service runs without a store)")
        merged, survivor = self.curation.get(entity_id), self.curation.get(self.canonical_id(into) or into)
        for found, wanted in ((merged, entity_id), (survivor, into)):
            if found is None:
                raise EntityNotFound(wanted)
            if found.merged_into or found.deleted:
                raise InvalidEntity({"into": [f"{found.entity.id!r} is merged or deleted"]})
        assert merged is not None and survivor is not None
        if merged.entity.id == survivor.entity.id:
            raise InvalidEntity({"into": ["an entity cannot be merged into itself"]})
        moved = merged_names(survivor.entity.names, merged.entity.names)[len(survivor.entity.names):]
        taken = {(n.text, n.lang) for n in moved}
        duplicates = tuple(n for n in merged.entity.names if (n.text, n.lang) not in taken)
        return MergePreview(merged, survivor, moved, duplicates)

    def canonical_id(self, entity_id: str) -> str | None:
        """The surviving id for an id (itself unless it was merged away), or None if unknown."""
        if self.store is not None:
            found = self.store.get(entity_id)
            for _ in range(100):  # follow a chain of merges (bounded: never loop on bad data)
                if found is None or not found.merged_into:
                    break
                found = self.store.get(found.merged_into)
            if found is not None:
                return found.entity.id if not found.deleted and not found.merged_into else None
        entity = self.index.get(entity_id)  # a layer's entity, or one merged into a curated one
        return entity.id if entity else None

    def transliterate(self, text: str, source: str = "vi", target: str = "zh-Latn-pinyin",
                      limit: int = 5) -> list[Rendering]:
        """Ranked renderings (text, score, source characters) of a name in another script.

        Pairs: vi->zh-Latn-pinyin, zh->vi, zh-Latn-pinyin->vi, vi->ko. An empty list means the
        text cannot be read that way. Raises InvalidQuery for another pair, a bad limit or an
        overlong text.
        """
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidQuery("limit", f"limit must be between 1 and {MAX_LIMIT}")
        if len(text) > self.settings.max_query_chars:
            raise InvalidQuery("q", f"a query has at most {self.settings.max_query_chars} characters")
        try:
            return transliterate(text, source, target, limit)
        except UnsupportedPair as exc:
            raise InvalidQuery("to", str(exc)) from exc

    def resolve_batch(self, queries: Sequence[tuple[Any, ...]]) -> list[Resolution]:
        """Resolve (query, type, limit[, date, country]) items in input order; InvalidQuery names
        the bad item."""
        if len(queries) > self.settings.max_batch:
            raise InvalidQuery("queries", f"a batch has at most {self.settings.max_batch} queries")
        results = []
        for i, item in enumerate(queries):
            try:
                results.append(self.resolve(*item))
            except InvalidQuery as exc:
                raise InvalidQuery(f"queries.{i}.{exc.field}", str(exc)) from None
        return results

    def search_entities(self, q: str | None = None, type: str | None = None,
                        page: int = 1, per_page: int = 20) -> EntityPage:
        """Entities whose names match q (resolver candidates first, then name substrings), or all
        entities by id when q is empty; filtered by type, one page of them. Raises InvalidQuery."""
        if not 1 <= page <= 1_000_000:
            raise InvalidQuery("page", "page must be between 1 and 1000000")
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise InvalidQuery("per_page", f"per_page must be between 1 and {MAX_PER_PAGE}")
        self.validate(q or "", type, MAX_LIMIT)
        found = self._search(q, type) if q and q.strip() else self._browse(type)
        start = (page - 1) * per_page
        return EntityPage(tuple(found[start:start + per_page]), len(found), page, per_page)

    def open_csv(self, source: Readable, options: CsvOptions) -> CsvJob:
        """A bulk CSV job over a binary input (normalizer.bulk), checked before any output:
        raises CsvUsageError for a bad option, an empty input or an unknown column. Values
        written exactly as a gazetteer name are answered by `named_exactly`, the rest by `resolve`,
        both pinned to the index of this moment: every row is resolved at the job's `revision`."""
        generation = self.current
        if self.refresher is not None:
            self.refresher.ensure_running()
            generation = self.current  # caught up with the database first
        if options.workers > 1:
            generation.warm_for_fork()

        def resolve(query: str, type: str | None, limit: int) -> Resolution:
            self.validate(query, type, limit)
            return self._answer(generation, query, type, limit)

        def named_exactly(queries: list[str], type: str | None) -> list[SureMatch | None]:
            return self._named_exactly_many(generation, queries, type)

        return CsvJob.open(source, options, resolve, named_exactly, generation.revision)

    def extract(self, text: str, types: Iterable[str] | None = None,
                date: str | dt.date | None = None) -> Extraction:
        """Every entity mention in a document (normalizer.extract): {"mentions", "unlinked"}.

        `types` keeps only mentions of those entity types; `date` (YYYY-MM-DD, the article's
        date) settles a person mention between namesakes by who held a role then. Raises
        InvalidQuery for a bad text, type or date, TextTooLarge over settings.max_text_bytes.
        """
        if not isinstance(text, str):
            raise InvalidQuery("text", "text must be a string")
        if len(text) * 4 > self.settings.max_text_bytes and utf8_size(text) > self.settings.max_text_bytes:
            raise TextTooLarge("text", f"a text has at most {self.settings.max_text_bytes} bytes of UTF-8")
        wanted = frozenset(types or ())
        if not wanted <= set(ENTITY_TYPES):
            raise InvalidQuery("types", f"types must be among {', '.join(ENTITY_TYPES)}")
        try:
            day = parse_date(date)
        except ValueError as exc:
            raise InvalidQuery("date", str(exc)) from None
        if self.refresher is not None:
            self.refresher.ensure_running()
        generation = self.current
        with seen_in(text):  # the review queue keeps a snippet around each name nothing matched
            return extract(text, generation.index, self._resolver(generation), wanted or None, day)

    def evaluate(self, seeds_dir: Path, corpus_dir: Path | None = None) -> Report:
        """Precision, recall and F1 of extract on the gold corpus (normalizer.evaluation).

        The seed articles are read from seeds_dir; gold and passages from corpus_dir
        (default: the project's seeds/). Raises GoldError for unusable gold files.
        """
        return evaluate(self.extract, Path(seeds_dir), corpus_dir or PROJECT_ROOT / "seeds")

    def evaluate_devset(self, directory: Path, splits: frozenset[str] = frozenset({"dev"})
                        ) -> dict[str, Tally]:
        """Recall and precision of resolve on the development set (normalizer.devset), by domain.
        Raises DevsetError for an unreadable set."""
        rows, ids = read_rows(directory), read_ids(directory)
        return evaluate_devset(rows, ids, lambda name, day: self.resolve(name, date=day), splits)

    def evaluate_devset_pages(self, directory: Path, pages_dir: Path,
                              splits: frozenset[str] = frozenset({"dev"})) -> PagesReport:
        """Recall and precision of extract on the pages' text (normalizer.devset_pages), by domain.
        Raises DevsetError for an unreadable set or a missing folder of texts."""
        rows, ids = read_rows(directory), read_ids(directory)
        return evaluate_pages(rows, ids, Path(pages_dir), self._page_links, splits)

    def _page_links(self, text: str, date: str | None) -> list[Link]:
        """The (text, id) of every matched mention of a page."""
        mentions = self.extract(text, date=date).mentions
        return [(m.text, m.resolution.match.id) for m in mentions
                if m.resolution.status == "matched" and m.resolution.match is not None]

    def evaluate_unknown(self, paths: list[Path]) -> dict[str, OriginTally]:
        """Suggestions for people the gazetteer does not hold, top-1 by origin
        (normalizer.unknown_eval). Raises UnknownTableError for an unreadable table."""
        names = [item for path in paths for item in read_table(Path(path))]
        return evaluate_unknown(names, self.resolve)

    def readiness(self) -> dict[str, bool]:
        """Checks a load balancer waits for: the index is loaded (the store adds its own check)."""
        checks = {"index": len(self.index) > 0}
        if self.store is not None:
            try:
                self.store.gazetteer_revision()
                checks["database"] = True
            except Exception:  # any driver error means: not ready
                checks["database"] = False
        return checks

    def _browse(self, type: str | None) -> list[Entity]:
        return [e for e, _ in self.current.catalog() if not type or e.type == type]

    def _search(self, q: str, type: str | None) -> list[Entity]:
        generation = self.current
        entities = generation.index.entities
        ranked = [entities[c.id] for c in self._answer(generation, q, type, MAX_LIMIT).candidates
                  if c.id in entities]
        needle = fold(q)
        if not needle:
            return ranked
        seen = {e.id for e in ranked}
        # Names that start with the query come before names that merely contain it.
        found = [(e, hay) for e, hay in generation.catalog()
                 if needle in hay and e.id not in seen and (not type or e.type == type)]
        found.sort(key=lambda row: (f"\n{needle}" not in f"\n{row[1]}", row[0].name, row[0].id))
        return ranked + [e for e, _ in found]


def load_index(gazetteer_dir: Path) -> GazetteerIndex:
    """Load the YAML gazetteer into an index; refuses to start on invalid data."""
    loaded: Loaded = load_dir(gazetteer_dir)
    if loaded.problems:
        first = "; ".join(str(p) for p in loaded.problems[:3])
        raise ValueError(f"the gazetteer in {gazetteer_dir} has {len(loaded.problems)} problem(s): {first}")
    return GazetteerIndex(loaded.entities)
